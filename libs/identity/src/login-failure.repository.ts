import type { EntityManager } from 'typeorm';

// The SQL of the login_failures table.

/** Serialises sign-in attempts on one account for the rest of the transaction, so counts cannot be raced past. */
export async function lockAccount(db: EntityManager, email: string): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtextextended('sign-in:' || $1, 0))`, [email]);
}

export interface RecentFailures {
  accountFailures: number;
  accountOldest: Date | null;
  addressFailures: number;
  addressOldest: Date | null;
}

/** The failures of the account and of the address within the last `windowSeconds`, and the oldest of each. */
export async function recent(db: EntityManager, email: string, address: string, windowSeconds: number): Promise<RecentFailures> {
  const [row] = (await db.query(
    `SELECT
       count(*) FILTER (WHERE email = $1) AS account_failures,
       min(failed_at) FILTER (WHERE email = $1) AS account_oldest,
       count(*) FILTER (WHERE address = $2) AS address_failures,
       min(failed_at) FILTER (WHERE address = $2) AS address_oldest
     FROM login_failures
     WHERE (email = $1 OR address = $2) AND failed_at > now() - make_interval(secs => $3)`,
    [email, address, windowSeconds],
  )) as { account_failures: string; account_oldest: Date | null; address_failures: string; address_oldest: Date | null }[];
  return {
    accountFailures: Number(row.account_failures),
    accountOldest: row.account_oldest,
    addressFailures: Number(row.address_failures),
    addressOldest: row.address_oldest,
  };
}

/** Records a failure, and forgets the account's failures older than the window. */
export async function record(db: EntityManager, email: string, address: string, windowSeconds: number): Promise<void> {
  await db.query(`INSERT INTO login_failures (email, address) VALUES ($1, $2)`, [email, address]);
  await db.query(`DELETE FROM login_failures WHERE email = $1 AND failed_at < now() - make_interval(secs => $2)`, [email, windowSeconds]);
}

export async function clear(db: EntityManager, email: string): Promise<void> {
  await db.query(`DELETE FROM login_failures WHERE email = $1`, [email]);
}
