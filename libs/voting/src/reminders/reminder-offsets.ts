import type { SessionBody } from '../session.entity.js';

/**
 * When a session's reminders go out: ISO 8601 durations before a written procedure's deadline or a meeting's
 * start. Weeks, days, hours, minutes and seconds only: a month or a year has no fixed length, and PostgreSQL
 * (which computes each reminder's moment) would read `P1M` as a month where a reader may mean a minute.
 */
export const REMINDER_PATTERN = /^P(?!$)(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

export const MAX_REMINDERS = 10;
/** Longer than any session is planned ahead. */
const MAX_OFFSET_MS = 366 * 24 * 3600 * 1000;

export const DEFAULT_REMINDERS: Readonly<Record<'written_procedure' | 'meeting', readonly string[]>> = {
  written_procedure: ['PT72H', 'PT24H'],
  meeting: ['P7D', 'P1D'],
};

export const defaultRemindersOf = (body: SessionBody): string[] => [
  ...DEFAULT_REMINDERS[body === 'written_procedure' ? 'written_procedure' : 'meeting'],
];

const UNIT_MS = { W: 7 * 86_400_000, D: 86_400_000, H: 3_600_000, M: 60_000, S: 1000 } as const;

/** The length of a reminder offset in milliseconds, or undefined for text that is not one. */
export function offsetMs(duration: string): number | undefined {
  const match = REMINDER_PATTERN.exec(duration);
  if (!match) return undefined;
  const [, weeks, days, , hours, minutes, seconds] = match;
  const parts: [string | undefined, number][] = [
    [weeks, UNIT_MS.W],
    [days, UNIT_MS.D],
    [hours, UNIT_MS.H],
    [minutes, UNIT_MS.M],
    [seconds, UNIT_MS.S],
  ];
  return parts.reduce((sum, [part, unit]) => sum + (part ? Number.parseInt(part, 10) * unit : 0), 0);
}

/** What is wrong with a list of reminders, in words, or undefined when it is fit to store. */
export function reminderProblem(reminders: readonly string[]): string | undefined {
  if (reminders.length > MAX_REMINDERS) return `At most ${MAX_REMINDERS} reminders.`;
  const lengths = new Set<number>();
  for (const reminder of reminders) {
    const ms = offsetMs(reminder);
    if (ms === undefined) return `"${reminder}" is not an ISO 8601 duration in weeks, days, hours, minutes or seconds (e.g. PT24H).`;
    if (ms <= 0) return `The reminder "${reminder}" is no time before.`;
    if (ms > MAX_OFFSET_MS) return `The reminder "${reminder}" is more than 366 days before.`;
    if (lengths.has(ms)) return `The reminder "${reminder}" repeats another one.`;
    lengths.add(ms);
  }
  return undefined;
}

/** Longest first, the order in which they go out. */
export const inSendingOrder = (reminders: readonly string[]): string[] =>
  [...reminders].sort((a, b) => (offsetMs(b) ?? 0) - (offsetMs(a) ?? 0));
