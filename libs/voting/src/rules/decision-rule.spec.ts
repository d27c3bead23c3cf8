import { describe, expect, it } from '@jest/globals';
import type { SessionBody } from '../session.entity.js';
import {
  BALLOT_SECRECY,
  defaultRule,
  describeMajority,
  describeQuorum,
  describeSecrecy,
  MAJORITY_RULES,
  QUORUM_RULES,
  type DecidingBody,
} from './decision-rule.js';

// Fails to compile if the rule engine's bodies drift from the sessions' bodies.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const bodiesAgree: Same<DecidingBody, SessionBody> = true;

describe('the decision rule', () => {
  it('knows the same deciding bodies as the sessions', () => {
    expect(bodiesAgree).toBe(true);
  });

  it.each<{ body: DecidingBody; quorum: string }>([
    { body: 'general_assembly', quorum: 'more_than_half_present' },
    { body: 'working_committee', quorum: 'more_than_half_present' },
    { body: 'written_procedure', quorum: 'more_than_half_answered' },
  ])('defaults a $body to quorum $quorum, more than half of ballots cast, named', ({ body, quorum }) => {
    expect(defaultRule(body)).toEqual({ quorum, majority: 'more_than_half_cast', secrecy: 'named' });
  });

  it('returns a fresh rule each time, so a session can change its copy', () => {
    const rule = defaultRule('general_assembly');
    rule.majority = 'two_thirds_cast';
    expect(defaultRule('general_assembly').majority).toBe('more_than_half_cast');
  });

  it.each(QUORUM_RULES)('describes quorum %s in one English sentence', (rule) => {
    expect(describeQuorum(rule)).toMatch(/^[A-Z][^\n]*\.$/);
  });

  it.each(MAJORITY_RULES)('describes majority %s in one English sentence', (rule) => {
    expect(describeMajority(rule)).toMatch(/^[A-Z][^\n]*\.$/);
  });

  it.each(BALLOT_SECRECY)('describes %s ballots in one English sentence', (secrecy) => {
    expect(describeSecrecy(secrecy)).toMatch(/^[A-Z][^\n]*\.$/);
  });

  it('says what the defaults mean', () => {
    expect(describeQuorum('more_than_half_present')).toBe('More than half of the voters on the roll are present.');
    expect(describeQuorum('more_than_half_answered')).toBe(
      'More than half of the voters on the roll returned a ballot (yes, no or abstain).',
    );
    expect(describeMajority('more_than_half_cast')).toBe(
      'More than half of the ballots cast are yes; abstentions are recorded but not counted as cast.',
    );
  });

  it('gives every rule value its own description', () => {
    expect(new Set(QUORUM_RULES.map(describeQuorum)).size).toBe(QUORUM_RULES.length);
    expect(new Set(MAJORITY_RULES.map(describeMajority)).size).toBe(MAJORITY_RULES.length);
  });
});
