import type { EntityManager } from 'typeorm';

// The SQL of the sign_in_sessions and refresh_tokens tables.

export interface SessionRow {
  id: string;
  userId: string;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
  endedAt: Date | null;
  endReason: string | null;
  userAgent: string | null;
  clientAddress: string | null;
}

const sessionColumns = (s: string) =>
  `${s}.id, ${s}.user_id AS "userId", ${s}.created_at AS "createdAt", ${s}.last_used_at AS "lastUsedAt", ${s}.expires_at AS "expiresAt",
   ${s}.ended_at AS "endedAt", ${s}.end_reason AS "endReason", ${s}.user_agent AS "userAgent", ${s}.client_address AS "clientAddress"`;

export async function insertSession(
  db: EntityManager,
  session: { userId: string; lifetimeSeconds: number; userAgent: string | null; clientAddress: string | null },
): Promise<string> {
  const [row] = (await db.query(
    `INSERT INTO sign_in_sessions (user_id, expires_at, user_agent, client_address)
     VALUES ($1, now() + make_interval(secs => $2), $3, $4) RETURNING id`,
    [session.userId, session.lifetimeSeconds, session.userAgent, session.clientAddress],
  )) as { id: string }[];
  return row.id;
}

export async function insertRefreshToken(db: EntityManager, sessionId: string, tokenHash: Buffer): Promise<void> {
  await db.query(`INSERT INTO refresh_tokens (token_hash, session_id) VALUES ($1, $2)`, [tokenHash, sessionId]);
}

/** The refresh token and its session, locked for the rest of the transaction so that one use rotates it. */
export async function lockRefreshToken(
  db: EntityManager,
  tokenHash: Buffer,
): Promise<{ rotatedAt: Date | null; session: SessionRow } | null> {
  const rows = (await db.query(
    `SELECT t.rotated_at AS "rotatedAt", ${sessionColumns('s')}
       FROM refresh_tokens t JOIN sign_in_sessions s ON s.id = t.session_id
      WHERE t.token_hash = $1
      FOR UPDATE`,
    [tokenHash],
  )) as (SessionRow & { rotatedAt: Date | null })[];
  if (rows.length === 0) return null;
  const { rotatedAt, ...session } = rows[0];
  return { rotatedAt, session };
}

export async function markRotated(db: EntityManager, tokenHash: Buffer): Promise<void> {
  await db.query(`UPDATE refresh_tokens SET rotated_at = now() WHERE token_hash = $1`, [tokenHash]);
}

export async function touch(db: EntityManager, sessionId: string, clientAddress: string | null): Promise<void> {
  await db.query(`UPDATE sign_in_sessions SET last_used_at = now(), client_address = coalesce($2, client_address) WHERE id = $1`, [
    sessionId,
    clientAddress,
  ]);
}

/** Ends the session if it is still going; answers whether it did. */
export async function endSession(db: EntityManager, sessionId: string, reason: string, userId?: string): Promise<boolean> {
  const rows = (await db.query(
    `UPDATE sign_in_sessions SET ended_at = now(), end_reason = $2
      WHERE id = $1 AND ended_at IS NULL ${userId ? 'AND user_id = $3' : ''} RETURNING id`,
    userId ? [sessionId, reason, userId] : [sessionId, reason],
  )) as [{ id: string }[], number] | { id: string }[];
  return flatRows(rows).length > 0;
}

/** Ends every going session of the user, but the one named; answers the ids ended. */
export async function endSessionsOf(db: EntityManager, userId: string, reason: string, except?: string): Promise<string[]> {
  const rows = await db.query(
    `UPDATE sign_in_sessions SET ended_at = now(), end_reason = $2
      WHERE user_id = $1 AND ended_at IS NULL ${except ? 'AND id <> $3' : ''} RETURNING id`,
    except ? [userId, reason, except] : [userId, reason],
  );
  return flatRows(rows as { id: string }[]).map((row) => row.id);
}

/** The user's sessions that have not ended, and have not run out, newest first. */
export function goingSessionsOf(db: EntityManager, userId: string, idleSeconds: number): Promise<SessionRow[]> {
  return db.query(
    `SELECT ${sessionColumns('s')} FROM sign_in_sessions s
      WHERE user_id = $1 AND ended_at IS NULL AND expires_at > now() AND last_used_at > now() - make_interval(secs => $2)
      ORDER BY created_at DESC`,
    [userId, idleSeconds],
  );
}

// TypeORM answers an UPDATE … RETURNING as [rows, count] with the pg driver.
function flatRows<Row>(result: Row[] | [Row[], number]): Row[] {
  return Array.isArray(result[0]) ? (result[0] as Row[]) : (result as Row[]);
}
