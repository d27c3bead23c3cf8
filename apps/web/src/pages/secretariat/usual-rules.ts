export type Body = 'general_assembly' | 'working_committee' | 'written_procedure';

// The rule each body gets when none is chosen: the API's defaults (libs/voting/src/rules/decision-rule.ts,
// docs/domain.md), shown as the values the form sends, so that nobody schedules a rule they have not seen.
// test/usual-rules.e2e-spec.ts fails when the two part.
export const USUAL_RULE: Record<Body, { quorum: string; majority: string; ballotSecrecy: string }> = {
  general_assembly: { quorum: 'more_than_half_present', majority: 'more_than_half_cast', ballotSecrecy: 'named' },
  working_committee: { quorum: 'more_than_half_present', majority: 'more_than_half_cast', ballotSecrecy: 'named' },
  written_procedure: { quorum: 'more_than_half_answered', majority: 'more_than_half_cast', ballotSecrecy: 'named' },
};
