import type { EntityManager } from 'typeorm';

// The SQL of the login_failures table.

export type FailureKind = 'password' | 'second-factor';

/** Serialises sign-in attempts on one account for the rest of the transaction, so counts cannot be raced past. */
export async function lockAccount(db: EntityManager, email: string): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtextextended('sign-in:' || $1, 0))`, [email]);
}

export interface RecentFailures {
  account: { count: number; last: Date | null };
  address: { count: number; last: Date | null };
  device: { count: number; last: Date | null };
}

/** The failures of the account (of this kind), of the address and of the trusted browser within the window, and the last of each. */
export async function recent(
  db: EntityManager,
  attempt: { email: string; address: string; kind: FailureKind; deviceId?: string },
  windowSeconds: number,
): Promise<RecentFailures> {
  const [row] = (await db.query(
    `SELECT
       count(*) FILTER (WHERE email = $1 AND kind = $3) AS account_count,
       max(failed_at) FILTER (WHERE email = $1 AND kind = $3) AS account_last,
       count(*) FILTER (WHERE address = $2) AS address_count,
       max(failed_at) FILTER (WHERE address = $2) AS address_last,
       count(*) FILTER (WHERE device_id = $5 AND kind = $3) AS device_count,
       max(failed_at) FILTER (WHERE device_id = $5 AND kind = $3) AS device_last
     FROM login_failures
     WHERE (email = $1 OR address = $2) AND failed_at > now() - make_interval(secs => $4)`,
    [attempt.email, attempt.address, attempt.kind, windowSeconds, attempt.deviceId ?? null],
  )) as Record<string, string | Date | null>[];
  const pair = (count: unknown, last: unknown) => ({ count: Number(count), last: (last as Date | null) ?? null });
  return {
    account: pair(row.account_count, row.account_last),
    address: pair(row.address_count, row.address_last),
    device: pair(row.device_count, row.device_last),
  };
}

/** Records a failure (answers its id), and forgets the account's failures older than the window. */
export async function record(
  db: EntityManager,
  attempt: { email: string; address: string; kind: FailureKind; deviceId?: string },
  windowSeconds: number,
): Promise<string> {
  const [row] = (await db.query(`INSERT INTO login_failures (email, address, kind, device_id) VALUES ($1, $2, $3, $4) RETURNING id`, [
    attempt.email,
    attempt.address,
    attempt.kind,
    attempt.deviceId ?? null,
  ])) as { id: string }[];
  await db.query(`DELETE FROM login_failures WHERE email = $1 AND failed_at < now() - make_interval(secs => $2)`, [
    attempt.email,
    windowSeconds,
  ]);
  return String(row.id);
}

/** Takes back one failure: the attempt it counted succeeded. */
export async function forget(db: EntityManager, id: string): Promise<void> {
  await db.query(`DELETE FROM login_failures WHERE id = $1`, [id]);
}
