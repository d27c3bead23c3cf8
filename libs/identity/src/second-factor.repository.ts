import type { EntityManager } from 'typeorm';

// The SQL of the second_factors and recovery_codes tables.

export interface SecondFactorRow {
  sealedSecret: string;
  confirmedAt: Date | null;
  lastUsedStep: string | null;
}

/** A new, unconfirmed secret; replaces an unconfirmed one. Answers false when a confirmed one exists. */
export async function putPending(db: EntityManager, userId: string, sealedSecret: string): Promise<boolean> {
  const rows = (await db.query(
    `INSERT INTO second_factors (user_id, sealed_secret) VALUES ($1, $2)
     ON CONFLICT (user_id) DO UPDATE SET sealed_secret = excluded.sealed_secret, created_at = now(), last_used_step = NULL
       WHERE second_factors.confirmed_at IS NULL
     RETURNING user_id`,
    [userId, sealedSecret],
  )) as unknown[];
  return rows.length > 0;
}

export async function find(db: EntityManager, userId: string, options: { lock?: boolean } = {}): Promise<SecondFactorRow | null> {
  const rows = (await db.query(
    `SELECT sealed_secret AS "sealedSecret", confirmed_at AS "confirmedAt", last_used_step AS "lastUsedStep"
       FROM second_factors WHERE user_id = $1 ${options.lock ? 'FOR UPDATE' : ''}`,
    [userId],
  )) as SecondFactorRow[];
  return rows[0] ?? null;
}

export async function confirm(db: EntityManager, userId: string, step: number): Promise<void> {
  await db.query(`UPDATE second_factors SET confirmed_at = now(), last_used_step = $2 WHERE user_id = $1`, [userId, step]);
}

/** Spends a time step: answers false when it, or a later one, was used already (a replayed code). */
export async function useStep(db: EntityManager, userId: string, step: number): Promise<boolean> {
  const [rows] = (await db.query(
    `UPDATE second_factors SET last_used_step = $2
      WHERE user_id = $1 AND confirmed_at IS NOT NULL AND (last_used_step IS NULL OR last_used_step < $2)
      RETURNING user_id`,
    [userId, step],
  )) as [unknown[], number];
  return rows.length > 0;
}

/** Removes the second factor and its recovery codes; answers whether a confirmed one existed. */
export async function remove(db: EntityManager, userId: string): Promise<boolean> {
  await db.query(`DELETE FROM recovery_codes WHERE user_id = $1`, [userId]);
  const [rows] = (await db.query(`DELETE FROM second_factors WHERE user_id = $1 RETURNING confirmed_at AS "confirmedAt"`, [userId])) as [
    { confirmedAt: Date | null }[],
    number,
  ];
  return rows.some((row) => row.confirmedAt !== null);
}

export async function insertRecoveryCodes(db: EntityManager, userId: string, hashes: Buffer[]): Promise<void> {
  await db.query(`DELETE FROM recovery_codes WHERE user_id = $1`, [userId]);
  await db.query(`INSERT INTO recovery_codes (user_id, code_hash) SELECT $1, unnest($2::bytea[])`, [userId, hashes]);
}

/** Spends a recovery code: answers false when it is unknown or was used. */
export async function useRecoveryCode(db: EntityManager, userId: string, hash: Buffer): Promise<boolean> {
  const [rows] = (await db.query(
    `UPDATE recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING user_id`,
    [userId, hash],
  )) as [unknown[], number];
  return rows.length > 0;
}
