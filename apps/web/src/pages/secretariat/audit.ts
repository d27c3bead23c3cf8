import { api, apiText, query } from '../../api/client.js';
import type { AuditEvent, AuditPage, AuditVerification } from '../../api/types.js';
import { formatDateTime, knownEvents, t, tDynamic } from '../../i18n/i18n.js';
import { navigate, type Page } from '../../router.js';
import { h, replace } from '../../ui/h.js';
import { showProblem } from '../../ui/problems.js';
import { saveFile } from '../../ui/save-file.js';
import { busy, dataTable, field, pageTitle, sessionName, submit, whenSubmitted } from '../../ui/widgets.js';

const PAGE_SIZE = 100;

/**
 * The audit trail: filters, verification of the hash chain, and the loaded entries as CSV. The CSV is the
 * API's own (`format=csv`), whose payload column is the canonical JSON that was hashed, so an export can be
 * checked against the chain.
 */
export const auditPage: Page = async ({ main, search }) => {
  // By reference, as people quote an application; a link may still carry its id (applicationId), which the API keeps.
  const filters = {
    reference: search.get('reference') ?? '',
    applicationId: search.get('applicationId') ?? '',
    action: search.get('action') ?? '',
  };
  const referenceInput = h('input', {
    name: 'reference',
    value: filters.reference,
    autocomplete: 'off',
    maxlength: 20,
    pattern: '[Nn][Ee][Aa][Rr]-[0-9]{4}-[0-9]{4,9}',
  });
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
        navigate(`/app/audit${query({ reference: referenceInput.value.trim().toUpperCase(), action: actionInput.value })}`)
      ),
    },
    field(t('audit.reference'), referenceInput, t('audit.referenceHint')),
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
            saveFile(new Blob([csv], { type: 'text/csv;charset=utf-8' }), 'near-audit-trail.csv');
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
          h('td', null, actorWords(event)),
          h('td', null, subject(event)),
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
  const prefix =
    { assembly: 'sessionStatus', government: 'governmentStatus', notification: 'notificationStatus', user: 'userStatus' }[entityType] ??
    'state';
  return tDynamic(prefix, state);
}

/** Who acted, in words: the user's name, their government, their role; the system when nobody did. */
function actorWords(event: AuditEvent): string {
  const role = event.actorRole ? tDynamic('role', event.actorRole) : '';
  const who = [event.actorName, event.actorGovernmentName].filter(Boolean).join(' · ');
  if (!who) return role || (event.actorUserId ? '' : t('audit.system'));
  return role ? `${who} (${role})` : who;
}

/** What the entry is about, in words: an application by reference, a government or a user by name, a session by body and number. */
function subject(event: AuditEvent): Node | string {
  switch (event.entityType) {
    case 'application':
      return h('a', { href: `/app/applications/${event.entityId}` }, event.entityName ?? t('audit.anApplication'));
    case 'government':
      return h('a', { href: `/app/members/${event.entityId}` }, event.entityName ?? t('audit.aGovernment'));
    case 'assembly':
      return h(
        'a',
        { href: `/app/sessions/${event.entityId}` },
        event.entitySession ? sessionName(event.entitySession) : t('audit.aSession'),
      );
    case 'user':
      // A failed sign-in with an unknown address is recorded under the address that was tried.
      return event.entityName ?? (event.entityId.includes('@') ? event.entityId : t('audit.aUser'));
    case 'notification':
      return t('audit.aNotification');
    case 'document': {
      const { kind, reference } = event.payload as { kind?: string; reference?: string };
      return [kind ? tDynamic('document', kind) : '', reference ?? ''].filter(Boolean).join(' · ');
    }
    default:
      return '';
  }
}
