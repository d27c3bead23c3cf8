import type { Result } from '../../api/types.js';
import { ownTranslation } from '../../i18n/i18n.js';

// A closed vote's rule and how it was decided, in the reader's language where its file words them (ko.json's
// `decision.*` sentences); undefined otherwise, and the English text recorded with the vote is shown.

export function ruleInLanguage({ rule }: Result): string | undefined {
  const quorum = ownTranslation(`quorum.${rule.quorum}`);
  const majority = ownTranslation(`majority.${rule.majority}`);
  return quorum && majority ? `${quorum}, ${majority}` : undefined;
}

export function explanationInLanguage({ decision, tally, rule }: Result): string | undefined {
  if (!decision || !tally) return undefined;
  const { quorum, majority } = decision;
  const quorumRule = ownTranslation(`decision.quorumRule.${rule.quorum}`);
  const quorumSentence =
    rule.quorum === 'none'
      ? sentence('decision.noQuorum')
      : quorumRule &&
        sentence(`decision.quorum.${quorum.met ? 'met' : 'notMet'}.${rule.quorum === 'more_than_half_answered' ? 'answered' : 'present'}`, {
          voters: tally.voters,
          actual: quorum.actual,
          required: quorum.required,
          rule: quorumRule,
        });
  if (!quorum.met) return both(quorumSentence, sentence('decision.notTaken'));

  const majorityRule = ownTranslation(`majority.${rule.majority}`);
  const kind = rule.majority === 'more_than_half_of_voters' ? 'ofVoters' : majority.base === 0 ? 'noBallots' : 'ofCast';
  const abstained = tally.abstain > 0 ? sentence('decision.abstained', { abstain: tally.abstain }) : '';
  const majoritySentence =
    majorityRule &&
    abstained !== undefined &&
    sentence(`decision.majority.${kind}.${majority.met ? 'approved' : 'rejected'}`, {
      base: majority.base,
      yes: majority.yes,
      required: majority.required,
      rule: majorityRule,
      abstained,
    });
  return both(quorumSentence, majoritySentence);
}

function sentence(key: string, values: Record<string, string | number> = {}): string | undefined {
  return ownTranslation(key)?.replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in values ? String(values[name]) : placeholder));
}

function both(first: string | undefined | false, second: string | undefined | false): string | undefined {
  return first && second ? `${first} ${second}` : undefined;
}
