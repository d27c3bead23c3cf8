import type { EntityManager } from 'typeorm';
import type { AuditContext, AuditTrail } from '@near/audit';
import * as governments from './government.repository.js';

/**
 * An approved application enters the registry in the same transaction as the decision: the government
 * becomes a member (or associate member) from that day, admitted by that session. An observer admitted
 * changes status the same way.
 */
export async function admitGovernment(
  manager: EntityManager,
  audit: AuditTrail,
  context: AuditContext,
  admission: { governmentId: string; category: 'member' | 'associate'; assemblyId: string; on: Date; applicationId: string },
): Promise<void> {
  const before = await governments.lockStatus(manager, admission.governmentId);
  const memberSince = admission.on.toISOString().slice(0, 10);
  await governments.admit(manager, {
    governmentId: admission.governmentId,
    status: admission.category,
    memberSince,
    assemblyId: admission.assemblyId,
  });
  await audit.record(manager, context, {
    action: 'government.admitted',
    entityType: 'government',
    entityId: admission.governmentId,
    stateBefore: before,
    stateAfter: admission.category,
    payload: { memberSince, assemblyId: admission.assemblyId, applicationId: admission.applicationId },
  });
}
