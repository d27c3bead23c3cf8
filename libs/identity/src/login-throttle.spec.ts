import { describe, expect, it } from '@jest/globals';
import { delayAfter } from './login-throttle.js';

describe('the delay after failed sign-ins', () => {
  it('lets the free failures pass, then doubles up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((failures) => delayAfter(failures, 3, 30))).toEqual([
      0, 0, 0, 1, 2, 4, 8, 16, 30, 30, 30,
    ]);
  });

  it('holds a guesser who waits out every delay to a few tries a minute, the cap being what the owner waits at most', () => {
    let elapsed = 0;
    let failures = 0;
    while (elapsed < 3600) elapsed += delayAfter(failures++, 3, 30) || 0.001;
    // An hour of guessing at the fastest rate the delays allow: about two a minute after the first minute.
    expect(failures).toBeLessThanOrEqual(3 + 7 + 2 * 60);
  });
});
