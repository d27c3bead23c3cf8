import { api } from '../../api/client.js';
import type { Assembly, Government } from '../../api/types.js';
import { formatDate, formatDateTime, t, tDynamic } from '../../i18n/i18n.js';
import { navigate, type Page } from '../../router.js';
import { h, replace } from '../../ui/h.js';
import { showProblem } from '../../ui/problems.js';
import { field, pageTitle, submit, whenSubmitted } from '../../ui/widgets.js';

const options = (values: string[], prefix: string) => values.map((value) => h('option', { value }, tDynamic(prefix, value)));

function createForm(members: Government[]): HTMLFormElement {
  const body = h('select', { name: 'body' }, options(['general_assembly', 'working_committee', 'written_procedure'], 'body'));
  const number = h('input', { name: 'number', type: 'number', min: 1, max: 10000, required: true });
  const host = h(
    'select',
    { name: 'hostGovernmentId' },
    members.map((member) => h('option', { value: member.id }, `${member.nameEn} · ${member.nameLocal}`)),
  );
  const startsOn = h('input', { name: 'startsOn', type: 'date' });
  const endsOn = h('input', { name: 'endsOn', type: 'date' });
  const venue = h('input', { name: 'venue', maxlength: 300 });
  const deadline = h('input', { name: 'deadline', type: 'datetime-local' });
  const quorum = h(
    'select',
    { name: 'quorum' },
    h('option', { value: '' }, t('sessions.default')),
    options(['more_than_half_present', 'two_thirds_present', 'more_than_half_answered', 'none'], 'quorum'),
  );
  const majority = h(
    'select',
    { name: 'majority' },
    h('option', { value: '' }, t('sessions.default')),
    options(['more_than_half_cast', 'two_thirds_cast', 'more_than_half_of_voters', 'unanimity_cast'], 'majority'),
  );
  const secrecy = h('select', { name: 'ballotSecrecy' }, options(['named', 'secret'], 'secrecy'));
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
          ...(quorum.value ? { quorum: quorum.value } : {}),
          ...(majority.value ? { majority: majority.value } : {}),
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
    field(t('sessions.quorum'), quorum),
    field(t('sessions.majority'), majority),
    field(t('sessions.secrecy'), secrecy),
    submit(t('sessions.createSubmit'), { class: 'primary' }),
  );
  return form;
}

export const sessionsPage: Page = async ({ main }) => {
  const [sessions, members] = await Promise.all([api<Assembly[]>('/assemblies'), api<Government[]>('/governments?status=member')]);
  replace(
    main,
    pageTitle(t('sessions.title')),
    h(
      'ul',
      { class: 'cards' },
      sessions.map((session) =>
        h(
          'li',
          { class: 'card' },
          h('h2', null, h('a', { href: `/app/sessions/${session.id}` }, `${tDynamic('body', session.body)} ${session.number}`)),
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
