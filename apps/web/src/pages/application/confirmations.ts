import type { Application } from '../../api/types.js';
import { t, tDynamic } from '../../i18n/i18n.js';
import { type Confirmation } from '../../ui/confirm.js';
import { h } from '../../ui/h.js';
import { governmentName } from '../../ui/widgets.js';
import { fetchResult, onWrittenProcedure, stillToVote } from './result-section.js';

/** The actions that end an application or its ballot: their buttons are red. */
export const ENDING_ACTIONS = new Set(['close-ballot', 'declare-ineligible', 'withdraw']);

/** The actions that cannot be undone, and what the user is told before each: what will happen and the facts that matter. */
export const CONFIRMED_ACTIONS = new Set([...ENDING_ACTIONS, 'declare-eligible']);

export async function confirmationFor(application: Application, action: string, text: string): Promise<Confirmation> {
  switch (action) {
    case 'close-ballot':
      return closeBallot(application);
    case 'declare-eligible':
      return {
        title: t('confirm.eligible.title', { reference: application.reference }),
        body: [h('p', null, t('confirm.eligible.what'))],
        confirm: t('confirm.eligible.confirm'),
      };
    case 'declare-ineligible':
      return {
        title: t('confirm.ineligible.title', { reference: application.reference }),
        body: [h('p', null, t('confirm.ineligible.what')), h('p', null, t('confirm.reasons')), h('blockquote', null, text)],
        confirm: t('confirm.ineligible.confirm'),
      };
    default:
      return {
        title: t('confirm.withdraw.title', { reference: application.reference }),
        body: [h('p', null, t('confirm.withdraw.what')), h('p', null, t('confirm.reason')), h('blockquote', null, text)],
        confirm: t('confirm.withdraw.confirm'),
      };
  }
}

async function closeBallot(application: Application): Promise<Confirmation> {
  const result = await fetchResult(application.id);
  const written = onWrittenProcedure(application);
  const turnout = result?.turnout ?? { voters: 0, ballots: 0 };
  const missing = stillToVote(result?.notVoted ?? [], written);
  const absent = (result?.notVoted ?? []).length - missing.length;
  const outcome = result?.ifClosedNow;
  return {
    title: t('confirm.closeBallot.title', { reference: application.reference }),
    body: [
      h('p', null, t('confirm.closeBallot.what')),
      h('p', null, t('result.turnout', { ballots: turnout.ballots, voters: turnout.voters })),
      missing.length === 0
        ? h('p', null, t(written ? 'confirm.closeBallot.allAnswered' : 'confirm.closeBallot.allPresentVoted'))
        : [
            h('p', null, t(written ? 'confirm.closeBallot.notAnswered' : 'confirm.closeBallot.notVoted', { count: missing.length })),
            h(
              'ul',
              { class: 'not-voted' },
              missing.map((government) => h('li', null, governmentName(government))),
            ),
          ],
      absent > 0 && !written ? h('p', null, t('confirm.closeBallot.absent', { count: absent })) : null,
      outcome
        ? h(
            'p',
            null,
            h(
              'strong',
              null,
              t(outcome.quorumMet ? 'confirm.closeBallot.outcome' : 'confirm.closeBallot.noQuorum', {
                outcome: tDynamic('outcome', outcome.outcome),
              }),
            ),
          )
        : null,
    ],
    confirm: t('confirm.closeBallot.confirm'),
  };
}
