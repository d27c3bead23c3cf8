// The trail's INSERT, in a module that imports no live code, so that the benchmark's seeding and baselines send
// the very same statement as AuditTrail (libs/audit/src/audit-events.repository.ts).
import { OCCURRED_AT_TEXT } from './audit-row.js';

/** The columns a change gives, in the order of the statement's parameters (per row). */
export const AUDIT_INSERT_COLUMNS = [
  'actor_user_id',
  'actor_role',
  'actor_government_id',
  'action',
  'entity_type',
  'entity_id',
  'state_before',
  'state_after',
  'payload',
  'request_id',
  'client_address',
] as const;

/**
 * Inserts `rows` entries and their seqs into the log's work list, in one statement. No lock and no read of
 * other entries: concurrent changes insert side by side. The time is the database clock's, to the
 * millisecond, so entries of machines whose clocks disagree still sort by when they were written.
 */
export function auditInsertText(rows: number): string {
  const width = AUDIT_INSERT_COLUMNS.length;
  const values = Array.from(
    { length: rows },
    (_, row) =>
      `(date_trunc('milliseconds', clock_timestamp()), ${AUDIT_INSERT_COLUMNS.map((__, column) => `$${row * width + column + 1}`).join(', ')})`,
  );
  return `WITH inserted AS (
      INSERT INTO audit_events (occurred_at, ${AUDIT_INSERT_COLUMNS.join(', ')}) VALUES ${values.join(', ')}
      RETURNING seq, occurred_at
    ), pending AS (INSERT INTO log_pending (seq) SELECT seq FROM inserted)
    SELECT seq::text AS seq, ${OCCURRED_AT_TEXT} AS occurred_at FROM inserted ORDER BY seq`;
}

/** The statement of one entry, prepared once per connection. */
export const AUDIT_INSERT_ONE = { name: 'near_audit_insert_one', text: auditInsertText(1) } as const;
