import type { EntityManager } from 'typeorm';

// The SQL of calendar_links: one secret feed address per user, kept as the SHA-256 of its token.

/** Replaces the user's address, if any, with this one. */
export async function replace(db: EntityManager, userId: string, tokenHash: Buffer): Promise<void> {
  await db.query(
    `INSERT INTO calendar_links (user_id, token_hash) VALUES ($1, $2)
     ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = now()`,
    [userId, tokenHash],
  );
}

export async function remove(db: EntityManager, userId: string): Promise<boolean> {
  const [, count] = (await db.query(`DELETE FROM calendar_links WHERE user_id = $1`, [userId])) as [unknown, number];
  return count > 0;
}

/** The stored hash and its active user, for the hash given. */
export async function findByHash(db: EntityManager, tokenHash: Buffer): Promise<{ userId: string; tokenHash: Buffer } | undefined> {
  const [row] = await db.query(
    `SELECT l.user_id AS "userId", l.token_hash AS "tokenHash" FROM calendar_links l
     JOIN users u ON u.id = l.user_id AND u.disabled_at IS NULL WHERE l.token_hash = $1`,
    [tokenHash],
  );
  return row;
}
