import type { SignIn } from '../api/sign-in-store.js';
import type { Role } from '../api/types.js';
import { availableLanguages, currentLanguage, type MessageKey, t } from '../i18n/i18n.js';
import { h, replace } from './h.js';
import { mayLeave } from './unsaved.js';

const NAVIGATION: Record<Role, [string, MessageKey][]> = {
  applicant: [
    ['/app/', 'nav.myApplications'],
    ['/app/applications/new', 'nav.fileApplication'],
  ],
  secretariat: [
    ['/app/', 'nav.workQueue'],
    ['/app/sessions', 'nav.sessions'],
    ['/app/members', 'nav.registry'],
    ['/app/notifications', 'nav.notifications'],
    ['/app/audit', 'nav.audit'],
    ['/app/users', 'nav.users'],
  ],
  delegate: [
    ['/app/', 'nav.agenda'],
    ['/app/check-ballot', 'nav.checkBallot'],
  ],
  admin: [['/app/', 'nav.users']],
};

export interface LayoutActions {
  changeLanguage(code: string): void;
  signOut(): void | Promise<void>;
}

/** The header: the app's name, the role's pages, the language switch and sign-out. */
export function renderHeader(signIn: SignIn | null, actions: LayoutActions): void {
  const header = document.getElementById('top')!;
  const skip = document.querySelector('.skip-link');
  if (skip) skip.textContent = t('nav.skip');
  const language = h(
    'select',
    {
      id: 'language',
      onchange: async (event: Event) => {
        const select = event.target as HTMLSelectElement;
        // The page is drawn again in the new language, which would drop what is typed on it unless the user agrees.
        if (await mayLeave()) actions.changeLanguage(select.value);
        else select.value = currentLanguage();
      },
    },
    availableLanguages().map((option) =>
      h('option', { value: option.code, lang: option.code, selected: option.code === currentLanguage() }, option.name),
    ),
  );
  const here = location.pathname;
  replace(
    header,
    h(
      'div',
      { class: 'bar' },
      h('a', { class: 'brand', href: '/app/' }, t('app.name')),
      h('div', { class: 'language' }, h('label', { for: 'language' }, t('nav.language')), language),
      signIn
        ? h(
            'div',
            { class: 'who' },
            h('span', null, whoIsSignedIn(signIn.user.displayName, t(`role.${signIn.user.role}` as MessageKey))),
            h(
              'a',
              { href: '/app/account/password', 'aria-current': here === '/app/account/password' ? 'page' : null },
              t('nav.changePassword'),
            ),
            h('a', { href: '/app/account', 'aria-current': here === '/app/account' ? 'page' : null }, t('nav.account')),
            h('button', { type: 'button', class: 'link-button', onclick: actions.signOut }, t('nav.signOut')),
          )
        : null,
    ),
    signIn
      ? h(
          'nav',
          { 'aria-label': t('nav.label') },
          h(
            'ul',
            null,
            NAVIGATION[signIn.user.role].map(([href, key]) =>
              h('li', null, h('a', { href, 'aria-current': here === href ? 'page' : null }, t(key))),
            ),
          ),
        )
      : null,
  );
}

/** The name, then the role, unless the name is the role's own word (the first administrator's account). */
function whoIsSignedIn(name: string, role: string): string {
  return name.trim().toLowerCase() === role.toLowerCase() ? name : `${name} · ${role}`;
}
