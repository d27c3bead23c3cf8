import { api } from '../../api/client.js';
import type { Government } from '../../api/types.js';
import { formatDate, type MessageKey, t, tDynamic } from '../../i18n/i18n.js';
import type { Page } from '../../router.js';
import { h, replace } from '../../ui/h.js';
import { notify } from '../../ui/notice.js';
import { showProblem } from '../../ui/problems.js';
import { keepUnsaved } from '../../ui/unsaved.js';
import { dataTable, field, languageOf, pageTitle, submit, whenSubmitted } from '../../ui/widgets.js';
import { countryChoices, countryName } from './countries.js';
import { timeZoneSelect } from './time-zone-select.js';

type Status = Government['status'];
const SECTIONS: [Status, MessageKey][] = [
  ['member', 'registry.section.member'],
  ['associate', 'registry.section.associate'],
  ['observer', 'registry.section.observer'],
  ['prospective', 'registry.section.prospective'],
];

/** The registry: every government by status, searchable by name; the Secretariat adds a prospective government here. */
export const membersPage: Page = async ({ main }) => {
  const governments = await api<Government[]>('/governments');
  const members = governments.filter((government) => government.status === 'member');
  const withoutVote = members.filter((member) => !member.mayVote).length;

  const sections = SECTIONS.map(([status, heading]) => statusSection(governments, status, heading));
  const search = h('input', {
    type: 'search',
    name: 'q',
    autocomplete: 'off',
    oninput: () => sections.forEach((section) => section.filter(search.value)),
  });

  replace(
    main,
    pageTitle(t('registry.title')),
    h('p', null, t('members.summary', { count: members.length, withoutVote })),
    h('div', { class: 'card', role: 'search' }, field(t('registry.search'), search, t('registry.searchHint'))),
    sections.map((section) => section.element),
    addProspectiveForm(async (name) => {
      await membersPage({ main } as Parameters<Page>[0]);
      notify(t('registry.added', { name }));
    }),
  );
};

function statusSection(
  governments: Government[],
  status: Status,
  heading: MessageKey,
): { element: HTMLElement; filter: (text: string) => void } {
  const rows = governments.filter((government) => government.status === status);
  const feePaying = status === 'member' || status === 'associate';
  const headings = [t('members.name'), t('members.localName'), t('members.country'), feePaying ? t('members.since') : t('registry.level')];
  if (status === 'member') headings.push(t('members.vote'));
  const trs = rows.map((government) => {
    const tr = h(
      'tr',
      null,
      h('td', null, h('a', { href: `/app/members/${government.id}`, lang: 'en' }, government.nameEn)),
      h('td', { lang: languageOf(government.country) }, government.nameLocal),
      h('td', null, countryName(government.country)),
      h('td', null, feePaying ? formatDate(government.memberSince) || t('members.sinceUnknown') : tDynamic('level', government.level)),
      status === 'member'
        ? h(
            'td',
            null,
            government.mayVote
              ? h('span', { class: 'badge good' }, t('members.mayVote'))
              : h('span', { class: 'badge bad' }, t('members.noVote')),
          )
        : null,
    );
    return { tr, names: `${government.nameEn} ${government.nameLocal}`.toLocaleLowerCase() };
  });
  const none = h('p', { hidden: rows.length > 0 }, t('registry.none'));
  const table = dataTable(
    t(heading, { count: rows.length }),
    headings,
    h(
      'tbody',
      null,
      trs.map((row) => row.tr),
    ),
  );
  table.hidden = rows.length === 0;
  const title = h('h2', null, t(heading, { count: rows.length }));
  const element = h('section', { class: 'registry-section' }, title, table, none);
  return {
    element,
    filter(text) {
      const wanted = text.trim().toLocaleLowerCase();
      let shown = 0;
      for (const row of trs) {
        row.tr.hidden = !!wanted && !row.names.includes(wanted);
        if (!row.tr.hidden) shown += 1;
      }
      table.hidden = shown === 0;
      none.hidden = shown > 0;
      const counted = t(heading, { count: shown });
      replace(title, counted);
      const caption = table.querySelector('caption');
      if (caption) replace(caption, counted);
    },
  };
}

function addProspectiveForm(added: (name: string) => Promise<void>): HTMLFormElement {
  const nameEn = h('input', { name: 'nameEn', required: true, maxlength: 200, autocomplete: 'off' });
  const nameLocal = h('input', { name: 'nameLocal', required: true, maxlength: 200, autocomplete: 'off' });
  const country = h(
    'select',
    { name: 'country', required: true },
    h('option', { value: '' }, t('registry.chooseCountry')),
    countryChoices().map((choice) => h('option', { value: choice.code }, choice.name)),
  );
  const level = h(
    'select',
    { name: 'level' },
    ['regional', 'local'].map((value) => h('option', { value }, tDynamic('level', value))),
  );
  const kind = h('input', { name: 'kind', maxlength: 100, autocomplete: 'off' });
  const timeZone = timeZoneSelect(null, t('registry.timeZoneFromCountry'));
  const form: HTMLFormElement = h(
    'form',
    {
      class: 'card',
      onsubmit: whenSubmitted(async () => {
        try {
          await api('/governments', {
            method: 'POST',
            body: {
              nameEn: nameEn.value,
              nameLocal: nameLocal.value,
              country: country.value,
              level: level.value,
              ...(kind.value.trim() ? { kind: kind.value } : {}),
              ...(timeZone.value ? { timeZone: timeZone.value } : {}),
            },
          });
          await added(nameEn.value.trim());
        } catch (problem) {
          showProblem(form, problem);
        }
      }),
    },
    h('h2', null, t('registry.add')),
    h('p', { class: 'hint' }, t('registry.addHint')),
    field(t('registry.nameEn'), nameEn),
    field(t('registry.nameLocal'), nameLocal),
    field(t('members.country'), country),
    field(t('registry.level'), level),
    field(t('registry.kind'), kind, t('registry.kindHint')),
    field(t('registry.timeZone'), timeZone, t('registry.timeZoneHint')),
    submit(t('registry.addSubmit'), { class: 'primary' }),
  );
  keepUnsaved(form);
  return form;
}
