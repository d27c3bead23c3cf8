import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A scheduled session may be cancelled (`POST /assemblies/:id/cancel`): a fourth status, `cancelled`, final
 * like `closed`, and the moment it was cancelled. A cancelled session never opens and takes no agenda item;
 * its number is free again (the session that takes place instead is still, say, the 16th General Assembly),
 * so the number is unique among the sessions not cancelled only.
 */
export class SessionCancellation1764990000000 implements MigrationInterface {
  name = 'SessionCancellation1764990000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE assemblies
        DROP CONSTRAINT assemblies_status_check,
        ADD CONSTRAINT assemblies_status_check CHECK (status IN ('scheduled', 'in_session', 'closed', 'cancelled')),
        ADD COLUMN cancelled_at timestamptz,
        ADD CONSTRAINT assemblies_cancelled_when CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
        DROP CONSTRAINT assemblies_body_number_key`);
    await db.query(`CREATE UNIQUE INDEX assemblies_body_number_key ON assemblies (body, number) WHERE status <> 'cancelled'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM assemblies WHERE status = 'cancelled'`);
    await db.query(`DROP INDEX assemblies_body_number_key`);
    await db.query(`ALTER TABLE assemblies ADD CONSTRAINT assemblies_body_number_key UNIQUE (body, number)`);
    await db.query(`
      ALTER TABLE assemblies
        DROP CONSTRAINT assemblies_cancelled_when,
        DROP COLUMN cancelled_at,
        DROP CONSTRAINT assemblies_status_check,
        ADD CONSTRAINT assemblies_status_check CHECK (status IN ('scheduled', 'in_session', 'closed'))`);
  }
}
