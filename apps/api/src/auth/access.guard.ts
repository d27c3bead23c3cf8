import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthService, IdentityError, IdentityErrorCode, type Role } from '@near/identity';
import { ALLOWED_ROLES, type AuthenticatedRequest, DURING_ENROLMENT, PUBLIC_ROUTE } from './access.decorators.js';

/**
 * Applied to every route: a valid bearer token of a going session first (401), then the second factor the role
 * requires (403 second-factor-required), then the route's roles (403).
 */
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
      if (scheme?.toLowerCase() === 'bearer' && token) {
        const caller = await this.auth.authenticate(token).catch(() => undefined);
        if (caller && !caller.enrolmentOnly) [request.user, request.sessionId] = [caller.user, caller.sessionId];
      }
      return true;
    }
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new IdentityError(IdentityErrorCode.InvalidToken, 'This route needs a bearer token: sign in with POST /auth/login.');
    }
    const caller = await this.auth.authenticate(token);
    [request.user, request.sessionId, request.secondFactor] = [caller.user, caller.sessionId, caller.secondFactor];
    if (caller.enrolmentOnly && !this.reflector.getAllAndOverride<boolean>(DURING_ENROLMENT, targets)) {
      throw new IdentityError(
        IdentityErrorCode.SecondFactorRequired,
        `Your role (${caller.user.role}) signs in with a second factor: enrol one first (POST /auth/totp, then POST /auth/totp/confirm).`,
      );
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(request.user.role)) {
      throw new ForbiddenException(
        `This route is for the role${roles.length > 1 ? 's' : ''} ${roles.join(', ')}; you are signed in as ${request.user.role}.`,
      );
    }
    return true;
  }
}
