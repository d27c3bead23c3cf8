import type { EntityManager } from 'typeorm';
import { executePrepared, queryPrepared } from '@near/database';
import {
  NOTIFICATION_STATUSES,
  type NotificationRecord,
  type NotificationStatus,
  type OutgoingRow,
  type Recipient,
} from './notification-record.js';
import { INSERT_PENDING_STATEMENT, MARK_SENT_STATEMENT, SECRET_LINK_EVENTS } from './notification-sql.js';

// The SQL of the notifications table: the outbox rows and their delivery.

const RECORD_COLUMNS = `id, event, application_id AS "applicationId", recipient, locale, status, attempts, last_error AS "lastError",
  smtp_message_id AS "messageId", created_at AS "createdAt", queued_at AS "queuedAt", sent_at AS "sentAt"`;

// The statements on the path of every e-mail (the change that writes it, the worker that sends it) are prepared
// once per connection: unnamed, PostgreSQL would parse and plan them on every call.
const FIND_OUTGOING = {
  name: 'near_notification_outgoing',
  text: `SELECT id, event, application_id, recipient, recipient_name, locale, time_zone, data, status FROM notifications WHERE id = $1`,
} as const;

/** One pending row per recipient, for the relay to queue once the change commits. */
export async function insertPending(
  db: EntityManager,
  event: string,
  applicationId: string | null,
  data: unknown,
  recipients: readonly Recipient[],
): Promise<void> {
  await executePrepared(db, INSERT_PENDING_STATEMENT, [
    event,
    applicationId,
    JSON.stringify(data),
    recipients.map((r) => r.address),
    recipients.map((r) => r.name),
    recipients.map((r) => r.userId),
    recipients.map((r) => r.locale),
    recipients.map((r) => r.timeZone ?? null),
  ]);
}

/** Newest first. */
export function list(
  db: EntityManager,
  filter: { applicationId?: string; status?: NotificationStatus; limit: number },
): Promise<NotificationRecord[]> {
  const conditions: string[] = [];
  const parameters: unknown[] = [];
  if (filter.applicationId) conditions.push(`application_id = $${parameters.push(filter.applicationId)}`);
  if (filter.status) conditions.push(`status = $${parameters.push(filter.status)}`);
  return db.query(
    `SELECT ${RECORD_COLUMNS} FROM notifications ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
     ORDER BY created_at DESC LIMIT $${parameters.push(filter.limit)}`,
    parameters,
  );
}

export async function countsByStatus(db: EntityManager): Promise<Record<NotificationStatus, number>> {
  const rows: { status: NotificationStatus; count: number }[] = await db.query(
    `SELECT status, count(*)::int AS count FROM notifications GROUP BY status`,
  );
  return Object.fromEntries(
    NOTIFICATION_STATUSES.map((status) => [status, rows.find((row) => row.status === status)?.count ?? 0]),
  ) as Record<NotificationStatus, number>;
}

export async function findForUpdate(db: EntityManager, id: string): Promise<NotificationRecord | undefined> {
  const [row] = await db.query(`SELECT ${RECORD_COLUMNS} FROM notifications WHERE id = $1 FOR UPDATE`, [id]);
  return row;
}

/** Back to pending: the relay queues it again under the same id. */
export async function markPending(db: EntityManager, id: string): Promise<void> {
  await db.query(`UPDATE notifications SET status = 'pending', queued_at = NULL, updated_at = now() WHERE id = $1`, [id]);
}

export async function findOutgoing(db: EntityManager, id: string): Promise<OutgoingRow | undefined> {
  const [row] = await queryPrepared<OutgoingRow>(db, FIND_OUTGOING, [id]);
  return row;
}

/** Records a message sent (the SMTP server's message id and answer); one that held a single-use link forgets it. */
export async function markSent(db: EntityManager, id: string, messageId: string, smtpResponse: string): Promise<void> {
  await executePrepared(db, MARK_SENT_STATEMENT, [id, messageId, smtpResponse, SECRET_LINK_EVENTS]);
}

/** Counts a failed attempt; `final` fails the row for good (a permanent refusal, or the last attempt). */
export async function recordFailedAttempt(db: EntityManager, id: string, reason: string, final: boolean): Promise<void> {
  await db.query(
    `UPDATE notifications SET attempts = attempts + 1, last_error = $2, updated_at = now(),
            status = CASE WHEN $3 THEN 'failed' ELSE status END WHERE id = $1 AND status <> 'sent'`,
    [id, reason, final],
  );
}

/**
 * Claims the rows due for the queue: pending, or queued but not sent within `requeueAfterSeconds` (a Redis
 * that lost its jobs). FOR UPDATE SKIP LOCKED: several relays share the rows, none twice.
 */
export async function claimDue(db: EntityManager, requeueAfterSeconds: number, limit: number): Promise<string[]> {
  const rows: { id: string }[] = await db.query(
    `SELECT id FROM notifications
     WHERE status = 'pending' OR (status = 'queued' AND queued_at < now() - make_interval(secs => $1))
     ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [requeueAfterSeconds, limit],
  );
  return rows.map((row) => row.id);
}

export async function markQueued(db: EntityManager, ids: readonly string[]): Promise<void> {
  await db.query(`UPDATE notifications SET status = 'queued', queued_at = now(), updated_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
}
