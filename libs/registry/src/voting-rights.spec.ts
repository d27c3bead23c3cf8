import { describe, expect, it } from '@jest/globals';
import { votingRights } from './voting-rights.js';

const founder = { status: 'member' as const, memberSince: null };
const on = (date: string) => new Date(`${date}T12:00:00Z`);

describe('voting rights from fee payments', () => {
  it('lets a member whose fees are paid up vote', () => {
    expect(votingRights(founder, [2025, 2026], on('2026-11-29'), 2025)).toEqual({
      paidYears: [2025, 2026],
      owedYears: [],
      arrears: 0,
      mayVote: true,
      reason: 'A member whose fees are paid up.',
    });
  });

  it('lets a member one fiscal year in arrears still vote', () => {
    const rights = votingRights(founder, [2025], on('2026-11-29'), 2025);
    expect(rights).toMatchObject({ owedYears: [2026], arrears: 1, mayVote: true });
    expect(rights.reason).toBe('A member one fiscal year in arrears (2026): it still votes.');
  });

  it('takes the vote from a member two fiscal years in arrears, and more', () => {
    expect(votingRights(founder, [], on('2026-11-29'), 2025)).toMatchObject({ owedYears: [2025, 2026], arrears: 2, mayVote: false });
    expect(votingRights(founder, [2023], on('2026-11-29'), 2022)).toMatchObject({
      owedYears: [2022, 2024, 2025, 2026],
      arrears: 4,
      mayVote: false,
    });
    expect(votingRights(founder, [], on('2026-11-29'), 2025).reason).toBe(
      'A member 2 fiscal years in arrears (2025, 2026): it has lost its vote until it owes fewer than 2.',
    );
  });

  it('owes the current year only once its due date, 30 April, has passed', () => {
    expect(votingRights(founder, [2025], new Date('2026-04-30T23:59:59Z'), 2025)).toMatchObject({ owedYears: [], mayVote: true });
    expect(votingRights(founder, [2025], new Date('2026-05-01T00:00:00Z'), 2025)).toMatchObject({ owedYears: [2026], mayVote: true });
    expect(votingRights(founder, [], new Date('2026-04-30T23:59:59Z'), 2025)).toMatchObject({ owedYears: [2025], mayVote: true });
    expect(votingRights(founder, [], new Date('2026-05-01T00:00:00Z'), 2025)).toMatchObject({ owedYears: [2025, 2026], mayVote: false });
  });

  it('owes nothing before the year after admission', () => {
    const admittedLastYear = { status: 'member' as const, memberSince: '2025-08-10' };
    expect(votingRights(admittedLastYear, [], on('2025-12-31'), 2020)).toMatchObject({ owedYears: [], mayVote: true });
    expect(votingRights(admittedLastYear, [], on('2026-04-30'), 2020)).toMatchObject({ owedYears: [], mayVote: true });
    expect(votingRights(admittedLastYear, [], on('2026-11-29'), 2020)).toMatchObject({ owedYears: [2026], mayVote: true });
    expect(votingRights(admittedLastYear, [], on('2027-05-01'), 2020)).toMatchObject({ owedYears: [2026, 2027], mayVote: false });
  });

  it('never lets an observer, an associate or a prospective government vote, paid or not', () => {
    for (const status of ['observer', 'associate', 'prospective'] as const) {
      const rights = votingRights({ status, memberSince: null }, [2025, 2026], on('2026-11-29'), 2025);
      expect({ status, mayVote: rights.mayVote }).toEqual({ status, mayVote: false });
    }
    expect(votingRights({ status: 'observer', memberSince: null }, [], on('2026-11-29'), 2025)).toMatchObject({
      owedYears: [],
      arrears: 0,
    });
    expect(votingRights({ status: 'prospective', memberSince: null }, [], on('2026-11-29'), 2025).reason).toBe(
      'A prospective government pays no fee and never votes.',
    );
  });

  it('counts the arrears of an associate member, who pays the fee but never votes', () => {
    const rights = votingRights({ status: 'associate', memberSince: null }, [2026], on('2026-11-29'), 2025);
    expect(rights).toMatchObject({ owedYears: [2025], arrears: 1, mayVote: false });
    expect(rights.reason).toBe('An associate member never votes; it owes the fee for 2025.');
  });

  it('owes nothing before the year the records start, even for a founding member', () => {
    expect(votingRights(founder, [], on('2026-11-29'), 2026)).toMatchObject({ owedYears: [2026], mayVote: true });
    expect(votingRights(founder, [], on('2026-11-29'), 2027)).toMatchObject({ owedYears: [], mayVote: true });
    // A member since 1996: the records, not the admission, decide where the debt starts.
    expect(votingRights({ status: 'member', memberSince: '1996-09-01' }, [], on('2026-11-29'), 2025)).toMatchObject({
      owedYears: [2025, 2026],
    });
  });

  it('ignores payments for years not owed yet and lists each paid year once', () => {
    expect(votingRights(founder, [2027, 2025, 2026, 2025], on('2026-11-29'), 2025)).toMatchObject({
      paidYears: [2025, 2026, 2027],
      owedYears: [],
      arrears: 0,
    });
  });
});
