import type { AuditEvent } from './audit-entry.js';
import type { HashedFields } from './entry-hash.js';

/**
 * `occurred_at` read back as the text that was hashed. Written with milliseconds, it reads back as the
 * same ISO string; anything that is not a whole millisecond keeps all six digits, so a time moved by a
 * microsecond behind the app's back no longer matches its hash (a JavaScript Date would round it away).
 */
const OCCURRED_AT_TEXT = `regexp_replace(to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), '(\\.\\d{3})000$', '\\1') || 'Z'`;

/**
 * Every stored column, for `SELECT … FROM audit_events`. `seq` keeps its own name and type: an alias of
 * another type named seq would be what `ORDER BY seq` sorts by.
 */
export const AUDIT_ROW_COLUMNS = `seq, ${OCCURRED_AT_TEXT} AS occurred_at, actor_user_id, actor_role, actor_government_id, action,
  entity_type, entity_id, state_before, state_after, payload, request_id, client_address, prev_hash, hash`;

/** A row selected with AUDIT_ROW_COLUMNS. */
export interface AuditRow {
  /** bigint: a string from pg, unless a parser for int8 was installed. */
  seq: string | number;
  occurred_at: string;
  actor_user_id: string | null;
  actor_role: string | null;
  actor_government_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  state_before: string | null;
  state_after: string | null;
  payload: string;
  request_id: string | null;
  client_address: string | null;
  prev_hash: string;
  hash: string;
}

/** The row's fields exactly as stored (the payload still as its text), ready to be hashed. */
export function hashedFieldsOf(row: AuditRow): HashedFields {
  return {
    seq: Number(row.seq),
    occurredAt: row.occurred_at,
    actorUserId: row.actor_user_id,
    actorRole: row.actor_role,
    actorGovernmentId: row.actor_government_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    stateBefore: row.state_before,
    stateAfter: row.state_after,
    payload: row.payload,
    requestId: row.request_id,
    clientAddress: row.client_address,
    prevHash: row.prev_hash,
  };
}

export function toAuditEvent(row: AuditRow): AuditEvent {
  return { ...hashedFieldsOf(row), payload: JSON.parse(row.payload) as Record<string, unknown>, hash: row.hash };
}
