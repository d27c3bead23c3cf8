import { describe, expect, it } from '@jest/globals';
import { decide, type Decision } from './decide.js';
import { MAJORITY_RULES, QUORUM_RULES, type DecisionRule } from './decision-rule.js';
import type { Tally } from './tally.js';

const meeting: DecisionRule = { quorum: 'more_than_half_present', majority: 'more_than_half_cast', secrecy: 'named' };
const written: DecisionRule = { quorum: 'more_than_half_answered', majority: 'more_than_half_cast', secrecy: 'named' };

function tally(voters: number, present: number, yes: number, no: number, abstain: number): Tally {
  return { voters, present, yes, no, abstain };
}

interface QuorumCase {
  name: string;
  rule: DecisionRule;
  tally: Tally;
  met: boolean;
  required: number;
  actual: number;
}

describe('decide: quorum', () => {
  it.each<QuorumCase>([
    {
      name: 'meets more than half present with 41 of 70',
      rule: meeting,
      tally: tally(70, 41, 30, 8, 3),
      met: true,
      required: 36,
      actual: 41,
    },
    {
      name: 'misses more than half present at exactly half, 35 of 70',
      rule: meeting,
      tally: tally(70, 35, 35, 0, 0),
      met: false,
      required: 36,
      actual: 35,
    },
    { name: 'needs 4 of 7 present for more than half', rule: meeting, tally: tally(7, 4, 4, 0, 0), met: true, required: 4, actual: 4 },
    { name: 'misses more than half present with 3 of 7', rule: meeting, tally: tally(7, 3, 3, 0, 0), met: false, required: 4, actual: 3 },
    { name: 'misses every quorum with zero present', rule: meeting, tally: tally(70, 0, 0, 0, 0), met: false, required: 36, actual: 0 },
    {
      name: 'misses more than half present on an empty roll (more than half of 0 is 1)',
      rule: meeting,
      tally: tally(0, 0, 0, 0, 0),
      met: false,
      required: 1,
      actual: 0,
    },
    {
      name: 'meets two thirds present at the boundary, 6 of 9',
      rule: { ...meeting, quorum: 'two_thirds_present' },
      tally: tally(9, 6, 6, 0, 0),
      met: true,
      required: 6,
      actual: 6,
    },
    {
      name: 'meets two thirds present with 47 of 70 (141 >= 140)',
      rule: { ...meeting, quorum: 'two_thirds_present' },
      tally: tally(70, 47, 40, 0, 0),
      met: true,
      required: 47,
      actual: 47,
    },
    {
      name: 'misses two thirds present with 46 of 70 (138 < 140)',
      rule: { ...meeting, quorum: 'two_thirds_present' },
      tally: tally(70, 46, 40, 0, 0),
      met: false,
      required: 47,
      actual: 46,
    },
    {
      name: 'misses two thirds present on an empty roll',
      rule: { ...meeting, quorum: 'two_thirds_present' },
      tally: tally(0, 0, 0, 0, 0),
      met: false,
      required: 1,
      actual: 0,
    },
    {
      name: 'meets more than half answered with 40 of 70 answers',
      rule: written,
      tally: tally(70, 40, 30, 5, 5),
      met: true,
      required: 36,
      actual: 40,
    },
    {
      name: 'misses more than half answered at exactly half, 35 of 70',
      rule: written,
      tally: tally(70, 35, 30, 5, 0),
      met: false,
      required: 36,
      actual: 35,
    },
    {
      name: 'counts abstentions toward answered in a written procedure (6 of 10 answered, 3 abstained)',
      rule: written,
      tally: tally(10, 6, 2, 1, 3),
      met: true,
      required: 6,
      actual: 6,
    },
    {
      name: 'counts ballots, not presence, for more than half answered at a meeting',
      rule: { ...meeting, quorum: 'more_than_half_answered' },
      tally: tally(10, 9, 3, 1, 0),
      met: false,
      required: 6,
      actual: 4,
    },
    {
      name: 'meets quorum none with zero ballots',
      rule: { ...meeting, quorum: 'none' },
      tally: tally(70, 0, 0, 0, 0),
      met: true,
      required: 0,
      actual: 0,
    },
  ])('$name', ({ rule, tally: t, met, required, actual }) => {
    expect(decide(rule, t).quorum).toEqual({ rule: rule.quorum, met, required, actual });
  });

  it.each<{ name: string; rule: DecisionRule; tally: Tally }>([
    { name: 'more than half present at exactly half', rule: meeting, tally: tally(70, 35, 35, 0, 0) },
    { name: 'a lone yes from the only government present', rule: meeting, tally: tally(70, 1, 1, 0, 0) },
    { name: 'two thirds present one short', rule: { ...meeting, quorum: 'two_thirds_present' }, tally: tally(9, 5, 5, 0, 0) },
    { name: 'more than half answered at exactly half', rule: written, tally: tally(4, 2, 2, 0, 0) },
  ])('rejects a unanimous yes when the quorum is missed: $name', ({ rule, tally: t }) => {
    const decision = decide(rule, t);
    expect(decision.majority.met).toBe(true);
    expect(decision.outcome).toBe('rejected');
    expect(decision.explanation).toContain('no decision could be taken');
  });
});

