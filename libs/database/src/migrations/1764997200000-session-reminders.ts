import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders of sessions: the offsets before a written procedure's deadline (or a meeting's start) chosen at
 * creation, and one row per reminder sent to a government. The primary key of `reminders_sent` is what makes
 * each reminder go out once: the row commits in the same transaction as the reminder's outbox rows, so a
 * second worker (or a retry after a crash, or a Redis that lost its jobs) finds it taken and sends nothing.
 */
export class SessionReminders1764997200000 implements MigrationInterface {
  name = 'SessionReminders1764997200000';

  async up(db: QueryRunner): Promise<void> {
    // Sessions created before reminders existed keep none: nobody chose them.
    await db.query(`ALTER TABLE assemblies ADD COLUMN reminders text[] NOT NULL DEFAULT '{}'`);
    await db.query(`
      CREATE TABLE reminders_sent (
        assembly_id uuid NOT NULL REFERENCES assemblies (id),
        -- The ISO 8601 duration before the deadline or start, as the session lists it.
        reminder text NOT NULL,
        government_id uuid NOT NULL REFERENCES governments (id),
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (assembly_id, reminder, government_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE reminders_sent`);
    await db.query(`ALTER TABLE assemblies DROP COLUMN reminders`);
  }
}
