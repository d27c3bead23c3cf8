import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail, type AuditContext } from '@near/audit';
import { AppConfig } from '@near/config';
import * as feePayments from './fee-payment.repository.js';
import type { Government, GovernmentLevel } from './government.entity.js';
import * as governments from './government.repository.js';
import type { GovernmentFilter } from './government.repository.js';
import { RegistryError, RegistryErrorCode } from './registry-error.js';
import { timeZoneOfCountry } from './near-countries.js';
import { FEE_PAYING_STATUSES, votingRights, type VotingRights } from './voting-rights.js';

export type { GovernmentFilter } from './government.repository.js';

export interface NewProspectiveGovernment {
  nameEn: string;
  nameLocal: string;
  country: string;
  level: GovernmentLevel;
  kind?: string;
  /** IANA; left out, the country's own where it has one zone. */
  timeZone?: string;
}

/** What a correction may change; a field left out stays as it is (a time zone given as null is not known). */
export interface GovernmentCorrection {
  nameEn?: string;
  nameLocal?: string;
  level?: GovernmentLevel;
  timeZone?: string | null;
}

/** One year's fee: the fiscal year and the day it was paid (YYYY-MM-DD). */
export interface FeePaymentInput {
  year: number;
  paidOn: string;
}

/** A government with its fees and whether it may vote, as of a given day. */
export interface GovernmentStanding {
  government: Government;
  rights: VotingRights;
}

// A payment dated today where the day is furthest ahead (UTC+14) is not in the future: the members' own
// today (Kamchatka is UTC+12) must be accepted while UTC still shows yesterday.
const LATEST_OFFSET_MS = 14 * 60 * 60 * 1000;

