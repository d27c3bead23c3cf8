import type { Application } from '../../api/types.js';
import { formatDateTime, t } from '../../i18n/i18n.js';
import { h } from '../../ui/h.js';

/** The requests for information and the applicant's answers. */
export function messagesSection(application: Application): HTMLElement | null {
  if (application.messages.length === 0) return null;
  return h(
    'section',
    { 'aria-labelledby': 'messages-title' },
    h('h2', { id: 'messages-title' }, t('messages.title')),
    h(
      'ol',
      { class: 'messages' },
      application.messages.map((message) =>
        h(
          'li',
          { class: `message message-${message.kind}` },
          h(
            'p',
            { class: 'meta' },
            message.kind === 'information-request' ? t('messages.request') : t('messages.response'),
            ' · ',
            formatDateTime(message.createdAt),
          ),
          h('p', { class: 'body' }, message.body),
        ),
      ),
    ),
  );
}
