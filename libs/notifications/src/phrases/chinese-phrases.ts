import type { DecisionFacts } from '../notification-events.js';
import { formatCount, formatDay, formatInstant, type ReaderTimeZone } from './intl-dates.js';
import type { LocalPhrases } from './phrase-book.js';

const BODIES: Record<string, string> = { general_assembly: '全体会议', working_committee: '事务委员会会议', written_procedure: '书面表决' };
const QUORUMS: Record<string, string> = {
  more_than_half_present: '过半数',
  two_thirds_present: '三分之二以上',
  more_than_half_answered: '过半数',
};
const MAJORITIES: Record<string, string> = {
  more_than_half_cast: '所投票数的过半数',
  two_thirds_cast: '所投票数的三分之二以上',
  more_than_half_of_voters: '拥有表决权的全体会员的过半数',
  unanimity_cast: '所投票数全部赞成',
};

const CHINA: ReaderTimeZone = { id: 'Asia/Shanghai', name: '北京时间' };
const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric' };
const n = (count: number) => formatCount('zh', count);
const day = (isoDate: string) => formatDay('zh', isoDate, DATE);

/**
 * Chinese: 「第16次全体会议」「2026年9月15日至2026年9月17日，浦项」「符合法定人数：…」. Meetings count with 次, as NEAR's
 * Chinese newsletter and the provinces' reports write them; 届 counts terms (第15届主席地方政府).
 */
export const CHINESE_PHRASES: LocalPhrases = {
  sessionName: (session) => (Object.hasOwn(BODIES, session.body) ? `第${session.number}次${BODIES[session.body]}` : undefined),

  languageZone: CHINA,

  sessionWhen(session, readerZone) {
    if (session.deadline) {
      const { date, time, zone } = formatInstant('zh', session.deadline, readerZone, DATE);
      return `截至${date} ${time}（${zone}）`;
    }
    if (!session.startsOn) return undefined;
    const end = session.endsOn ?? session.startsOn;
    const dates = session.startsOn === end ? day(session.startsOn) : `${day(session.startsOn)}至${day(end)}`;
    return [dates, session.venue].filter(Boolean).join('，');
  },

  sessionCancelled(session) {
    const name = CHINESE_PHRASES.sessionName(session);
    return name && `${name}已取消。`;
  },

  explanation(decision) {
    const quorum = quorumSentence(decision);
    if (quorum === undefined) return undefined;
    if (!decision.quorum.met) return `${quorum}因未达到法定人数，未能形成有效决定，该申请未获批准。`;
    const majority = majoritySentence(decision);
    return majority === undefined ? undefined : `${quorum}${majority}`;
  },

  bothNames: ({ nameEn, nameLocal }) => `${nameEn}（${nameLocal}）`,
  corrections: {
    corrected: '申请方随答复对申请作了如下更正：',
    documents: '随答复发送的材料：',
    category: '申请类别',
    headOfGovernment: '地方政府首长',
    statementOfPurpose: '认同宗旨声明',
    contact: '联系人',
    member: '会员',
    associate: '准会员',
    colon: '：',
    comma: '，',
  },
};

function quorumSentence({ quorum, voters }: DecisionFacts): string | undefined {
  if (quorum.rule === 'none') return '无法定人数要求。';
  if (!Object.hasOwn(QUORUMS, quorum.rule)) return undefined;
  const verb = quorum.rule === 'more_than_half_answered' ? '答复' : '出席';
  const head = quorum.met ? '符合法定人数' : '未达到法定人数';
  return `${head}：拥有表决权的${n(voters)}个会员中有${n(quorum.actual)}个${verb}（${QUORUMS[quorum.rule]}，需${n(quorum.required)}个）。`;
}

function majoritySentence({ majority, abstain }: DecisionFacts): string | undefined {
  if (!Object.hasOwn(MAJORITIES, majority.rule)) return undefined;
  const head = majority.met ? '批准' : '否决';
  const abstained = abstain > 0 ? `，弃权${n(abstain)}票` : '';
  if (majority.rule === 'more_than_half_of_voters') {
    return `${head}：拥有表决权的${n(majority.base)}个会员中有${n(majority.yes)}个赞成（${MAJORITIES[majority.rule]}，需${n(majority.required)}个）${abstained}。`;
  }
  const rule = `（${MAJORITIES[majority.rule]}，需${n(majority.required)}票）`;
  if (majority.base === 0) return `${head}：无人投票${rule}${abstained}。`;
  return `${head}：所投${n(majority.base)}票中赞成${n(majority.yes)}票${rule}${abstained}。`;
}
