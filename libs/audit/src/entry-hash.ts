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

/**
 * sha256 (hex) of the previous entry's hash followed by the canonical JSON of every other stored field.
 * Chaining the previous hash in means an entry cannot be changed, removed or moved without breaking
 * the link from the entry after it.
 */
export function entryHash(fields: HashedFields): string {
  const { prevHash, ...content } = fields;
  return createHash('sha256')
    .update(prevHash + canonicalJson(content), 'utf8')
    .digest('hex');
}
