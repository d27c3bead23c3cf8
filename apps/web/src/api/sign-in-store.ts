import type { Me, SignInResponse } from './types.js';

const KEY = 'near.sign-in';

export interface SignIn {
  token: string;
  user: Me;
  /** When the access token expires (ms since the epoch, by this browser's clock). */
  expiresAt: number;
  /** The session ends when not renewed for this long: the app renews only while the tab is in use. */
  idleTimeoutSeconds: number;
  /** The role requires a second factor the user has not enrolled: only enrolment is open. */
  mustEnrolSecondFactor: boolean;
}

/** The signed-in user, kept for this tab only: a shared office computer forgets it when the tab closes. */
export function currentSignIn(): SignIn | null {
  const stored = sessionStorage.getItem(KEY);
  return stored ? (JSON.parse(stored) as SignIn) : null;
}

/** Keeps a sign-in answer (from signing in, or from a renewal) for this tab. */
export function saveSignIn(answer: SignInResponse): SignIn {
  const signIn: SignIn = {
    token: answer.accessToken,
    user: answer.user,
    expiresAt: Date.now() + answer.expiresIn * 1000,
    idleTimeoutSeconds: answer.idleTimeoutSeconds,
    mustEnrolSecondFactor: answer.mustEnrolSecondFactor,
  };
  sessionStorage.setItem(KEY, JSON.stringify(signIn));
  return signIn;
}

/** Forgets the sign-in in this tab (the session itself is ended by POST /auth/logout). */
export function forgetSignIn(): void {
  sessionStorage.removeItem(KEY);
}
