import type { LeafEntry } from './log/leaf-data.js';

/** What a change tells the trail about itself; who and from where come from the AuditContext. */
export interface AuditEntryInput {
  /** What happened, e.g. `application.start-review`, `user.created`, `auth.sign-in-failed`. */
  action: string;
  entityType: string;
  /** The changed record's id, or another stable key (an e-mail for a failed sign-in). */
  entityId: string;
  stateBefore?: string | null;
  stateAfter?: string | null;
  payload?: Record<string, unknown>;
}

/** One entry of the trail, as stored and as the API shows it: what its leaf holds, the payload parsed, and more. */
export interface AuditEvent extends Omit<LeafEntry, 'payload'> {
  payload: Record<string, unknown>;
  requestId: string | null;
  clientAddress: string | null;
  /** Its leaf in the transparency log; null until the integrator has taken it in (a second or so after commit). */
  leafIndex: number | null;
}
