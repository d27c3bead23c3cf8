// Dates and times for the sentences made from facts, worded by Intl in the message's language. A session's
// days are calendar dates (no time zone); a written procedure's deadline is an instant, shown in the time zone
// the language's readers are known to live in (one zone for Korea, Japan and China), else in UTC, said as such.

/** A time zone and how the language names it, e.g. `{ id: 'Asia/Seoul', name: '한국 시간' }`. */
export interface ReaderTimeZone {
  id: string;
  name: string;
}

/** A calendar date (`2026-09-15`) with the given Intl options. */
export function formatDay(locale: string, isoDate: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** An instant's date and its 24-hour time in a zone: `{ date, time }`. */
export function formatInstant(
  locale: string,
  iso: string,
  zone: ReaderTimeZone,
  dateOptions: Intl.DateTimeFormatOptions,
): { date: string; time: string } {
  const instant = new Date(iso);
  return {
    date: new Intl.DateTimeFormat(locale, { ...dateOptions, timeZone: zone.id }).format(instant),
    time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone.id }).format(instant),
  };
}

/** A count in the language's digits and grouping. */
export function formatCount(locale: string, n: number): string {
  return new Intl.NumberFormat(locale).format(n);
}
