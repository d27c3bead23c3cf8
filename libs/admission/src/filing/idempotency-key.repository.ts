import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AdmissionError, AdmissionErrorCode } from '../admission-error.js';

/** Canonical enough for our DTOs: the same body gives the same hash whatever the key order. */
export function requestHash(body: unknown): string {
  const canonical = JSON.stringify(body, (_, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
  return createHash('sha256').update(canonical).digest('hex');
}

/** The application an earlier request with this key created, or null; a different body under the same key is refused. */
export async function findByIdempotencyKey(manager: EntityManager, userId: string, key: string, hash: string): Promise<string | null> {
  const [row] = await manager.query(`SELECT request_hash, application_id FROM idempotency_keys WHERE user_id = $1 AND key = $2`, [
    userId,
    key,
  ]);
  if (!row) return null;
  if (row.request_hash !== hash) {
    throw new AdmissionError(
      AdmissionErrorCode.IdempotencyKeyReused,
      'This Idempotency-Key was already used with a different request body; use a new key for a new application.',
    );
  }
  return row.application_id;
}

export async function rememberIdempotencyKey(
  manager: EntityManager,
  userId: string,
  key: string,
  hash: string,
  applicationId: string,
): Promise<void> {
  await manager.query(`INSERT INTO idempotency_keys (user_id, key, request_hash, application_id) VALUES ($1, $2, $3, $4)`, [
    userId,
    key,
    hash,
    applicationId,
  ]);
}
