import type { EntityManager } from 'typeorm';

// The SQL of the account_links table: the single-use links e-mailed for an invitation or a password reset.

export type AccountLinkPurpose = 'invitation' | 'password-reset';

export interface AccountLinkRow {
  id: string;
  userId: string;
  purpose: AccountLinkPurpose;
  secretHash: Buffer;
  expired: boolean;
  usedAt: Date | null;
}

/** A new link; the user's earlier unused links of that purpose stop working. Answers its id. */
export async function replace(
  db: EntityManager,
  userId: string,
  purpose: AccountLinkPurpose,
  secretHash: Buffer,
  validSeconds: number,
): Promise<string> {
  await db.query(`DELETE FROM account_links WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`, [userId, purpose]);
  const [row] = (await db.query(
    `INSERT INTO account_links (user_id, purpose, secret_hash, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(secs => $4)) RETURNING id`,
    [userId, purpose, secretHash, validSeconds],
  )) as { id: string }[];
  return row.id;
}

export async function findForUpdate(db: EntityManager, id: string): Promise<AccountLinkRow | undefined> {
  const [row] = (await db.query(
    `SELECT id, user_id AS "userId", purpose, secret_hash AS "secretHash", expires_at <= now() AS expired, used_at AS "usedAt"
       FROM account_links WHERE id = $1 FOR UPDATE`,
    [id],
  )) as AccountLinkRow[];
  return row;
}

export async function markUsed(db: EntityManager, id: string): Promise<void> {
  await db.query(`UPDATE account_links SET used_at = now() WHERE id = $1`, [id]);
}

/** Every unused link of the user stops working (its password was set, or it was disabled). */
export async function revokeAll(db: EntityManager, userId: string): Promise<void> {
  await db.query(`DELETE FROM account_links WHERE user_id = $1 AND used_at IS NULL`, [userId]);
}

/** Whether a link of this purpose was issued to the user within the last `seconds`. */
export async function issuedWithin(db: EntityManager, userId: string, purpose: AccountLinkPurpose, seconds: number): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `SELECT 1 FROM account_links WHERE user_id = $1 AND purpose = $2 AND created_at > now() - make_interval(secs => $3) LIMIT 1`,
    [userId, purpose, seconds],
  );
  return rows.length > 0;
}
