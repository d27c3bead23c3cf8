import { api } from '../../api/client.js';
import { ApiProblem } from '../../api/problem.js';
import type { ApplicationPage, Assembly, Government } from '../../api/types.js';
import { t, tDynamic } from '../../i18n/i18n.js';
import { type Confirmation, confirmIrreversible } from '../../ui/confirm.js';
import { h } from '../../ui/h.js';
import { notify } from '../../ui/notice.js';
import { showProblem } from '../../ui/problems.js';
import { keepUnsaved } from '../../ui/unsaved.js';
import { busy, field, governmentName, sessionName, submit, whenSubmitted } from '../../ui/widgets.js';
import { hostChoice } from './sessions.js';

const options = (values: string[], prefix: string, selected: string) =>
  values.map((value) => h('option', { value, selected: value === selected }, tDynamic(prefix, value)));

/**
 * Edits a scheduled meeting with the version the page showed (If-Match): when someone else changed it since,
 * the page shows it as it is now and says so.
 */
export function editSessionForm(session: Assembly, members: Government[], saved: () => Promise<void>): HTMLElement {
  const number = h('input', { name: 'number', type: 'number', min: 1, max: 10000, required: true, value: String(session.number) });
  const host = hostChoice(members, session.hostGovernmentId);
  const startsOn = h('input', { name: 'startsOn', type: 'date', required: true, value: session.startsOn ?? '' });
  const endsOn = h('input', { name: 'endsOn', type: 'date', required: true, value: session.endsOn ?? '' });
  const venue = h('input', { name: 'venue', maxlength: 300, required: true, value: session.venue ?? '' });
  const quorum = h(
    'select',
    { name: 'quorum' },
    options(['more_than_half_present', 'two_thirds_present', 'more_than_half_answered', 'none'], 'quorum', session.quorum),
  );
  const majority = h(
    'select',
    { name: 'majority' },
    options(['more_than_half_cast', 'two_thirds_cast', 'more_than_half_of_voters', 'unanimity_cast'], 'majority', session.majority),
  );
  const secrecy = h('select', { name: 'ballotSecrecy' }, options(['named', 'secret'], 'secrecy', session.ballotSecrecy));
  const form: HTMLFormElement = h(
    'form',
    {
      class: 'card',
      onsubmit: whenSubmitted(async () => {
        try {
          await api(`/assemblies/${session.id}`, {
            method: 'PATCH',
            headers: { 'If-Match': `"${session.version}"` },
            body: {
              number: Number(number.value),
              hostGovernmentId: host.value,
              startsOn: startsOn.value,
              endsOn: endsOn.value,
              venue: venue.value,
              quorum: quorum.value,
              majority: majority.value,
              ballotSecrecy: secrecy.value,
            },
          });
          await saved();
          notify(t('session.edited'));
        } catch (problem) {
          if (problem instanceof ApiProblem && problem.status === 412) {
            await saved();
            notify(t('session.changedMeanwhile'), 'warning');
            return;
          }
          showProblem(form, problem);
        }
      }),
    },
    h('h2', { id: 'edit-title' }, t('session.edit')),
    h('p', { class: 'hint' }, t('session.editHint')),
    field(t('sessions.number'), number),
    field(t('sessions.host'), host),
    field(t('sessions.startsOn'), startsOn),
    field(t('sessions.endsOn'), endsOn),
    field(t('sessions.venue'), venue),
    field(t('sessions.quorum'), quorum),
    field(t('sessions.majority'), majority),
    field(t('sessions.secrecy'), secrecy),
    submit(t('session.editSave'), { class: 'primary' }),
  );
  keepUnsaved(form);
  return form;
}

/** Before cancelling: that it is final, and what becomes of each application on the agenda. */
function cancelConfirmation(session: Assembly, onAgenda: ApplicationPage['items'], reason: string): Confirmation {
  const waiting = onAgenda.filter((application) => application.state === 'on_agenda');
  return {
    title: t('confirm.cancelSession.title', { session: sessionName(session) }),
    body: [
      h('p', null, t('confirm.cancelSession.what')),
      waiting.length === 0
        ? h('p', null, t('confirm.cancelSession.noAgenda'))
        : [
            h('p', null, t('confirm.cancelSession.agenda', { count: waiting.length })),
            h(
              'ul',
              { class: 'deferred' },
              waiting.map((application) => h('li', null, application.reference, ' ', governmentName(application.government))),
            ),
          ],
      h('p', null, t('confirm.reason')),
      h('blockquote', null, reason),
    ],
    confirm: t('confirm.cancelSession.confirm'),
  };
}

/** Cancels a scheduled meeting, with its reason, after a confirmation that says what it does. */
export function cancelSessionForm(session: Assembly, onAgenda: ApplicationPage['items'], cancelled: () => Promise<void>): HTMLElement {
  const reason = h('textarea', { name: 'reason', required: true, rows: 3, maxlength: 2000 });
  const button = submit(t('session.cancel'), { class: 'danger' });
  const form: HTMLFormElement = h(
    'form',
    {
      class: 'action',
      onsubmit: (event: Event) => {
        event.preventDefault();
        void busy(form, async () => {
          try {
            const confirmation = cancelConfirmation(session, onAgenda, reason.value);
            if (!(await confirmIrreversible({ ...confirmation, returnFocusTo: button }))) return;
            await api(`/assemblies/${session.id}/cancel`, {
              method: 'POST',
              headers: { 'If-Match': `"${session.version}"` },
              body: { reason: reason.value },
            });
            await cancelled();
            notify(t('session.cancelled'));
          } catch (problem) {
            if (problem instanceof ApiProblem && problem.status === 412) {
              await cancelled();
              notify(t('session.changedMeanwhile'), 'warning');
              return;
            }
            showProblem(form, problem);
          }
        });
      },
    },
    field(t('session.cancelReason'), reason),
    button,
  );
  keepUnsaved(form);
  return h(
    'section',
    { 'aria-labelledby': 'cancel-title', class: 'withdrawal' },
    h('h2', { id: 'cancel-title' }, t('session.cancelTitle')),
    h('p', { class: 'hint' }, t('session.cancelHint')),
    form,
  );
}
