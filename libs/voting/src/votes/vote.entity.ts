import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { BallotSecrecy, MajorityRule, QuorumRule } from '../rules/decision-rule.js';
import type { Tally } from '../rules/tally.js';

export type VoteStatus = 'open' | 'closed' | 'void';
export type VoteOutcome = 'approved' | 'rejected';

/** One ballot on an application at a session, with the rule it is decided under, frozen when it opens. */
@Entity('votes')
export class Vote {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ name: 'assembly_id', type: 'uuid' })
  assemblyId!: string;

  @Column({ type: 'text' })
  status!: VoteStatus;

  @Column({ type: 'text' })
  quorum!: QuorumRule;

  @Column({ type: 'text' })
  majority!: MajorityRule;

  @Column({ name: 'ballot_secrecy', type: 'text' })
  ballotSecrecy!: BallotSecrecy;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  outcome!: VoteOutcome | null;

  @Column({ type: 'jsonb', nullable: true })
  tally!: Tally | null;

  @Column({ type: 'text', nullable: true })
  explanation!: string | null;

  /** Sealed ballots cast before receipts (docs/voting.md); deleted when the vote closes, null for newer votes. */
  @Column({ name: 'seal_key', type: 'char', length: 64, nullable: true, select: false })
  sealKey!: string | null;
}
