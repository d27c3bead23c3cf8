import { api } from '../../api/client.js';
import type { Assembly, Government } from '../../api/types.js';
import { formatDate, formatDateTime, t, tDynamic } from '../../i18n/i18n.js';
import { navigate, type Page } from '../../router.js';
import { h, replace } from '../../ui/h.js';
import { showProblem } from '../../ui/problems.js';
import { keepUnsaved } from '../../ui/unsaved.js';
import { field, pageTitle, sessionName, submit, whenSubmitted } from '../../ui/widgets.js';
import { type Body, USUAL_RULE } from './usual-rules.js';

const options = (values: string[], prefix: string) => values.map((value) => h('option', { value }, tDynamic(prefix, value)));

const MEETING_QUORUMS = ['more_than_half_present', 'two_thirds_present', 'more_than_half_answered', 'none'];
const WRITTEN_QUORUMS = ['more_than_half_answered', 'none'];

/** The host of a meeting, chosen on purpose: no government is preselected. */
export function hostChoice(members: Government[], selected?: string | null): HTMLSelectElement {
  return h(
    'select',
    { name: 'hostGovernmentId', required: true },
    h('option', { value: '', selected: !selected }, t('sessions.hostChoose')),
    members.map((member) => h('option', { value: member.id, selected: member.id === selected }, `${member.nameEn} · ${member.nameLocal}`)),
  );
}

function createForm(members: Government[]): HTMLFormElement {
  const body = h('select', { name: 'body' }, options(['general_assembly', 'working_committee', 'written_procedure'], 'body'));
  const number = h('input', { name: 'number', type: 'number', min: 1, max: 10000, required: true });
  const host = hostChoice(members);
  const startsOn = h('input', { name: 'startsOn', type: 'date' });
  const endsOn = h('input', { name: 'endsOn', type: 'date' });
  const venue = h('input', { name: 'venue', maxlength: 300 });
  const deadline = h('input', { name: 'deadline', type: 'datetime-local' });
  const quorum = h('select', { name: 'quorum' });
  const majority = h(
    'select',
    { name: 'majority' },
    options(['more_than_half_cast', 'two_thirds_cast', 'more_than_half_of_voters', 'unanimity_cast'], 'majority'),
  );
  const secrecy = h('select', { name: 'ballotSecrecy' }, options(['named', 'secret'], 'secrecy'));
  const ruleHint = h('p', { class: 'hint', id: 'rule-hint' });
  [quorum, majority, secrecy].forEach((select) => select.setAttribute('aria-describedby', 'rule-hint'));
  const showUsualRule = () => {
    const chosen = body.value as Body;
    const usual = USUAL_RULE[chosen];
    replace(quorum, options(chosen === 'written_procedure' ? WRITTEN_QUORUMS : MEETING_QUORUMS, 'quorum'));
    quorum.value = usual.quorum;
    majority.value = usual.majority;
    secrecy.value = usual.ballotSecrecy;
    replace(ruleHint, t('sessions.ruleHint', { body: tDynamic('body', chosen) }));
  };
  showUsualRule();
  const meetingFields = h(
    'div',
    null,
    field(t('sessions.host'), host),
    field(t('sessions.startsOn'), startsOn),
    field(t('sessions.endsOn'), endsOn),
    field(t('sessions.venue'), venue),
  );
  const writtenFields = h('div', { hidden: true }, field(t('sessions.deadline'), deadline));
  body.addEventListener('change', () => {
    const written = body.value === 'written_procedure';
    meetingFields.hidden = written;
    writtenFields.hidden = !written;
    host.required = !written;
    showUsualRule();
  });
  const form: HTMLFormElement = h(
    'form',
    {
      class: 'card',
      onsubmit: whenSubmitted(async () => {
        const written = body.value === 'written_procedure';
        const payload = {
          body: body.value,
          number: Number(number.value),
          ...(written
            ? { deadline: deadline.value ? new Date(deadline.value).toISOString() : '' }
            : { hostGovernmentId: host.value, startsOn: startsOn.value, endsOn: endsOn.value, venue: venue.value }),
          quorum: quorum.value,
          majority: majority.value,
          ballotSecrecy: secrecy.value,
        };
        try {
          const created = await api<Assembly>('/assemblies', { method: 'POST', body: payload });
          navigate(`/app/sessions/${created.id}`);
        } catch (problem) {
          showProblem(form, problem);
        }
      }),
    },
    h('h2', null, t('sessions.create')),
    field(t('sessions.body'), body),
    field(t('sessions.number'), number),
    meetingFields,
    writtenFields,
    h(
      'fieldset',
      null,
      h('legend', null, t('sessions.rule')),
      ruleHint,
      field(t('sessions.quorum'), quorum),
      field(t('sessions.majority'), majority),
      field(t('sessions.secrecy'), secrecy),
    ),
    submit(t('sessions.createSubmit'), { class: 'primary' }),
  );
  keepUnsaved(form);
  return form;
}

export const sessionsPage: Page = async ({ main }) => {
  const [sessions, members] = await Promise.all([api<Assembly[]>('/assemblies'), api<Government[]>('/governments?status=member')]);
  replace(
    main,
    pageTitle(t('sessions.title')),
    h('p', null, h('a', { href: '/app/account' }, t('calendar.link'))),
    h(
      'ul',
      { class: 'cards' },
      sessions.map((session) =>
        h(
          'li',
          { class: 'card' },
          h('h2', null, h('a', { href: `/app/sessions/${session.id}` }, sessionName(session))),
          h(
            'p',
            null,
            h('span', { class: `badge session-${session.status}` }, tDynamic('sessionStatus', session.status)),
            ' ',
            session.startsOn
              ? `${formatDate(session.startsOn)} – ${formatDate(session.endsOn)} · ${session.venue ?? ''}`
              : formatDateTime(session.deadline),
            ' · ',
            t('sessions.agendaCount', { count: session.agenda.length }),
          ),
        ),
      ),
    ),
    createForm(members),
  );
};
