import { describe, expect, it } from '@jest/globals';
import { calendarDayIn } from './calendar-day.js';

describe('calendarDayIn', () => {
  const lateOn7thInUtc = new Date('2026-12-07T23:35:00Z');

  it('gives the day where it happened: already the 8th in Pohang and in Vladivostok', () => {
    expect(calendarDayIn(lateOn7thInUtc, 'Asia/Seoul')).toBe('2026-12-08');
    expect(calendarDayIn(lateOn7thInUtc, 'Asia/Vladivostok')).toBe('2026-12-08');
  });

  it('gives the day in UTC when no time zone is known', () => {
    expect(calendarDayIn(lateOn7thInUtc, null)).toBe('2026-12-07');
    expect(calendarDayIn(new Date('2026-01-01T00:00:00Z'), null)).toBe('2026-01-01');
  });

  it('follows a zone that moves its clocks, on either side of the change', () => {
    // Ulaanbaatar kept no summer time after 2016; Los Angeles still does (UTC-7 in July, UTC-8 in December).
    expect(calendarDayIn(new Date('2026-07-01T06:30:00Z'), 'America/Los_Angeles')).toBe('2026-06-30');
    expect(calendarDayIn(new Date('2026-12-01T07:30:00Z'), 'America/Los_Angeles')).toBe('2026-11-30');
    expect(calendarDayIn(new Date('2026-07-01T06:30:00Z'), 'Asia/Ulaanbaatar')).toBe('2026-07-01');
  });
});
