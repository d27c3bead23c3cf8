import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Secret, TOTP } from 'otpauth';
import { AuditTrail } from '@near/audit';
import { AppConfig } from '@near/config';
import { NotificationOutbox } from '@near/notifications';
import type { Acting } from './acting.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { IdentityError, IdentityErrorCode } from './identity-error.js';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes.js';
import { seal, unseal } from './sealed-secret.js';
import * as factors from './second-factor.repository.js';
import { User } from './user.entity.js';

// What every authenticator app reads: RFC 6238 with HMAC-SHA-1, six digits, 30-second steps.
const TOTP_SETTINGS = { issuer: 'NEAR', algorithm: 'SHA1', digits: 6, period: 30 } as const;
/** One step either side, for a phone's clock that is a little off. */
const WINDOW = 1;
const TOTP_CODE = /^\d{6}$/;

/**
 * The second factor of sign-in: a TOTP secret (sealed at rest, shown only at enrolment) and ten single-use
 * recovery codes (hashed). A code is accepted once: its time step is spent, and a code of that step or an
 * earlier one is refused afterwards.
 */
@Injectable()
export class SecondFactors {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly audit: AuditTrail,
    private readonly outbox: NotificationOutbox,
  ) {}

  /** Starts an enrolment (or starts it over while unconfirmed): the secret, and the URI an authenticator app reads from a QR code. */
  async enrol(user: AuthenticatedUser): Promise<{ otpauthUri: string; secret: string }> {
    const secret = new Secret({ size: 20 });
    const stored = await factors.putPending(this.dataSource.manager, user.id, this.seal(secret, user.id));
    if (!stored) {
      throw new IdentityError(IdentityErrorCode.SecondFactorExists, 'You have a second factor already; remove it first to enrol another.');
    }
    return { otpauthUri: this.totp(secret, user.email).toString(), secret: secret.base32 };
  }

  /** Confirms an enrolment with a first code; answers the recovery codes, shown this once. */
  async confirm(acting: Acting, code: string): Promise<{ recoveryCodes: string[] }> {
    const user = acting.user;
    return this.dataSource.transaction(async (manager) => {
      const factor = await factors.find(manager, user.id, { lock: true });
      if (!factor) throw new IdentityError(IdentityErrorCode.NoSecondFactor, 'Start the enrolment first: POST /auth/totp.');
      if (factor.confirmedAt) throw new IdentityError(IdentityErrorCode.SecondFactorExists, 'Your second factor is confirmed already.');
      const step = this.stepOf(factor, user.id, user.email, code);
      if (step === null) throw new IdentityError(IdentityErrorCode.InvalidCode, 'The code is wrong; enter the code your app shows now.');
      await factors.confirm(manager, user.id, step);
      const { codes, hashes } = newRecoveryCodes();
      await factors.insertRecoveryCodes(manager, user.id, hashes);
      await this.audit.record(manager, acting.audit, {
        action: 'user.second-factor-added',
        entityType: 'user',
        entityId: user.id,
        payload: { method: 'totp', recoveryCodes: codes.length },
      });
      await this.tell(manager, 'second-factor-added', user);
      return { recoveryCodes: codes };
    });
  }

  /** Removes the caller's own second factor, on a code of it (TOTP or recovery). */
  async remove(acting: Acting, code: string): Promise<void> {
    const user = acting.user;
    await this.dataSource.transaction(async (manager) => {
      const factor = await factors.find(manager, user.id, { lock: true });
      if (!factor?.confirmedAt) throw new IdentityError(IdentityErrorCode.NoSecondFactor, 'You have no second factor to remove.');
      if (!(await this.spend(manager, factor, user.id, user.email, code))) {
        throw new IdentityError(IdentityErrorCode.InvalidCode, 'The code is wrong or was used already.');
      }
      await factors.remove(manager, user.id);
      await this.audit.record(manager, acting.audit, {
        action: 'user.second-factor-removed',
        entityType: 'user',
        entityId: user.id,
        payload: { by: 'user' },
      });
      await this.tell(manager, 'second-factor-removed', user);
    });
  }

  /** The admin resets a user's second factor (a lost phone): the user signs in with the password alone, or enrols again. */
  async reset(acting: Acting, userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const user = await manager.getRepository(User).findOneBy({ id: userId });
      if (!user) throw new IdentityError(IdentityErrorCode.UserNotFound, `No user has the id ${userId}.`);
      if (!(await factors.remove(manager, userId))) {
        throw new IdentityError(IdentityErrorCode.NoSecondFactor, `${user.email} has no second factor to reset.`);
      }
      await this.audit.record(manager, acting.audit, {
        action: 'user.second-factor-removed',
        entityType: 'user',
        entityId: userId,
        payload: { by: 'admin' },
      });
      await this.tell(manager, 'second-factor-removed', user);
    });
  }

  /** Whether the user has a confirmed second factor. */
  async has(manager: EntityManager, userId: string): Promise<boolean> {
    return Boolean((await factors.find(manager, userId))?.confirmedAt);
  }

  /** Checks and spends a sign-in code, in the caller's transaction: a TOTP code of an unused step, or an unused recovery code. */
  async spendForSignIn(manager: EntityManager, user: { id: string; email: string }, code: string): Promise<boolean> {
    const factor = await factors.find(manager, user.id, { lock: true });
    return Boolean(factor?.confirmedAt) && this.spend(manager, factor!, user.id, user.email, code);
  }

  private async spend(
    manager: EntityManager,
    factor: factors.SecondFactorRow,
    userId: string,
    email: string,
    code: string,
  ): Promise<boolean> {
    const typed = code.replace(/\s/g, '');
    if (TOTP_CODE.test(typed)) {
      const step = this.stepOf(factor, userId, email, typed);
      return step !== null && factors.useStep(manager, userId, step);
    }
    return factors.useRecoveryCode(manager, userId, hashRecoveryCode(typed));
  }

  /** The time step a TOTP code belongs to, within the window and after the last one used; null if it is no such code. */
  private stepOf(factor: factors.SecondFactorRow, userId: string, email: string, code: string): number | null {
    const typed = code.replace(/\s/g, '');
    if (!TOTP_CODE.test(typed)) return null;
    const totp = this.totp(
      new Secret({ buffer: unseal(factor.sealedSecret, userId, this.config.auth.totpEncryptionKey).buffer as ArrayBuffer }),
      email,
    );
    const timestamp = Date.now();
    const delta = totp.validate({ token: typed, timestamp, window: WINDOW });
    if (delta === null) return null;
    const step = totp.counter({ timestamp }) + delta;
    return factor.lastUsedStep !== null && step <= Number(factor.lastUsedStep) ? null : step;
  }

  private totp(secret: Secret, email: string): TOTP {
    return new TOTP({ ...TOTP_SETTINGS, label: email, secret });
  }

  private seal(secret: Secret, userId: string): string {
    return seal(new Uint8Array(secret.buffer), userId, this.config.auth.totpEncryptionKey);
  }

  private async tell(
    manager: EntityManager,
    event: 'second-factor-added' | 'second-factor-removed',
    user: { id: string; email: string; displayName: string; locale: string },
  ): Promise<void> {
    await this.outbox.add(manager, {
      event,
      applicationId: null,
      data: { name: user.displayName },
      recipients: [{ address: user.email, name: user.displayName, userId: user.id, locale: user.locale }],
    });
  }
}
