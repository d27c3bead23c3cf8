// Who is acting: users with one role each, password hashing, sign-in with throttling, and JWTs.
export { ROLES, type Role } from './role.js';
export { User } from './user.entity.js';
export { type AuthenticatedUser, toAuthenticatedUser } from './authenticated-user.js';
export { IdentityError, IdentityErrorCode } from './identity-error.js';
export { hashPassword, verifyPassword } from './password-hasher.js';
export { UsersService, type NewUser, type UserFilter } from './users.service.js';
export { AuthService, type SignInResult } from './auth.service.js';
export { IdentityModule } from './identity.module.js';
export { CalendarLinks } from './calendar-links.js';
export { type Acting, actingAs } from './acting.js';
export { IDENTITY_ENTITIES } from './identity.entities.js';
export { UserDirectory, UserDirectoryModule } from './user-directory.js';
