import type { SessionFacts } from '../notification-events.js';
import { formatDay, formatInstant, type ReaderTimeZone } from './intl-dates.js';

const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };

/**
 * English as the e-mails write when a session meets, or until when a written procedure takes votes:
 * `15 September 2026 – 17 September 2026, Pohang`, `until 15 September 2026, 18:00 UTC`. The other languages word
 * it in their own phrases; English is written into the data when the change happens (in UTC) and worded again
 * for a reader whose time zone is known.
 */
export function sessionWhenInEnglish(session: SessionFacts, readerZone: ReaderTimeZone): string {
  if (session.deadline) {
    const { date, time, zone } = formatInstant('en-GB', session.deadline, readerZone, DATE);
    return `until ${date}, ${time} ${zone}`;
  }
  const day = (isoDate: string) => formatDay('en-GB', isoDate, DATE);
  const dates = !session.startsOn
    ? null
    : session.startsOn === session.endsOn || !session.endsOn
      ? day(session.startsOn)
      : `${day(session.startsOn)} – ${day(session.endsOn)}`;
  return [dates, session.venue].filter(Boolean).join(', ');
}
