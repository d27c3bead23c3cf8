import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail, type AuditContext } from '@near/audit';
import { type Locale, localeOfCountry } from '@near/common';
import { PgErrorCode, pgErrorCode } from '@near/database';
import { GovernmentsService, RegistryError } from '@near/registry';
import { IdentityError, IdentityErrorCode } from './identity-error.js';
import { hashPassword } from './password-hasher.js';
import { GOVERNMENT_ROLES, type Role } from './role.js';
import type { User } from './user.entity.js';
import * as users from './user.repository.js';

export interface NewUser {
  email: string;
  password: string;
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
    private readonly governments: GovernmentsService,
    private readonly audit: AuditTrail,
  ) {}

  list(filter: UserFilter = {}, manager: EntityManager = this.dataSource.manager): Promise<User[]> {
    return users.list(manager, filter);
  }

  /**
   * Creates a user and its audit entry in one transaction (the caller's, when it passes its manager).
   * A precomputed `passwordHash` lets seeding give many users one (deliberately slow) hash.
   */
  async create(input: NewUser, context: AuditContext, options: { manager?: EntityManager; passwordHash?: string } = {}): Promise<User> {
    const passwordHash = options.passwordHash ?? (await hashPassword(input.password));
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

  private async insert(input: NewUser, passwordHash: string, context: AuditContext, manager: EntityManager): Promise<User> {
    const governmentId = input.governmentId ?? null;
    const country = await this.assertGovernmentFitsRole(input.role, governmentId, manager);
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
    await this.audit.record(manager, context, {
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      stateBefore: null,
      stateAfter: 'active',
      payload: { email, displayName: user.displayName, role: user.role, governmentId, locale: user.locale },
    });
    return user;
  }

  /** Returns the government's country, if the role has a government. */
  private async assertGovernmentFitsRole(role: Role, governmentId: string | null, manager: EntityManager): Promise<string | null> {
    const needsGovernment = GOVERNMENT_ROLES.includes(role);
    if (needsGovernment && !governmentId) {
      throw new IdentityError(
        IdentityErrorCode.GovernmentRequired,
        `A user with the role ${role} acts for one government: governmentId is required.`,
      );
    }
    if (!needsGovernment && governmentId) {
      throw new IdentityError(
        IdentityErrorCode.GovernmentNotAllowed,
        `A user with the role ${role} does not act for a government: leave governmentId out.`,
      );
    }
    if (!governmentId) return null;
    const government = await this.governments.get(governmentId, manager).catch((error: unknown) => {
      if (error instanceof RegistryError) {
        throw new IdentityError(IdentityErrorCode.UnknownGovernment, `No government has the id ${governmentId}.`);
      }
      throw error;
    });
    if (role === 'delegate' && government.status !== 'member') {
      throw new IdentityError(
        IdentityErrorCode.GovernmentNotEligibleForRole,
        `${government.nameEn} is ${government.status === 'associate' ? 'an' : 'a'} ${government.status}; only member governments have delegates.`,
      );
    }
    if (role === 'applicant' && government.status === 'member') {
      throw new IdentityError(
        IdentityErrorCode.GovernmentNotEligibleForRole,
        `${government.nameEn} is already a member; applicants act for governments that are not.`,
      );
    }
    return government.country;
  }
}
