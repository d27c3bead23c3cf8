import { api } from '../../api/client.js';
import type { ApplicationPage } from '../../api/types.js';
import { formatDate, t, tDynamic } from '../../i18n/i18n.js';
import type { Page } from '../../router.js';
import { h, replace } from '../../ui/h.js';
import { governmentName, pageTitle, stateBadge } from '../../ui/widgets.js';

export const myApplicationsPage: Page = async ({ main }) => {
  const { items } = await api<ApplicationPage>('/applications?limit=100');
  replace(
    main,
    pageTitle(t('applicant.title')),
    h('p', null, h('a', { class: 'button primary', href: '/app/applications/new' }, t('nav.fileApplication'))),
    items.length === 0
      ? h('p', null, t('applicant.none'))
      : h(
          'ul',
          { class: 'cards' },
          items.map((application) =>
            h(
              'li',
              { class: 'card' },
              h('h2', null, h('a', { href: `/app/applications/${application.id}` }, application.reference)),
              h('p', null, governmentName(application.government), ' · ', tDynamic('category', application.category)),
              h('p', null, stateBadge(application.state), ' ', t('applicant.submittedOn', { date: formatDate(application.submittedAt) })),
            ),
          ),
        ),
  );
};
