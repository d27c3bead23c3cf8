import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SYSTEM_CONTEXT } from '@near/audit';
import { SessionsService, SessionLifecycle, VoteBook, VotingError, VotingErrorCode } from '@near/voting';
import { AdmissionError } from '../admission-error.js';
import { ApplicationTransitions } from '../transitions/application-transitions.service.js';

export type ClosingResult = 'closed' | 'not-due' | 'already-closed';

/**
 * Closes a written procedure once its deadline has passed: every open ballot is counted under the
 * procedure's rule, then the procedure closes. Several workers may run it at once, and again after a
 * crash: whatever another run already closed is simply skipped.
 */
@Injectable()
export class WrittenProcedureCloser {
  private readonly logger = new Logger(WrittenProcedureCloser.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transitions: ApplicationTransitions,
    private readonly lifecycle: SessionLifecycle,
    private readonly sessions: SessionsService,
    private readonly votes: VoteBook,
  ) {}

  async closeIfDue(assemblyId: string, now = new Date()): Promise<ClosingResult> {
    const session = await this.sessions.find(assemblyId);
    if (!session || session.body !== 'written_procedure' || session.status === 'closed') return 'already-closed';
    if (!session.deadline || session.deadline.getTime() > now.getTime()) return 'not-due';
    for (const applicationId of await this.votes.applicationsVotingIn(this.dataSource.manager, assemblyId)) {
      try {
        await this.transitions.runAsSystem(applicationId, 'close-ballot', {});
      } catch (error) {
        // Another worker, or the Secretariat, closed or deferred it first.
        if (!(error instanceof AdmissionError)) throw error;
        this.logger.log(`Ballot on ${applicationId} was already settled: ${error.message}`);
      }
    }
    try {
      await this.lifecycle.close(assemblyId, SYSTEM_CONTEXT);
    } catch (error) {
      if (!(error instanceof VotingError && error.code === VotingErrorCode.SessionNotInProgress)) throw error;
    }
    return 'closed';
  }

  /** Every written procedure past its deadline and not yet closed. */
  async closeAllDue(now = new Date()): Promise<number> {
    const due = await this.sessions.writtenProceduresDue(now);
    for (const id of due) await this.closeIfDue(id, now);
    return due.length;
  }
}
