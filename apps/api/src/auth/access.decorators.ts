import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { DECORATORS } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { AuthenticatedUser, Role } from '@near/identity';

export const PUBLIC_ROUTE = 'near:public-route';
export const ALLOWED_ROLES = 'near:allowed-roles';
export const DURING_ENROLMENT = 'near:during-enrolment';

/**
 * Declares, in the OpenAPI document, that a route needs no security (`security: []`, overriding the
 * document's bearer requirement). Merged into the operation's metadata, as @ApiOperation merges its summary,
 * so the two may come in either order. (@ApiSecurity cannot say it: @nestjs/swagger drops an empty list.)
 */
const declareNoSecurity: MethodDecorator = (_target, _key, descriptor) => {
  const operation: object | undefined = Reflect.getMetadata(DECORATORS.API_OPERATION, descriptor.value as object);
  Reflect.defineMetadata(DECORATORS.API_OPERATION, { ...operation, security: [] }, descriptor.value as object);
};

/** Opens a route to callers without a token. Everything else needs one. */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_ROUTE, true), declareNoSecurity);

/** Restricts a route to these roles; without it, any signed-in user may call it. */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/**
 * Opens a route to a caller whose role requires a second factor it has not enrolled yet: such a caller may
 * enrol one, see who it is, and sign out; every other route answers 403 second-factor-required.
 */
export const DuringEnrolment = () => SetMetadata(DURING_ENROLMENT, true);

/** `sessionId`: the sign-in session of the bearer token; `secondFactor`: whether its user has one. */
export type AuthenticatedRequest = FastifyRequest & { user?: AuthenticatedUser; sessionId?: string; secondFactor?: boolean };

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthenticatedUser => {
  const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new Error('CurrentUser used on a public route');
  return user;
});