interface MajorityCase {
  name: string;
  majority: DecisionRule['majority'];
  tally: Tally;
  outcome: Decision['outcome'];
  required: number;
  base: number;
}

describe('decide: majority', () => {
  it.each<MajorityCase>([
    {
      name: 'approves 30 yes of 38 cast, 3 abstaining',
      majority: 'more_than_half_cast',
      tally: tally(70, 41, 30, 8, 3),
      outcome: 'approved',
      required: 20,
      base: 38,
    },
    {
      name: 'rejects exactly half: 2 yes of 4 cast',
      majority: 'more_than_half_cast',
      tally: tally(4, 4, 2, 2, 0),
      outcome: 'rejected',
      required: 3,
      base: 4,
    },
    {
      name: 'approves 3 yes of 4 cast',
      majority: 'more_than_half_cast',
      tally: tally(4, 4, 3, 1, 0),
      outcome: 'approved',
      required: 3,
      base: 4,
    },
    {
      name: 'does not count abstentions as cast: 2 yes, 1 no, 5 abstain is approved',
      majority: 'more_than_half_cast',
      tally: tally(8, 8, 2, 1, 5),
      outcome: 'approved',
      required: 2,
      base: 3,
    },
    {
      name: 'rejects when all abstain (0 cast)',
      majority: 'more_than_half_cast',
      tally: tally(5, 5, 0, 0, 5),
      outcome: 'rejected',
      required: 1,
      base: 0,
    },
    {
      name: 'approves two thirds at the boundary: 6 yes of 9 cast',
      majority: 'two_thirds_cast',
      tally: tally(9, 9, 6, 3, 0),
      outcome: 'approved',
      required: 6,
      base: 9,
    },
    {
      name: 'rejects 5 yes of 8 cast (15 < 16)',
      majority: 'two_thirds_cast',
      tally: tally(8, 8, 5, 3, 0),
      outcome: 'rejected',
      required: 6,
      base: 8,
    },
    {
      name: 'approves 2 yes of 3 cast under two thirds',
      majority: 'two_thirds_cast',
      tally: tally(3, 3, 2, 1, 0),
      outcome: 'approved',
      required: 2,
      base: 3,
    },
    {
      name: 'rejects when all abstain under two thirds (0 cast)',
      majority: 'two_thirds_cast',
      tally: tally(5, 5, 0, 0, 5),
      outcome: 'rejected',
      required: 1,
      base: 0,
    },
    {
      name: 'approves 36 yes of 70 voters under more than half of voters',
      majority: 'more_than_half_of_voters',
      tally: tally(70, 40, 36, 2, 2),
      outcome: 'approved',
      required: 36,
      base: 70,
    },
    {
      name: 'counts absent voters against: 30 yes and no other ballot, of 70 voters, is rejected',
      majority: 'more_than_half_of_voters',
      tally: tally(70, 41, 30, 0, 0),
      outcome: 'rejected',
      required: 36,
      base: 70,
    },
    {
      name: 'rejects exactly half of the voters: 35 yes of 70',
      majority: 'more_than_half_of_voters',
      tally: tally(70, 70, 35, 35, 0),
      outcome: 'rejected',
      required: 36,
      base: 70,
    },
    {
      name: 'rejects when all abstain under more than half of voters',
      majority: 'more_than_half_of_voters',
      tally: tally(5, 5, 0, 0, 5),
      outcome: 'rejected',
      required: 3,
      base: 5,
    },
    {
      name: 'approves unanimity with 5 yes and 2 abstentions',
      majority: 'unanimity_cast',
      tally: tally(7, 7, 5, 0, 2),
      outcome: 'approved',
      required: 5,
      base: 5,
    },
    {
      name: 'rejects unanimity with one no',
      majority: 'unanimity_cast',
      tally: tally(7, 7, 5, 1, 0),
      outcome: 'rejected',
      required: 6,
      base: 6,
    },
    {
      name: 'rejects unanimity of zero cast (all abstain)',
      majority: 'unanimity_cast',
      tally: tally(5, 5, 0, 0, 5),
      outcome: 'rejected',
      required: 1,
      base: 0,
    },
  ])('$majority: $name', ({ majority, tally: t, outcome, required, base }) => {
    const decision = decide({ quorum: 'none', majority, secrecy: 'named' }, t);
    expect(decision.outcome).toBe(outcome);
    expect(decision.majority).toEqual({ rule: majority, met: outcome === 'approved', required, yes: t.yes, base });
  });
});

describe('decide: a single voter', () => {
  it.each<{ name: string; tally: Tally; outcome: Decision['outcome'] }>([
    { name: 'approves when the only voter is present and votes yes', tally: tally(1, 1, 1, 0, 0), outcome: 'approved' },
    { name: 'rejects when the only voter votes no', tally: tally(1, 1, 0, 1, 0), outcome: 'rejected' },
    { name: 'rejects when the only voter abstains', tally: tally(1, 1, 0, 0, 1), outcome: 'rejected' },
    { name: 'has no quorum when the only voter is absent', tally: tally(1, 0, 0, 0, 0), outcome: 'rejected' },
  ])('$name', ({ tally: t, outcome }) => {
    expect(decide(meeting, t).outcome).toBe(outcome);
  });
});

