import { api, query } from '../../api/client.js';
import type { Government, User } from '../../api/types.js';
import { availableLanguages, formatDate, t, tDynamic } from '../../i18n/i18n.js';
import type { Page } from '../../router.js';
import { h, replace } from '../../ui/h.js';
import { notify } from '../../ui/notice.js';
import { showProblem } from '../../ui/problems.js';
import { dataTable, field, pageTitle, submit, whenSubmitted } from '../../ui/widgets.js';

const ROLES = ['applicant', 'secretariat', 'delegate', 'admin'];

/** Users and their roles: the list, and a form to add one (an applicant or delegate acts for a government). */
export const usersPage: Page = async ({ main, search }) => {
  const roleFilter = search.get('role') ?? '';
  const [users, governments] = await Promise.all([api<User[]>(`/users${query({ role: roleFilter })}`), api<Government[]>('/governments')]);
  const byId = new Map(governments.map((government) => [government.id, government]));

  const email = h('input', { name: 'email', type: 'email', required: true, autocomplete: 'off' });
  const displayName = h('input', { name: 'displayName', required: true, maxlength: 200, autocomplete: 'off' });
  const password = h('input', { name: 'password', type: 'password', required: true, minlength: 10, autocomplete: 'new-password' });
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
              password: password.value,
              role: role.value,
              locale: locale.value,
              ...(government.value ? { governmentId: government.value } : {}),
            },
          });
          notify(t('users.created', { email: email.value }));
          await usersPage({ main, search } as Parameters<Page>[0]);
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

  replace(
    main,
    pageTitle(t('users.title')),
    dataTable(
      t('users.title'),
      [t('users.displayName'), t('users.email'), t('users.role'), t('users.government'), t('users.since')],
      h(
        'tbody',
        null,
        users.map((user) =>
          h(
            'tr',
            null,
            h('td', null, user.displayName),
            h('td', null, user.email),
            h('td', null, tDynamic('role', user.role)),
            h('td', null, user.governmentId ? (byId.get(user.governmentId)?.nameEn ?? '') : ''),
            h('td', null, formatDate(user.createdAt)),
          ),
        ),
      ),
    ),
    form,
  );
};
