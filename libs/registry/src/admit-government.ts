import type { EntityManager } from 'typeorm';
import type { AuditContext, AuditTrail } from '@near/audit';

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
  const [before] = await manager.query(`SELECT status FROM governments WHERE id = $1 FOR UPDATE`, [admission.governmentId]);
  const memberSince = admission.on.toISOString().slice(0, 10);
  await manager.query(
    `UPDATE governments SET status = $2, member_since = $3, admitted_by_assembly_id = $4, updated_at = now(), version = version + 1 WHERE id = $1`,
    [admission.governmentId, admission.category, memberSince, admission.assemblyId],
  );
  await audit.record(manager, context, {
    action: 'government.admitted',
    entityType: 'government',
    entityId: admission.governmentId,
    stateBefore: before.status,
    stateAfter: admission.category,
    payload: { memberSince, assemblyId: admission.assemblyId, applicationId: admission.applicationId },
  });
}
