import { api } from '../../api/client.js';
import { ApiProblem } from '../../api/problem.js';
import type { Government, User } from '../../api/types.js';
import { availableLanguages, t, tDynamic } from '../../i18n/i18n.js';
import type { Page, PageContext } from '../../router.js';
import { confirmIrreversible } from '../../ui/confirm.js';
import { h, replace } from '../../ui/h.js';
import { notify } from '../../ui/notice.js';
import { showProblem } from '../../ui/problems.js';
import { keepUnsaved } from '../../ui/unsaved.js';
import { definitionList, field, pageTitle, submit, whenSubmitted } from '../../ui/widgets.js';

/** The roles the caller may give: the Secretariat gives the roles that act for a government. */
const rolesFor = (role: string) => (role === 'admin' ? ['applicant', 'secretariat', 'delegate', 'admin'] : ['applicant', 'delegate']);

/**
 * One user, for the admin or the Secretariat: correct the name, role, government and language; disable or enable
 * (each confirmed); send a new invitation while the user has not chosen a password. Every change sends the
 * version the page showed: a change made by someone else since is not overwritten.
 */
export const userEditPage: Page = async (context) => {
  const { main, params, signIn } = context;
  const [user, governments] = await Promise.all([api<User>(`/users/${params[0]}`), api<Government[]>('/governments')]);
  const reload = async () => {
    await userEditPage(context);
  };
  const change = async (body: Record<string, unknown>) => {
    try {
      return await api<User>(`/users/${user.id}`, { method: 'PATCH', body, headers: { 'If-Match': `"${user.version}"` } });
    } catch (problem) {
      if (problem instanceof ApiProblem && problem.isConflict) {
        notify(t('userEdit.changedMeanwhile'), 'warning');
        await reload();
        return undefined;
      }
      throw problem;
    }
  };

  const displayName = h('input', { name: 'displayName', required: true, maxlength: 200, value: user.displayName, autocomplete: 'off' });
  const role = h(
    'select',
    { name: 'role' },
    rolesFor(signIn.user.role).map((value) => h('option', { value, selected: value === user.role }, tDynamic('role', value))),
  );
  const government = h(
    'select',
    { name: 'governmentId' },
    h('option', { value: '' }, t('users.noGovernment')),
    governments.map((item) =>
      h(
        'option',
        { value: item.id, selected: item.id === user.governmentId },
        `${item.nameEn} · ${item.nameLocal} (${tDynamic('governmentStatus', item.status)})`,
      ),
    ),
  );
  const locale = h(
    'select',
    { name: 'locale' },
    availableLanguages().map((language) => h('option', { value: language.code, selected: language.code === user.locale }, language.name)),
  );
  const form: HTMLFormElement = h(
    'form',
    {
      class: 'card',
      onsubmit: whenSubmitted(async () => {
        try {
          const body = { displayName: displayName.value, role: role.value, locale: locale.value, governmentId: government.value || null };
          if (await change(body)) {
            notify(t('userEdit.saved'));
            await reload();
          }
        } catch (problem) {
          showProblem(form, problem);
        }
      }),
    },
    h('h2', null, t('userEdit.details')),
    field(t('users.displayName'), displayName),
    field(t('users.role'), role),
    field(t('users.government'), government, t('users.governmentHint')),
    field(t('users.locale'), locale),
    submit(t('userEdit.save'), { class: 'primary' }),
  );
  keepUnsaved(form);

  replace(
    main,
    pageTitle(user.displayName),
    definitionList([
      [t('users.email'), user.email],
      [t('users.status'), h('span', { class: `badge user-${user.status}` }, tDynamic('userStatus', user.status))],
    ]),
    form,
    accountActions(context, user, change, reload),
  );
};

function accountActions(
  context: PageContext,
  user: User,
  change: (body: Record<string, unknown>) => Promise<User | undefined>,
  reload: () => Promise<void>,
): HTMLElement | null {
  if (user.id === context.signIn.user.id) return null;
  const disabling = user.status !== 'disabled';
  const words = disabling ? 'disableUser' : 'enableUser';
  const toggle: HTMLButtonElement = h(
    'button',
    {
      type: 'button',
      class: disabling ? 'danger' : 'primary',
      onclick: async () => {
        const confirmed = await confirmIrreversible({
          title: t(`confirm.${words}.title`, { name: user.displayName }),
          body: [h('p', null, t(`confirm.${words}.what`, { name: user.displayName }))],
          confirm: t(`confirm.${words}.confirm`),
          returnFocusTo: toggle,
        });
        if (!confirmed) return;
        try {
          if (await change({ disabled: disabling })) {
            notify(t(disabling ? 'userEdit.disabled' : 'userEdit.enabled', { name: user.displayName }));
            await reload();
          }
        } catch (problem) {
          showProblem(section, problem);
        }
      },
    },
    t(disabling ? 'userEdit.disable' : 'userEdit.enable'),
  );
  const reinvite =
    user.status === 'invited'
      ? h(
          'button',
          {
            type: 'button',
            onclick: async () => {
              try {
                await api(`/users/${user.id}/invitation`, { method: 'POST' });
                notify(t('userEdit.reinvited', { email: user.email }));
              } catch (problem) {
                showProblem(section, problem);
              }
            },
          },
          t('userEdit.reinvite'),
        )
      : null;
  const section: HTMLElement = h('section', { class: 'card', 'aria-labelledby': 'account-actions' }, [
    h('h2', { id: 'account-actions' }, t('userEdit.account')),
    h('div', { class: 'actions' }, reinvite, toggle),
  ]);
  return section;
}
