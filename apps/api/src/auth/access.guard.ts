import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthService, IdentityError, IdentityErrorCode, type Role } from '@near/identity';
import { ALLOWED_ROLES, type AuthenticatedRequest, PUBLIC_ROUTE } from './access.decorators.js';

/** Applied to every route: a valid bearer token first (401), then the route's roles (403). */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
      // A public route answers anyone, and may tell a signed-in caller more (/health): a token that does not
      // authenticate, for whatever reason, leaves the caller anonymous rather than refused.
      if (scheme?.toLowerCase() === 'bearer' && token) request.user = await this.auth.authenticate(token).catch(() => undefined);
      return true;
    }
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new IdentityError(IdentityErrorCode.InvalidToken, 'This route needs a bearer token: sign in with POST /auth/login.');
    }
    request.user = await this.auth.authenticate(token);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(request.user.role)) {
      throw new ForbiddenException(
        `This route is for the role${roles.length > 1 ? 's' : ''} ${roles.join(', ')}; you are signed in as ${request.user.role}.`,
      );
    }
    return true;
  }
}
