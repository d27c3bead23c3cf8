import { describe, expect, it } from '@jest/globals';
import { answered, assertTally, cast, type Tally } from './tally.js';

function tally(voters: number, present: number, yes: number, no: number, abstain: number): Tally {
  return { voters, present, yes, no, abstain };
}

describe('a tally', () => {
  it('casts yes and no, not abstentions', () => {
    expect(cast(tally(70, 41, 30, 8, 3))).toBe(38);
  });

  it('counts yes, no and abstentions as answered', () => {
    expect(answered(tally(70, 41, 30, 8, 3))).toBe(41);
  });

  it.each<{ name: string; tally: Tally }>([
    { name: 'a meeting with some absent and some not voting', tally: tally(70, 41, 30, 8, 2) },
    { name: 'a written procedure, where those who answered are the ones present', tally: tally(70, 41, 30, 8, 3) },
    { name: 'an empty roll', tally: tally(0, 0, 0, 0, 0) },
    { name: 'nobody present', tally: tally(70, 0, 0, 0, 0) },
  ])('accepts $name', ({ tally: t }) => {
    expect(() => assertTally(t)).not.toThrow();
  });

  it.each<{ name: string; tally: Tally; message: RegExp }>([
    { name: 'a negative number of voters', tally: tally(-1, 0, 0, 0, 0), message: /voters/ },
    { name: 'a negative yes', tally: tally(5, 5, -1, 2, 0), message: /yes/ },
    { name: 'a fractional abstain', tally: tally(5, 5, 1, 1, 0.5), message: /abstain/ },
    { name: 'a NaN present', tally: tally(5, Number.NaN, 1, 1, 0), message: /present/ },
    { name: 'an infinite no', tally: tally(5, 5, 1, Number.POSITIVE_INFINITY, 0), message: /no/ },
    { name: 'more present than voters', tally: tally(5, 6, 1, 1, 0), message: /6 present but only 5 voters/ },
    { name: 'more ballots than voters', tally: tally(5, 5, 4, 1, 1), message: /6 ballots counted but only 5 voters/ },
    {
      name: 'more ballots than governments present at a meeting (ballots come only from those present)',
      tally: tally(10, 4, 3, 1, 1),
      message: /5 ballots counted but only 4 governments present/,
    },
  ])('refuses $name with a RangeError', ({ tally: t, message }) => {
    expect(() => assertTally(t)).toThrow(RangeError);
    expect(() => assertTally(t)).toThrow(message);
  });
});
