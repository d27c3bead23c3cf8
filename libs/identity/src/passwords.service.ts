import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type AuditContext, AuditTrail } from '@near/audit';
import type { Acting } from './acting.js';
import { AccountLinks } from './account-links.js';
import { AccountMail } from './account-mail.js';
import { SignInSessions } from './sign-in-sessions.js';
import { hashChosenPassword } from './chosen-password.js';
import { IdentityError, IdentityErrorCode } from './identity-error.js';
import { LoginThrottle } from './login-throttle.js';
import { DECOY_HASH, verifyPassword } from './password-hasher.js';
import type { User } from './user.entity.js';
import * as users from './user.repository.js';
import { userStatus } from './user-status.js';

/** A second reset asked for within this time sends nothing: nobody can fill a mailbox through the form. */
const RESET_RESEND_SECONDS = 60;

/**
 * Passwords chosen by their owners: on accepting an invitation, by changing it, or by a reset e-mailed to them.
 * Setting one, its audit entry and its e-mail commit together; every unused link of the user stops working.
 */
@Injectable()
export class PasswordsService {
  private readonly logger = new Logger(PasswordsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly mail: AccountMail,
    private readonly sessions: SignInSessions,
    private readonly throttle: LoginThrottle,
  ) {}

  /** `sessionId`: the caller's sign-in session, the one that stays; every other session of the user ends. */
  async change(acting: Acting, currentPassword: string, newPassword: string, sessionId?: string): Promise<void> {
    // Guesses of the current password from a signed-in tab (a token taken, a screen left open) are slowed as
    // sign-ins are, so that a stolen session cannot try passwords faster than the sign-in form.
    const attempt = { email: acting.user.email, address: acting.audit.clientAddress ?? '', kind: 'password' as const };
    const { failureId } = await this.throttle.countAttempt(this.dataSource, attempt);
    const stored = await users.findWithPasswordHashById(this.dataSource.manager, acting.user.id);
    if (!(await verifyPassword(currentPassword, stored?.passwordHash ?? DECOY_HASH)) || !stored) {
      throw new IdentityError(IdentityErrorCode.CurrentPasswordWrong, 'currentPassword is not your current password.', {
        field: 'currentPassword',
      });
    }
    await this.throttle.forget(this.dataSource.manager, failureId);
    const hash = await hashChosenPassword(newPassword, stored.email, 'newPassword');
    await this.dataSource.transaction(async (manager) => {
      const user = await users.findForUpdate(manager, acting.user.id);
      // Changed by another request since it was checked: the current password given may no longer be it.
      if (!user || user.passwordHash !== stored.passwordHash) {
        throw new IdentityError(IdentityErrorCode.UserChanged, 'Your password was changed meanwhile; sign in again.');
      }
      await this.setPassword(manager, user, hash, acting.audit, 'change', sessionId);
    });
  }

  /**
   * Starts a reset for whoever owns the address, after the caller has answered: the answer and its time are the
   * same whether the address is known or not. A disabled user gets nothing.
   */
  requestReset(email: string, context: AuditContext): void {
    setImmediate(() => {
      this.issueReset(email.trim().toLowerCase(), context).catch((error: unknown) =>
        this.logger.error({ err: error }, 'A password reset could not be started'),
      );
    });
  }

  async confirmReset(token: string, newPassword: string, context: AuditContext): Promise<void> {
    await this.withLink(token, 'password-reset', async (manager, user) => {
      const hash = await hashChosenPassword(newPassword, user.email, 'newPassword');
      await this.setPassword(manager, user, hash, context, 'reset');
    });
  }

  async acceptInvitation(token: string, password: string, context: AuditContext): Promise<void> {
    await this.withLink(token, 'invitation', async (manager, user) => {
      const hash = await hashChosenPassword(password, user.email, 'password');
      await users.setPasswordHash(manager, user.id, hash);
      await AccountLinks.revokeAll(manager, user.id);
      await this.audit.record(manager, context, {
        action: 'user.invitation-accepted',
        entityType: 'user',
        entityId: user.id,
        stateBefore: userStatus(user),
        stateAfter: 'active',
      });
    });
  }

  /** Uses the link up and runs the work for its user in one transaction: a refused password leaves the link unused. */
  private async withLink(
    token: string,
    purpose: 'invitation' | 'password-reset',
    work: (manager: EntityManager, user: User) => Promise<void>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const userId = await AccountLinks.redeem(manager, token, purpose);
      const user = await users.findForUpdate(manager, userId);
      if (!user || user.disabledAt) {
        throw new IdentityError(IdentityErrorCode.LinkInvalid, 'This link does not work: the account is disabled. Ask the Secretariat.');
      }
      await work(manager, user);
    });
  }

  private async issueReset(email: string, context: AuditContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const found = await users.findWithPasswordHash(manager, email);
      const user = found && !found.disabledAt ? await users.findForUpdate(manager, found.id) : null;
      if (!user || user.disabledAt || (await AccountLinks.issuedWithin(manager, user.id, 'password-reset', RESET_RESEND_SECONDS))) return;
      const token = await AccountLinks.issue(manager, user.id, 'password-reset');
      await this.mail.link(manager, user, 'password-reset', token);
      await this.audit.record(manager, context, {
        action: 'user.password-reset-requested',
        entityType: 'user',
        entityId: user.id,
        stateBefore: userStatus(user),
        stateAfter: userStatus(user),
      });
    });
  }

  private async setPassword(
    manager: EntityManager,
    user: User,
    hash: string,
    context: AuditContext,
    how: 'change' | 'reset',
    keptSession?: string,
  ): Promise<void> {
    await users.setPasswordHash(manager, user.id, hash);
    await AccountLinks.revokeAll(manager, user.id);
    // All of the user's sign-in sessions end on a reset; on a change, all but the caller's.
    await this.sessions.endAllOf(manager, user.id, {
      except: how === 'change' ? keptSession : undefined,
      reason: how === 'change' ? 'password-changed' : 'password-reset',
    });
    await this.audit.record(manager, context, {
      action: 'user.password-changed',
      entityType: 'user',
      entityId: user.id,
      stateBefore: userStatus(user),
      stateAfter: user.disabledAt ? 'disabled' : 'active',
      payload: { how },
    });
    await this.mail.passwordChanged(manager, user);
  }
}
