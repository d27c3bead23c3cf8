import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Locale } from '@near/common';
import type { ApplicationState } from './workflow/application-workflow.js';

export const APPLICATION_CATEGORIES = ['member', 'associate'] as const;
export type ApplicationCategory = (typeof APPLICATION_CATEGORIES)[number];

@Entity('applications')
export class Application {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Insertion order, for cursor pagination that stays stable while applications are filed. */
  @Column({ name: 'list_position', type: 'bigint', insert: false, update: false })
  listPosition!: string;

  /** The human reference, e.g. NEAR-2026-0007. */
  @Column({ type: 'text' })
  reference!: string;

  @Column({ name: 'government_id', type: 'uuid' })
  governmentId!: string;

  @Column({ type: 'text' })
  category!: ApplicationCategory;

  @Column({ name: 'head_of_government', type: 'text' })
  headOfGovernment!: string;

  @Column({ name: 'statement_of_purpose', type: 'text' })
  statementOfPurpose!: string;

  @Column({ name: 'contact_name', type: 'text' })
  contactName!: string;

  @Column({ name: 'contact_email', type: 'text' })
  contactEmail!: string;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone!: string | null;

  @Column({ type: 'text' })
  locale!: Locale;

  @Column({ type: 'text' })
  state!: ApplicationState;

  @Column({ name: 'assembly_id', type: 'uuid', nullable: true })
  assemblyId!: string | null;

  @Column({ name: 'filed_by', type: 'uuid' })
  filedBy!: string;

  @Column({ name: 'ineligibility_reasons', type: 'text', nullable: true })
  ineligibilityReasons!: string | null;

  @Column({ name: 'withdrawal_reason', type: 'text', nullable: true })
  withdrawalReason!: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Raised by every change, in the UPDATE's WHERE clause: the optimistic lock. */
  @Column({ type: 'integer' })
  version!: number;
}
