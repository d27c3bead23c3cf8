// The vocabulary of a session's decision rule, as the API accepts it and as each decision stores it.
// NEAR publishes no voting rule (docs/domain.md, "Decision rules"), so these are configurable per session.

export const QUORUM_RULES = ['more_than_half_present', 'two_thirds_present', 'more_than_half_answered', 'none'] as const;
export type QuorumRule = (typeof QUORUM_RULES)[number];

export const MAJORITY_RULES = ['more_than_half_cast', 'two_thirds_cast', 'more_than_half_of_voters', 'unanimity_cast'] as const;
export type MajorityRule = (typeof MAJORITY_RULES)[number];

export const BALLOT_SECRECY = ['named', 'secret'] as const;
export type BallotSecrecy = (typeof BALLOT_SECRECY)[number];

export interface DecisionRule {
  quorum: QuorumRule;
  majority: MajorityRule;
  secrecy: BallotSecrecy;
}

// Kept as a literal union rather than imported from the entity, so the rule engine depends on nothing;
// decision-rule.spec.ts fails to compile if it drifts from SessionBody.
export type DecidingBody = 'general_assembly' | 'working_committee' | 'written_procedure';

export function defaultRule(body: DecidingBody): DecisionRule {
  switch (body) {
    case 'general_assembly':
    case 'working_committee':
      return { quorum: 'more_than_half_present', majority: 'more_than_half_cast', secrecy: 'named' };
    case 'written_procedure':
      return { quorum: 'more_than_half_answered', majority: 'more_than_half_cast', secrecy: 'named' };
  }
}

const QUORUM_DESCRIPTIONS: Record<QuorumRule, string> = {
  more_than_half_present: 'More than half of the voters on the roll are present.',
  two_thirds_present: 'At least two thirds of the voters on the roll are present.',
  more_than_half_answered: 'More than half of the voters on the roll returned a ballot (yes, no or abstain).',
  none: 'No quorum is required.',
};

const MAJORITY_DESCRIPTIONS: Record<MajorityRule, string> = {
  more_than_half_cast: 'More than half of the ballots cast are yes; abstentions are recorded but not counted as cast.',
  two_thirds_cast: 'At least two thirds of the ballots cast are yes; abstentions are recorded but not counted as cast.',
  more_than_half_of_voters: 'More than half of all voters on the roll vote yes; absent voters, no votes and abstentions all count against.',
  unanimity_cast: 'Every ballot cast is yes, with at least one cast; abstentions are recorded but not counted as cast.',
};

const SECRECY_DESCRIPTIONS: Record<BallotSecrecy, string> = {
  named: 'Named ballot: who voted what is published with the result.',
  secret: 'Secret ballot: only the tally is ever shown.',
};

export function describeQuorum(rule: QuorumRule): string {
  return QUORUM_DESCRIPTIONS[rule];
}

export function describeMajority(rule: MajorityRule): string {
  return MAJORITY_DESCRIPTIONS[rule];
}

export function describeSecrecy(secrecy: BallotSecrecy): string {
  return SECRECY_DESCRIPTIONS[secrecy];
}
