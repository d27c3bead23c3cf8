import { api } from '../../api/client.js';
import { t } from '../../i18n/i18n.js';
import { h, replace } from '../../ui/h.js';
import { notify } from '../../ui/notice.js';
import { showProblem } from '../../ui/problems.js';
import { field, pageTitle, submit, whenSubmitted } from '../../ui/widgets.js';
import type { PublicPage } from '../../router.js';

/** Asks for an unlock link; says the same whether or not the address belongs to a slowed account, as the API does. */
export const requestUnlockPage: PublicPage = ({ main }) => {
  const email = h('input', { name: 'email', type: 'email', autocomplete: 'username', required: true });
  const sent = h('p', { role: 'status' });
  const form: HTMLFormElement = h(
    'form',
    {
      class: 'card narrow',
      onsubmit: whenSubmitted(async () => {
        try {
          await api('/auth/unlock', { method: 'POST', body: { email: email.value } });
          sent.textContent = t('unlock.sent', { email: email.value });
        } catch (problem) {
          showProblem(form, problem);
        }
      }),
    },
    field(t('unlock.email'), email),
    submit(t('unlock.submit'), { class: 'primary' }),
  );
  replace(
    main,
    pageTitle(t('unlock.title')),
    h('p', null, t('unlock.intro')),
    form,
    sent,
    h('p', null, h('a', { href: '/app/' }, t('forgot.back'))),
  );
};

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
