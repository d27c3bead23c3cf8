import type { DecisionFacts } from '../notification-events.js';
import { formatCount, formatInstant, UTC_ZONE } from './intl-dates.js';
import type { LocalPhrases } from './phrase-book.js';

const QUORUMS: Record<string, string> = {
  more_than_half_present: 'более половины',
  two_thirds_present: 'не менее двух третей',
  more_than_half_answered: 'более половины',
};
const MAJORITIES: Record<string, string> = {
  more_than_half_cast: 'более половины поданных голосов',
  two_thirds_cast: 'не менее двух третей поданных голосов',
  more_than_half_of_voters: 'более половины всех членов с правом голоса',
  unanimity_cast: 'единогласие поданных голосов',
};

const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' };
const n = (count: number) => formatCount('ru', count);
const plural = new Intl.PluralRules('ru');
/** After «из N» the noun is genitive: singular for 1, 21, 31…, plural otherwise. */
const ofMembers = (count: number) => `из ${n(count)} ${plural.select(count) === 'one' ? 'члена' : 'членов'} с правом голоса`;
const ofCast = (count: number) => `из ${n(count)} ${plural.select(count) === 'one' ? 'поданного' : 'поданных'}`;
const utcDate = (isoDate: string) => new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);

/** Russian: «16-я Генеральная Ассамблея», «15–17 сентября 2026 г., Пхохан», «Кворум имеется: …». */
export const RUSSIAN_PHRASES: LocalPhrases = {
  sessionName(session) {
    switch (session.body) {
      case 'general_assembly':
        return `${session.number}-я Генеральная Ассамблея`;
      case 'working_committee':
        return `${session.number}-е заседание Рабочей комиссии`;
      case 'written_procedure':
        return `Письменное голосование № ${session.number}`;
      default:
        return undefined;
    }
  },

  // Russia spans eleven time zones: a reader whose government's zone is not known gets UTC, said as such.
  languageZone: UTC_ZONE,

  sessionWhen(session, readerZone) {
    if (session.deadline) {
      const { date, time, zone } = formatInstant('ru', session.deadline, readerZone, DATE);
      return `до ${date}, ${time} (${zone})`;
    }
    if (!session.startsOn) return undefined;
    const format = new Intl.DateTimeFormat('ru', DATE);
    const end = session.endsOn ?? session.startsOn;
    const dates =
      session.startsOn === end ? format.format(utcDate(session.startsOn)) : format.formatRange(utcDate(session.startsOn), utcDate(end));
    return [dates, session.venue].filter(Boolean).join(', ');
  },

  // The name's head noun decides the participle: «Ассамблея» feminine, «заседание» and «голосование» neuter.
  sessionCancelled(session) {
    const name = RUSSIAN_PHRASES.sessionName(session);
    return name && `${name} ${session.body === 'general_assembly' ? 'отменена' : 'отменено'}.`;
  },

  explanation(decision) {
    const quorum = quorumSentence(decision);
    if (quorum === undefined) return undefined;
    if (!decision.quorum.met) return `${quorum} В отсутствие кворума решение не могло быть принято, поэтому заявка не одобрена.`;
    const majority = majoritySentence(decision);
    return majority === undefined ? undefined : `${quorum} ${majority}`;
  },

  bothNames: ({ nameEn, nameLocal }) => `${nameEn} (${nameLocal})`,
  corrections: {
    corrected: 'Вместе с ответом заявитель внёс в заявку следующие исправления:',
    documents: 'Документы, отправленные с ответом:',
    category: 'Категория членства',
    headOfGovernment: 'Глава региона',
    statementOfPurpose: 'Заявление о поддержке целей',
    contact: 'Контактное лицо',
    member: 'член',
    associate: 'ассоциированный член',
    colon: ': ',
    comma: ', ',
  },
};

function quorumSentence({ quorum, voters }: DecisionFacts): string | undefined {
  if (quorum.rule === 'none') return 'Кворум не требуется.';
  if (!Object.hasOwn(QUORUMS, quorum.rule)) return undefined;
  const who = quorum.rule === 'more_than_half_answered' ? 'число ответивших' : 'число присутствующих';
  const head = quorum.met ? 'Кворум имеется' : 'Кворума нет';
  return `${head}: ${who} — ${n(quorum.actual)} ${ofMembers(voters)} (требуется ${QUORUMS[quorum.rule]}, не менее ${n(quorum.required)}).`;
}

function majoritySentence({ majority, abstain }: DecisionFacts): string | undefined {
  if (!Object.hasOwn(MAJORITIES, majority.rule)) return undefined;
  const head = majority.met ? 'Одобрено' : 'Отклонено';
  const rule = `(требуется ${MAJORITIES[majority.rule]}, не менее ${n(majority.required)})`;
  const abstained = abstain > 0 ? `; воздержались: ${n(abstain)}` : '';
  if (majority.rule === 'more_than_half_of_voters') {
    return `${head}: голосов «за» — ${n(majority.yes)} ${ofMembers(majority.base)} ${rule}${abstained}.`;
  }
  if (majority.base === 0) return `${head}: ни одного голоса не подано ${rule}${abstained}.`;
  return `${head}: голосов «за» — ${n(majority.yes)} ${ofCast(majority.base)} ${rule}${abstained}.`;
}
