import type { DecisionFacts, GovernmentFacts, SessionFacts } from '../notification-events.js';
import type { CorrectionWords } from './corrections.js';
import type { ReaderTimeZone } from './intl-dates.js';

/**
 * What a language words itself from the facts an e-mail carries, where a template's `{{field}}` is a
 * sentence rather than a word: a session's name and dates, how a ballot was decided, a government's name.
 * Each returns undefined for a fact it has no words for (a rule added later), and the English text is used
 * instead. English has none: the data carries its English text, written where the change happened.
 */
export interface LocalPhrases {
  sessionName(session: SessionFacts): string | undefined;
  /** The zone this language's readers get times in when their own is not known. */
  languageZone: ReaderTimeZone;
  /** When a session meets, or until when a written procedure takes votes (in `zone`). */
  sessionWhen(session: SessionFacts, zone: ReaderTimeZone): string | undefined;
  explanation(decision: DecisionFacts): string | undefined;
  /** Why an application was deferred when its session was cancelled and no other reason was given. */
  sessionCancelled(session: SessionFacts): string | undefined;
  /** The English name with the local one in this language's punctuation, e.g. `Qinghai Province(青海省)`. */
  bothNames(government: GovernmentFacts): string;
  /** How an answer's corrections and documents are listed to the Secretariat. */
  corrections: CorrectionWords;
}
