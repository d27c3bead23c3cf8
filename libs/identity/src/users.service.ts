import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail, type AuditContext } from '@near/audit';
import { type Locale, localeOfCountry } from '@near/common';
import { PgErrorCode, pgErrorCode } from '@near/database';
import { AccountLinks } from './account-links.js';
import { AccountMail } from './account-mail.js';
import { hashChosenPassword } from './chosen-password.js';
import { GovernmentRoleCheck } from './government-role-check.js';
import { IdentityError, IdentityErrorCode } from './identity-error.js';
import { hashPassword } from './password-hasher.js';
import { GOVERNMENT_ROLES, type Role } from './role.js';
import type { User } from './user.entity.js';
import * as users from './user.repository.js';

export interface NewUser {
  email: string;
  /** Left out, the user is invited: an e-mailed link lets them choose it. */
  password?: string;
  displayName: string;
  role: Role;
  governmentId?: string | null;
  locale?: Locale;
}

export interface UserFilter {
  role?: Role;
  governmentId?: string;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly roles: GovernmentRoleCheck,
    private readonly audit: AuditTrail,
    private readonly mail: AccountMail,
  ) {}

  /** The users the caller may see: the Secretariat sees those who act for a government, the admin everyone. */
  list(filter: UserFilter = {}, viewer?: Role, manager: EntityManager = this.dataSource.manager): Promise<User[]> {
    const roles = viewer === 'secretariat' ? GOVERNMENT_ROLES : undefined;
    return users.list(manager, { ...filter, roles });
  }

  /** After a sign-in with a hash made by weaker parameters: the same password, hashed as today. */
  async upgradePasswordHash(id: string, previous: string, password: string): Promise<void> {
    await users.replacePasswordHash(this.dataSource.manager, id, previous, await hashPassword(password));
  }

  /**
   * Creates a user and its audit entry in one transaction (the caller's, when it passes its manager); without a
   * password, the user is invited and the invitation's e-mail is written in the same transaction.
   * A precomputed `passwordHash` lets seeding give many users one (deliberately slow) hash.
   */
  async create(input: NewUser, context: AuditContext, options: { manager?: EntityManager; passwordHash?: string } = {}): Promise<User> {
    const email = input.email.trim().toLowerCase();
    const passwordHash =
      options.passwordHash ?? (input.password === undefined ? null : await hashChosenPassword(input.password, email, 'password'));
    const work = (manager: EntityManager) => this.insert(input, passwordHash, context, manager);
    try {
      return await (options.manager ? work(options.manager) : this.dataSource.transaction(work));
    } catch (error) {
      if (pgErrorCode(error) === PgErrorCode.UniqueViolation) {
        throw new IdentityError(IdentityErrorCode.EmailTaken, `A user with the e-mail ${input.email.trim().toLowerCase()} already exists.`);
      }
      throw error;
    }
  }

  private async insert(input: NewUser, passwordHash: string | null, context: AuditContext, manager: EntityManager): Promise<User> {
    const governmentId = input.governmentId ?? null;
    const country = await this.roles.assertFits(input.role, governmentId, manager);
    const email = input.email.trim().toLowerCase();
    if (await users.emailTaken(manager, email)) {
      throw new IdentityError(IdentityErrorCode.EmailTaken, `A user with the e-mail ${email} already exists.`);
    }
    const user = await users.insert(manager, {
      email,
      passwordHash,
      displayName: input.displayName.trim(),
      role: input.role,
      governmentId,
      // Not chosen: the language of the user's government, so a Russian delegate reads Russian.
      locale: input.locale ?? localeOfCountry(country),
      disabledAt: null,
    });
    user.invited = passwordHash === null;
    await this.audit.record(manager, context, {
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      stateBefore: null,
      stateAfter: user.invited ? 'invited' : 'active',
      payload: { email, displayName: user.displayName, role: user.role, governmentId, locale: user.locale },
    });
    if (user.invited) await this.mail.link(manager, user, 'invitation', await AccountLinks.issue(manager, user.id, 'invitation'));
    return user;
  }
}
