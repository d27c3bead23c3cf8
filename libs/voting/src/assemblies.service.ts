import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail } from '@near/audit';
import type { Acting } from '@near/identity';
import { Government } from '@near/registry';
import { Assembly, type AssemblyBody, type AssemblyStatus } from './assembly.entity.js';
import { VotingError, VotingErrorCode } from './voting-error.js';

export interface NewMeeting {
  body: Exclude<AssemblyBody, 'written_procedure'>;
  number: number;
  hostGovernmentId: string;
  startsOn: string;
  endsOn: string;
  venue: string;
}

export interface AssemblyFilter {
  body?: AssemblyBody;
  status?: AssemblyStatus;
}

/** Sessions of the deciding bodies: scheduling them and reading them back. */
@Injectable()
export class AssembliesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  list(filter: AssemblyFilter = {}): Promise<Assembly[]> {
    return this.dataSource.getRepository(Assembly).find({
      where: { ...(filter.body ? { body: filter.body } : {}), ...(filter.status ? { status: filter.status } : {}) },
      order: { body: 'ASC', number: 'DESC' },
    });
  }

  async get(id: string): Promise<Assembly> {
    const assembly = await this.dataSource.getRepository(Assembly).findOneBy({ id });
    if (!assembly) throw new VotingError(VotingErrorCode.SessionNotFound, `No session has the id ${id}.`);
    return assembly;
  }

  async scheduleMeeting(input: NewMeeting, acting: Acting): Promise<Assembly> {
    if (input.endsOn < input.startsOn) {
      throw new VotingError(
        VotingErrorCode.InvalidSessionDates,
        `The session cannot end (${input.endsOn}) before it starts (${input.startsOn}).`,
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const host = await manager.getRepository(Government).findOneBy({ id: input.hostGovernmentId });
      if (!host) throw new VotingError(VotingErrorCode.UnknownHostGovernment, `No government has the id ${input.hostGovernmentId}.`);
      const repository = manager.getRepository(Assembly);
      if (await repository.existsBy({ body: input.body, number: input.number })) {
        throw new VotingError(
          VotingErrorCode.SessionNumberTaken,
          `There is already a ${input.body.replace('_', ' ')} number ${input.number}.`,
        );
      }
      const assembly = await repository.save(
        repository.create({ ...input, venue: input.venue.trim(), deadline: null, status: 'scheduled', notes: null }),
      );
      await this.audit.record(manager, acting.audit, {
        action: 'assembly.scheduled',
        entityType: 'assembly',
        entityId: assembly.id,
        stateBefore: null,
        stateAfter: 'scheduled',
        payload: { ...input },
      });
      return assembly;
    });
  }
}
