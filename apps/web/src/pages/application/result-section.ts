import { api } from '../../api/client.js';
import { ApiProblem } from '../../api/problem.js';
import type { Application, Result } from '../../api/types.js';
import { formatDateTime, t, tDynamic } from '../../i18n/i18n.js';
import { h, replace } from '../../ui/h.js';
import { definitionList, governmentName } from '../../ui/widgets.js';
import { explanationInLanguage, ruleInLanguage } from './decision-explanation.js';

const TURNOUT_POLL_MS = 3000;

/** The latest vote's result, or null when there is none the caller may see yet. */
export async function fetchResult(applicationId: string): Promise<Result | null> {
  try {
    return await api<Result>(`/applications/${applicationId}/result`);
  } catch (problem) {
    if (problem instanceof ApiProblem && (problem.status === 404 || problem.status === 409)) return null;
    throw problem;
  }
}

export function outcomeView(result: Result): HTMLElement {
  const tally = result.tally!;
  return h(
    'div',
    { class: `outcome outcome-${result.outcome}` },
    h('p', { class: 'outcome-word' }, tDynamic('outcome', result.outcome!)),
    definitionList([
      [t('result.closedAt'), formatDateTime(result.closedAt)],
      [t('result.rule'), ruleInLanguage(result) ?? result.rule.description],
      [t('result.tally'), t('result.tallyLine', { ...tally })],
      [t('result.explanation'), explanationInLanguage(result) ?? result.explanation],
    ]),
    result.ballots?.length
      ? h(
          'details',
          null,
          h('summary', null, t('result.named')),
          h(
            'ul',
            null,
            result.ballots.map((ballot) =>
              h('li', null, governmentName({ ...ballot, country: '' }), ': ', tDynamic('choice', ballot.choice)),
            ),
          ),
        )
      : null,
  );
}

function turnoutText(result: Result): string {
  const turnout = result.turnout ?? { voters: 0, ballots: 0 };
  return t('result.turnout', { ballots: turnout.ballots, voters: turnout.voters });
}

/** The decision once closed; while open, the Secretariat's live turnout, polled until the user leaves. */
export async function resultSection(application: Application, onLeave: (cleanup: () => void) => void): Promise<HTMLElement | null> {
  const result = await fetchResult(application.id);
  if (!result) return null;
  const section = h('section', { 'aria-labelledby': 'result-title' }, h('h2', { id: 'result-title' }, t('result.title')));
  if (result.status === 'closed') {
    section.append(outcomeView(result));
    return section;
  }
  const live = h('p', { class: 'turnout', role: 'status', 'aria-live': 'polite' }, turnoutText(result));
  section.append(
    h('p', null, t('result.open', { date: formatDateTime(result.openedAt) })),
    live,
    h('p', { class: 'hint' }, result.rule.description),
  );
  const timer = window.setInterval(() => {
    void fetchResult(application.id).then((latest) => {
      if (latest?.status === 'open') replace(live, turnoutText(latest));
    });
  }, TURNOUT_POLL_MS);
  onLeave(() => window.clearInterval(timer));
  return section;
}
