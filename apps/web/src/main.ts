import { whenSignedOut } from './api/client.js';
import { currentSignIn, signOut } from './api/sign-in-store.js';
import { preferredLanguage, t, useLanguage } from './i18n/i18n.js';
import { signInPage } from './pages/sign-in.js';
import { PUBLIC_ROUTES, ROUTES } from './routes.js';
import { interceptLinks, match, matchPublic, navigate, onLeave, runLeaveHandlers, setRenderer } from './router.js';
import { h, replace } from './ui/h.js';
import { renderHeader } from './ui/layout.js';
import { notify } from './ui/notice.js';
import { problemSentence } from './ui/problems.js';

const main = document.getElementById('main')!;

async function render(): Promise<void> {
  runLeaveHandlers();
  const signIn = currentSignIn();
  renderHeader(signIn, {
    changeLanguage: (code) => void useLanguage(code, true).then(render),
    signOut: () => {
      signOut();
      navigate('/app/', true);
    },
  });
  const reachedByLink = matchPublic(PUBLIC_ROUTES, location.pathname);
  if (reachedByLink) {
    const page = await reachedByLink.route.page();
    await page({ params: reachedByLink.params, main, done: () => navigate('/app/', true) });
    const heading = main.querySelector('h1');
    document.title = `${heading?.textContent ?? ''} · ${t('app.name')}`;
    heading?.focus();
    return;
  }
  if (!signIn) {
    document.title = `${t('signIn.title')} · ${t('app.name')}`;
    await signInPage(main, async (signedIn) => {
      await useLanguage(preferredLanguage(signedIn.user.locale));
      navigate('/app/', true);
    });
    return;
  }
  const found = match(ROUTES, signIn.user.role, location.pathname);
  if (!found) {
    replace(main, h('h1', { tabindex: -1 }, t('notFound.title')), h('p', null, h('a', { href: '/app/' }, t('notFound.home'))));
  } else {
    try {
      const page = await found.route.page();
      await page({ params: found.params, search: new URLSearchParams(location.search), signIn, main, onLeave });
    } catch (error) {
      // Signed out meanwhile (the API refused the token): the sign-in page is already shown.
      if (!currentSignIn()) return;
      replace(
        main,
        h('h1', { tabindex: -1 }, t('problem.pageTitle')),
        h('p', { class: 'form-error', role: 'alert' }, problemSentence(error)),
      );
    }
  }
  const heading = main.querySelector('h1');
  document.title = `${heading?.textContent ?? ''} · ${t('app.name')}`;
  if (document.activeElement === document.body || !main.contains(document.activeElement)) heading?.focus();
}

async function start(): Promise<void> {
  await useLanguage(preferredLanguage(currentSignIn()?.user.locale));
  setRenderer(() => void render());
  whenSignedOut(() => {
    notify(t('signIn.expired'), 'warning');
    navigate('/app/', true);
  });
  interceptLinks();
  await render();
}

void start();
