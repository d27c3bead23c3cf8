import { api } from '../../api/client.js';
import { t } from '../../i18n/i18n.js';
import { h, replace } from '../../ui/h.js';
import { showProblem } from '../../ui/problems.js';
import { field, pageTitle, submit, whenSubmitted } from '../../ui/widgets.js';
import type { PublicPage } from '../../router.js';

/** Asks for a reset link; says the same whether or not the address belongs to someone, as the API does. */
export const forgotPasswordPage: PublicPage = ({ main }) => {
  const email = h('input', { name: 'email', type: 'email', autocomplete: 'username', required: true });
  const sent = h('p', { role: 'status' });
  const form: HTMLFormElement = h(
    'form',
    {
      class: 'card narrow',
      onsubmit: whenSubmitted(async () => {
        try {
          await api('/auth/password-reset', { method: 'POST', body: { email: email.value } });
          sent.textContent = t('forgot.sent', { email: email.value });
        } catch (problem) {
          showProblem(form, problem);
        }
      }),
    },
    field(t('forgot.email'), email),
    submit(t('forgot.submit'), { class: 'primary' }),
  );
  replace(
    main,
    pageTitle(t('forgot.title')),
    h('p', null, t('forgot.intro')),
    form,
    sent,
    h('p', null, h('a', { href: '/app/' }, t('forgot.back'))),
  );
};
