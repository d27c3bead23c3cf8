import { api } from '../../api/client.js';
import type { Application, Assembly } from '../../api/types.js';
import { formatDate, formatDateTime, type MessageKey, t, tDynamic } from '../../i18n/i18n.js';
import { confirmIrreversible } from '../../ui/confirm.js';
import { h } from '../../ui/h.js';
import { keepUnsaved } from '../../ui/unsaved.js';
import { field, sessionName, submit, whenSubmitted } from '../../ui/widgets.js';
import { CONFIRMED_ACTIONS, confirmationFor, ENDING_ACTIONS } from './confirmations.js';
import type { Reaction } from './reaction.js';
import { respondAttachments } from './respond-attachments.js';
import { respondCorrections } from './respond-corrections.js';
import { fetchResult } from './result-section.js';

/** The text an action asks for, by the API's field name. */
const TEXT_INPUT: Record<string, string> = {
  'request-information': 'message',
  respond: 'message',
  'declare-ineligible': 'reasons',
  defer: 'reason',
  withdraw: 'reason',
};

export function runAction(application: Application, action: string, body: object): Promise<Application> {
  return api<Application>(`/applications/${application.id}/actions/${action}`, {
    method: 'POST',
    body,
    // The version this page showed: if someone changed the application since, the API answers 412.
    headers: { 'If-Match': `"${application.version}"` },
  });
}

async function sessionChoice(): Promise<HTMLSelectElement> {
  const sessions = (await api<Assembly[]>('/assemblies')).filter(
    (session) => session.status === 'scheduled' || session.status === 'in_session',
  );
  return h(
    'select',
    { name: 'assemblyId', required: true },
    sessions.map((session) =>
      h(
        'option',
        { value: session.id },
        `${sessionName(session)} · ${tDynamic('sessionStatus', session.status)}` +
          (session.startsOn ? ` · ${formatDate(session.startsOn)}` : ''),
      ),
    ),
  );
}

export async function actionForm(application: Application, action: string, react: Reaction): Promise<HTMLFormElement> {
  const textName = TEXT_INPUT[action];
  const text = textName ? h('textarea', { name: textName, required: true, rows: 3, maxlength: 10000 }) : null;
  const session = action === 'place-on-agenda' ? await sessionChoice() : null;
  const corrections = action === 'respond' ? respondCorrections(application) : null;
  const documents = action === 'respond' ? await respondAttachments(application) : null;
  const button = submit(tDynamic('action', action), { class: ENDING_ACTIONS.has(action) ? 'danger' : 'primary' });
  const blocked = action === 'declare-eligible' ? notYetPassed(application) : [];
  const blockedReason =
    blocked.length > 0
      ? h(
          'p',
          { class: 'hint', id: `${action}-blocked` },
          t('eligibility.declareBlocked', { criteria: blocked.map((code) => tDynamic('criterion', code)).join('; ') }),
        )
      : null;
  if (blockedReason) {
    // The API would refuse it (guard every-criterion-passed): say why before anyone tries.
    button.disabled = true;
    button.setAttribute('aria-describedby', blockedReason.id);
  }
  const form: HTMLFormElement = h(
    'form',
    {
      class: 'action',
      onsubmit: whenSubmitted(async () => {
        try {
          if (CONFIRMED_ACTIONS.has(action)) {
            const confirmation = await confirmationFor(application, action, text?.value ?? '');
            if (!(await confirmIrreversible({ ...confirmation, returnFocusTo: button }))) return;
          }
          const attachmentIds = documents ? await documents.ids() : [];
          const body = text
            ? { [textName]: text.value, ...corrections?.changes(), ...(attachmentIds.length > 0 ? { attachmentIds } : {}) }
            : session
              ? { assemblyId: session.value }
              : {};
          await runAction(application, action, body);
          await react.done(t('action.done', { action: tDynamic('action', action) }));
        } catch (problem) {
          await react.failed(form, problem);
        }
      }),
    },
    action === 'respond' ? pendingQuestion(application) : null,
    text ? field(t(`actionInput.${action}` as MessageKey), text) : null,
    documents?.element,
    corrections?.element,
    session ? field(t('actionInput.place-on-agenda'), session) : null,
    button,
    blockedReason,
  );
  keepUnsaved(form);
  return form;
}

/** The request being answered, quoted above the answer: the correspondence itself comes further down the page. */
function pendingQuestion(application: Application): HTMLElement | null {
  const request = application.messages.filter((message) => message.kind === 'information-request').at(-1);
  if (!request) return null;
  return h(
    'figure',
    { class: 'pending-question' },
    h('figcaption', null, t('respond.question', { date: formatDateTime(request.createdAt) })),
    h('blockquote', null, request.body),
  );
}

/** The criteria not recorded as passed, by code: declaring eligible waits for none. */
function notYetPassed(application: Application): string[] {
  return application.eligibility.criteria.filter((criterion) => criterion.passed !== true).map((criterion) => criterion.code);
}

/**
 * A written procedure's ballot closes at its deadline; the API refuses an earlier close (guard
 * deadline-not-reached) unless every government on the roll has answered, so the button waits until then.
 */
async function closesOnlyAtDeadline(application: Application): Promise<boolean> {
  const deadline = application.session?.deadline;
  if (!deadline || new Date(deadline).getTime() <= Date.now()) return false;
  const turnout = (await fetchResult(application.id))?.turnout;
  return !turnout || turnout.ballots < turnout.voters;
}

/**
 * One form per action the caller may run now, as the API lists them in allowedActions; withdrawal is not
 * among them but below the application's content (withdrawalSection), so that it is not the first control.
 */
export async function actionsSection(application: Application, react: Reaction): Promise<HTMLElement | null> {
  let actions = application.allowedActions.filter((action) => action !== 'withdraw');
  const waitForDeadline = actions.includes('close-ballot') && (await closesOnlyAtDeadline(application));
  if (waitForDeadline) actions = actions.filter((action) => action !== 'close-ballot');
  if (actions.length === 0 && !waitForDeadline) return null;
  const forms = await Promise.all(actions.map((action) => actionForm(application, action, react)));
  return h(
    'section',
    { 'aria-labelledby': 'actions-title', class: 'actions' },
    h('h2', { id: 'actions-title' }, t('action.title')),
    forms,
    waitForDeadline
      ? h('p', { class: 'hint' }, t('action.closesAtDeadline', { date: formatDateTime(application.session!.deadline) }))
      : null,
  );
}

/** Withdrawal, placed after what the application says, with its reason required and a confirmation. */
export async function withdrawalSection(application: Application, react: Reaction): Promise<HTMLElement | null> {
  if (!application.allowedActions.includes('withdraw')) return null;
  return h(
    'section',
    { 'aria-labelledby': 'withdrawal-title', class: 'withdrawal' },
    h('h2', { id: 'withdrawal-title' }, t('withdrawal.title')),
    h('p', { class: 'hint' }, t('withdrawal.hint')),
    await actionForm(application, 'withdraw', react),
  );
}
