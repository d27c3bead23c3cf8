import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A scheduled session may be cancelled (`POST /assemblies/:id/cancel`): a fourth status, `cancelled`, final
 * like `closed`, and the moment it was cancelled. A cancelled session never opens, takes no agenda item and
 * keeps its number, so that the record still shows it.
 */
export class SessionCancellation1764990000000 implements MigrationInterface {
  name = 'SessionCancellation1764990000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE assemblies
        DROP CONSTRAINT assemblies_status_check,
        ADD CONSTRAINT assemblies_status_check CHECK (status IN ('scheduled', 'in_session', 'closed', 'cancelled')),
        ADD COLUMN cancelled_at timestamptz,
        ADD CONSTRAINT assemblies_cancelled_when CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM assemblies WHERE status = 'cancelled'`);
    await db.query(`
      ALTER TABLE assemblies
        DROP CONSTRAINT assemblies_cancelled_when,
        DROP COLUMN cancelled_at,
        DROP CONSTRAINT assemblies_status_check,
        ADD CONSTRAINT assemblies_status_check CHECK (status IN ('scheduled', 'in_session', 'closed'))`);
  }
}
