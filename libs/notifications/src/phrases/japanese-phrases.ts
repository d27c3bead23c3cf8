import type { DecisionFacts } from '../notification-events.js';
import { formatCount, formatDay, formatInstant, type ReaderTimeZone } from './intl-dates.js';
import type { LocalPhrases } from './phrase-book.js';

const BODIES: Record<string, string> = { general_assembly: '総会', working_committee: '実務委員会', written_procedure: '書面決議' };
const QUORUMS: Record<string, string> = {
  more_than_half_present: '過半数',
  two_thirds_present: '3分の2以上',
  more_than_half_answered: '過半数',
};
const MAJORITIES: Record<string, string> = {
  more_than_half_cast: '投票数の過半数',
  two_thirds_cast: '投票数の3分の2以上',
  more_than_half_of_voters: '議決権を有する会員全体の過半数',
  unanimity_cast: '投票の全会一致',
};

const JAPAN: ReaderTimeZone = { id: 'Asia/Tokyo', name: '日本時間' };
const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' };
const n = (count: number) => formatCount('ja', count);
// 2026年9月15日(火) → 2026年9月15日（火）: full-width brackets in running Japanese text.
const fullWidth = (date: string) => date.replace('(', '（').replace(')', '）');
const day = (isoDate: string) => fullWidth(formatDay('ja', isoDate, DATE));

/** Japanese: 「第16回総会」「2026年9月15日（火）～2026年9月17日（木）、浦項」「定足数充足：…」. */
export const JAPANESE_PHRASES: LocalPhrases = {
  sessionName: (session) => (Object.hasOwn(BODIES, session.body) ? `第${session.number}回${BODIES[session.body]}` : undefined),

  languageZone: JAPAN,

  sessionWhen(session, readerZone) {
    if (session.deadline) {
      const { date, time, zone } = formatInstant('ja', session.deadline, readerZone, DATE);
      return `${fullWidth(date)} ${time}（${zone}）まで`;
    }
    if (!session.startsOn) return undefined;
    const end = session.endsOn ?? session.startsOn;
    const dates = session.startsOn === end ? day(session.startsOn) : `${day(session.startsOn)}～${day(end)}`;
    return [dates, session.venue].filter(Boolean).join('、');
  },

  sessionCancelled(session) {
    const name = JAPANESE_PHRASES.sessionName(session);
    return name && `${name}は中止となりました。`;
  },

  explanation(decision) {
    const quorum = quorumSentence(decision);
    if (quorum === undefined) return undefined;
    if (!decision.quorum.met) return `${quorum}定足数に達しなかったため議決は成立せず、本申請は承認されませんでした。`;
    const majority = majoritySentence(decision);
    return majority === undefined ? undefined : `${quorum}${majority}`;
  },

  bothNames: ({ nameEn, nameLocal }) => `${nameEn}（${nameLocal}）`,
  corrections: {
    corrected: '回答とともに、申請内容が次のとおり修正されました。',
    documents: '回答とともに送られた書類：',
    category: '申請区分',
    headOfGovernment: '首長',
    statementOfPurpose: '設立趣旨への同意書',
    contact: '担当者',
    member: '会員',
    associate: '準会員',
    colon: '：',
    comma: '、',
  },
};

function quorumSentence({ quorum, voters }: DecisionFacts): string | undefined {
  if (quorum.rule === 'none') return '定足数の定めなし。';
  if (!Object.hasOwn(QUORUMS, quorum.rule)) return undefined;
  const verb = quorum.rule === 'more_than_half_answered' ? '回答' : '出席';
  const head = quorum.met ? '定足数充足' : '定足数不足';
  return `${head}：議決権を有する会員${n(voters)}団体のうち${n(quorum.actual)}団体が${verb}（${QUORUMS[quorum.rule]}、${n(quorum.required)}団体が必要）。`;
}

function majoritySentence({ majority, abstain }: DecisionFacts): string | undefined {
  if (!Object.hasOwn(MAJORITIES, majority.rule)) return undefined;
  const head = majority.met ? '承認' : '否決';
  const abstained = abstain > 0 ? `、棄権${n(abstain)}票` : '';
  if (majority.rule === 'more_than_half_of_voters') {
    return `${head}：議決権を有する会員${n(majority.base)}団体のうち${n(majority.yes)}団体が賛成（${MAJORITIES[majority.rule]}、${n(majority.required)}団体が必要）${abstained}。`;
  }
  const rule = `（${MAJORITIES[majority.rule]}、${n(majority.required)}票が必要）`;
  if (majority.base === 0) return `${head}：投票はありませんでした${rule}${abstained}。`;
  return `${head}：投票数${n(majority.base)}票のうち賛成${n(majority.yes)}票${rule}${abstained}。`;
}
