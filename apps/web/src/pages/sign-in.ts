import { api } from '../api/client.js';
import { saveSignIn, type SignIn } from '../api/sign-in-store.js';
import type { SignInResponse } from '../api/types.js';
import { t } from '../i18n/i18n.js';
import { h, replace } from '../ui/h.js';
import { showProblem } from '../ui/problems.js';
import { field, pageTitle, submit, whenSubmitted } from '../ui/widgets.js';

export async function signInPage(main: HTMLElement, signedIn: (signIn: SignIn) => Promise<void>): Promise<void> {
  const email = h('input', { name: 'email', type: 'email', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form = h(
    'form',
    {
      class: 'card narrow',
      onsubmit: whenSubmitted(async () => {
        try {
          const answer = await api<SignInResponse>('/auth/login', {
            method: 'POST',
            body: { email: email.value, password: password.value },
          });
          const signIn = { token: answer.accessToken, user: answer.user };
          saveSignIn(signIn);
          await signedIn(signIn);
        } catch (problem) {
          showProblem(form, problem);
        }
      }),
    },
    field(t('signIn.email'), email),
    field(t('signIn.password'), password),
    submit(t('signIn.submit'), { class: 'primary' }),
  );
  replace(
    main,
    pageTitle(t('signIn.title')),
    h('p', null, t('signIn.intro')),
    form,
    h('p', null, h('a', { href: '/app/check-ballot' }, t('check.link'))),
  );
}
