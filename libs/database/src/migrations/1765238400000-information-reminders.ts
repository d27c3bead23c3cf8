import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders of requests for information: one row per request (its message) and offset sent to the
 * application's contact. As for `reminders_sent`, the primary key is what makes each go out once: the row
 * commits with the reminder's outbox row, so a second worker finds it taken and sends nothing.
 */
export class InformationReminders1765238400000 implements MigrationInterface {
  name = 'InformationReminders1765238400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE information_reminders_sent (
        message_id uuid NOT NULL REFERENCES application_messages (id),
        -- The ISO 8601 duration after the request, as INFO_REQUEST_REMINDERS listed it when sent.
        reminder text NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (message_id, reminder)
      )`);
    // The sweep and ?overdue=true look up each application's latest request.
    await db.query(
      `CREATE INDEX application_messages_requests_idx ON application_messages (application_id, created_at DESC) WHERE kind = 'information-request'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX application_messages_requests_idx`);
    await db.query(`DROP TABLE information_reminders_sent`);
  }
}
