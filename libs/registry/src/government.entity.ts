import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const GOVERNMENT_STATUSES = ['member', 'associate', 'observer', 'prospective'] as const;
export type GovernmentStatus = (typeof GOVERNMENT_STATUSES)[number];

/** `regional`: the first administrative level (province, prefecture, do, aimag, krai, …); `local`: below it. */
export const GOVERNMENT_LEVELS = ['regional', 'local'] as const;
export type GovernmentLevel = (typeof GOVERNMENT_LEVELS)[number];

@Entity('governments')
export class Government {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn!: string;

  @Column({ name: 'name_local', type: 'text' })
  nameLocal!: string;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'char', length: 2 })
  country!: string;

  @Column({ type: 'text' })
  level!: GovernmentLevel;

  /** The local word for the kind of government: "Aimag", "Krai", "Prefecture", … */
  @Column({ type: 'text', nullable: true })
  kind!: string | null;

  @Column({ type: 'text' })
  status!: GovernmentStatus;

  /** IANA, e.g. `Asia/Vladivostok`: the zone its officials read deadlines in; null where not known (UTC then). */
  @Column({ name: 'time_zone', type: 'text', nullable: true })
  timeZone!: string | null;

  @Column({ name: 'member_since', type: 'date', nullable: true })
  memberSince!: string | null;

  /** The session of a deciding body whose vote admitted it; null for governments admitted before the system. */
  @Column({ name: 'admitted_by_assembly_id', type: 'uuid', nullable: true })
  admittedByAssemblyId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
