import type { DecisionRule, MajorityRule, QuorumRule } from './decision-rule.js';
import { answered, assertTally, cast, type Tally } from './tally.js';

export interface Decision {
  outcome: 'approved' | 'rejected';
  quorum: { rule: QuorumRule; met: boolean; required: number; actual: number };
  majority: { rule: MajorityRule; met: boolean; required: number; yes: number; base: number };
  explanation: string;
}

/**
 * Applies a frozen rule to a frozen tally. Integer arithmetic only: each rule is a comparison of
 * products (yes * 3 >= cast * 2), never a ratio. Every rule but quorum `none` needs at least one
 * participant, so an empty roll or an empty ballot box never decides anything.
 */
export function decide(rule: DecisionRule, tally: Tally): Decision {
  assertTally(tally);
  const quorum = checkQuorum(rule.quorum, tally);
  const majority = checkMajority(rule.majority, tally);
  // The majority is computed even without a quorum, for the record; it does not change the outcome.
  const outcome = quorum.met && majority.met ? 'approved' : 'rejected';
  const explanation = quorum.met
    ? `${quorumSentence(quorum, tally)} ${majoritySentence(majority, tally)}`
    : // Read by the applicant too: what happened, not what the Secretariat might have done instead.
      `${quorumSentence(quorum, tally)} Without a quorum no decision could be taken, so the application is not approved.`;
  return { outcome, quorum, majority, explanation };
}

function checkQuorum(rule: QuorumRule, t: Tally): Decision['quorum'] {
  switch (rule) {
    case 'more_than_half_present':
      return { rule, met: t.present * 2 > t.voters, required: moreThanHalf(t.voters), actual: t.present };
    case 'two_thirds_present':
      return { rule, met: t.present > 0 && t.present * 3 >= t.voters * 2, required: atLeastTwoThirds(t.voters), actual: t.present };
    case 'more_than_half_answered':
      return { rule, met: answered(t) * 2 > t.voters, required: moreThanHalf(t.voters), actual: answered(t) };
    case 'none':
      return { rule, met: true, required: 0, actual: t.present };
  }
}

function checkMajority(rule: MajorityRule, t: Tally): Decision['majority'] {
  const c = cast(t);
  switch (rule) {
    case 'more_than_half_cast':
      return { rule, met: t.yes * 2 > c, required: moreThanHalf(c), yes: t.yes, base: c };
    case 'two_thirds_cast':
      return { rule, met: c > 0 && t.yes * 3 >= c * 2, required: atLeastTwoThirds(c), yes: t.yes, base: c };
    case 'more_than_half_of_voters':
      return { rule, met: t.yes * 2 > t.voters, required: moreThanHalf(t.voters), yes: t.yes, base: t.voters };
    case 'unanimity_cast':
      return { rule, met: c > 0 && t.yes === c, required: Math.max(1, c), yes: t.yes, base: c };
  }
}

/** The smallest k with k * 2 > n. */
function moreThanHalf(n: number): number {
  return floorDiv(n, 2) + 1;
}

/** The smallest k with k * 3 >= n * 2, and at least 1. */
function atLeastTwoThirds(n: number): number {
  return Math.max(1, floorDiv(n * 2 + 2, 3));
}

function floorDiv(a: number, b: number): number {
  return (a - (a % b)) / b;
}

const QUORUM_PHRASES: Record<QuorumRule, string> = {
  more_than_half_present: 'more than half',
  two_thirds_present: 'at least two thirds',
  more_than_half_answered: 'more than half',
  none: 'none',
};

const MAJORITY_PHRASES: Record<MajorityRule, string> = {
  more_than_half_cast: 'more than half of ballots cast',
  two_thirds_cast: 'at least two thirds of ballots cast',
  more_than_half_of_voters: 'more than half of all voters',
  unanimity_cast: 'unanimity of ballots cast',
};

function quorumSentence(q: Decision['quorum'], t: Tally): string {
  if (q.rule === 'none') return 'No quorum required.';
  const verb = q.rule === 'more_than_half_answered' ? 'answered' : 'present';
  const head = q.met ? 'Quorum met' : 'Quorum not met';
  return `${head}: ${q.actual} of ${count(t.voters, 'voter')} ${verb} (${QUORUM_PHRASES[q.rule]}, ${q.required} needed).`;
}

function majoritySentence(m: Decision['majority'], t: Tally): string {
  const head = m.met ? 'Approved' : 'Rejected';
  const rule = `${MAJORITY_PHRASES[m.rule]}, ${m.required} needed`;
  const abstained = t.abstain > 0 ? `; ${t.abstain} abstained` : '';
  if (m.rule === 'more_than_half_of_voters') {
    return `${head}: ${m.yes} of ${count(m.base, 'voter')} voted yes (${rule})${abstained}.`;
  }
  if (m.base === 0) return `${head}: no ballot was cast (${rule})${abstained}.`;
  const ballots = m.base === 1 ? '1 ballot cast is' : `${m.base} ballots cast are`;
  return `${head}: ${m.yes} of ${ballots} yes (${rule})${abstained}.`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
