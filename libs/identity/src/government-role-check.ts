import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GovernmentsService, RegistryError } from '@near/registry';
import { IdentityError, IdentityErrorCode } from './identity-error.js';
import { GOVERNMENT_ROLES, type Role } from './role.js';

/** Which government a user of a role may act for: one for applicants and delegates, none for the others. */
@Injectable()
export class GovernmentRoleCheck {
  constructor(private readonly governments: GovernmentsService) {}

  /** Returns the government's country, if the role has a government. */
  async assertFits(role: Role, governmentId: string | null, manager: EntityManager): Promise<string | null> {
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
