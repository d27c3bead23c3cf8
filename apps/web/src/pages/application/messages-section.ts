import { api } from '../../api/client.js';
import type { Application, Attachment, Message, MessagePage } from '../../api/types.js';
import { formatDateTime, t } from '../../i18n/i18n.js';
import { h } from '../../ui/h.js';
import { attachmentItem } from './attachments-section.js';

function messageItem(application: Application, attachments: Attachment[], message: Message): HTMLElement {
  const sent = attachments.filter((attachment) => message.attachmentIds.includes(attachment.id));
  return h(
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
    sent.length > 0
      ? h(
          'ul',
          { class: 'attachments', 'aria-label': t('attachments.sentWith') },
          sent.map((attachment) => attachmentItem(application, attachment)),
        )
      : null,
  );
}

/**
 * The requests for information and the applicant's answers: the latest ones come with the application; a long
 * correspondence's earlier ones are loaded a page at a time on request, added above.
 */
export function messagesSection(application: Application, attachments: Attachment[]): HTMLElement | null {
  if (application.messages.length === 0) return null;
  const item = (message: Message) => messageItem(application, attachments, message);
  const list = h('ol', { class: 'messages' }, application.messages.map(item));
  // The application's own (latest) messages are the first page's; the pages are newest first.
  let cursor: string | null = null;
  let shown = new Set(application.messages.map((message) => `${message.createdAt}|${message.kind}|${message.body}`));
  const more = h('button', { type: 'button', class: 'link-button' }, t('messages.earlier'));
  more.onclick = async () => {
    more.setAttribute('disabled', '');
    const page = await api<MessagePage>(
      `/applications/${application.id}/messages?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    const older = page.items.filter((message) => !shown.has(`${message.createdAt}|${message.kind}|${message.body}`));
    shown = new Set([...shown, ...older.map((message) => `${message.createdAt}|${message.kind}|${message.body}`)]);
    list.prepend(...older.reverse().map(item));
    cursor = page.nextCursor;
    if (cursor) more.removeAttribute('disabled');
    else more.remove();
  };
  return h(
    'section',
    { 'aria-labelledby': 'messages-title' },
    h('h2', { id: 'messages-title' }, t('messages.title')),
    application.earlierMessages ? more : null,
    list,
  );
}
