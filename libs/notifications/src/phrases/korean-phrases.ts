import type { DecisionFacts } from '../notification-events.js';
import type { LocalPhrases } from './phrase-book.js';

const BODIES: Record<string, string> = { general_assembly: '총회', working_committee: '실무위원회', written_procedure: '서면 의결' };

const QUORUMS: Record<string, string> = {
  more_than_half_present: '과반수',
  two_thirds_present: '3분의 2 이상',
  more_than_half_answered: '과반수',
};

const MAJORITIES: Record<string, string> = {
  more_than_half_cast: '투표수의 과반수',
  two_thirds_cast: '투표수의 3분의 2 이상',
  more_than_half_of_voters: '의결권 보유 회원 전체의 과반수',
  unanimity_cast: '투표 전원 찬성',
};

/** Korean: "제16차 총회", "2026-09-15 ~ 2026-09-17, 포항", "의사정족수 충족: …". */
export const KOREAN_PHRASES: LocalPhrases = {
  sessionName: (session) => (Object.hasOwn(BODIES, session.body) ? `제${session.number}차 ${BODIES[session.body]}` : undefined),

  sessionWhen(session) {
    if (session.deadline) return `${session.deadline.replace('T', ' ').slice(0, 16)}(UTC)까지`;
    const dates = session.startsOn === session.endsOn ? session.startsOn : `${session.startsOn} ~ ${session.endsOn}`;
    return [dates, session.venue].filter(Boolean).join(', ');
  },

  explanation(decision) {
    const quorum = quorumSentence(decision);
    if (quorum === undefined) return undefined;
    if (!decision.quorum.met) {
      return `${quorum} 의결할 수 없어 부결되었습니다. 사무국은 투표를 종료하는 대신 신청을 이후 회의로 연기할 수 있습니다.`;
    }
    const majority = majoritySentence(decision);
    return majority === undefined ? undefined : `${quorum} ${majority}`;
  },
};

function quorumSentence({ quorum, voters }: DecisionFacts): string | undefined {
  if (quorum.rule === 'none') return '의사정족수 요건 없음.';
  if (!Object.hasOwn(QUORUMS, quorum.rule)) return undefined;
  const verb = quorum.rule === 'more_than_half_answered' ? '회신' : '출석';
  const head = quorum.met ? '의사정족수 충족' : '의사정족수 미달';
  return `${head}: 의결권 보유 회원 ${voters}곳 중 ${quorum.actual}곳 ${verb}(${QUORUMS[quorum.rule]}, ${quorum.required}곳 필요).`;
}

function majoritySentence({ majority, abstain }: DecisionFacts): string | undefined {
  if (!Object.hasOwn(MAJORITIES, majority.rule)) return undefined;
  const head = majority.met ? '승인' : '부결';
  const abstained = abstain > 0 ? `, 기권 ${abstain}표` : '';
  if (majority.rule === 'more_than_half_of_voters') {
    return `${head}: 의결권 보유 회원 ${majority.base}곳 중 ${majority.yes}곳 찬성(${MAJORITIES[majority.rule]}, ${majority.required}곳 필요)${abstained}.`;
  }
  const rule = `(${MAJORITIES[majority.rule]}, ${majority.required}표 필요)`;
  if (majority.base === 0) return `${head}: 투표한 회원이 없습니다${rule}${abstained}.`;
  return `${head}: 투표 ${majority.base}표 중 찬성 ${majority.yes}표${rule}${abstained}.`;
}
