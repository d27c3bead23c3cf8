import type { EntityManager } from 'typeorm';
import type { AuditContext, AuditTrail } from '@near/audit';
import { calendarDayIn } from '@near/common';
import * as governments from './government.repository.js';

/**
 * An approved application enters the registry in the same transaction as the decision: the government
 * becomes a member (or associate member) from that day, admitted by that session. An observer admitted
 * changes status the same way. The day is the decision's where the session met: in its host government's time
 * zone, or in UTC for a written procedure and a host whose zone the registry does not know.
 */
export async function admitGovernment(
  manager: EntityManager,
  audit: AuditTrail,
  context: AuditContext,
  admission: {
    governmentId: string;
    category: 'member' | 'associate';
    assemblyId: string;
    hostGovernmentId: string | null;
    on: Date;
    applicationId: string;
  },
): Promise<void> {
  const before = await governments.lockStatus(manager, admission.governmentId);
  const host = admission.hostGovernmentId;
  const timeZone = host ? ((await governments.timeZones(manager, [host])).get(host) ?? null) : null;
  const memberSince = calendarDayIn(admission.on, timeZone);
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
