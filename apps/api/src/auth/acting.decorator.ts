import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type Acting, actingAs } from '@near/identity';
import type { AuthenticatedRequest } from './access.decorators.js';

/** The signed-in caller with what the audit trail records of the request: its id and the client's address. */
export const ActingUser = createParamDecorator((_: unknown, context: ExecutionContext): Acting => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.user) throw new Error('ActingUser used on a public route');
  return actingAs(request.user, { requestId: request.id, clientAddress: request.ip });
});
