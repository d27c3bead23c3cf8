import { api } from '../../api/client.js';
import type { ApplicationPage, Assembly, Government } from '../../api/types.js';
import { formatDate, formatDateTime, t, tDynamic } from '../../i18n/i18n.js';
import type { Page } from '../../router.js';
import { type Confirmation, confirmIrreversible } from '../../ui/confirm.js';
import { h, replace } from '../../ui/h.js';
import { notify } from '../../ui/notice.js';
import { showProblem } from '../../ui/problems.js';
import { keepUnsaved, markUnsaved } from '../../ui/unsaved.js';
import { busy, definitionList, governmentName, pageTitle, sessionName, stateBadge, submit, whenSubmitted } from '../../ui/widgets.js';
import { countryName } from './countries.js';
import { cancelSessionForm, editSessionForm } from './session-changes.js';

/** The attendance checklist: every member government, ticked when present; saved as one list. */
function attendanceForm(session: Assembly, members: Government[], saved: () => Promise<void>): HTMLFormElement {
  const present = new Set(session.presentGovernmentIds);
  const boxes = members.map((member) =>
    h('input', { type: 'checkbox', id: `present-${member.id}`, value: member.id, checked: present.has(member.id) }),
  );
  const count = h('p', { role: 'status' });
  const recount = () =>
    replace(count, t('attendance.count', { present: boxes.filter((box) => box.checked).length, total: members.length }));
  boxes.forEach((box) => box.addEventListener('change', recount));
  recount();
  const setAll = (checked: boolean) => {
    boxes.forEach((box) => (box.checked = checked));
    recount();
    markUnsaved(form);
  };
  const form: HTMLFormElement = h(
    'form',
    {
      onsubmit: whenSubmitted(async () => {
        try {
          await api(`/assemblies/${session.id}/attendance`, {
            method: 'PUT',
            body: { governmentIds: boxes.filter((box) => box.checked).map((box) => box.value) },
          });
          await saved();
          notify(t('attendance.saved'));
        } catch (problem) {
          showProblem(form, problem);
        }
      }),
    },
    h(
      'div',
      { class: 'button-row' },
      h('button', { type: 'button', onclick: () => setAll(true) }, t('attendance.all')),
      h('button', { type: 'button', onclick: () => setAll(false) }, t('attendance.none')),
    ),
    count,
    h(
      'fieldset',
      { class: 'attendance' },
      h('legend', null, t('attendance.legend')),
      members.map((member, index) =>
        h(
          'div',
          { class: 'check' },
          boxes[index],
          h(
            'label',
            { for: boxes[index].id },
            governmentName(member),
            ` (${countryName(member.country)})`,
            member.mayVote ? '' : ` — ${t('members.noVote')}`,
          ),
        ),
      ),
    ),
    submit(t('attendance.save'), { class: 'primary' }),
  );
  keepUnsaved(form);
  return form;
}

/** Before a session closes: what closing does, and the applications on its agenda still waiting for a decision. */
function closeConfirmation(session: Assembly, onAgenda: ApplicationPage['items']): Confirmation {
  const undecided = onAgenda.filter((application) => application.state === 'on_agenda' || application.state === 'voting');
  const name = sessionName(session);
  return {
    title: t('confirm.closeSession.title', { session: name }),
    body: [
      h('p', null, t('confirm.closeSession.what')),
      undecided.length === 0
        ? h('p', null, t('confirm.closeSession.allDecided'))
        : [
            h('p', null, t('confirm.closeSession.undecided', { count: undecided.length })),
            h(
              'ul',
              null,
              undecided.map((application) =>
                h(
                  'li',
                  null,
                  application.reference,
                  ' ',
                  governmentName(application.government),
                  ' · ',
                  tDynamic('state', application.state),
                ),
              ),
            ),
          ],
    ],
    confirm: t('confirm.closeSession.confirm'),
  };
}

function openConfirmation(session: Assembly): Confirmation {
  return {
    title: t('confirm.openSession.title', { session: sessionName(session) }),
    body: [h('p', null, t(session.body === 'written_procedure' ? 'confirm.openSession.whatWritten' : 'confirm.openSession.what'))],
    confirm: t('confirm.openSession.confirm'),
  };
}

