import type { DecisionFacts } from '../notification-events.js';
import { formatCount, formatInstant, UTC_ZONE } from './intl-dates.js';
import type { LocalPhrases } from './phrase-book.js';

const QUORUMS: Record<string, string> = {
  more_than_half_present: 'талаас илүү',
  two_thirds_present: 'гуравны хоёроос доошгүй',
  more_than_half_answered: 'талаас илүү',
};
const MAJORITIES: Record<string, string> = {
  more_than_half_cast: 'өгсөн саналын талаас илүү',
  two_thirds_cast: 'өгсөн саналын гуравны хоёроос доошгүй',
  more_than_half_of_voters: 'санал өгөх эрхтэй нийт гишүүний талаас илүү',
  unanimity_cast: 'өгсөн бүх санал дэмжсэн',
};

const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' };
const n = (count: number) => formatCount('mn', count);
const utcDate = (isoDate: string) => new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);

/**
 * Mongolian: «16-р Бүгд хурал» (NEAR News: «NEAR Холбооны 10-р Бүгд хурал»), «2026 оны есдүгээр сарын 15–17, Похан»,
 * «Ирц хангалттай: …». Ordinals take «-р», right after any number (дахь/дэх follow the number's sound).
 */
export const MONGOLIAN_PHRASES: LocalPhrases = {
  sessionName(session) {
    switch (session.body) {
      case 'general_assembly':
        return `${session.number}-р Бүгд хурал`;
      case 'working_committee':
        return `Ажлын хорооны ${session.number}-р хуралдаан`;
      case 'written_procedure':
        return `Бичгээр явуулах ${session.number}-р санал хураалт`;
      default:
        return undefined;
    }
  },

  // Mongolia keeps two time zones: a reader whose government's zone is not known gets UTC, said as such.
  languageZone: UTC_ZONE,

  sessionWhen(session, readerZone) {
    if (session.deadline) {
      const { date, time, zone } = formatInstant('mn', session.deadline, readerZone, DATE);
      return `${date}, ${time} (${zone}) хүртэл`;
    }
    if (!session.startsOn) return undefined;
    const format = new Intl.DateTimeFormat('mn', DATE);
    const end = session.endsOn ?? session.startsOn;
    const first = format.format(utcDate(session.startsOn));
    // Same month: «2026 оны есдүгээр сарын 15–17»; Intl's own range in Mongolian falls back to Roman months.
    const dates =
      session.startsOn === end
        ? first
        : session.startsOn.slice(0, 7) === end.slice(0, 7)
          ? `${first}–${Number(end.slice(8, 10))}`
          : `${first} – ${format.format(utcDate(end))}`;
    return [dates, session.venue].filter(Boolean).join(', ');
  },

  sessionCancelled(session) {
    const name = MONGOLIAN_PHRASES.sessionName(session);
    return name && `${name} цуцлагдсан.`;
  },

  explanation(decision) {
    const quorum = quorumSentence(decision);
    if (quorum === undefined) return undefined;
    if (!decision.quorum.met) return `${quorum} Ирц хүрээгүй тул шийдвэр гаргах боломжгүй байсан бөгөөд өргөдлийг баталсангүй.`;
    const majority = majoritySentence(decision);
    return majority === undefined ? undefined : `${quorum} ${majority}`;
  },

  bothNames: ({ nameEn, nameLocal }) => `${nameEn} (${nameLocal})`,
  corrections: {
    corrected: 'Өргөдөл гаргагч хариугаа ирүүлэхдээ өргөдөлд дараах засвар оруулсан:',
    documents: 'Хариутай хамт илгээсэн баримт бичиг:',
    category: 'Ангилал',
    headOfGovernment: 'Орон нутгийн удирдагч',
    statementOfPurpose: 'Зорилгыг дэмжих мэдэгдэл',
    contact: 'Холбоо барих ажилтан',
    member: 'Гишүүн',
    associate: 'Хамтрагч гишүүн',
    colon: ': ',
    comma: ', ',
  },
};

function quorumSentence({ quorum, voters }: DecisionFacts): string | undefined {
  if (quorum.rule === 'none') return 'Ирцийн шаардлага тавиагүй.';
  if (!Object.hasOwn(QUORUMS, quorum.rule)) return undefined;
  const verb = quorum.rule === 'more_than_half_answered' ? 'хариу ирүүлсэн' : 'ирсэн';
  const head = quorum.met ? 'Ирц хангалттай' : 'Ирц хүрээгүй';
  return `${head}: санал өгөх эрхтэй ${n(voters)} гишүүнээс ${n(quorum.actual)} нь ${verb} (${QUORUMS[quorum.rule]}, ${n(quorum.required)} шаардлагатай).`;
}

function majoritySentence({ majority, abstain }: DecisionFacts): string | undefined {
  if (!Object.hasOwn(MAJORITIES, majority.rule)) return undefined;
  const head = majority.met ? 'Баталсан' : 'Татгалзсан';
  const rule = `(${MAJORITIES[majority.rule]}, ${n(majority.required)} шаардлагатай)`;
  const abstained = abstain > 0 ? `; ${n(abstain)} түдгэлзсэн` : '';
  if (majority.rule === 'more_than_half_of_voters') {
    return `${head}: санал өгөх эрхтэй ${n(majority.base)} гишүүнээс ${n(majority.yes)} нь дэмжсэн ${rule}${abstained}.`;
  }
  if (majority.base === 0) return `${head}: нэг ч санал өгөөгүй ${rule}${abstained}.`;
  return `${head}: өгсөн ${n(majority.base)} саналаас ${n(majority.yes)} нь дэмжсэн ${rule}${abstained}.`;
}