describe('decide: the explanation', () => {
  it.each<{ name: string; rule: DecisionRule; tally: Tally; explanation: string }>([
    {
      name: 'gives the numbers of an approval at a meeting',
      rule: meeting,
      tally: tally(70, 41, 30, 8, 3),
      explanation:
        'Quorum met: 41 of 70 voters present (more than half, 36 needed). ' +
        'Approved: 30 of 38 ballots cast are yes (more than half of ballots cast, 20 needed); 3 abstained.',
    },
    {
      name: 'says the decision could not be taken when the quorum is missed',
      rule: meeting,
      tally: tally(70, 35, 35, 0, 0),
      explanation:
        'Quorum not met: 35 of 70 voters present (more than half, 36 needed). Without a quorum no decision could be taken, ' +
        'so the application is not approved.',
    },
    {
      name: 'speaks of answers in a written procedure',
      rule: written,
      tally: tally(10, 6, 2, 1, 3),
      explanation:
        'Quorum met: 6 of 10 voters answered (more than half, 6 needed). ' +
        'Approved: 2 of 3 ballots cast are yes (more than half of ballots cast, 2 needed); 3 abstained.',
    },
    {
      name: 'says no ballot was cast when all abstain',
      rule: { ...meeting, quorum: 'two_thirds_present', majority: 'two_thirds_cast' },
      tally: tally(9, 6, 0, 0, 6),
      explanation:
        'Quorum met: 6 of 9 voters present (at least two thirds, 6 needed). ' +
        'Rejected: no ballot was cast (at least two thirds of ballots cast, 1 needed); 6 abstained.',
    },
    {
      name: 'counts against all voters under more than half of voters',
      rule: { quorum: 'none', majority: 'more_than_half_of_voters', secrecy: 'secret' },
      tally: tally(70, 41, 30, 0, 0),
      explanation: 'No quorum required. Rejected: 30 of 70 voters voted yes (more than half of all voters, 36 needed).',
    },
    {
      name: 'uses the singular for a single voter',
      rule: { ...meeting, majority: 'unanimity_cast' },
      tally: tally(1, 1, 1, 0, 0),
      explanation:
        'Quorum met: 1 of 1 voter present (more than half, 1 needed). Approved: 1 of 1 ballot cast is yes (unanimity of ballots cast, 1 needed).',
    },
  ])('$name', ({ rule, tally: t, explanation }) => {
    expect(decide(rule, t).explanation).toBe(explanation);
  });
});

describe('decide: a roll that changes after the ballot opened', () => {
  const frozen = Object.freeze(tally(70, 41, 30, 8, 3));

  it('sees only the frozen tally: ignoring later roll changes is the caller’s job, and the same tally gives the same decision', () => {
    const first = decide(meeting, frozen);
    expect(decide(meeting, { ...frozen })).toEqual(first);
    expect(decide(meeting, frozen)).toEqual(first);
  });

  it('does not modify the tally it is given', () => {
    decide(meeting, frozen);
    expect(frozen).toEqual(tally(70, 41, 30, 8, 3));
  });

  it('refuses a tally with more ballots than voters on the frozen roll (e.g. one counted from a government added later)', () => {
    expect(() => decide(meeting, tally(70, 70, 60, 10, 1))).toThrow(RangeError);
  });

  it('refuses a tally with more present than voters on the frozen roll', () => {
    expect(() => decide(meeting, tally(70, 71, 30, 8, 3))).toThrow(RangeError);
  });
});

describe('decide: required is the smallest count that meets the rule', () => {
  // Exhaustive over every possible tally of rolls up to 10 voters, so the computed threshold and
  // the comparison of products can never disagree.
  const tallies: Tally[] = [];
  for (let voters = 0; voters <= 10; voters++)
    for (let present = 0; present <= voters; present++)
      for (let yes = 0; yes <= present; yes++)
        for (let no = 0; yes + no <= present; no++)
          for (let abstain = 0; yes + no + abstain <= present; abstain++) tallies.push(tally(voters, present, yes, no, abstain));

  it.each(QUORUM_RULES.filter((rule) => rule !== 'none'))('quorum %s: met exactly when actual >= required', (quorum) => {
    for (const t of tallies) {
      const { met, required, actual } = decide({ ...meeting, quorum }, t).quorum;
      expect(met).toBe(actual >= required);
    }
  });

  it.each(MAJORITY_RULES)(
    'majority %s: met exactly when yes >= required, and approved exactly when quorum and majority are met',
    (majority) => {
      for (const t of tallies) {
        const decision = decide({ ...meeting, majority }, t);
        expect(decision.majority.met).toBe(decision.majority.yes >= decision.majority.required);
        expect(decision.outcome).toBe(decision.quorum.met && decision.majority.met ? 'approved' : 'rejected');
      }
    },
  );
});
