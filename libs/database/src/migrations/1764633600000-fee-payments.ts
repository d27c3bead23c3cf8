import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Annual fee payments (one row per government and fiscal year, from which arrears and voting rights are
 * computed) and the session that admitted a government, filled when a vote approves its application.
 */
export class FeePayments1764633600000 implements MigrationInterface {
  name = 'FeePayments1764633600000';

  async up(db: QueryRunner): Promise<void> {
    // recorded_by is null for payments no user entered (the demo data).
    await db.query(`
      CREATE TABLE fee_payments (
        government_id uuid NOT NULL REFERENCES governments (id),
        year integer NOT NULL CHECK (year BETWEEN 1996 AND 2200),
        paid_on date NOT NULL,
        recorded_by uuid REFERENCES users (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (government_id, year)
      )`);
    await db.query(`ALTER TABLE governments ADD COLUMN admitted_by_assembly_id uuid REFERENCES assemblies (id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE governments DROP COLUMN admitted_by_assembly_id`);
    await db.query(`DROP TABLE fee_payments`);
  }
}
