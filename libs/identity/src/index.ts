// Who is acting: users with one role each, invitations and passwords, sign-in with throttling and a second
// factor, sign-in sessions renewed by refresh tokens, and JWTs.
export { ROLES, type Role } from './role.js';
export { User } from './user.entity.js';
export { type AuthenticatedUser, toAuthenticatedUser } from './authenticated-user.js';
export { IdentityError, IdentityErrorCode } from './identity-error.js';
export { hashPassword, verifyPassword } from './password-hasher.js';
export { UsersService, type NewUser, type UserFilter } from './users.service.js';
export {
  AuthService,
  type AuthenticatedCaller,
  type SecondStepNeeded,
  type SignedIn,
  type SignInOrigin,
  type SignInResult,
} from './auth.service.js';
export { IssuedTokens } from './issued-tokens.js';
export { SignInSessions, type RequestOrigin, type SessionEndReason, type SessionView } from './sign-in-sessions.js';
export { SecondFactors } from './second-factors.js';
export { IdentityModule } from './identity.module.js';
export { CalendarLinks } from './calendar-links.js';
export { type Acting, actingAs } from './acting.js';
export { IDENTITY_ENTITIES } from './identity.entities.js';
export { UserDirectory, UserDirectoryModule } from './user-directory.js';
export { USER_STATUSES, type UserStatus, userStatus } from './user-status.js';
export { PasswordsService } from './passwords.service.js';
export { SignInUnlocks } from './sign-in-unlocks.js';
export { UserAdministration, type UserCorrection } from './user-administration.js';
export { ACTIVE_CALLER_STATEMENT } from './active-caller-sql.js';
