import type { Me } from './types.js';

const KEY = 'near.session';

export interface Session {
  token: string;
  user: Me;
}

/** The signed-in user, kept for this tab only: a shared office computer forgets it when the tab closes. */
export function currentSession(): Session | null {
  const stored = sessionStorage.getItem(KEY);
  return stored ? (JSON.parse(stored) as Session) : null;
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function endSession(): void {
  sessionStorage.removeItem(KEY);
}
