import { api, apiText, query } from '../../api/client.js';
import type { AuditPage, AuditVerification } from '../../api/types.js';
import { formatDateTime, knownEvents, t, tDynamic } from '../../i18n/i18n.js';
import { navigate, type Page } from '../../router.js';
import { h, replace } from '../../ui/h.js';
import { showProblem } from '../../ui/problems.js';
import { busy, dataTable, field, pageTitle, submit, whenSubmitted } from '../../ui/widgets.js';

const PAGE_SIZE = 100;

/**
 * The audit trail: filters, verification of the hash chain, and the loaded entries as CSV. The CSV is the
 * API's own (`format=csv`), whose payload column is the canonical JSON that was hashed, so an export can be
 * checked against the chain.
 */
export const auditPage: Page = async ({ main, search }) => {
  const filters = { applicationId: search.get('applicationId') ?? '', action: search.get('action') ?? '' };
  const applicationInput = h('input', { name: 'applicationId', value: filters.applicationId, autocomplete: 'off' });
  // Chosen by its words: the action's code is for the API.
  const actionInput = h(
    'select',
    { name: 'action' },
    h('option', { value: '' }, t('audit.anyAction')),
    knownEvents()
      .map((code) => ({ code, words: tDynamic('event', code) }))
      .sort((a, b) => a.words.localeCompare(b.words))
      .map(({ code, words }) => h('option', { value: code, selected: code === filters.action }, words)),
  );
  const filterForm = h(
    'form',
    {
      class: 'filters',
      role: 'search',
      onsubmit: (event: Event) => (
        event.preventDefault(),
        navigate(`/app/audit${query({ applicationId: applicationInput.value, action: actionInput.value })}`)
      ),
    },
    field(t('audit.applicationId'), applicationInput),
    field(t('audit.action'), actionInput),
    submit(t('queue.filter')),
  );

  const verdict = h('p', { role: 'status' });
  const verifyForm: HTMLFormElement = h(
    'form',
    {
      class: 'action',
      onsubmit: whenSubmitted(async () => {
        try {
          const result = await api<AuditVerification>('/audit-events/verify');
          verdict.className = result.valid ? 'good' : 'warning';
          replace(
            verdict,
            result.valid ? t('audit.valid', { checked: result.checked }) : t('audit.invalid', { seq: result.firstInvalidId ?? '?' }),
          );
        } catch (problem) {
          showProblem(verifyForm, problem);
        }
      }),
    },
    submit(t('audit.verify')),
  );

  /** The cursor of each page shown (undefined for the first), so that the export is exactly what is shown. */
  const shownPages: (string | undefined)[] = [];
  const body = h('tbody');
  const more = h('div');
  const exportButton = h(
    'button',
    {
      type: 'button',
      onclick: () =>
        void busy(exportArea, async () => {
          try {
            const pages = await Promise.all(
              shownPages.map((cursor) => apiText(`/audit-events${query({ ...filters, cursor, limit: PAGE_SIZE, format: 'csv' })}`)),
            );
            // Every page starts with the header row: keep the first one only.
            const csv = pages.map((page, index) => (index === 0 ? page : page.slice(page.indexOf('\r\n') + 2))).join('');
            const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
            const link = h('a', { href: url, download: 'near-audit-trail.csv' });
            document.body.append(link);
            link.click();
            link.remove();
            setTimeout(() => URL.revokeObjectURL(url), 10_000);
          } catch (problem) {
            showProblem(exportArea, problem);
          }
        }),
    },
    t('audit.export'),
  );
  const exportArea = h('div', null, exportButton);
  async function load(cursor?: string): Promise<void> {
    const page = await api<AuditPage>(`/audit-events${query({ ...filters, cursor, limit: PAGE_SIZE })}`);
    shownPages.push(cursor);
    body.append(
      ...page.items.map((event) =>
        h(
          'tr',
          null,
          h('td', null, String(event.seq)),
          h('td', null, formatDateTime(event.occurredAt)),
          h('td', null, tDynamic('event', event.action)),
          h('td', null, event.actorRole ? tDynamic('role', event.actorRole) : ''),
          h(
            'td',
            null,
            event.entityType === 'application'
              ? h('a', { href: `/app/applications/${event.entityId}` }, event.entityId.slice(0, 8))
              : `${event.entityType} ${event.entityId.slice(0, 8)}`,
          ),
          h('td', null, event.stateAfter ? stateWords(event.entityType, event.stateAfter) : ''),
        ),
      ),
    );
    replace(more, page.nextCursor ? h('button', { type: 'button', onclick: () => void load(page.nextCursor!) }, t('common.more')) : null);
  }

  replace(
    main,
    pageTitle(t('audit.title')),
    filterForm,
    h('div', { class: 'button-row' }, verifyForm, exportArea),
    verdict,
    dataTable(
      t('audit.title'),
      [t('audit.seq'), t('audit.when'), t('audit.what'), t('audit.who'), t('audit.entity'), t('audit.stateAfter')],
      body,
    ),
    more,
  );
  await load();
};

/** A state in words: an application's workflow state, a session's or a government's status. */
function stateWords(entityType: string, state: string): string {
  const prefix = { assembly: 'sessionStatus', government: 'governmentStatus', notification: 'notificationStatus' }[entityType] ?? 'state';
  return tDynamic(prefix, state);
}
