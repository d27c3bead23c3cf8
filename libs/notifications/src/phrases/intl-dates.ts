// Dates and times for the sentences made from facts, worded by Intl in the message's language. A session's
// days are calendar dates (no time zone); a written procedure's deadline is an instant, shown in the reader's
// time zone: their government's where the registry knows it, else the one the language's readers live in (one
// zone for Korea, Japan and China), else UTC, said as such.

/**
 * A time zone and how the language names it, e.g. `{ id: 'Asia/Seoul', name: '한국 시간' }`; without a name,
 * as Intl names it in the language (`Владивосток, стандартное время`).
 */
export interface ReaderTimeZone {
  id: string;
  name?: string;
}

export const UTC_ZONE: ReaderTimeZone = { id: 'UTC', name: 'UTC' };

/** The zone a reader gets times in: `known` (their government's) where given and valid, else the language's own. */
export function readerZone(languageZone: ReaderTimeZone, known: string | null | undefined): ReaderTimeZone {
  if (!known || known === languageZone.id) return languageZone;
  try {
    new Intl.DateTimeFormat('en', { timeZone: known });
    return { id: known };
  } catch {
    return languageZone;
  }
}

/** A calendar date (`2026-09-15`) with the given Intl options. */
export function formatDay(locale: string, isoDate: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** An instant's date, its 24-hour time and the zone's name, in a zone: `{ date, time, zone }`. */
export function formatInstant(
  locale: string,
  iso: string,
  zone: ReaderTimeZone,
  dateOptions: Intl.DateTimeFormatOptions,
): { date: string; time: string; zone: string } {
  const instant = new Date(iso);
  return {
    date: new Intl.DateTimeFormat(locale, { ...dateOptions, timeZone: zone.id }).format(instant),
    time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone.id }).format(instant),
    zone: zone.name ?? zoneName(locale, zone.id, instant),
  };
}

/** The zone's long name in the language at that instant (summer or winter time where clocks change). */
function zoneName(locale: string, timeZone: string, instant: Date): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'long' }).formatToParts(instant);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

/** A count in the language's digits and grouping. */
export function formatCount(locale: string, n: number): string {
  return new Intl.NumberFormat(locale).format(n);
}
