import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail } from '@near/audit';
import type { Acting } from '@near/identity';
import { GovernmentsService } from '@near/registry';
import type { Session, SessionBody } from './session.entity.js';
import * as sessions from './session.repository.js';
import type { SessionFilter } from './session.repository.js';
import { type BallotSecrecy, defaultRule, type MajorityRule, type QuorumRule } from './rules/decision-rule.js';
import { VotingError, VotingErrorCode } from './voting-error.js';
import { defaultRemindersOf, inSendingOrder, reminderProblem } from './reminders/reminder-offsets.js';

/** The rule of a session; what is left out takes the default of its body (docs/domain.md, "Decision rules"). */
export interface RuleChoice {
  quorum?: QuorumRule;
  majority?: MajorityRule;
  ballotSecrecy?: BallotSecrecy;
  /** ISO 8601 durations before the deadline or start; left out, the body's defaults; empty, none. */
  reminders?: string[];
}

export interface NewMeeting extends RuleChoice {
  body: Exclude<SessionBody, 'written_procedure'>;
  number: number;
  hostGovernmentId: string;
  startsOn: string;
  endsOn: string;
  venue: string;
}

export interface NewWrittenProcedure extends RuleChoice {
  number: number;
  deadline: Date;
}

export type { SessionFilter } from './session.repository.js';

/** Sessions of the deciding bodies: scheduling them and reading them back. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly governments: GovernmentsService,
  ) {}

  /** The ids of the written procedures not yet closed whose deadline has passed, earliest first. */
  writtenProceduresDue(now: Date): Promise<string[]> {
    return sessions.writtenProceduresDue(this.dataSource.manager, now);
  }

  list(filter: SessionFilter = {}): Promise<Session[]> {
    return sessions.list(this.dataSource.manager, filter);
  }

  listByIds(ids: readonly string[]): Promise<Session[]> {
    return sessions.findByIds(this.dataSource.manager, ids);
  }

  find(id: string, manager: EntityManager = this.dataSource.manager): Promise<Session | null> {
    return sessions.find(manager, id);
  }

  /** The session, held against cancellation until the caller's transaction ends (a change that depends on it). */
  findHeld(id: string, manager: EntityManager): Promise<Session | null> {
    return sessions.findForShare(manager, id);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Session> {
    const assembly = await sessions.find(manager, id);
    if (!assembly) throw new VotingError(VotingErrorCode.SessionNotFound, `No session has the id ${id}.`);
    return assembly;
  }

  async scheduleMeeting(input: NewMeeting, acting: Acting): Promise<Session> {
    const reminders = remindersOf(input);
    if (input.endsOn < input.startsOn) {
      throw new VotingError(
        VotingErrorCode.InvalidSessionDates,
        `The session cannot end (${input.endsOn}) before it starts (${input.startsOn}).`,
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const host = (await this.governments.existingIds([input.hostGovernmentId], manager)).has(input.hostGovernmentId);
      if (!host) throw new VotingError(VotingErrorCode.UnknownHostGovernment, `No government has the id ${input.hostGovernmentId}.`);
      if (await sessions.numberTaken(manager, input.body, input.number)) {
        throw new VotingError(
          VotingErrorCode.SessionNumberTaken,
          `There is already a ${input.body.replace('_', ' ')} number ${input.number}.`,
        );
      }
      const defaults = defaultRule(input.body);
      const assembly = await sessions.insert(manager, {
        ...input,
        reminders,
        venue: input.venue.trim(),
        deadline: null,
        status: 'scheduled',
        notes: null,
        quorum: input.quorum ?? defaults.quorum,
        majority: input.majority ?? defaults.majority,
        ballotSecrecy: input.ballotSecrecy ?? defaults.secrecy,
      });
      await this.audit.record(manager, acting.audit, {
        action: 'assembly.scheduled',
        entityType: 'assembly',
        entityId: assembly.id,
        stateBefore: null,
        stateAfter: 'scheduled',
        payload: { ...input, reminders, quorum: assembly.quorum, majority: assembly.majority, ballotSecrecy: assembly.ballotSecrecy },
      });
      return assembly;
    });
  }

  /** A written procedure is open from creation; its ballots close by themselves at the deadline. */
  async startWrittenProcedure(input: NewWrittenProcedure, acting: Acting): Promise<Session> {
    const now = new Date();
    const reminders = remindersOf(input);
    if (input.deadline.getTime() <= now.getTime()) {
      throw new VotingError(VotingErrorCode.DeadlineInThePast, `The deadline ${input.deadline.toISOString()} has already passed.`);
    }
    if (input.quorum === 'more_than_half_present' || input.quorum === 'two_thirds_present') {
      throw new VotingError(
        VotingErrorCode.QuorumRuleUnfitForBody,
        'A written procedure has no attendance: its quorum is counted from the answers (more_than_half_answered) or none.',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      if (await sessions.numberTaken(manager, 'written_procedure', input.number)) {
        throw new VotingError(VotingErrorCode.SessionNumberTaken, `There is already a written procedure number ${input.number}.`);
      }
      const defaults = defaultRule('written_procedure');
      const assembly = await sessions.insert(manager, {
        body: 'written_procedure',
        number: input.number,
        hostGovernmentId: null,
        startsOn: null,
        endsOn: null,
        venue: null,
        deadline: input.deadline,
        reminders,
        status: 'in_session',
        openedAt: now,
        notes: null,
        quorum: input.quorum ?? defaults.quorum,
        majority: input.majority ?? defaults.majority,
        ballotSecrecy: input.ballotSecrecy ?? defaults.secrecy,
      });
      await this.audit.record(manager, acting.audit, {
        action: 'assembly.written-procedure-started',
        entityType: 'assembly',
        entityId: assembly.id,
        stateBefore: null,
        stateAfter: 'in_session',
        payload: {
          number: input.number,
          deadline: input.deadline.toISOString(),
          reminders,
          quorum: assembly.quorum,
          majority: assembly.majority,
          ballotSecrecy: assembly.ballotSecrecy,
        },
      });
      return assembly;
    });
  }
}

/** The reminders to store, longest first: the body's defaults when none were given. */
function remindersOf(input: { reminders?: string[]; body?: SessionBody }): string[] {
  const reminders = input.reminders ?? defaultRemindersOf(input.body ?? 'written_procedure');
  const problem = reminderProblem(reminders);
  if (problem) throw new VotingError(VotingErrorCode.InvalidReminders, problem);
  return inSendingOrder(reminders);
}
