import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail, type AuditContext } from '@near/audit';
import { Government, type GovernmentLevel, type GovernmentStatus } from './government.entity.js';
import { RegistryError, RegistryErrorCode } from './registry-error.js';

export interface GovernmentFilter {
  status?: GovernmentStatus;
  country?: string;
}

export interface NewProspectiveGovernment {
  nameEn: string;
  nameLocal: string;
  country: string;
  level: GovernmentLevel;
  kind?: string;
}

@Injectable()
export class GovernmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  list(filter: GovernmentFilter, manager: EntityManager = this.dataSource.manager): Promise<Government[]> {
    const query = manager.getRepository(Government).createQueryBuilder('g').orderBy('g.country').addOrderBy('g.nameEn');
    if (filter.status) query.andWhere('g.status = :status', { status: filter.status });
    if (filter.country) query.andWhere('g.country = :country', { country: filter.country });
    return query.getMany();
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Government> {
    const government = await manager.getRepository(Government).findOneBy({ id });
    if (!government) throw new RegistryError(RegistryErrorCode.GovernmentNotFound, `No government has the id ${id}.`);
    return government;
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
        payload: { ...input },
      });
      return government;
    });
  }

  private async insertProspective(input: NewProspectiveGovernment, manager: EntityManager): Promise<Government> {
    const repository = manager.getRepository(Government);
    const existing = await repository
      .createQueryBuilder('g')
      .where('g.country = :country AND lower(g.nameEn) = lower(:nameEn)', { country: input.country, nameEn: input.nameEn })
      .getOne();
    if (existing) {
      throw new RegistryError(
        RegistryErrorCode.GovernmentAlreadyRegistered,
        `${input.nameEn} (${input.country}) is already in the registry with status ${existing.status}.`,
        { governmentId: existing.id },
      );
    }
    return repository.save(repository.create({ ...input, kind: input.kind ?? null, status: 'prospective', memberSince: null }));
  }
}
