import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail, type AuditContext } from '@near/audit';
import type { Session, SessionStatus } from '../session.entity.js';
import * as sessions from '../session.repository.js';
import * as votes from '../votes/vote.repository.js';
import { VotingError, VotingErrorCode } from '../voting-error.js';

/** A meeting is scheduled, then in session, then closed; a written procedure is in session from creation. */
@Injectable()
export class SessionLifecycle {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  open(sessionId: string, context: AuditContext): Promise<Session> {
    return this.dataSource.transaction(async (manager) => {
      const session = await lockSession(manager, sessionId);
      if (session.body === 'written_procedure') {
        throw new VotingError(VotingErrorCode.NotForWrittenProcedure, 'A written procedure is open from its creation.');
      }
      if (session.status !== 'scheduled') {
        throw new VotingError(VotingErrorCode.SessionNotScheduled, `The session is ${session.status}; only a scheduled session opens.`, {
          currentStatus: session.status,
        });
      }
      return this.move(manager, session, 'in_session', context);
    });
  }

  close(sessionId: string, context: AuditContext): Promise<Session> {
    return this.dataSource.transaction(async (manager) => {
      const session = await lockSession(manager, sessionId);
      if (session.status !== 'in_session') {
        throw new VotingError(
          VotingErrorCode.SessionNotInProgress,
          `The session is ${session.status}; only a session in progress closes.`,
          {
            currentStatus: session.status,
          },
        );
      }
      const open = await votes.countOpenInSession(manager, session.id);
      if (open > 0) {
        throw new VotingError(
          VotingErrorCode.BallotStillOpen,
          `${open} ballot(s) of this session are still open: close or defer them first.`,
        );
      }
      return this.move(manager, session, 'closed', context);
    });
  }

  private async move(manager: EntityManager, session: Session, status: SessionStatus, context: AuditContext): Promise<Session> {
    const now = new Date();
    const changes = status === 'in_session' ? { status, openedAt: now } : { status, closedAt: now };
    await sessions.update(manager, session.id, changes);
    await this.audit.record(manager, context, {
      action: status === 'in_session' ? 'assembly.opened' : 'assembly.closed',
      entityType: 'assembly',
      entityId: session.id,
      stateBefore: session.status,
      stateAfter: status,
      payload: { body: session.body, number: session.number },
    });
    return Object.assign(session, changes);
  }
}

/** Loads a session for a change, serialising concurrent changes to it. */
export async function lockSession(manager: EntityManager, sessionId: string): Promise<Session> {
  const session = await sessions.findForUpdate(manager, sessionId);
  if (!session) throw new VotingError(VotingErrorCode.SessionNotFound, `No session has the id ${sessionId}.`);
  return session;
}
