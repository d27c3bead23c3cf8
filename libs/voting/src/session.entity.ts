import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { BallotSecrecy, DecisionRule, MajorityRule, QuorumRule } from './rules/decision-rule.js';

export const SESSION_BODIES = ['general_assembly', 'working_committee', 'written_procedure'] as const;
export type SessionBody = (typeof SESSION_BODIES)[number];

/** `closed` after it met (or its deadline passed); `cancelled` when a scheduled meeting will not take place. */
export const SESSION_STATUSES = ['scheduled', 'in_session', 'closed', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** One session of a deciding body: a meeting (host, dates, venue) or a written procedure (a deadline). */
@Entity('assemblies')
export class Session {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  body!: SessionBody;

  @Column({ type: 'integer' })
  number!: number;

  @Column({ name: 'host_government_id', type: 'uuid', nullable: true })
  hostGovernmentId!: string | null;

  @Column({ name: 'starts_on', type: 'date', nullable: true })
  startsOn!: string | null;

  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn!: string | null;

  @Column({ type: 'text', nullable: true })
  venue!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  deadline!: Date | null;

  @Column({ type: 'text' })
  status!: SessionStatus;

  /** The decision rule, set when the session is created and frozen once a ballot opens. */
  @Column({ type: 'text' })
  quorum!: QuorumRule;

  @Column({ type: 'text' })
  majority!: MajorityRule;

  @Column({ name: 'ballot_secrecy', type: 'text' })
  ballotSecrecy!: BallotSecrecy;

  @Column({ name: 'rule_frozen_at', type: 'timestamptz', nullable: true })
  ruleFrozenAt!: Date | null;

  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** ISO 8601 durations before the deadline (written procedure) or the start (meeting) when reminders go out. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  reminders!: string[];

  /** The SEQUENCE of its calendar event: the database raises it when the session's dates, venue or status change. */
  @Column({ name: 'calendar_sequence', type: 'integer', default: 0, insert: false, update: false })
  calendarSequence!: number;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  /** What the session decided, for the record (e.g. the past Assemblies of the demo data). */
  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}

export function ruleOf(session: Pick<Session, 'quorum' | 'majority' | 'ballotSecrecy'>): DecisionRule {
  return { quorum: session.quorum, majority: session.majority, secrecy: session.ballotSecrecy };
}

export const isMeeting = (session: Pick<Session, 'body'>) => session.body !== 'written_procedure';
