import { api, query } from '../../api/client.js';
import type { Government, User } from '../../api/types.js';
import { availableLanguages, formatDate, t, tDynamic } from '../../i18n/i18n.js';
import type { Page } from '../../router.js';
import { h, replace } from '../../ui/h.js';
import { notify } from '../../ui/notice.js';
import { showProblem } from '../../ui/problems.js';
import { keepUnsaved } from '../../ui/unsaved.js';
import { dataTable, field, pageTitle, submit, whenSubmitted } from '../../ui/widgets.js';

const ROLES = ['applicant', 'secretariat', 'delegate', 'admin'];

/**
 * Users, their roles and where their accounts stand: the list, each with a link to edit it, and for the admin a
 * form to add one (an applicant or delegate acts for a government), invited by e-mail unless given a password.
 */
export const usersPage: Page = async (context) => {
  const { main, search, signIn } = context;
  const roleFilter = search.get('role') ?? '';
  const [users, governments] = await Promise.all([api<User[]>(`/users${query({ role: roleFilter })}`), api<Government[]>('/governments')]);
  const byId = new Map(governments.map((government) => [government.id, government]));

  const email = h('input', { name: 'email', type: 'email', required: true, autocomplete: 'off' });
  const displayName = h('input', { name: 'displayName', required: true, maxlength: 200, autocomplete: 'off' });
  const password = h('input', { name: 'password', type: 'password', minlength: 12, maxlength: 200, autocomplete: 'new-password' });
  const role = h(
    'select',
    { name: 'role' },
    ROLES.map((value) => h('option', { value }, tDynamic('role', value))),
  );
  const government = h(
    'select',
    { name: 'governmentId' },
    h('option', { value: '' }, t('users.noGovernment')),
    governments.map((item) =>
      h('option', { value: item.id }, `${item.nameEn} · ${item.nameLocal} (${tDynamic('governmentStatus', item.status)})`),
    ),
  );
  const locale = h(
    'select',
    { name: 'locale' },
    availableLanguages().map((language) => h('option', { value: language.code }, language.name)),
  );
  const form: HTMLFormElement = h(
    'form',
    {
      class: 'card',
      onsubmit: whenSubmitted(async () => {
        try {
          await api('/users', {
            method: 'POST',
            body: {
              email: email.value,
              displayName: displayName.value,
              ...(password.value ? { password: password.value } : {}),
              role: role.value,
              locale: locale.value,
              ...(government.value ? { governmentId: government.value } : {}),
            },
          });
          notify(t(password.value ? 'users.created' : 'users.invited', { email: email.value }));
          await usersPage(context);
        } catch (problem) {
          showProblem(form, problem);
        }
      }),
    },
    h('h2', null, t('users.create')),
    field(t('users.email'), email),
    field(t('users.displayName'), displayName),
    field(t('users.password'), password, t('users.passwordHint')),
    field(t('users.role'), role),
    field(t('users.government'), government, t('users.governmentHint')),
    field(t('users.locale'), locale),
    submit(t('users.createSubmit'), { class: 'primary' }),
  );
  keepUnsaved(form);

  const rows = users.map((user) =>
    h(
      'tr',
      {
        'data-search': [user.displayName, user.email, user.governmentId ? (byId.get(user.governmentId)?.nameEn ?? '') : '']
          .join(' ')
          .toLowerCase(),
      },
      h(
        'td',
        null,
        h('a', { href: `/app/users/${user.id}`, 'aria-label': t('users.editNamed', { name: user.displayName }) }, user.displayName),
      ),
      h('td', null, user.email),
      h('td', null, tDynamic('role', user.role)),
      h('td', null, user.governmentId ? (byId.get(user.governmentId)?.nameEn ?? '') : ''),
      h('td', null, h('span', { class: `badge user-${user.status}` }, tDynamic('userStatus', user.status))),
      h('td', null, formatDate(user.createdAt)),
    ),
  );
  // Finds a user among many by name, e-mail or government, as the list is typed into.
  const filter = h('input', { type: 'search', name: 'q', autocomplete: 'off' });
  filter.oninput = () => {
    const words = filter.value.trim().toLowerCase();
    for (const row of rows) row.hidden = words !== '' && !(row.dataset.search ?? '').includes(words);
  };

  replace(
    main,
    pageTitle(t('users.title')),
    // The form first: with some 75 governments' officials, the list is long.
    signIn.user.role === 'admin' ? form : null,
    h('div', { class: 'filters' }, field(t('users.search'), filter)),
    dataTable(
      t('users.title'),
      [t('users.displayName'), t('users.email'), t('users.role'), t('users.government'), t('users.status'), t('users.since')],
      h('tbody', null, rows),
    ),
  );
};
