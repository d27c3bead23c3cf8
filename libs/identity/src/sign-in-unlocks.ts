import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AuditContext, AuditTrail } from '@near/audit';
import { AccountLinks } from './account-links.js';
import { AccountMail } from './account-mail.js';
import { IdentityError, IdentityErrorCode } from './identity-error.js';
import { IssuedTokens } from './issued-tokens.js';
import { LoginThrottle } from './login-throttle.js';
import * as users from './user.repository.js';
import { userStatus } from './user-status.js';

/** A second unlock asked for within this time sends nothing: nobody can fill a mailbox through the form. */
const UNLOCK_RESEND_SECONDS = 60;

/**
 * E-mailed unlock links: when strangers' failed guesses slow the sign-ins of an account, its owner may ask for a
 * link (valid 30 minutes, single use) that gives the browser opening it a device token of the account, which the
 * throttle slows only for that browser's own failures. The link never signs in: the password (and the second
 * factor) are still asked for.
 */
@Injectable()
export class SignInUnlocks {
  private readonly logger = new Logger(SignInUnlocks.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly mail: AccountMail,
    private readonly tokens: IssuedTokens,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * Sends a link, after the caller has answered (the answer and its time are the same whether the address is
   * known or not), to an active user whose account is being slowed; anyone else gets nothing.
   */
  requestUnlock(email: string, context: AuditContext): void {
    setImmediate(() => {
      this.issue(email.trim().toLowerCase(), context).catch((error: unknown) =>
        this.logger.error({ err: error }, 'An unlock link could not be sent'),
      );
    });
  }

  /** Uses the link up and answers a device token of its user, for the browser's cookie. */
  async confirmUnlock(token: string, context: AuditContext): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const userId = await AccountLinks.redeem(manager, token, 'unlock');
      const user = await users.findForUpdate(manager, userId);
      if (!user || user.disabledAt || user.invited) {
        throw new IdentityError(IdentityErrorCode.LinkInvalid, 'This link does not work: the account is disabled. Ask the Secretariat.');
      }
      await this.audit.record(manager, context, {
        action: 'user.sign-in-unlocked',
        entityType: 'user',
        entityId: user.id,
        stateBefore: userStatus(user),
        stateAfter: userStatus(user),
      });
      return this.tokens.sign('device', { sub: user.id, email: user.email, did: randomUUID() });
    });
  }

  private async issue(email: string, context: AuditContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const found = await users.findWithPasswordHash(manager, email);
      const user = found && !found.disabledAt && found.passwordHash ? await users.findForUpdate(manager, found.id) : null;
      if (!user || user.disabledAt || !(await this.throttle.slowsAccount(manager, email))) return;
      if (await AccountLinks.issuedWithin(manager, user.id, 'unlock', UNLOCK_RESEND_SECONDS)) return;
      const token = await AccountLinks.issue(manager, user.id, 'unlock');
      await this.mail.link(manager, user, 'unlock', token);
      await this.audit.record(manager, context, {
        action: 'user.sign-in-unlock-requested',
        entityType: 'user',
        entityId: user.id,
        stateBefore: userStatus(user),
        stateAfter: userStatus(user),
      });
    });
  }
}
