import type { EntityManager } from 'typeorm';

// The SQL of information_reminders_sent: which reminder of which request for information went out.

/** One reminder owed to an application's contact: the request it recalls and the offset. */
export interface ClaimedInformationReminder {
  applicationId: string;
  messageId: string;
  reminder: string;
  /** What was asked, and when. */
  body: string;
  requestedAt: Date;
}

/**
 * Claims the reminders of requests for information due at `now` and records them as sent, in the caller's
 * transaction (which writes their e-mails too). Per application still in `information_requested`, its latest
 * request and, of the offsets given, only the latest whose moment has passed: one missed while no worker ran
 * is not sent late beside the next. A reminder already recorded is skipped (a second worker's insert waits for
 * the first's commit, then finds the key taken).
 */
export function claimDueInformationReminders(
  db: EntityManager,
  now: Date,
  reminders: readonly string[],
): Promise<ClaimedInformationReminder[]> {
  return db.query(
    `WITH requests AS (
       SELECT DISTINCT ON (m.application_id) m.application_id, m.id AS message_id, m.body, m.created_at
       FROM applications a JOIN application_messages m ON m.application_id = a.id AND m.kind = 'information-request'
       WHERE a.state = 'information_requested'
       ORDER BY m.application_id, m.created_at DESC
     ), due AS (
       SELECT DISTINCT ON (q.message_id) q.application_id, q.message_id, q.body, q.created_at, r.reminder
       FROM requests q CROSS JOIN unnest($2::text[]) AS r (reminder)
       WHERE q.created_at + r.reminder::interval <= $1
       ORDER BY q.message_id, q.created_at + r.reminder::interval DESC
     ), claimed AS (
       INSERT INTO information_reminders_sent (message_id, reminder)
       SELECT message_id, reminder FROM due
       ON CONFLICT DO NOTHING
       RETURNING message_id, reminder
     )
     SELECT d.application_id AS "applicationId", d.message_id AS "messageId", d.reminder, d.body, d.created_at AS "requestedAt"
     FROM due d JOIN claimed c USING (message_id, reminder)
     ORDER BY d.created_at`,
    [now, reminders],
  );
}
