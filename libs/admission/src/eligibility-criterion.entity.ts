import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('eligibility_criteria')
export class EligibilityCriterion {
  @PrimaryColumn({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @PrimaryColumn({ type: 'text' })
  code!: string;

  /** Null until the Secretariat records it. */
  @Column({ type: 'boolean', nullable: true })
  passed!: boolean | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', nullable: true })
  recordedAt!: Date | null;
}
