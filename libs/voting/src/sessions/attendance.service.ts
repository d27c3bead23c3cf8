import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail, type AuditContext } from '@near/audit';
import { GovernmentsService } from '@near/registry';
import * as attendance from './attendance.repository.js';
import { VotingError, VotingErrorCode } from '../voting-error.js';
import { lockSession } from './session-lifecycle.service.js';

/** Who is present at a meeting in progress: the Secretariat records the whole list, every change audited. */
@Injectable()
export class Attendance {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly governments: GovernmentsService,
  ) {}

  presentAt(sessionId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    return attendance.presentAt(manager, sessionId);
  }

  record(sessionId: string, governmentIds: string[], context: AuditContext): Promise<string[]> {
    const wanted = [...new Set(governmentIds)];
    return this.dataSource.transaction(async (manager) => {
      const session = await lockSession(manager, sessionId);
      if (session.body === 'written_procedure') {
        throw new VotingError(
          VotingErrorCode.NotForWrittenProcedure,
          'A written procedure has no attendance: its quorum is counted from the answers.',
        );
      }
      if (session.status !== 'in_session') {
        throw new VotingError(
          VotingErrorCode.SessionNotInProgress,
          `The session is ${session.status}; attendance is recorded while it is in session.`,
        );
      }
      const known = await this.governments.existingIds(wanted, manager);
      const unknown = wanted.filter((id) => !known.has(id));
      if (unknown.length > 0)
        throw new VotingError(VotingErrorCode.UnknownGovernments, `No government has the id ${unknown.join(', ')}.`, { unknown });
      const before = await attendance.presentAt(manager, sessionId);
      const arrived = wanted.filter((id) => !before.includes(id));
      const left = before.filter((id) => !wanted.includes(id));
      await attendance.remove(manager, sessionId, left);
      await attendance.add(manager, sessionId, arrived);
      await this.audit.record(manager, context, {
        action: 'assembly.attendance-recorded',
        entityType: 'assembly',
        entityId: sessionId,
        payload: { present: wanted.length, arrived, left },
      });
      return wanted.sort();
    });
  }
}
