import { api } from '../../api/client.js';
import { ApiProblem } from '../../api/problem.js';
import type { Application, Result } from '../../api/types.js';
import { formatDateTime, t, tDynamic } from '../../i18n/i18n.js';
import { h, replace } from '../../ui/h.js';
import { definitionList, governmentName } from '../../ui/widgets.js';
import { countsAnswers, explanationInLanguage, ruleInLanguage } from './decision-explanation.js';

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

/**
 * Whether the application is on a written procedure, where nobody is present and every count is of who answered.
 * A vote's session stays the application's once it closed (only a deferral takes the application off it).
 */
export const onWrittenProcedure = (application: Application): boolean => application.session?.body === 'written_procedure';

/** A closed vote's outcome, tally and explanation, as the application's page and the delegate's agenda show it. */
export function outcomeView(result: Result, application: Application): HTMLElement {
  const tally = result.tally!;
  const answered = onWrittenProcedure(application) || countsAnswers(result);
  return h(
    'div',
    { class: `outcome outcome-${result.outcome}` },
    h('p', { class: 'outcome-word' }, tDynamic('outcome', result.outcome!)),
    definitionList([
      [t('result.closedAt'), formatDateTime(result.closedAt)],
      [t('result.rule'), ruleInLanguage(result) ?? result.rule.description],
      // A written procedure's quorum may be none, so the rule alone does not tell it from a meeting.
      [t('result.tally'), t(answered ? 'result.tallyLineAnswered' : 'result.tallyLine', { ...tally })],
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

/**
 * Who the Secretariat may still chase while a ballot is open: at a meeting the present members that have not
 * voted, in a written procedure every government on the roll that has not answered.
 */
export const stillToVote = (notVoted: NonNullable<Result['notVoted']>, written: boolean) =>
  notVoted.filter((government) => written || government.present);

/** Those still to vote (stillToVote), named, never their choice. */
export function notVotedView(result: Result, written: boolean): HTMLElement | null {
  if (!result.notVoted) return null;
  const missing = stillToVote(result.notVoted, written);
  if (missing.length === 0) return h('p', null, t(written ? 'confirm.closeBallot.allAnswered' : 'confirm.closeBallot.allPresentVoted'));
  return h(
    'div',
    null,
    h('p', null, t(written ? 'confirm.closeBallot.notAnswered' : 'confirm.closeBallot.notVoted', { count: missing.length })),
    h(
      'ul',
      { class: 'not-voted' },
      missing.map((government) => h('li', null, governmentName(government))),
    ),
  );
}

/** The decision once closed; while open, the Secretariat's live turnout, polled until the user leaves. */
export async function resultSection(application: Application, onLeave: (cleanup: () => void) => void): Promise<HTMLElement | null> {
  const result = await fetchResult(application.id);
  if (!result) return null;
  const section = h('section', { 'aria-labelledby': 'result-title' }, h('h2', { id: 'result-title' }, t('result.title')));
  if (result.status === 'closed') {
    section.append(outcomeView(result, application));
    return section;
  }
  const written = onWrittenProcedure(application);
  const live = h('p', { class: 'turnout', role: 'status', 'aria-live': 'polite' }, turnoutText(result));
  // Not a live region: a list read out at every poll would drown the page; the turnout line announces the change.
  const waiting = h('div', { class: 'waiting-for' }, notVotedView(result, written));
  section.append(
    h('p', null, t('result.open', { date: formatDateTime(result.openedAt) })),
    live,
    waiting,
    h('p', { class: 'hint' }, result.rule.description),
  );
  const timer = window.setInterval(() => {
    void fetchResult(application.id).then((latest) => {
      if (latest?.status !== 'open') return;
      replace(live, turnoutText(latest));
      replace(waiting, notVotedView(latest, written));
    });
  }, TURNOUT_POLL_MS);
  onLeave(() => window.clearInterval(timer));
  return section;
}
