import { describe, expect, it } from '@jest/globals';
import { defaultRemindersOf, inSendingOrder, offsetMs, reminderProblem } from './reminder-offsets.js';

describe('reminder offsets', () => {
  it('reads ISO 8601 durations of weeks, days, hours, minutes and seconds', () => {
    expect(offsetMs('PT72H')).toBe(72 * 3_600_000);
    expect(offsetMs('P7D')).toBe(7 * 86_400_000);
    expect(offsetMs('P1W')).toBe(7 * 86_400_000);
    expect(offsetMs('P1DT2H3M4S')).toBe(86_400_000 + 2 * 3_600_000 + 3 * 60_000 + 4000);
    expect(offsetMs('PT20S')).toBe(20_000);
  });

  it.each(['', 'P', 'PT', 'P1M', 'P1Y', 'PT1.5H', '72H', 'pt24h', 'PT24H ', 'P-1D', 'P1DT'])('refuses %j', (text) => {
    expect(offsetMs(text)).toBeUndefined();
    expect(reminderProblem([text])).toMatch(/not an ISO 8601 duration/);
  });

  it('refuses none, repeated, too long or too many reminders, and accepts the defaults', () => {
    expect(reminderProblem(['PT0S'])).toMatch(/no time/);
    expect(reminderProblem(['PT24H', 'P1D'])).toMatch(/repeats/);
    expect(reminderProblem(['P367D'])).toMatch(/366 days/);
    expect(reminderProblem(Array.from({ length: 11 }, (_, i) => `PT${i + 1}S`))).toMatch(/At most 10/);
    expect(reminderProblem(defaultRemindersOf('written_procedure'))).toBeUndefined();
    expect(reminderProblem(defaultRemindersOf('general_assembly'))).toBeUndefined();
    expect(defaultRemindersOf('written_procedure')).toEqual(['PT72H', 'PT24H']);
    expect(defaultRemindersOf('working_committee')).toEqual(['P7D', 'P1D']);
  });

  it('sends the longest first', () => {
    expect(inSendingOrder(['PT10S', 'PT20S', 'P1D'])).toEqual(['P1D', 'PT20S', 'PT10S']);
  });
});