@Injectable()
export class GovernmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly config: AppConfig,
  ) {}

  list(filter: GovernmentFilter, manager: EntityManager = this.dataSource.manager): Promise<Government[]> {
    return governments.list(manager, filter);
  }

  /** These governments, in registry order. */
  listByIds(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Government[]> {
    return governments.listByIds(manager, ids);
  }

  /** The ids of the governments whose English or local name contains the text, in any case. */
  idsNamed(text: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    return governments.idsNamed(manager, text);
  }

  /** The time zone of each of these governments that has one (for the e-mails their officials read). */
  timeZonesOf(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    return governments.timeZones(manager, ids);
  }

  /** Which of these ids are governments of the registry. */
  existingIds(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    return governments.existingIds(manager, ids);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Government> {
    const government = await governments.find(manager, id);
    if (!government) throw new RegistryError(RegistryErrorCode.GovernmentNotFound, `No government has the id ${id}.`);
    return government;
  }

  /** The governments with their fees and voting rights on the given day: two queries, whatever the count. */
  async listStandings(filter: GovernmentFilter, on: Date = new Date()): Promise<GovernmentStanding[]> {
    const manager = this.dataSource.manager;
    const governments = await this.list(filter, manager);
    const paid = await this.paidYearsOf(governments, manager);
    return governments.map((government) => this.standingOf(government, paid.get(government.id) ?? [], on));
  }

  async standing(
    governmentId: string,
    on: Date = new Date(),
    manager: EntityManager = this.dataSource.manager,
  ): Promise<GovernmentStanding> {
    const government = await this.get(governmentId, manager);
    const paid = await this.paidYearsOf([government], manager);
    return this.standingOf(government, paid.get(government.id) ?? [], on);
  }

  async votingRightsOf(
    governmentId: string,
    on: Date = new Date(),
    manager: EntityManager = this.dataSource.manager,
  ): Promise<VotingRights> {
    return (await this.standing(governmentId, on, manager)).rights;
  }

  /**
   * The members that may vote on the given day, in registry order: the roll a ballot freezes when it opens.
   * Pass the transaction's manager so the roll is read where it is stored.
   */
  async votersOn(on: Date, manager: EntityManager = this.dataSource.manager): Promise<Government[]> {
    const members = await this.list({ status: 'member' }, manager);
    const paid = await this.paidYearsOf(members, manager);
    return members.filter((member) => this.standingOf(member, paid.get(member.id) ?? [], on).rights.mayVote);
  }

  /**
   * Records the fee a member or associate paid for a year. Recording the same year and date again changes
   * nothing (and adds no audit entry); another date for a year already recorded is refused, since a
   * payment is never changed silently.
   */
  recordFeePayment(governmentId: string, payment: FeePaymentInput, context: AuditContext): Promise<GovernmentStanding> {
    return this.dataSource.transaction(async (manager) => {
      // FOR SHARE: the government's status cannot change under the payment until it commits.
      const government = await governments.findForShare(manager, governmentId);
      if (!government) throw new RegistryError(RegistryErrorCode.GovernmentNotFound, `No government has the id ${governmentId}.`);
      if (!FEE_PAYING_STATUSES.includes(government.status)) {
        throw new RegistryError(
          RegistryErrorCode.GovernmentPaysNoFees,
          `${government.nameEn} is ${government.status === 'observer' ? 'an observer' : 'a prospective government'}: only members and associate members pay the annual fee.`,
          { governmentStatus: government.status },
        );
      }
      const latestToday = new Date(Date.now() + LATEST_OFFSET_MS).toISOString().slice(0, 10);
      if (payment.paidOn > latestToday) {
        const message = `A payment cannot be dated ${payment.paidOn}, a day still to come.`;
        throw new RegistryError(RegistryErrorCode.PaymentDateInFuture, message, { paidOn: payment.paidOn });
      }

      const recordedBy = context.actor?.userId ?? null;
      if (!(await feePayments.insert(manager, { governmentId, year: payment.year, paidOn: payment.paidOn, recordedBy }))) {
        const paidOn = await feePayments.paidOn(manager, governmentId, payment.year);
        if (paidOn !== payment.paidOn) {
          throw new RegistryError(
            RegistryErrorCode.FeeAlreadyRecorded,
            `The ${payment.year} fee of ${government.nameEn} is already recorded as paid on ${paidOn}; a recorded payment is not changed.`,
            { year: payment.year, paidOn },
          );
        }
        return this.standing(governmentId, new Date(), manager);
      }

      const standing = await this.standing(governmentId, new Date(), manager);
      await this.audit.record(manager, context, {
        action: 'government.fee-recorded',
        entityType: 'government',
        entityId: governmentId,
        stateBefore: government.status,
        stateAfter: government.status,
        payload: { year: payment.year, paidOn: payment.paidOn, arrears: standing.rights.arrears, mayVote: standing.rights.mayVote },
      });
      return standing;
    });
  }

  /** Registers a government that is not (yet) part of NEAR, so that its officer can apply. */
  addProspective(input: NewProspectiveGovernment, context: AuditContext): Promise<Government> {
    return this.dataSource.transaction(async (manager) => {
      const government = await this.insertProspective(input, manager);
      await this.audit.record(manager, context, {
        action: 'government.registered',
        entityType: 'government',
        entityId: government.id,
        stateBefore: null,
        stateAfter: government.status,
        payload: { ...input, timeZone: government.timeZone },
      });
      return government;
    });
  }

  /**
   * Corrects a government's names, level or time zone. With `expectedVersion` (the caller's If-Match), a government
   * changed since is refused rather than overwritten. A correction that changes nothing records nothing.
   */
  correct(
    id: string,
    correction: GovernmentCorrection,
    expectedVersion: number | undefined,
    context: AuditContext,
  ): Promise<GovernmentStanding> {
    return this.dataSource.transaction(async (manager) => {
      const government = await governments.findForUpdate(manager, id);
      if (!government) throw new RegistryError(RegistryErrorCode.GovernmentNotFound, `No government has the id ${id}.`);
      if (expectedVersion !== undefined && expectedVersion !== government.version) {
        throw new RegistryError(
          RegistryErrorCode.GovernmentChanged,
          `${government.nameEn} was changed by someone else since you read it (version ${government.version}, not ${expectedVersion}).`,
          { currentVersion: government.version },
        );
      }
      const before = { nameEn: government.nameEn, nameLocal: government.nameLocal, level: government.level, timeZone: government.timeZone };
      const after = { ...before, ...definedFieldsOf(correction) };
      const changed = (Object.keys(before) as (keyof typeof before)[]).filter((field) => before[field] !== after[field]);
      if (changed.length === 0) return this.standing(id, new Date(), manager);
      if (after.nameEn.toLowerCase() !== before.nameEn.toLowerCase()) {
        const existing = await governments.findByName(manager, government.country, after.nameEn);
        if (existing && existing.id !== id) {
          throw new RegistryError(
            RegistryErrorCode.GovernmentAlreadyRegistered,
            `${after.nameEn} (${government.country}) is already in the registry with status ${existing.status}.`,
            { governmentId: existing.id },
          );
        }
      }
      await governments.correct(manager, id, after);
      await this.audit.record(manager, context, {
        action: 'government.corrected',
        entityType: 'government',
        entityId: id,
        stateBefore: government.status,
        stateAfter: government.status,
        payload: Object.fromEntries(changed.map((field) => [field, { before: before[field], after: after[field] }])),
      });
      return this.standing(id, new Date(), manager);
    });
  }

  private async insertProspective(input: NewProspectiveGovernment, manager: EntityManager): Promise<Government> {
    const existing = await governments.findByName(manager, input.country, input.nameEn);
    if (existing) {
      throw new RegistryError(
        RegistryErrorCode.GovernmentAlreadyRegistered,
        `${input.nameEn} (${input.country}) is already in the registry with status ${existing.status}.`,
        { governmentId: existing.id },
      );
    }
    return governments.insertProspective(manager, {
      ...input,
      kind: input.kind ?? null,
      timeZone: input.timeZone ?? timeZoneOfCountry(input.country),
    });
  }

  private standingOf(government: Government, paidYears: readonly number[], on: Date): GovernmentStanding {
    return { government, rights: votingRights(government, paidYears, on, this.config.fees.trackedFrom) };
  }

  private paidYearsOf(list: readonly Government[], manager: EntityManager): Promise<Map<string, number[]>> {
    return feePayments.paidYears(
      manager,
      list.map((government) => government.id),
    );
  }
}

function definedFieldsOf(correction: GovernmentCorrection): GovernmentCorrection {
  return Object.fromEntries(Object.entries(correction).filter(([, value]) => value !== undefined)) as GovernmentCorrection;
}
