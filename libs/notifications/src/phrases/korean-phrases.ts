import type { DecisionFacts } from '../notification-events.js';
import { formatCount, formatDay, formatInstant, type ReaderTimeZone } from './intl-dates.js';
import type { LocalPhrases } from './phrase-book.js';

const BODIES: Record<string, string> = { general_assembly: '총회', working_committee: '실무위원회', written_procedure: '서면결의' };

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

// NEAR's Secretariat and its Korean readers are in Korea (and the DPRK keeps the same offset).
const KOREA: ReaderTimeZone = { id: 'Asia/Seoul', name: '한국 시간' };
const n = (count: number) => formatCount('ko', count);

/** Korean official style: 2026. 9. 15.(화), no space before the weekday. */
function day(isoDate: string): string {
  return officialStyle(formatDay('ko', isoDate, { year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'short' }));
}
const officialStyle = (date: string) => date.replace(/\.\s+\(/, '.(');

/** Korean: "제16차 총회", "2026. 9. 15.(화) ~ 2026. 9. 17.(목), 포항", "의사정족수 충족: …". */
export const KOREAN_PHRASES: LocalPhrases = {
  sessionName: (session) => (Object.hasOwn(BODIES, session.body) ? `제${session.number}차 ${BODIES[session.body]}` : undefined),

  languageZone: KOREA,

  sessionWhen(session, readerZone) {
    if (session.deadline) {
      const { date, time, zone } = formatInstant('ko', session.deadline, readerZone, {
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        weekday: 'short',
      });
      return `${officialStyle(date)} ${time}(${zone})까지`;
    }
    if (!session.startsOn) return undefined;
    const end = session.endsOn ?? session.startsOn;
    const dates = session.startsOn === end ? day(session.startsOn) : `${day(session.startsOn)} ~ ${day(end)}`;
    return [dates, session.venue].filter(Boolean).join(', ');
  },

  // Every body's name ends in a vowel (총회, 실무위원회, 서면결의): 가.
  sessionCancelled(session) {
    const name = KOREAN_PHRASES.sessionName(session);
    return name && `${name}가 취소되었습니다.`;
  },

  explanation(decision) {
    const quorum = quorumSentence(decision);
    if (quorum === undefined) return undefined;
    if (!decision.quorum.met) return `${quorum} 의사정족수에 미달하여 의결이 성립하지 않았으므로 신청은 승인되지 않았습니다.`;
    const majority = majoritySentence(decision);
    return majority === undefined ? undefined : `${quorum} ${majority}`;
  },

  bothNames: ({ nameEn, nameLocal }) => `${nameEn}(${nameLocal})`,
  corrections: {
    corrected: '신청 단체가 답변과 함께 신청서를 다음과 같이 정정하였습니다.',
    documents: '답변과 함께 제출된 서류는 다음과 같습니다.',
    category: '회원 구분',
    headOfGovernment: '단체장',
    statementOfPurpose: '설립취지 동의서',
    contact: '담당자',
    member: '정회원',
    associate: '준회원',
    colon: ': ',
    comma: ', ',
  },
};

function quorumSentence({ quorum, voters }: DecisionFacts): string | undefined {
  if (quorum.rule === 'none') return '의사정족수 요건 없음.';
  if (!Object.hasOwn(QUORUMS, quorum.rule)) return undefined;
  const verb = quorum.rule === 'more_than_half_answered' ? '회신' : '출석';
  const head = quorum.met ? '의사정족수 충족' : '의사정족수 미달';
  return `${head}: 의결권 보유 회원 ${n(voters)}개 단체 중 ${n(quorum.actual)}개 단체 ${verb}(${QUORUMS[quorum.rule]}, ${n(quorum.required)}개 단체 필요).`;
}

function majoritySentence({ majority, abstain }: DecisionFacts): string | undefined {
  if (!Object.hasOwn(MAJORITIES, majority.rule)) return undefined;
  const head = majority.met ? '승인' : '부결';
  const abstained = abstain > 0 ? `, 기권 ${n(abstain)}표` : '';
  if (majority.rule === 'more_than_half_of_voters') {
    return `${head}: 의결권 보유 회원 ${n(majority.base)}개 단체 중 ${n(majority.yes)}개 단체 찬성(${MAJORITIES[majority.rule]}, ${n(majority.required)}개 단체 필요)${abstained}.`;
  }
  const rule = `(${MAJORITIES[majority.rule]}, ${n(majority.required)}표 필요)`;
  if (majority.base === 0) return `${head}: 투표한 회원이 없습니다${rule}${abstained}.`;
  return `${head}: 투표 ${n(majority.base)}표 중 찬성 ${n(majority.yes)}표${rule}${abstained}.`;
}
