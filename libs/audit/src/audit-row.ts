import type { AuditEvent } from './audit-entry.js';
import type { LeafEntry } from './log/leaf-data.js';

/**
 * `occurred_at` read back as the text a leaf covers. Written with milliseconds, it reads back as the same ISO
 * string; anything that is not a whole millisecond keeps all six digits, so a time moved by a microsecond
 * behind the app's back no longer matches its leaf (a JavaScript Date would round it away).
 */
export const OCCURRED_AT_TEXT = `regexp_replace(to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), '(\\.\\d{3})000$', '\\1') || 'Z'`;

/**
 * Every stored column of `audit_events`, and the leaf index. `seq` keeps its own name and type: an alias of
 * another type named seq would be what `ORDER BY seq` sorts by. The leaf index is a subquery, one index probe
 * per row returned: as a join, PostgreSQL merges from the first leaf on, and a page from the middle of a
 * trail of a million entries read half a million leaves.
 */
export const AUDIT_ROW_COLUMNS = `seq, ${OCCURRED_AT_TEXT} AS occurred_at, actor_user_id, actor_role, actor_government_id, action,
  entity_type, entity_id, state_before, state_after, payload, request_id, client_address,
  (SELECT leaf_index::text FROM log_leaves WHERE log_leaves.seq = audit_events.seq) AS leaf_index`;

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
  leaf_index: string | null;
}

/** What the entry's leaf covers, exactly as stored (the payload still as its text). */
export function leafEntryOf(row: Omit<AuditRow, 'request_id' | 'client_address' | 'leaf_index'>): LeafEntry {
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
  };
}

export function toAuditEvent(row: AuditRow): AuditEvent {
  return {
    ...leafEntryOf(row),
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    requestId: row.request_id,
    clientAddress: row.client_address,
    leafIndex: row.leaf_index === null ? null : Number(row.leaf_index),
  };
}
