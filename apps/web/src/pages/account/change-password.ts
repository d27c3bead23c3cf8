import { api } from '../../api/client.js';
import { t } from '../../i18n/i18n.js';
import type { Page } from '../../router.js';
import { h, replace } from '../../ui/h.js';
import { chosenPasswordField } from '../../ui/chosen-password.js';
import { notify } from '../../ui/notice.js';
import { clearProblems, showProblem } from '../../ui/problems.js';
import { field, pageTitle, submit, whenSubmitted } from '../../ui/widgets.js';

/** Every signed-in user changes their own password here, giving the current one. */
export const changePasswordPage: Page = ({ main }) => {
  const current = h('input', { name: 'currentPassword', type: 'password', required: true, autocomplete: 'current-password' });
  const next = chosenPasswordField(t('changePassword.new'), 'newPassword');
  const form: HTMLFormElement = h(
    'form',
    {
      class: 'card narrow',
      onsubmit: whenSubmitted(async () => {
        try {
          await api('/auth/password', { method: 'PUT', body: { currentPassword: current.value, newPassword: next.control.value } });
          form.reset();
          clearProblems(form);
          notify(t('changePassword.done'));
        } catch (problem) {
          showProblem(form, problem);
        }
      }),
    },
    field(t('changePassword.current'), current),
    next.field,
    submit(t('changePassword.submit'), { class: 'primary' }),
  );
  replace(main, pageTitle(t('changePassword.title')), form);
};
