import type { EntityManager } from 'typeorm';
import { IdentityError, IdentityErrorCode } from './identity-error.js';

export interface ThrottleLimits {
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
  failureWindowSeconds: number;
}

/**
 * Failed sign-ins counted in PostgreSQL, so every API process sees the same counts. An attempt counts
 * while its password is being checked and is forgotten when it succeeds: a hall of delegates signing in
 * from one address is never slowed by its own successes.
 */
export class LoginThrottle {
  constructor(private readonly limits: ThrottleLimits) {}

  /** Serialises attempts on one account for the rest of the transaction, so counts cannot be raced past. */
  async lockAccount(manager: EntityManager, email: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('sign-in:' || $1, 0))`, [email]);
  }

  async assertAllowed(manager: EntityManager, email: string, address: string): Promise<void> {
    const window = this.limits.failureWindowSeconds;
    const [row] = (await manager.query(
      `SELECT
         count(*) FILTER (WHERE email = $1) AS account_failures,
         min(failed_at) FILTER (WHERE email = $1) AS account_oldest,
         count(*) FILTER (WHERE address = $2) AS address_failures,
         min(failed_at) FILTER (WHERE address = $2) AS address_oldest
       FROM login_failures
       WHERE (email = $1 OR address = $2) AND failed_at > now() - make_interval(secs => $3)`,
      [email, address, window],
    )) as { account_failures: string; account_oldest: Date | null; address_failures: string; address_oldest: Date | null }[];
    const tooMany = (count: string, max: number) => Number(count) >= max;
    const retryAfter = (oldest: Date | null) =>
      Math.max(1, Math.ceil(((oldest?.getTime() ?? Date.now()) + window * 1000 - Date.now()) / 1000));
    if (tooMany(row.account_failures, this.limits.maxFailuresPerAccount)) {
      throw new IdentityError(IdentityErrorCode.TooManyFailedSignIns, 'Too many failed sign-ins for this account; try again later.', {
        retryAfterSeconds: retryAfter(row.account_oldest),
      });
    }
    if (tooMany(row.address_failures, this.limits.maxFailuresPerAddress)) {
      throw new IdentityError(IdentityErrorCode.TooManyFailedSignIns, 'Too many failed sign-ins from this address; try again later.', {
        retryAfterSeconds: retryAfter(row.address_oldest),
      });
    }
  }

  async recordFailure(manager: EntityManager, email: string, address: string): Promise<void> {
    await manager.query(`INSERT INTO login_failures (email, address) VALUES ($1, $2)`, [email, address]);
    await manager.query(`DELETE FROM login_failures WHERE email = $1 AND failed_at < now() - make_interval(secs => $2)`, [
      email,
      this.limits.failureWindowSeconds,
    ]);
  }

  async clear(manager: EntityManager, email: string): Promise<void> {
    await manager.query(`DELETE FROM login_failures WHERE email = $1`, [email]);
  }
}
