import { api } from '../../api/client.js';
import type { Government } from '../../api/types.js';
import { formatDate, t } from '../../i18n/i18n.js';
import type { Page } from '../../router.js';
import { h, replace } from '../../ui/h.js';
import { dataTable, pageTitle } from '../../ui/widgets.js';

/** The member registry: every member, since when, and whether it may vote today (fees). */
export const membersPage: Page = async ({ main }) => {
  const members = await api<Government[]>('/governments?status=member');
  const withoutVote = members.filter((member) => !member.mayVote).length;
  replace(
    main,
    pageTitle(t('members.title')),
    h('p', null, t('members.summary', { count: members.length, withoutVote })),
    dataTable(
      t('members.title'),
      [t('members.name'), t('members.localName'), t('members.country'), t('members.since'), t('members.vote')],
      h(
        'tbody',
        null,
        members.map((member) =>
          h(
            'tr',
            null,
            h('td', null, h('a', { href: `/app/members/${member.id}` }, member.nameEn)),
            h('td', { lang: { CN: 'zh', JP: 'ja', KR: 'ko', KP: 'ko', MN: 'mn', RU: 'ru' }[member.country] ?? 'und' }, member.nameLocal),
            h('td', null, member.country),
            h('td', null, formatDate(member.memberSince)),
            h(
              'td',
              null,
              member.mayVote
                ? h('span', { class: 'badge good' }, t('members.mayVote'))
                : h('span', { class: 'badge bad' }, t('members.noVote')),
            ),
          ),
        ),
      ),
    ),
  );
};
