import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail, type AuditContext } from '@near/audit';
import { VotingError, VotingErrorCode } from '../voting-error.js';
import { lockSession } from './session-lifecycle.service.js';

/** Who is present at a meeting in progress: the Secretariat records the whole list, every change audited. */
@Injectable()
export class Attendance {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  presentAt(sessionId: string): Promise<string[]> {
    return this.dataSource
      .query(`SELECT government_id FROM session_attendance WHERE assembly_id = $1 ORDER BY government_id`, [sessionId])
      .then((rows: { government_id: string }[]) => rows.map((row) => row.government_id));
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
      const known: { id: string }[] = await manager.query(`SELECT id FROM governments WHERE id = ANY($1::uuid[])`, [wanted]);
      const unknown = wanted.filter((id) => !known.some((row) => row.id === id));
      if (unknown.length > 0)
        throw new VotingError(VotingErrorCode.UnknownGovernments, `No government has the id ${unknown.join(', ')}.`, { unknown });
      const before: string[] = (
        await manager.query(`SELECT government_id FROM session_attendance WHERE assembly_id = $1`, [sessionId])
      ).map((row: { government_id: string }) => row.government_id);
      const arrived = wanted.filter((id) => !before.includes(id));
      const left = before.filter((id) => !wanted.includes(id));
      if (left.length > 0) {
        await manager.query(`DELETE FROM session_attendance WHERE assembly_id = $1 AND government_id = ANY($2::uuid[])`, [sessionId, left]);
      }
      if (arrived.length > 0) {
        await manager.query(`INSERT INTO session_attendance (assembly_id, government_id) SELECT $1, unnest($2::uuid[])`, [
          sessionId,
          arrived,
        ]);
      }
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
