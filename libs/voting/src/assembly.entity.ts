import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const ASSEMBLY_BODIES = ['general_assembly', 'working_committee', 'written_procedure'] as const;
export type AssemblyBody = (typeof ASSEMBLY_BODIES)[number];

export const ASSEMBLY_STATUSES = ['scheduled', 'in_session', 'closed'] as const;
export type AssemblyStatus = (typeof ASSEMBLY_STATUSES)[number];

/** One session of a deciding body: a meeting (host, dates, venue) or a written procedure (a deadline). */
@Entity('assemblies')
export class Assembly {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  body!: AssemblyBody;

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
  status!: AssemblyStatus;

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
