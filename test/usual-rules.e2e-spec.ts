import { describe, expect, it } from '@jest/globals';
import { defaultRule } from '../libs/voting/src/rules/decision-rule.js';
import { USUAL_RULE } from '../apps/web/src/pages/secretariat/usual-rules.js';

describe("the session form's usual rule", () => {
  it.each(['general_assembly', 'working_committee', 'written_procedure'] as const)(
    'is the rule the API gives a %s scheduled without one',
    (body) => {
      const { quorum, majority, secrecy } = defaultRule(body);
      expect(USUAL_RULE[body]).toEqual({ quorum, majority, ballotSecrecy: secrecy });
    },
  );
});
