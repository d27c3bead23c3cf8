import { api } from '../api/client.js';
import { saveSignIn, type SignIn } from '../api/sign-in-store.js';
import type { MfaRequired, SignInResponse } from '../api/types.js';
import { t } from '../i18n/i18n.js';
import { h, replace } from '../ui/h.js';
import { showProblem } from '../ui/problems.js';
import { field, pageTitle, submit, whenSubmitted } from '../ui/widgets.js';

/**
 * Sign-in in one step, or two for a user with a second factor: e-mail and password, then a code. `sessionEnded`: the
 * tab was signed out (idle, or its session ended elsewhere), which the page says in an alert.
 */
export async function signInPage(main: HTMLElement, signedIn: (signIn: SignIn) => Promise<void>, sessionEnded = false): Promise<void> {
  const email = h('input', { name: 'email', type: 'email', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form = h(
    'form',
    {
      class: 'card narrow',
      onsubmit: whenSubmitted(async () => {
        try {
          const answer = await api<SignInResponse | MfaRequired>('/auth/login', {
            method: 'POST',
            body: { email: email.value, password: password.value },
          });
          if ('mfaRequired' in answer) codeStep(main, answer.mfaToken, signedIn);
          else await signedIn(saveSignIn(answer));
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
    sessionEnded ? h('p', { class: 'conflict', role: 'alert' }, t('signIn.expired')) : null,
    h('p', null, t('signIn.intro')),
    h('p', { class: 'hint' }, t('signIn.language')),
    form,
    h('p', null, h('a', { href: '/app/forgot-password' }, t('signIn.forgot'))),
    h('p', null, h('a', { href: '/app/unlock' }, t('signIn.unlock'))),
    h('p', null, h('a', { href: '/app/check-ballot' }, t('check.link'))),
  );
}

/** The second step: the six digits of the authenticator app, or one of the recovery codes. */
function codeStep(main: HTMLElement, mfaToken: string, signedIn: (signIn: SignIn) => Promise<void>): void {
  const code = h('input', {
    name: 'code',
    autocomplete: 'one-time-code',
    autocapitalize: 'off',
    spellcheck: false,
    required: true,
    maxlength: 32,
  });
  const form = h(
    'form',
    {
      class: 'card narrow',
      onsubmit: whenSubmitted(async () => {
        try {
          await signedIn(
            saveSignIn(await api<SignInResponse>('/auth/login/totp', { method: 'POST', body: { mfaToken, code: code.value } })),
          );
        } catch (problem) {
          showProblem(form, problem);
        }
      }),
    },
    field(t('signIn.code'), code, t('signIn.codeHint')),
    submit(t('signIn.verify'), { class: 'primary' }),
  );
  replace(main, pageTitle(t('signIn.codeTitle')), h('p', null, t('signIn.codeIntro')), form);
  code.focus();
}
