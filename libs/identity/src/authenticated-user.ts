import type { Locale } from '@near/common';
import type { Role } from './role.js';
import type { User } from './user.entity.js';

/** The caller of a request, as loaded fresh from the database for every request. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  governmentId: string | null;
  locale: Locale;
}

export function toAuthenticatedUser(user: User): AuthenticatedUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    governmentId: user.governmentId,
    locale: user.locale,
  };
}
