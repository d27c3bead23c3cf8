import { api } from '../../api/client.js';
import { t } from '../../i18n/i18n.js';
import { h, replace } from '../../ui/h.js';
import { chosenPasswordField } from '../../ui/chosen-password.js';
import { notify } from '../../ui/notice.js';
import { showProblem } from '../../ui/problems.js';
import { pageTitle, submit, whenSubmitted } from '../../ui/widgets.js';
import type { PublicPage } from '../../router.js';

/** The page of a reset link: a new password, then sign in with it. */
export const resetPasswordPage: PublicPage = ({ main, params: [token], done }) => {
  const password = chosenPasswordField(t('reset.password'), 'newPassword');
  const form: HTMLFormElement = h(
    'form',
    {
      class: 'card narrow',
      onsubmit: whenSubmitted(async () => {
        try {
          await api('/auth/password-reset/confirm', { method: 'POST', body: { token, newPassword: password.control.value } });
          notify(t('reset.done'));
          done();
        } catch (problem) {
          showProblem(form, problem);
        }
      }),
    },
    password.field,
    submit(t('reset.submit'), { class: 'primary' }),
  );
  replace(main, pageTitle(t('reset.title')), form);
};
