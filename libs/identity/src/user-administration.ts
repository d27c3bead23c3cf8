import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail } from '@near/audit';
import type { Locale } from '@near/common';
import type { Acting } from './acting.js';
import { AccountLinks } from './account-links.js';
import { AccountMail } from './account-mail.js';
import { IdentityError, IdentityErrorCode } from './identity-error.js';
import { GovernmentRoleCheck } from './government-role-check.js';
import { GOVERNMENT_ROLES, type Role } from './role.js';
import { SignInSessions } from './sign-in-sessions.js';
import type { User } from './user.entity.js';
import * as users from './user.repository.js';
import { userStatus } from './user-status.js';

/** What a correction of a user may change; a field left out stays as it is. */
export interface UserCorrection {
  displayName?: string;
  role?: Role;
  governmentId?: string | null;
  locale?: Locale;
  disabled?: boolean;
}

/**
 * The admin's and the Secretariat's work on existing users: correct, disable or enable, invite again. The
 * Secretariat manages the users who act for a government (applicants and delegates) and no one else; the admin
 * manages everyone but itself (no one disables their own account or changes their own role).
 */
@Injectable()
export class UserAdministration {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly mail: AccountMail,
    private readonly roles: GovernmentRoleCheck,
    private readonly sessions: SignInSessions,
  ) {}

  /** A user the caller may manage; any other is not found, so that the Secretariat learns nothing of the rest. */
  async get(id: string, acting: Acting, manager: EntityManager = this.dataSource.manager): Promise<User> {
    const user = await users.findById(manager, id);
    if (!user || !manages(acting, user.role)) throw new IdentityError(IdentityErrorCode.UserNotFound, `No user has the id ${id}.`);
    return user;
  }

  /**
   * Applies the correction if the user is still at `expectedVersion`, audited with each changed field before and
   * after; a correction that changes nothing records nothing.
   */
  correct(id: string, correction: UserCorrection, expectedVersion: number, acting: Acting): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      const user = await users.findForUpdate(manager, id);
      if (!user || !manages(acting, user.role)) throw new IdentityError(IdentityErrorCode.UserNotFound, `No user has the id ${id}.`);
      if (user.version !== expectedVersion) {
        throw new IdentityError(
          IdentityErrorCode.UserChanged,
          `${user.email} was changed by someone else since you read it (version ${user.version}, not ${expectedVersion}).`,
          { currentVersion: user.version },
        );
      }
      const before = {
        displayName: user.displayName,
        role: user.role,
        governmentId: user.governmentId,
        locale: user.locale,
        disabled: user.disabledAt !== null,
      };
      const after = { ...before, ...definedFieldsOf(correction) };
      if (correction.displayName !== undefined) after.displayName = correction.displayName.trim();
      // A role that acts for no government drops it, unless the caller named one (which is then refused).
      if (correction.role && !GOVERNMENT_ROLES.includes(correction.role) && correction.governmentId === undefined)
        after.governmentId = null;
      const changed = (Object.keys(before) as (keyof typeof before)[]).filter((field) => before[field] !== after[field]);
      if (changed.length === 0) return user;
      if (!manages(acting, after.role)) {
        throw new IdentityError(
          IdentityErrorCode.RoleNotAllowed,
          `The Secretariat gives only the roles applicant and delegate, not ${after.role}.`,
        );
      }
      if (user.id === acting.user.id && (changed.includes('role') || changed.includes('disabled'))) {
        throw new IdentityError(
          IdentityErrorCode.OwnAccount,
          'You cannot change your own role or disable your own account; ask another admin.',
        );
      }
      if (changed.includes('role') || changed.includes('governmentId'))
        await this.roles.assertFits(after.role, after.governmentId, manager);
      const disabledAt = after.disabled ? (user.disabledAt ?? new Date()) : null;
      const written = await users.update(manager, id, user.version, { ...after, disabledAt });
      if (!written) throw new IdentityError(IdentityErrorCode.UserChanged, `${user.email} was changed by someone else meanwhile.`);
      // A disabled user's links stop working, and (in this transaction) its sign-in sessions end.
      if (changed.includes('disabled') && after.disabled) {
        await AccountLinks.revokeAll(manager, id);
        await this.sessions.endAllOf(manager, id, { reason: 'user-disabled' });
      }
      const updated = (await users.findById(manager, id))!;
      await this.audit.record(manager, acting.audit, {
        action: 'user.updated',
        entityType: 'user',
        entityId: id,
        stateBefore: userStatus(user),
        stateAfter: userStatus(updated),
        payload: Object.fromEntries(changed.map((field) => [field, { before: before[field], after: after[field] }])),
      });
      return updated;
    });
  }

  /** A new invitation e-mailed to a user who has not chosen a password yet; the earlier link stops working. */
  async invite(id: string, acting: Acting): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const user = await users.findForUpdate(manager, id);
      if (!user || !manages(acting, user.role)) throw new IdentityError(IdentityErrorCode.UserNotFound, `No user has the id ${id}.`);
      const status = userStatus({ disabledAt: user.disabledAt, invited: user.passwordHash === null });
      if (status !== 'invited') {
        throw new IdentityError(
          IdentityErrorCode.NotInvited,
          status === 'disabled' ? `${user.email} is disabled; enable it first.` : `${user.email} has already chosen a password.`,
          { userStatus: status },
        );
      }
      const token = await AccountLinks.issue(manager, user.id, 'invitation');
      await this.mail.link(manager, user, 'invitation', token);
      await this.audit.record(manager, acting.audit, {
        action: 'user.invited',
        entityType: 'user',
        entityId: id,
        stateBefore: status,
        stateAfter: status,
      });
    });
  }
}

/** Whether the caller may manage a user of this role. */
function manages(acting: Acting, role: Role): boolean {
  return acting.user.role === 'admin' || (acting.user.role === 'secretariat' && GOVERNMENT_ROLES.includes(role));
}

function definedFieldsOf(correction: UserCorrection) {
  return Object.fromEntries(Object.entries(correction).filter(([, value]) => value !== undefined)) as Omit<
    UserCorrection,
    'governmentId'
  > & {
    governmentId?: string | null;
  };
}
