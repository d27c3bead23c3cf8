import { api } from '../../api/client.js';
import { t } from '../../i18n/i18n.js';
import { h, replace } from '../../ui/h.js';
import { chosenPasswordField } from '../../ui/chosen-password.js';
import { notify } from '../../ui/notice.js';
import { showProblem } from '../../ui/problems.js';
import { pageTitle, submit, whenSubmitted } from '../../ui/widgets.js';
import type { PublicPage } from '../../router.js';

/** The page of an invitation's link: the invited user chooses a password, then signs in with it. */
export const acceptInvitationPage: PublicPage = ({ main, params: [token], done }) => {
  const password = chosenPasswordField(t('invitation.password'), 'password');
  const form: HTMLFormElement = h(
    'form',
    {
      class: 'card narrow',
      onsubmit: whenSubmitted(async () => {
        try {
          await api('/auth/invitations/accept', { method: 'POST', body: { token, password: password.control.value } });
          notify(t('invitation.done'));
          done();
        } catch (problem) {
          showProblem(form, problem);
        }
      }),
    },
    password.field,
    submit(t('invitation.submit'), { class: 'primary' }),
  );
  replace(main, pageTitle(t('invitation.title')), h('p', null, t('invitation.intro')), form);
};
