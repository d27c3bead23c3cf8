import { api } from '../../api/client.js';
import { t } from '../../i18n/i18n.js';
import { h, replace } from '../../ui/h.js';
import { notify } from '../../ui/notice.js';
import { showProblem } from '../../ui/problems.js';
import { pageTitle, submit, whenSubmitted } from '../../ui/widgets.js';
import type { PublicPage } from '../../router.js';
import { linkRequestPage } from './link-request.js';

/** Asks for an unlock link, for an account slowed by failed sign-ins. */
export const requestUnlockPage = linkRequestPage('/auth/unlock', {
  title: 'unlock.title',
  intro: 'unlock.intro',
  email: 'unlock.email',
  submit: 'unlock.submit',
  sent: 'unlock.sent',
});

/**
 * The page of an unlock link. Redeemed by a press, not on opening, so that a mail scanner fetching the link does
 * not use it up; the browser that presses gets the device cookie, then signs in with its password as usual.
 */
export const unlockPage: PublicPage = ({ main, params: [token], done }) => {
  const form: HTMLFormElement = h(
    'form',
    {
      class: 'card narrow',
      onsubmit: whenSubmitted(async () => {
        try {
          await api('/auth/unlock/confirm', { method: 'POST', body: { token } });
          notify(t('unlock.done'));
          done();
        } catch (problem) {
          showProblem(form, problem);
        }
      }),
    },
    submit(t('unlock.confirm'), { class: 'primary' }),
  );
  replace(main, pageTitle(t('unlock.title')), h('p', null, t('unlock.confirmIntro')), form);
};
