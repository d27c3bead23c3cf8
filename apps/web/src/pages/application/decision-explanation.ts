import type { Result } from '../../api/types.js';
import { currentLanguage, ownTranslation } from '../../i18n/i18n.js';

// A closed vote's rule and how it was decided, in the reader's language where its file words them (ko.json's
// `decision.*` sentences); undefined otherwise, and the English text recorded with the vote is shown.

/** Whether the vote's quorum counts who answered (a written procedure) rather than who was present. */
export const countsAnswers = ({ rule }: Result): boolean => rule.quorum === 'more_than_half_answered';

export function ruleInLanguage({ rule }: Result): string | undefined {
  const quorum = ownTranslation(`quorum.${rule.quorum}`);
  // The majority's rule mid-sentence: lower case where the language has one (decision.majorityRule.*).
  const majority = ownTranslation(`decision.majorityRule.${rule.majority}`);
  return quorum && majority ? `${quorum}, ${majority}` : undefined;
}

export function explanationInLanguage(result: Result): string | undefined {
  const { decision, tally, rule } = result;
  if (!decision || !tally) return undefined;
  const { quorum, majority } = decision;
  const quorumRule = ownTranslation(`decision.quorumRule.${rule.quorum}`);
  const counted = countsAnswers(result) ? 'answered' : 'present';
  const quorumValues = { voters: tally.voters, actual: quorum.actual, required: quorum.required, rule: quorumRule ?? '' };
  const quorumSentence =
    rule.quorum === 'none'
      ? ownTranslation('decision.noQuorum')
      : quorumRule && ownTranslation(`decision.quorum.${quorum.met ? 'met' : 'notMet'}.${counted}`, quorumValues);
  if (!quorum.met) return both(quorumSentence, ownTranslation('decision.notTaken'));

  const majorityRule = ownTranslation(`decision.majorityRule.${rule.majority}`);
  const kind = rule.majority === 'more_than_half_of_voters' ? 'ofVoters' : majority.base === 0 ? 'noBallots' : 'ofCast';
  const abstained = tally.abstain > 0 ? ownTranslation('decision.abstained', { abstain: tally.abstain }) : '';
  const majoritySentence =
    majorityRule &&
    abstained !== undefined &&
    ownTranslation(`decision.majority.${kind}.${majority.met ? 'approved' : 'rejected'}`, {
      base: majority.base,
      yes: majority.yes,
      required: majority.required,
      rule: majorityRule,
      abstained,
    });
  return both(quorumSentence, majoritySentence);
}

/** Chinese and Japanese run sentences on without a space (each ends with 。). */
const SENTENCES_RUN_ON = new Set(['zh', 'ja']);

function both(first: string | undefined | false, second: string | undefined | false): string | undefined {
  if (!first || !second) return undefined;
  return SENTENCES_RUN_ON.has(currentLanguage()) ? `${first}${second}` : `${first} ${second}`;
}
