import { api } from '../../api/client.js';
import { ApiProblem } from '../../api/problem.js';
import type { Application, Assembly, Ballot, BallotChoice, Cast } from '../../api/types.js';
import { formatDate, formatDateTime, t, tDynamic } from '../../i18n/i18n.js';
import type { Page } from '../../router.js';
import { h, replace } from '../../ui/h.js';
import { notify } from '../../ui/notice.js';
import { problemSentence } from '../../ui/problems.js';
import { governmentName, pageTitle, sessionName, stateBadge } from '../../ui/widgets.js';
import { fetchResult, outcomeView } from '../application/result-section.js';
import { keepReceipt, keptReceipt, receiptView } from './receipt.js';

const CHOICES: BallotChoice[] = ['yes', 'no', 'abstain'];
const REFRESH_MS = 5000;
const PAST_SESSIONS = 3;

/** When a session was held, to show the latest first: a meeting's first day, a written procedure's deadline. */
const heldOn = (assembly: Assembly) => assembly.startsOn ?? assembly.deadline ?? '';

/** Three large buttons; the pressed one is the government's current ballot, changeable until the ballot closes. */
function ballot(application: Application, current: BallotChoice | null, changed: () => Promise<void>): HTMLElement {
  const headingId = `ballot-${application.id}`;
  const status = h(
    'p',
    { class: 'current-choice', role: 'status' },
    current ? t('vote.current', { choice: tDynamic('choice', current) }) : t('vote.none'),
  );
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const kept = keptReceipt(application.id);
  const receipt = h('div', { class: 'receipt-slot' }, kept && current ? receiptView(application.reference, kept) : null);
  const buttons = CHOICES.map((choice) =>
    h(
      'button',
      {
        type: 'button',
        class: `vote vote-${choice}`,
        'aria-pressed': String(current === choice),
        onclick: async () => {
          buttons.forEach((button) => (button.disabled = true));
          try {
            const cast = await api<Cast>(`/applications/${application.id}/ballot`, { method: 'PUT', body: { choice } });
            keepReceipt(application.id, cast.receipt);
            replace(receipt, receiptView(application.reference, cast.receipt));
            buttons.forEach((button, index) => button.setAttribute('aria-pressed', String(CHOICES[index] === choice)));
            replace(status, t('vote.current', { choice: tDynamic('choice', choice) }));
            notify(t('vote.recorded', { choice: tDynamic('choice', choice) }));
          } catch (problem) {
            if (problem instanceof ApiProblem && problem.isConflict) {
              await changed();
              notify(t('vote.closedMeanwhile'), 'warning');
              return;
            }
            error.hidden = false;
            replace(error, problemSentence(problem));
          } finally {
            buttons.forEach((button) => (button.disabled = false));
            // Disabled while the cast was sent, the pressed button lost the focus to <body>: it gets it back.
            if (document.activeElement === document.body || document.activeElement === null) buttons[CHOICES.indexOf(choice)].focus();
          }
        },
      },
      tDynamic('choice', choice),
    ),
  );
  return h(
    'div',
    { class: 'ballot', role: 'group', 'aria-labelledby': headingId },
    h('div', { class: 'vote-buttons' }, buttons),
    status,
    error,
    receipt,
  );
}

/** Where the delegate's government stands in the open vote: its current choice, or why it cannot vote (403). */
type Standing = { choice: BallotChoice | null } | { cannotVote: ApiProblem };

async function standingIn(applicationId: string): Promise<Standing> {
  try {
    return { choice: (await api<Ballot>(`/applications/${applicationId}/ballot`)).choice };
  } catch (problem) {
    if (problem instanceof ApiProblem && problem.status === 404) return { choice: null };
    if (problem instanceof ApiProblem && problem.status === 403) return { cannotVote: problem };
    throw problem;
  }
}