export const sessionPage: Page = async ({ main, params }) => {
  const [id] = params;
  const members = await api<Government[]>('/governments?status=member');

  async function render(): Promise<void> {
    // The agenda names only government ids; the applications list carries the applicants' names.
    const [session, onAgenda] = await Promise.all([
      api<Assembly>(`/assemblies/${id}`),
      api<ApplicationPage>(`/applications?assemblyId=${id}&limit=100`),
    ]);
    const applicants = new Map(onAgenda.items.map((application) => [application.id, application.government]));
    const lifecycle = async (form: HTMLFormElement, verb: 'open' | 'close') =>
      busy(form, async () => {
        try {
          const returnFocusTo = form.querySelector('button') ?? undefined;
          const confirmation = verb === 'close' ? closeConfirmation(session, onAgenda.items) : openConfirmation(session);
          if (!(await confirmIrreversible({ ...confirmation, returnFocusTo }))) return;
          await api(`/assemblies/${id}/${verb}`, { method: 'POST' });
          await render();
          notify(t(verb === 'open' ? 'session.opened' : 'session.closed'));
        } catch (problem) {
          showProblem(form, problem);
        }
      });
    const lifecycleForm = (verb: 'open' | 'close'): HTMLFormElement => {
      const form: HTMLFormElement = h(
        'form',
        { class: 'action', onsubmit: (event: Event) => (event.preventDefault(), void lifecycle(form, verb)) },
        submit(t(verb === 'open' ? 'session.open' : 'session.close'), { class: verb === 'open' ? 'primary' : 'danger' }),
      );
      return form;
    };
    const byId = new Map(members.map((member) => [member.id, member]));
    replace(
      main,
      pageTitle(
        sessionName(session),
        ' ',
        h('span', { class: `badge session-${session.status}` }, tDynamic('sessionStatus', session.status)),
      ),
      definitionList([
        [
          t('sessions.host'),
          session.hostGovernmentId && byId.has(session.hostGovernmentId) ? governmentName(byId.get(session.hostGovernmentId)!) : null,
        ],
        [t('sessions.dates'), session.startsOn ? `${formatDate(session.startsOn)} – ${formatDate(session.endsOn)}` : null],
        [t('sessions.venue'), session.venue],
        [t('sessions.deadline'), session.deadline ? formatDateTime(session.deadline) : null],
        [t('sessions.quorum'), tDynamic('quorum', session.quorum)],
        [t('sessions.majority'), tDynamic('majority', session.majority)],
        [t('sessions.secrecy'), tDynamic('secrecy', session.ballotSecrecy)],
      ]),
      session.status === 'scheduled' ? lifecycleForm('open') : null,
      session.status === 'in_session' && session.body !== 'written_procedure' ? lifecycleForm('close') : null,
      h(
        'section',
        { 'aria-labelledby': 'agenda-title' },
        h('h2', { id: 'agenda-title' }, t('session.agenda')),
        session.agenda.length === 0
          ? h('p', null, t('session.agendaEmpty'))
          : h(
              'ul',
              null,
              session.agenda.map((item) =>
                h(
                  'li',
                  null,
                  h('a', { href: `/app/applications/${item.applicationId}` }, item.reference),
                  ' ',
                  applicants.has(item.applicationId) ? governmentName(applicants.get(item.applicationId)!) : null,
                  ' ',
                  stateBadge(item.state),
                ),
              ),
            ),
      ),
      session.status === 'in_session' && session.body !== 'written_procedure'
        ? h(
            'section',
            { 'aria-labelledby': 'attendance-title' },
            h('h2', { id: 'attendance-title' }, t('attendance.title')),
            attendanceForm(session, members, render),
          )
        : null,
      session.status === 'scheduled' ? editSessionForm(session, members, render) : null,
      session.status === 'scheduled' ? cancelSessionForm(session, onAgenda.items, render) : null,
    );
  }
  await render();
};
