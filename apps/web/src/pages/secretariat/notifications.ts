import { api, query } from '../../api/client.js';
import type { Notification } from '../../api/types.js';
import { formatDateTime, t, tDynamic } from '../../i18n/i18n.js';
import { navigate, type Page } from '../../router.js';
import { h, replace } from '../../ui/h.js';
import { notify } from '../../ui/notice.js';
import { showProblem } from '../../ui/problems.js';
import { dataTable, field, pageTitle, submit, whenSubmitted } from '../../ui/widgets.js';

const STATUSES = ['pending', 'queued', 'sent', 'failed'];

/** The outbox: every e-mail the system wrote, its status and attempts; a failed one can be sent again. */
export const notificationsPage: Page = async ({ main, search }) => {
  const status = search.get('status') ?? '';
  const applicationId = search.get('applicationId') ?? '';
  const statusSelect = h(
    'select',
    { name: 'status' },
    h('option', { value: '' }, t('notifications.anyStatus')),
    STATUSES.map((value) => h('option', { value, selected: value === status }, tDynamic('notificationStatus', value))),
  );
  const filters = h(
    'form',
    {
      class: 'filters',
      role: 'search',
      onsubmit: (event: Event) => (
        event.preventDefault(),
        navigate(`/app/notifications${query({ status: statusSelect.value, applicationId })}`)
      ),
    },
    field(t('notifications.status'), statusSelect),
    submit(t('queue.filter')),
  );
  const body = h('tbody');

  async function render(): Promise<void> {
    const items = await api<Notification[]>(`/notifications${query({ status, applicationId })}`);
    replace(
      body,
      items.map((item) => {
        const retry: HTMLFormElement | null =
          item.status === 'failed'
            ? h(
                'form',
                {
                  onsubmit: whenSubmitted(async () => {
                    try {
                      await api(`/notifications/${item.id}/retry`, { method: 'POST' });
                      await render();
                      notify(t('notifications.retried'));
                    } catch (problem) {
                      showProblem(retry!, problem);
                    }
                  }),
                },
                submit(t('notifications.retry'), { 'aria-label': t('notifications.retryFor', { recipient: item.recipient }) }),
              )
            : null;
        return h(
          'tr',
          null,
          h('td', null, formatDateTime(item.createdAt)),
          h('td', null, tDynamic('notificationEvent', item.event)),
          h('td', null, item.recipient),
          h('td', null, h('span', { class: `badge notification-${item.status}` }, tDynamic('notificationStatus', item.status))),
          h('td', null, String(item.attempts)),
          h('td', null, item.lastError ?? ''),
          h('td', null, retry),
        );
      }),
    );
  }

  replace(
    main,
    pageTitle(t('notifications.title')),
    filters,
    dataTable(
      t('notifications.title'),
      [
        t('notifications.created'),
        t('notifications.event'),
        t('notifications.recipient'),
        t('notifications.status'),
        t('notifications.attempts'),
        t('notifications.lastError'),
        t('notifications.action'),
      ],
      body,
    ),
  );
  await render();
};
