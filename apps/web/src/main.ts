import { api, whenSignedOut } from './api/client.js';
import { keepSession } from './api/session-keeper.js';
import { currentSignIn, forgetSignIn, type SignIn } from './api/sign-in-store.js';
import { preferredLanguage, t, useLanguage } from './i18n/i18n.js';
import { signInPage } from './pages/sign-in.js';
import { PUBLIC_ROUTES, ROUTES } from './routes.js';
import { interceptLinks, match, matchPublic, navigate, onLeave, runLeaveHandlers, setRenderer } from './router.js';
import { h, replace } from './ui/h.js';
import { renderHeader } from './ui/layout.js';
import { problemSentence } from './ui/problems.js';
import { askBeforeUnloadingUnsaved, mayLeave } from './ui/unsaved.js';

let main = document.getElementById('main')!;
const CHECK_BALLOT_PATH = '/app/check-ballot';
/** Set when the session ends under the user: the sign-in page says so until another page is shown. */
let sessionEnded = false;

/**
 * A <main> of its own for each page shown: a page still loading when the user has moved on (its requests were slow)
 * then writes into one no longer in the document, not over the page that replaced it.
 */
function freshMain(): HTMLElement {
  const fresh = main.cloneNode(false) as HTMLElement;
  fresh.append(h('p', { class: 'hint' }, t('common.loading')));
  main.replaceWith(fresh);
  return (main = fresh);
}

async function render(): Promise<void> {
  runLeaveHandlers();
  const view = freshMain();
  const signIn = currentSignIn();
  renderHeader(signIn, {
    changeLanguage: (code) => void useLanguage(code, true).then(render),
    signOut: async () => {
      if (!(await mayLeave())) return;
      // Ends the session on the server (its refresh cookie with it), then forgets it here even if that failed.
      await api('/auth/logout', { method: 'POST' }).catch(() => undefined);
      forgetSignIn();
      navigate('/app/', true);
    },
  });
  const reachedByLink = matchPublic(PUBLIC_ROUTES, location.pathname);
  if (signIn || reachedByLink || location.pathname === CHECK_BALLOT_PATH) sessionEnded = false;
  if (reachedByLink) {
    const page = await reachedByLink.route.page();
    await page({ params: reachedByLink.params, main: view, done: () => navigate('/app/', true) });
    if (view !== main) return;
    const heading = view.querySelector('h1');
    document.title = `${heading?.textContent ?? ''} · ${t('app.name')}`;
    heading?.focus();
    return;
  }
  if (location.pathname === CHECK_BALLOT_PATH) {
    // Public: a delegate checks a receipt on any device, signed in or not.
    await (await import('./pages/check-ballot.js')).checkBallotPage(view);
  } else if (!signIn) {
    await signInPage(
      view,
      async (signedIn) => {
        await useLanguage(preferredLanguage(signedIn.user.locale));
        // The sign-in page stands at the address asked for (an e-mail's link, a page whose session ended): go there.
        navigate(location.pathname + location.search, true);
      },
      sessionEnded,
    );
  } else {
    await renderSignedIn(signIn, view);
  }
  if (view !== main) return;
  const heading = view.querySelector('h1');
  document.title = `${heading?.textContent ?? ''} · ${t('app.name')}`;
  if (document.activeElement === document.body || !view.contains(document.activeElement)) heading?.focus();
}

async function renderSignedIn(signIn: SignIn, view: HTMLElement): Promise<void> {
  // A role that must sign in with a second factor and has none yet may only enrol one.
  const found = signIn.mustEnrolSecondFactor
    ? match(ROUTES, signIn.user.role, '/app/account')
    : match(ROUTES, signIn.user.role, location.pathname);
  if (!found) {
    replace(view, h('h1', { tabindex: -1 }, t('notFound.title')), h('p', null, h('a', { href: '/app/' }, t('notFound.home'))));
  } else {
    try {
      const page = await found.route.page();
      await page({ params: found.params, search: new URLSearchParams(location.search), signIn, main: view, onLeave });
    } catch (error) {
      // The session ended during the page's requests: the sign-in page has replaced it already.
      if (!currentSignIn()) return;
      replace(
        view,
        h('h1', { tabindex: -1 }, t('problem.pageTitle')),
        h('p', { class: 'form-error', role: 'alert' }, problemSentence(error)),
      );
    }
  }
}

async function start(): Promise<void> {
  await useLanguage(preferredLanguage(currentSignIn()?.user.locale));
  setRenderer(() => void render());
  const signedOut = () => {
    sessionEnded = true;
    navigate('/app/', true);
  };
  whenSignedOut(signedOut);
  keepSession(signedOut);
  interceptLinks();
  askBeforeUnloadingUnsaved();
  await render();
}

void start();
