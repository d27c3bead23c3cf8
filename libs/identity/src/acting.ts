import type { AuditContext } from '@near/audit';
import type { AuthenticatedUser } from './authenticated-user.js';

/** A signed-in user acting through a request: who they are, and what the audit trail records of it. */
export interface Acting {
  user: AuthenticatedUser;
  audit: AuditContext;
}

export function actingAs(user: AuthenticatedUser, request: { requestId?: string; clientAddress?: string } = {}): Acting {
  return {
    user,
    audit: { actor: { userId: user.id, role: user.role, governmentId: user.governmentId }, ...request },
  };
}
