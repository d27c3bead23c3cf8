import { Column, Entity, PrimaryColumn } from 'typeorm';

export const BALLOT_CHOICES = ['yes', 'no', 'abstain'] as const;
export type BallotChoice = (typeof BALLOT_CHOICES)[number];

/** A government's ballot in one vote; casting again changes it (the primary key allows no second one). */
@Entity('ballots')
export class Ballot {
  @PrimaryColumn({ name: 'vote_id', type: 'uuid' })
  voteId!: string;

  @PrimaryColumn({ name: 'government_id', type: 'uuid' })
  governmentId!: string;

  /** Null once a secret ballot has closed: nothing keeps a government's secret choice after the count. */
  @Column({ type: 'text', nullable: true })
  choice!: BallotChoice | null;

  /** The commitment of the government's last cast (docs/voting.md); null for a ballot cast before receipts. */
  @Column({ type: 'char', length: 64, nullable: true })
  commitment!: string | null;

  /** The last cast's nonce, of a named ballot only, until its close publishes it. */
  @Column({ type: 'char', length: 64, nullable: true })
  nonce!: string | null;

  @Column({ name: 'cast_by', type: 'uuid' })
  castBy!: string;

  @Column({ name: 'first_cast_at', type: 'timestamptz' })
  firstCastAt!: Date;

  @Column({ name: 'last_cast_at', type: 'timestamptz' })
  lastCastAt!: Date;

  @Column({ type: 'integer' })
  changes!: number;
}
