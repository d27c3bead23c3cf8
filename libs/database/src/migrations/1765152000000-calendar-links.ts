import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A user's secret calendar feed address: calendar applications fetch it without signing in. Only the SHA-256
 * of the token is kept, so a copy of the database opens no feed; one address per user, revoked by deleting it.
 */
export class CalendarLinks1765152000000 implements MigrationInterface {
  name = 'CalendarLinks1765152000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE calendar_links (
        user_id uuid PRIMARY KEY REFERENCES users (id),
        token_hash bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE calendar_links`);
  }
}
