import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The annual fee of one government for one fiscal (calendar) year: one row per year, never changed once recorded. */
@Entity('fee_payments')
export class FeePayment {
  @PrimaryColumn({ name: 'government_id', type: 'uuid' })
  governmentId!: string;

  @PrimaryColumn({ type: 'integer' })
  year!: number;

  @Column({ name: 'paid_on', type: 'date' })
  paidOn!: string;

  /** The secretariat officer who recorded it; null for payments seeded as demo data. */
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}
