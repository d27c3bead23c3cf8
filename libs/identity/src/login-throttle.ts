import type { DataSource, EntityManager } from 'typeorm';
import * as failures from './login-failure.repository.js';
import { IdentityError, IdentityErrorCode } from './identity-error.js';

export interface ThrottleLimits {
  freeFailuresPerAccount: number;
  freeFailuresPerAddress: number;
  maxDelaySeconds: number;
  failureWindowSeconds: number;
}

/** A sign-in attempt as the throttle sees it. `deviceId`: the browser has signed in to this account before. */
export interface Attempt {
  email: string;
  address: string;
  kind: failures.FailureKind;
  deviceId?: string;
}

/** Seconds to wait after `count` failures: none for the free ones, then 1, 2, 4… up to the cap. */
export function delayAfter(count: number, free: number, maxSeconds: number): number {
  return count < free ? 0 : Math.min(maxSeconds, 2 ** (count - free));
}

/**
 * Failed sign-ins slow the next attempt, never refuse it for long (OWASP ASVS V2.2, NIST SP 800-63B §5.2.2):
 * after a few free failures each next attempt on the account, or from the address, waits twice as long as the
 * last, up to LOGIN_MAX_DELAY_SECONDS, so a guesser gets a few tries a minute and the owner waits at most that
 * long. A browser that signed in to the account before (its device cookie) is slowed only by its own failures:
 * a stranger's guesses cannot keep the owner out. Counted in PostgreSQL, so every API process sees the same.
 */
export class LoginThrottle {
  constructor(private readonly limits: ThrottleLimits) {}

  /** Serialises attempts on one account for the rest of the transaction, so counts cannot be raced past. */
  lockAccount(manager: EntityManager, email: string): Promise<void> {
    return failures.lockAccount(manager, email);
  }

  /**
   * Refuses the attempt while a delay holds it back. With `deferAccountWait` the account's own delay does not refuse
   * it: the answer says it holds, and the caller lets only a second factor decide (see AuthService.signIn).
   */
  async assertAllowed(
    manager: EntityManager,
    attempt: Attempt,
    options: { deferAccountWait?: boolean } = {},
  ): Promise<{ accountHeld: boolean }> {
    const { freeFailuresPerAccount, freeFailuresPerAddress, maxDelaySeconds } = this.limits;
    const recent = await failures.recent(manager, attempt, this.limits.failureWindowSeconds);
    const waits = attempt.deviceId
      ? [{ ...recent.device, free: freeFailuresPerAccount, what: 'this browser' }]
      : [
          { ...recent.account, free: freeFailuresPerAccount, what: 'this account' },
          { ...recent.address, free: freeFailuresPerAddress, what: 'this address' },
        ];
    let accountHeld = false;
    for (const { count, last, free, what } of waits) {
      const until = (last?.getTime() ?? 0) + delayAfter(count, free, maxDelaySeconds) * 1000;
      const seconds = Math.ceil((until - Date.now()) / 1000);
      if (seconds > 0 && options.deferAccountWait && what === 'this account') {
        accountHeld = true;
      } else if (seconds > 0) {
        throw new IdentityError(
          IdentityErrorCode.TooManyFailedSignIns,
          `After failed sign-ins on ${what}, the next attempt waits ${seconds} s.`,
          { retryAfterSeconds: seconds },
        );
      }
    }
    return { accountHeld };
  }

  /** Whether strangers' password failures on the account now slow its sign-ins: past the free ones, within the window. */
  async slowsAccount(manager: EntityManager, email: string): Promise<boolean> {
    const attempt = { email, address: '', kind: 'password' as const };
    const { account } = await failures.recent(manager, attempt, this.limits.failureWindowSeconds);
    return account.count >= this.limits.freeFailuresPerAccount;
  }

  /**
   * Counts the attempt as a failure before the secret is checked, in a short locked transaction, so that
   * concurrent guesses cannot slip past the throttle; a success takes it back (`forget`). No connection is held
   * during the deliberately slow hash.
   */
  countAttempt(
    dataSource: DataSource,
    attempt: Attempt,
    options: { deferAccountWait?: boolean } = {},
  ): Promise<{ failureId: string; accountHeld: boolean }> {
    return dataSource.transaction(async (manager) => {
      await this.lockAccount(manager, attempt.email);
      const { accountHeld } = await this.assertAllowed(manager, attempt, options);
      return { failureId: await this.recordFailure(manager, attempt), accountHeld };
    });
  }

  /** Counts the attempt as failed until `forget` says it succeeded; answers its id. */
  recordFailure(manager: EntityManager, attempt: Attempt): Promise<string> {
    return failures.record(manager, attempt, this.limits.failureWindowSeconds);
  }

  forget(manager: EntityManager, failureId: string): Promise<void> {
    return failures.forget(manager, failureId);
  }
}
