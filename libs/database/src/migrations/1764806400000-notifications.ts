import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The outbox: one row per e-mail, written in the same transaction as the change that causes it. */
export class Notifications1764806400000 implements MigrationInterface {
  name = 'Notifications1764806400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event text NOT NULL,
        application_id uuid REFERENCES applications (id),
        recipient text NOT NULL,
        recipient_name text,
        recipient_user_id uuid REFERENCES users (id),
        locale text NOT NULL,
        -- The template data as it was at the change (JSON text: it may hold any text a user typed).
        data text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'queued', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        smtp_message_id text,
        smtp_response text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        queued_at timestamptz,
        sent_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX notifications_due_idx ON notifications (created_at) WHERE status IN ('pending', 'queued')`);
    await db.query(`CREATE INDEX notifications_application_idx ON notifications (application_id, created_at)`);
    await db.query(`CREATE INDEX notifications_status_idx ON notifications (status, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notifications`);
  }
}
