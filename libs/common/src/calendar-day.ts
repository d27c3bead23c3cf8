/**
 * The calendar day (`YYYY-MM-DD`) an instant falls on in a time zone, or in UTC when none is known. The day of a
 * decision is its day where the deciding body met (the host government's time zone): a ballot closed at 08:35 in
 * Pohang on 8 December was decided on 8 December, though it was still the 7th in UTC.
 */
export function calendarDayIn(instant: Date, timeZone: string | null): string {
  const parts = new Intl.DateTimeFormat('en', { timeZone: timeZone ?? 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(instant)
    .reduce<Record<string, string>>((found, part) => ({ ...found, [part.type]: part.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}
