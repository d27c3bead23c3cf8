import { api, query } from '../../api/client.js';
import type { ApplicationPage } from '../../api/types.js';
import { formatDate, t, tDynamic } from '../../i18n/i18n.js';
import { navigate, type Page } from '../../router.js';
import { h, replace } from '../../ui/h.js';
import { dataTable, field, governmentName, pageTitle, stateBadge, submit } from '../../ui/widgets.js';
import { countryChoices } from './countries.js';

const STATES = [
  'submitted',
  'under_review',
  'information_requested',
  'eligible',
  'on_agenda',
  'voting',
  'approved',
  'rejected',
  'ineligible',
  'withdrawn',
];

/** The Secretariat's work queue: by default only what waits for the Secretariat now; filters in the URL. */
export const workQueuePage: Page = async ({ main, search }) => {
  const state = search.get('state') ?? '';
  const country = (search.get('country') ?? '').toUpperCase();
  const all = search.get('all') === '1';
  const q = search.get('q') ?? '';

  const stateSelect = h(
    'select',
    { name: 'state' },
    h('option', { value: '' }, t('queue.anyState')),
    STATES.map((value) => h('option', { value, selected: value === state }, tDynamic('state', value))),
  );
  const countrySelect = h(
    'select',
    { name: 'country' },
    h('option', { value: '' }, t('queue.anyCountry')),
    countryChoices().map((choice) => h('option', { value: choice.code, selected: choice.code === country }, choice.name)),
  );
  const searchInput = h('input', { name: 'q', type: 'search', value: q, maxlength: 200, autocomplete: 'off' });
  const allBox = h('input', { type: 'checkbox', name: 'all', id: 'queue-all', checked: all });
  const filters = h(
    'form',
    {
      class: 'filters',
      role: 'search',
      onsubmit: (event: Event) => {
        event.preventDefault();
        navigate(
          `/app/${query({
            q: searchInput.value.trim() || undefined,
            state: stateSelect.value,
            country: countrySelect.value,
            all: allBox.checked ? '1' : undefined,
          })}`,
        );
      },
    },
    field(t('queue.search'), searchInput, t('queue.searchHint')),
    field(t('queue.state'), stateSelect),
    field(t('queue.country'), countrySelect),
    h('div', { class: 'field checkbox' }, allBox, h('label', { for: 'queue-all' }, t('queue.includeWaiting'))),
    submit(t('queue.filter')),
  );

  const table = h('tbody');
  const more = h('div');
  const counter = h('p', { role: 'status' });
  let shown = 0;
  async function load(cursor?: string): Promise<void> {
    // A search looks through every application, not only those waiting for the Secretariat.
    const actionable = all || state || q ? undefined : 'true';
    const page = await api<ApplicationPage>(`/applications${query({ q: q || undefined, state, country, actionable, cursor, limit: 50 })}`);
    shown += page.items.length;
    table.append(
      ...page.items.map((item) =>
        h(
          'tr',
          null,
          h('td', null, h('a', { href: `/app/applications/${item.id}` }, item.reference)),
          h('td', null, governmentName(item.government)),
          h('td', null, stateBadge(item.state)),
          h('td', null, item.allowedActions.map((action) => tDynamic('action', action)).join(', ')),
          h('td', null, formatDate(item.submittedAt)),
        ),
      ),
    );
    replace(counter, t('queue.count', { count: shown }));
    replace(more, page.nextCursor ? h('button', { type: 'button', onclick: () => void load(page.nextCursor!) }, t('common.more')) : null);
  }

  // Marked apart, above the filters' results: the applicant has let every reminder pass.
  const overdue = await api<ApplicationPage>(`/applications${query({ overdue: 'true', limit: 100 })}`);
  const overdueSection = overdue.items.length
    ? h(
        'section',
        { 'aria-labelledby': 'queue-overdue' },
        h('h2', { id: 'queue-overdue' }, t('queue.overdue')),
        h('p', null, t('queue.overdueIntro')),
        h(
          'ul',
          null,
          overdue.items.map((item) =>
            h('li', null, h('a', { href: `/app/applications/${item.id}` }, item.reference), ' — ', governmentName(item.government)),
          ),
        ),
      )
    : null;

  replace(
    main,
    pageTitle(t('queue.title')),
    h('p', null, t('queue.intro')),
    overdueSection,
    filters,
    counter,
    dataTable(
      t('queue.title'),
      [t('queue.reference'), t('queue.government'), t('queue.state'), t('queue.next'), t('queue.submitted')],
      table,
    ),
    more,
  );
  await load();
};
