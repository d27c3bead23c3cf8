import { createHash } from 'node:crypto';
import type { AuditEvent } from './audit-entry.js';
import { canonicalJson } from './canonical-json.js';

/** The `prev_hash` of the first entry: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Everything stored about an entry except its own hash, as stored: `payload` is the canonical JSON text
 * kept in the column (so the bytes hashed are the bytes stored), `occurredAt` the ISO 8601 UTC string
 * with milliseconds.
 */
export type HashedFields = Omit<AuditEvent, 'hash' | 'payload'> & { payload: string };

/** Every hashed field but `prevHash`, in the order of the table's columns. */
export const CONTENT_FIELDS = [
  'seq',
  'occurredAt',
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
] as const satisfies readonly Exclude<keyof HashedFields, 'prevHash'>[];

/** An entry's values in the order of the table's columns (AUDIT_INSERT_COLUMNS), for an INSERT. */
export function columnValues(fields: HashedFields, hash: string): unknown[] {
  return [...CONTENT_FIELDS.map((field) => fields[field]), fields.prevHash, hash];
}

/** The stored columns in the order of `columnValues`. */
export const AUDIT_INSERT_COLUMNS = `seq, occurred_at, actor_user_id, actor_role, actor_government_id, action, entity_type, entity_id,
  state_before, state_after, payload, request_id, client_address, prev_hash, hash`;

/** The hashed fields but `prevHash` in canonical (sorted) order, each with its key as JSON. */
const CONTENT_KEYS = [...CONTENT_FIELDS].sort();
const KEY_TEXTS = CONTENT_KEYS.map((key) => `${JSON.stringify(key)}:`);

/**
 * sha256 (hex) of the previous entry's hash followed by the canonical JSON of every other stored field.
 * Chaining the previous hash in means an entry cannot be changed, removed or moved without breaking
 * the link from the entry after it.
 */
export function entryHash(fields: HashedFields): string {
  return createHash('sha256')
    .update(fields.prevHash + contentText(fields), 'utf8')
    .digest('hex');
}

/**
 * `canonicalJson` of the fields but `prevHash`, the same bytes written straight from the fixed list of keys:
 * the verifier hashes every entry of the trail, and sorting each entry's keys again was a third of its time.
 */
function contentText(fields: HashedFields): string {
  const members: string[] = [];
  for (let index = 0; index < CONTENT_KEYS.length; index += 1) {
    const value: unknown = fields[CONTENT_KEYS[index]];
    if (value === undefined) continue;
    // Only text, numbers and null are stored; anything else takes the general path and its checks.
    if (!(value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)))) {
      const { prevHash: _prevHash, ...content } = fields;
      return canonicalJson(content);
    }
    members.push(KEY_TEXTS[index] + JSON.stringify(value));
  }
  return `{${members.join(',')}}`;
}
