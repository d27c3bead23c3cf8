import { queryPrepared } from '@near/database';
import type { EntityManager } from 'typeorm';
import { AUDIT_INSERT_ONE, auditInsertText } from './audit-insert-sql.js';

/** An entry as a change gives it, ready to store; seq and the time are the database's. */
export interface NewAuditRow {
  actorUserId: string | null;
  actorRole: string | null;
  actorGovernmentId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  stateBefore: string | null;
  stateAfter: string | null;
  /** Canonical JSON. */
  payload: string;
  requestId: string | null;
  clientAddress: string | null;
}

// The fields in the order of AUDIT_INSERT_COLUMNS.
const FIELDS = [
  'actorUserId',
  'actorRole',
  'actorGovernmentId',
  'action',
  'entityType',
  'entityId',
  'stateBefore',
  'stateAfter',
  'payload',
  'requestId',
  'clientAddress',
] as const satisfies readonly (keyof NewAuditRow)[];

/** SQL of the `audit_events` table on the write path. */
export const AuditEventsRepository = {
  /** Inserts the rows in order; returns each one's seq and stored time, in the same order. */
  async insert(manager: EntityManager, rows: readonly NewAuditRow[]): Promise<{ seq: number; occurredAt: string }[]> {
    const values = rows.flatMap((row) => FIELDS.map((field) => row[field]));
    const result =
      rows.length === 1
        ? await queryPrepared<{ seq: string; occurred_at: string }>(manager, AUDIT_INSERT_ONE, values)
        : ((await manager.query(auditInsertText(rows.length), values)) as { seq: string; occurred_at: string }[]);
    return result.map((row) => ({ seq: Number(row.seq), occurredAt: row.occurred_at }));
  },
};
