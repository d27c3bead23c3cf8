export { ROLES } from './role.js';
export { User } from './user.entity.js';
export { toAuthenticatedUser } from './authenticated-user.js';
export { IdentityError, IdentityErrorCode } from './identity-error.js';
export { hashPassword, verifyPassword } from './password-hasher.js';
export { UsersService } from './users.service.js';
export { AuthService } from './auth.service.js';
export { IdentityModule } from './identity.module.js';
//# sourceMappingURL=index.js.map