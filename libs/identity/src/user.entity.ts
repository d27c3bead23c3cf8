import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Locale } from '@near/common';
import type { Role } from './role.js';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-cased; unique without regard to case. */
  @Column({ type: 'text' })
  email!: string;

  /** Null while the user is invited and has not chosen a password yet. */
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash!: string | null;

  /** Derived by PostgreSQL from password_hash (a generated column): never written. */
  @Column({ type: 'boolean', insert: false, update: false })
  invited!: boolean;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ type: 'text' })
  role!: Role;

  /** The government an applicant or delegate acts for; null for secretariat and admin. */
  @Column({ name: 'government_id', type: 'uuid', nullable: true })
  governmentId!: string | null;

  @Column({ type: 'text' })
  locale!: Locale;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
