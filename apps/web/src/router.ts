import type { SignIn } from './api/sign-in-store.js';
import type { Role } from './api/types.js';
import { mayLeave } from './ui/unsaved.js';

export interface PageContext {
  /** The captured parts of the path. */
  params: string[];
  search: URLSearchParams;
  signIn: SignIn;
  main: HTMLElement;
  /** Stops timers (polling) when the user leaves the page. */
  onLeave(cleanup: () => void): void;
}

export type Page = (context: PageContext) => Promise<void> | void;

export interface Route {
  path: RegExp;
  roles: Role[];
  page: () => Promise<Page>;
}

/** A page reached by an e-mailed link or before signing in: no role, no sign-in. */
export interface PublicPageContext {
  params: string[];
  main: HTMLElement;
  /** The page's work is done: on to signing in. */
  done(): void;
}

export type PublicPage = (context: PublicPageContext) => Promise<void> | void;

export interface PublicRoute {
  path: RegExp;
  page: () => Promise<PublicPage>;
}

let leaving: (() => void)[] = [];
let render: () => void = () => undefined;

export const setRenderer = (renderer: () => void) => (render = renderer);

export function runLeaveHandlers(): void {
  leaving.forEach((cleanup) => cleanup());
  leaving = [];
}

export const onLeave = (cleanup: () => void) => leaving.push(cleanup);

const here = () => location.pathname + location.search;
/** The address of the page on screen, and its entry's place in the tab's history (kept in `history.state`). */
let shown = here();
let position = 0;
/** Set while the app itself moves back to the page on screen, after the user chose to stay on it. */
let restoring = false;

/** Goes to an /app/ path without reloading the page. */
export function navigate(path: string, replace = false): void {
  if (replace) history.replaceState({ position }, '', path);
  else history.pushState({ position: ++position }, '', path);
  shown = here();
  render();
}

/**
 * Same-origin links under /app/ are followed without a reload; modified clicks (new tab) are left alone. A link,
 * Back or Forward that would leave unsaved changes asks first; staying puts the tab's history back as it was.
 */
export function interceptLinks(): void {
  position = (history.state as { position?: number } | null)?.position ?? 0;
  history.replaceState({ position }, '');
  document.addEventListener('click', (event) => {
    const link = (event.target as Element).closest?.('a');
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (link.origin !== location.origin || !link.pathname.startsWith('/app/') || link.hasAttribute('download')) return;
    // A link within the page ("Skip to content") is the browser's to follow.
    if (link.pathname === location.pathname && link.search === location.search && link.hash) return;
    event.preventDefault();
    void mayLeave().then((leave) => leave && navigate(link.pathname + link.search));
  });
  window.addEventListener('popstate', (event) => {
    if (restoring) {
      restoring = false;
      return;
    }
    // Only the fragment changed: still the same page.
    if (here() === shown) return;
    const target = (event.state as { position?: number } | null)?.position ?? 0;
    void mayLeave().then((leave) => {
      if (leave) {
        position = target;
        shown = here();
        render();
      } else if (target !== position) {
        restoring = true;
        history.go(position - target);
      } else {
        history.replaceState({ position }, '', shown);
      }
    });
  });
}

export function matchPublic(routes: PublicRoute[], pathname: string): { route: PublicRoute; params: string[] } | null {
  const path = pathname.replace(/^\/app/, '') || '/';
  for (const route of routes) {
    const found = route.path.exec(path);
    if (found) return { route, params: found.slice(1).map(decodeURIComponent) };
  }
  return null;
}

export function match(routes: Route[], role: Role, pathname: string): { route: Route; params: string[] } | null {
  const path = pathname.replace(/^\/app/, '') || '/';
  for (const route of routes) {
    const found = route.path.exec(path);
    if (found && route.roles.includes(role)) return { route, params: found.slice(1).map(decodeURIComponent) };
  }
  return null;
}
