import type { Me } from './types.js';

const KEY = 'near.sign-in';

export interface SignIn {
  token: string;
  user: Me;
}

/** The signed-in user, kept for this tab only: a shared office computer forgets it when the tab closes. */
export function currentSignIn(): SignIn | null {
  const stored = sessionStorage.getItem(KEY);
  return stored ? (JSON.parse(stored) as SignIn) : null;
}

export function saveSignIn(signIn: SignIn): void {
  sessionStorage.setItem(KEY, JSON.stringify(signIn));
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
}
