import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuthenticatedUser, Role } from '@near/identity';

export const PUBLIC_ROUTE = 'near:public-route';
export const ALLOWED_ROLES = 'near:allowed-roles';

/** Opens a route to callers without a token. Everything else needs one. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Restricts a route to these roles; without it, any signed-in user may call it. */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

export type AuthenticatedRequest = FastifyRequest & { user?: AuthenticatedUser };

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthenticatedUser => {
  const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new Error('CurrentUser used on a public route');
  return user;
});
