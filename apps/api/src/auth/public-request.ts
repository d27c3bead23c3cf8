import type { FastifyRequest } from 'fastify';
import type { AuditContext } from '@near/audit';

/** What the audit trail records of a request made without signing in: no actor, the request and its address. */
export const publicRequestContext = (request: FastifyRequest): AuditContext => ({
  actor: null,
  requestId: request.id,
  clientAddress: request.ip,
});
