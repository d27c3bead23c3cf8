import { api } from '../../api/client.js';
import { type MessageKey, t } from '../../i18n/i18n.js';
import { h, replace } from '../../ui/h.js';
import { showProblem } from '../../ui/problems.js';
import { field, pageTitle, submit, whenSubmitted } from '../../ui/widgets.js';
import type { PublicPage } from '../../router.js';

/** The page's words: its title, what it is for, the address field, the button, and what it says once sent. */
export interface LinkRequestWords {
  title: MessageKey;
  intro: MessageKey;
  email: MessageKey;
  submit: MessageKey;
  sent: MessageKey;
}

/**
 * A page that asks the API (`route`, which answers 202 alike for every address) to e-mail a link to an address,
 * and says the same whether or not the address belongs to someone, as the API does.
 */
export function linkRequestPage(route: string, words: LinkRequestWords): PublicPage {
  return ({ main }) => {
    const email = h('input', { name: 'email', type: 'email', autocomplete: 'username', required: true });
    const sent = h('p', { role: 'status' });
    const form: HTMLFormElement = h(
      'form',
      {
        class: 'card narrow',
        onsubmit: whenSubmitted(async () => {
          try {
            await api(route, { method: 'POST', body: { email: email.value } });
            sent.textContent = t(words.sent, { email: email.value });
          } catch (problem) {
            showProblem(form, problem);
          }
        }),
      },
      field(t(words.email), email),
      submit(t(words.submit), { class: 'primary' }),
    );
    replace(
      main,
      pageTitle(t(words.title)),
      h('p', null, t(words.intro)),
      form,
      sent,
      h('p', null, h('a', { href: '/app/' }, t('forgot.back'))),
    );
  };
}
