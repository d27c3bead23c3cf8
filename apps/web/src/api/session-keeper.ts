import { currentSignIn, forgetSignIn, saveSignIn } from './sign-in-store.js';
import type { SignInResponse } from './types.js';

/** Renew this long before the access token expires, so that no request of an active tab meets an expired one. */
const RENEW_BEFORE_MS = 60_000;
const CHECK_EVERY_MS = 15_000;
const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

let lastActivity = Date.now();
let renewing: Promise<boolean> | null = null;
let onEnded: () => void = () => undefined;

/** Whether the user touched the tab within the session's idle timeout: only then is the session renewed. */
export function inUse(): boolean {
  const signIn = currentSignIn();
  return signIn !== null && Date.now() - lastActivity < signIn.idleTimeoutSeconds * 1000;
}

/**
 * Renews the access token with the refresh cookie (POST /auth/refresh), once at a time: in this tab by one promise,
 * across the tabs of the browser by a Web Lock, since they share the cookie and a rotated one sent twice would
 * end the session. Resolves false when the session cannot be renewed (ended, idle, expired).
 */
export function renewSignIn(): Promise<boolean> {
  renewing ??= withBrowserLock(async () => {
    try {
      const response = await fetch('/auth/refresh', { method: 'POST', headers: { Accept: 'application/json' } });
      if (!response.ok) return false;
      saveSignIn((await response.json()) as SignInResponse);
      return true;
    } catch {
      return false;
    }
  }).finally(() => (renewing = null));
  return renewing;
}

async function withBrowserLock<T>(work: () => Promise<T>): Promise<T> {
  return navigator.locks ? navigator.locks.request('near-refresh', work) : work();
}

/**
 * Keeps the session of a tab in use: renews the access token shortly before it expires while the user is active,
 * and signs an idle tab out after the idle timeout. `ended` is called when the session is over.
 */
export function keepSession(ended: () => void): void {
  onEnded = ended;
  for (const event of ACTIVITY) addEventListener(event, () => (lastActivity = Date.now()), { passive: true, capture: true });
  setInterval(() => void check(), CHECK_EVERY_MS);
  addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void check();
  });
}

async function check(): Promise<void> {
  const signIn = currentSignIn();
  if (!signIn) return;
  if (!inUse()) {
    // Idle: end the session (its token may have expired already: the server ends it by the idle timeout anyway).
    void fetch('/auth/logout', { method: 'POST', headers: { Authorization: `Bearer ${signIn.token}` } }).catch(() => undefined);
    forgetSignIn();
    onEnded();
    return;
  }
  if (signIn.expiresAt - Date.now() < RENEW_BEFORE_MS && !(await renewSignIn())) {
    forgetSignIn();
    onEnded();
  }
}
