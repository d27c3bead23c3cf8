import type { Locale } from '@near/common';
import type { DecisionFacts, SessionFacts } from '../notification-events.js';
import { KOREAN_PHRASES } from './korean-phrases.js';
import type { LocalPhrases } from './phrase-book.js';

const PHRASES: Partial<Record<Locale, LocalPhrases>> = { ko: KOREAN_PHRASES };

/** The data with its sentences in the message's language where that language words them. */
export function inLocalPhrases(locale: Locale, data: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const phrases = PHRASES[locale];
  if (!phrases) return data;
  const session = data.session as SessionFacts | undefined;
  const decision = data.decision as DecisionFacts | undefined;
  const worded = {
    sessionName: session && 'sessionName' in data ? phrases.sessionName(session) : undefined,
    sessionWhen: session && 'sessionWhen' in data ? phrases.sessionWhen(session) : undefined,
    explanation: decision && 'explanation' in data ? phrases.explanation(decision) : undefined,
  };
  return { ...data, ...Object.fromEntries(Object.entries(worded).filter(([, text]) => text !== undefined)) };
}
