import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditTrail, type AuditContext } from '@near/audit';
import { GovernmentsService } from '@near/registry';
import type { Session } from '../session.entity.js';
import * as sessions from '../session.repository.js';
import type { BallotSecrecy, MajorityRule, QuorumRule } from '../rules/decision-rule.js';
import { VotingError, VotingErrorCode } from '../voting-error.js';
import { lockSession } from './session-lifecycle.service.js';

/** What an edit of a scheduled meeting may change; a field left out stays as it is. */
export interface SessionEdit {
  number?: number;
  hostGovernmentId?: string;
  startsOn?: string;
  endsOn?: string;
  venue?: string;
  quorum?: QuorumRule;
  majority?: MajorityRule;
  ballotSecrecy?: BallotSecrecy;
}

export type EditableField = keyof SessionEdit;
const EDITABLE_FIELDS: readonly EditableField[] = [
  'number',
  'hostGovernmentId',
  'startsOn',
  'endsOn',
  'venue',
  'quorum',
  'majority',
  'ballotSecrecy',
];

/** The fields an agenda notice states: when one of them changes, those told of the session are told again. */
export const ANNOUNCED_FIELDS: readonly EditableField[] = ['number', 'startsOn', 'endsOn', 'venue'];

export interface SessionAmendment {
  session: Session;
  changed: EditableField[];
}

/**
 * Changes to a meeting before it opens: an edit, or its cancellation. Both take the caller's transaction,
 * because what they cause to the agenda (admission's part) commits with them.
 */
@Injectable()
export class SessionAmendments {
  constructor(
    private readonly audit: AuditTrail,
    private readonly governments: GovernmentsService,
  ) {}

  async edit(
    manager: EntityManager,
    sessionId: string,
    edit: SessionEdit,
    expectedVersion: number | undefined,
    context: AuditContext,
  ): Promise<SessionAmendment> {
    const session = await this.lockScheduled(manager, sessionId, expectedVersion, 'edited');
    const wanted = Object.fromEntries(
      EDITABLE_FIELDS.filter((field) => edit[field] !== undefined).map((field) => [
        field,
        // As stored: a venue without the spaces around it, an id as PostgreSQL prints a uuid.
        field === 'venue' ? edit.venue!.trim() : field === 'hostGovernmentId' ? edit.hostGovernmentId!.toLowerCase() : edit[field],
      ]),
    ) as SessionEdit;
    const changed = EDITABLE_FIELDS.filter((field) => wanted[field] !== undefined && wanted[field] !== session[field]);
    if (changed.length === 0) return { session, changed };
    const after = { ...session, ...wanted };
    if (after.endsOn! < after.startsOn!) {
      throw new VotingError(
        VotingErrorCode.InvalidSessionDates,
        `The session cannot end (${after.endsOn}) before it starts (${after.startsOn}).`,
      );
    }
    if (changed.includes('hostGovernmentId') && !(await this.governments.existingIds([after.hostGovernmentId!], manager)).size) {
      throw new VotingError(VotingErrorCode.UnknownHostGovernment, `No government has the id ${after.hostGovernmentId}.`);
    }
    if (changed.includes('number') && (await sessions.numberTaken(manager, session.body, after.number))) {
      throw new VotingError(
        VotingErrorCode.SessionNumberTaken,
        `There is already a ${session.body.replace('_', ' ')} number ${after.number}.`,
      );
    }
    const changes = Object.fromEntries(changed.map((field) => [field, wanted[field]]));
    await sessions.update(manager, session.id, changes);
    await this.audit.record(manager, context, {
      action: 'assembly.edited',
      entityType: 'assembly',
      entityId: session.id,
      stateBefore: session.status,
      stateAfter: session.status,
      payload: {
        body: session.body,
        number: after.number,
        changes: Object.fromEntries(changed.map((field) => [field, { before: session[field], after: wanted[field] }])),
      },
    });
    return { session: (await sessions.find(manager, session.id))!, changed };
  }

  /** Cancels a meeting that has not opened; the caller returns its agenda's applications to eligible. */
  async cancel(
    manager: EntityManager,
    sessionId: string,
    reason: string | undefined,
    expectedVersion: number | undefined,
    context: AuditContext,
  ): Promise<Session> {
    const session = await this.lockScheduled(manager, sessionId, expectedVersion, 'cancelled');
    const now = new Date();
    await sessions.update(manager, session.id, { status: 'cancelled', cancelledAt: now });
    await this.audit.record(manager, context, {
      action: 'assembly.cancelled',
      entityType: 'assembly',
      entityId: session.id,
      stateBefore: session.status,
      stateAfter: 'cancelled',
      payload: { body: session.body, number: session.number, ...(reason ? { reason } : {}) },
    });
    return (await sessions.find(manager, session.id))!;
  }

  private async lockScheduled(
    manager: EntityManager,
    sessionId: string,
    expectedVersion: number | undefined,
    verb: 'edited' | 'cancelled',
  ): Promise<Session> {
    const session = await lockSession(manager, sessionId);
    if (expectedVersion !== undefined && expectedVersion !== session.version) {
      throw new VotingError(
        VotingErrorCode.SessionChanged,
        `The session was changed by someone else since you read it (version ${session.version}, not ${expectedVersion}).`,
        { currentVersion: session.version },
      );
    }
    if (session.status !== 'scheduled') {
      throw new VotingError(
        VotingErrorCode.SessionNotScheduled,
        `The session is ${session.status.replace('_', ' ')}; only a scheduled session can be ${verb}.`,
        { currentStatus: session.status },
      );
    }
    return session;
  }
}
