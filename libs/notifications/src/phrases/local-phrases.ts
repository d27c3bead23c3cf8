import { type Locale, localeOfCountry } from '@near/common';
import type { CorrectionFacts, DecisionFacts, GovernmentFacts, SessionFacts } from '../notification-events.js';
import { correctionsText } from './corrections.js';
import { CHINESE_PHRASES } from './chinese-phrases.js';
import { JAPANESE_PHRASES } from './japanese-phrases.js';
import { KOREAN_PHRASES } from './korean-phrases.js';
import { MONGOLIAN_PHRASES } from './mongolian-phrases.js';
import { sessionWhenInEnglish } from './english-phrases.js';
import { formatDay, readerZone, UTC_ZONE } from './intl-dates.js';
import type { LocalPhrases } from './phrase-book.js';
import { RUSSIAN_PHRASES } from './russian-phrases.js';

export const LOCAL_PHRASES: Readonly<Partial<Record<Locale, LocalPhrases>>> = {
  ko: KOREAN_PHRASES,
  ja: JAPANESE_PHRASES,
  zh: CHINESE_PHRASES,
  ru: RUSSIAN_PHRASES,
  mn: MONGOLIAN_PHRASES,
};

/**
 * A government as a reader of this language names it: its own name alone when the reader shares its
 * language (青海省 for a Chinese reader), else the English name with the local one beside it.
 */
function governmentName(locale: Locale, phrases: LocalPhrases, government: GovernmentFacts): string {
  const local = government.nameLocal?.trim();
  if (!local || local === government.nameEn) return government.nameEn;
  return localeOfCountry(government.country) === locale ? local : phrases.bothNames(government);
}

/**
 * The data with its sentences in the message's language where that language words them, times in the reader's
 * time zone (`timeZone`, their government's) where it is known.
 */
export function inLocalPhrases(
  locale: Locale,
  data: Readonly<Record<string, unknown>>,
  timeZone?: string | null,
): Readonly<Record<string, unknown>> {
  const session = data.session as SessionFacts | undefined;
  const phrases = LOCAL_PHRASES[locale];
  if (!phrases) {
    // English: written into the data in UTC when the change happened; worded again for a reader of a known zone.
    const zone = readerZone(UTC_ZONE, timeZone);
    return session?.deadline && 'sessionWhen' in data && zone !== UTC_ZONE
      ? { ...data, sessionWhen: sessionWhenInEnglish(session, zone) }
      : data;
  }
  const decision = data.decision as DecisionFacts | undefined;
  const cancelledSession = data.cancelledSession as SessionFacts | undefined;
  const government = data.government as GovernmentFacts | undefined;
  const corrected = data.corrected as CorrectionFacts | undefined;
  const worded = {
    sessionName: session && 'sessionName' in data ? phrases.sessionName(session) : undefined,
    sessionWhen: session && 'sessionWhen' in data ? phrases.sessionWhen(session, readerZone(phrases.languageZone, timeZone)) : undefined,
    explanation: decision && 'explanation' in data ? phrases.explanation(decision) : undefined,
    reason: cancelledSession && 'reason' in data ? phrases.sessionCancelled(cancelledSession) : undefined,
    governmentName: government && 'governmentName' in data ? governmentName(locale, phrases, government) : undefined,
    corrections: corrected && 'corrections' in data ? correctionsText(phrases.corrections, corrected) : undefined,
    requestedOn:
      typeof data.requestedAt === 'string' && data.requestedAt && 'requestedOn' in data
        ? formatDay(locale, data.requestedAt, { dateStyle: 'long' })
        : undefined,
  };
  return { ...data, ...Object.fromEntries(Object.entries(worded).filter(([, text]) => text !== undefined)) };
}
