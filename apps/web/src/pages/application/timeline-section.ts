import { api } from '../../api/client.js';
import type { Application, AuditEvent } from '../../api/types.js';
import { formatDateTime, t, tDynamic } from '../../i18n/i18n.js';
import { h } from '../../ui/h.js';
import { stateBadge } from '../../ui/widgets.js';

/** The application's audit history, oldest first: what happened, when, and the state it led to. */
export async function timelineSection(application: Application): Promise<HTMLElement> {
  const events = await api<AuditEvent[]>(`/applications/${application.id}/history`);
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
          event.stateAfter && event.stateAfter !== event.stateBefore ? stateBadge(event.stateAfter) : null,
        ),
      ),
    ),
  );
}