async function item(application: Application, changed: () => Promise<void>): Promise<HTMLElement> {
  const headingId = `ballot-${application.id}`;
  const decided = application.state === 'approved' || application.state === 'rejected';
  const result = decided ? await fetchResult(application.id) : null;
  const standing = application.state === 'voting' ? await standingIn(application.id) : null;
  return h(
    'li',
    { class: 'card agenda-item' },
    h('h3', { id: headingId }, governmentName(application.government), ' ', stateBadge(application.state)),
    h(
      'p',
      null,
      application.reference,
      ' · ',
      tDynamic('category', application.category),
      ' · ',
      // The dossier: the application, its letter and documents, and the Secretariat's eligibility review.
      h('a', { href: `/app/applications/${application.id}`, 'aria-describedby': headingId }, t('vote.dossier')),
    ),
    standing && 'cannotVote' in standing
      ? h('p', { class: 'warning cannot-vote' }, t('vote.cannotVote'), ' ', problemSentence(standing.cannotVote))
      : null,
    standing && 'choice' in standing ? ballot(application, standing.choice, changed) : null,
    application.state === 'on_agenda' ? h('p', null, t('vote.notOpenYet')) : null,
    result?.status === 'closed' ? outcomeView(result, application) : null,
  );
}

/** The delegate's screen: the agenda of every session in progress, with a ballot for each open vote. */
export const delegateAgendaPage: Page = async ({ main, onLeave }) => {
  let shown = '';
  let closed: Assembly[] | undefined;
  let closedReadWith = '';
  async function render(force = false): Promise<void> {
    const inProgress = await api<Assembly[]>('/assemblies?status=in_session');
    // The decisions of the last sessions stay in view after they close: read again only when a session closed
    // (or opened), not at every poll.
    const inProgressIds = inProgress.map((assembly) => assembly.id).join();
    if (closed === undefined || inProgressIds !== closedReadWith) {
      closed = await api<Assembly[]>('/assemblies?status=closed');
      closedReadWith = inProgressIds;
    }
    const recent = closed
      .filter((assembly) => assembly.agenda.length > 0)
      .sort((a, b) => heldOn(b).localeCompare(heldOn(a)))
      .slice(0, PAST_SESSIONS);
    const sessions = [...inProgress, ...recent];
    const applications = new Map<string, Application>();
    await Promise.all(
      sessions
        .flatMap((assembly) => assembly.agenda)
        .map(async (entry) => applications.set(entry.applicationId, await api<Application>(`/applications/${entry.applicationId}`))),
    );
    const signature = JSON.stringify([...applications.values()].map((application) => [application.id, application.state]));
    // Redrawn only when something changed, so polling never pulls focus from under the delegate's finger.
    if (!force && signature === shown) return;
    shown = signature;
    const focused = document.activeElement?.closest('.agenda-item') ? document.activeElement : null;
    const sections = await Promise.all(
      sessions.map(async (assembly) =>
        h(
          'section',
          { 'aria-labelledby': `session-${assembly.id}` },
          h(
            'h2',
            { id: `session-${assembly.id}` },
            sessionName(assembly),
            assembly.startsOn ? ` · ${formatDate(assembly.startsOn)}` : '',
            assembly.venue ? ` · ${assembly.venue}` : '',
            assembly.deadline && assembly.status !== 'closed'
              ? ` · ${t('vote.answerBy', { when: formatDateTime(assembly.deadline) })}`
              : '',
            assembly.status === 'closed' ? ` · ${t('vote.sessionClosed')}` : '',
          ),
          assembly.agenda.length === 0
            ? h('p', null, t('session.agendaEmpty'))
            : h(
                'ol',
                { class: 'cards' },
                await Promise.all(assembly.agenda.map((entry) => item(applications.get(entry.applicationId)!, () => render(true)))),
              ),
        ),
      ),
    );
    replace(
      main,
      pageTitle(t('vote.title')),
      inProgress.length === 0 ? h('p', null, t('vote.noSession')) : null,
      sections,
      h('p', null, h('a', { href: '/app/account' }, t('calendar.link'))),
    );
    if (focused && !main.contains(focused)) main.querySelector('h1')?.focus();
  }
  await render(true);
  const timer = window.setInterval(() => void render().catch(() => undefined), REFRESH_MS);
  onLeave(() => window.clearInterval(timer));
};
