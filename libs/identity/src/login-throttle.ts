import type { EntityManager } from 'typeorm';
import * as failures from './login-failure.repository.js';
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
    await failures.lockAccount(manager, email);
  }

  async assertAllowed(manager: EntityManager, email: string, address: string): Promise<void> {
    const window = this.limits.failureWindowSeconds;
    const row = await failures.recent(manager, email, address, window);
    const tooMany = (count: number, max: number) => count >= max;
    const retryAfter = (oldest: Date | null) =>
      Math.max(1, Math.ceil(((oldest?.getTime() ?? Date.now()) + window * 1000 - Date.now()) / 1000));
    if (tooMany(row.accountFailures, this.limits.maxFailuresPerAccount)) {
      throw new IdentityError(IdentityErrorCode.TooManyFailedSignIns, 'Too many failed sign-ins for this account; try again later.', {
        retryAfterSeconds: retryAfter(row.accountOldest),
      });
    }
    if (tooMany(row.addressFailures, this.limits.maxFailuresPerAddress)) {
      throw new IdentityError(IdentityErrorCode.TooManyFailedSignIns, 'Too many failed sign-ins from this address; try again later.', {
        retryAfterSeconds: retryAfter(row.addressOldest),
      });
    }
  }

  recordFailure(manager: EntityManager, email: string, address: string): Promise<void> {
    return failures.record(manager, email, address, this.limits.failureWindowSeconds);
  }

  clear(manager: EntityManager, email: string): Promise<void> {
    return failures.clear(manager, email);
  }
}
