import { api } from '../../api/client.js';
import type { Application, AuditEvent } from '../../api/types.js';
import { formatDateTime, formatList, type MessageKey, t, tDynamic } from '../../i18n/i18n.js';
import { h } from '../../ui/h.js';
import { stateBadge } from '../../ui/widgets.js';

const CORRECTED_FIELDS: [string, MessageKey][] = [
  ['category', 'file.category'],
  ['headOfGovernment', 'file.headOfGovernment'],
  ['statementOfPurpose', 'file.statement'],
  ['contact', 'file.contact'],
];

/** What an entry adds to its action's name: an attachment's title; what an answer corrected and sent. */
function details(event: AuditEvent, titles: Map<string, string>): string | null {
  const payload = event.payload as { title?: unknown; input?: Record<string, unknown> };
  if (event.action === 'application.attachment-added' && typeof payload.title === 'string') return payload.title;
  if (event.action !== 'application.respond' || !payload.input) return null;
  const input = payload.input;
  const corrected = CORRECTED_FIELDS.filter(([field]) => input[field] !== undefined).map(([, label]) => t(label));
  const sent = Array.isArray(input.attachmentIds) ? input.attachmentIds.map((id) => titles.get(String(id)) ?? String(id)) : [];
  const parts = [
    corrected.length > 0 ? t('timeline.corrected', { fields: formatList(corrected) }) : '',
    sent.length > 0 ? t('timeline.sent', { titles: formatList(sent) }) : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : null;
}

/** The application's audit history, oldest first: what happened, when, and the state it led to. */
export async function timelineSection(application: Application): Promise<HTMLElement> {
  const events = await api<AuditEvent[]>(`/applications/${application.id}/history`);
  const titles = new Map(
    events
      .filter((event) => event.action === 'application.attachment-added')
      .map((event) => [String(event.payload.attachmentId), String(event.payload.title)]),
  );
  return h(
    'section',
    { 'aria-labelledby': 'timeline-title' },
    h('h2', { id: 'timeline-title' }, t('timeline.title')),
    h(
      'ol',
      { class: 'timeline' },
      events.map((event) =>
        h(
          'li',
          null,
          h('time', { datetime: event.occurredAt }, formatDateTime(event.occurredAt)),
          h('span', { class: 'what' }, tDynamic('event', event.action)),
          ((text) => (text ? h('span', { class: 'details' }, text) : null))(details(event, titles)),
          event.stateAfter && event.stateAfter !== event.stateBefore ? stateBadge(event.stateAfter) : null,
        ),
      ),
    ),
  );
}
