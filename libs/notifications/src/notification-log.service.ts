import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail, type AuditContext } from '@near/audit';
import { DomainError } from '@near/common';

export const NOTIFICATION_STATUSES = ['pending', 'queued', 'sent', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export enum NotificationErrorCode {
  NotFound = 'notification-not-found',
  NotFailed = 'notification-not-failed',
}

export class NotificationError extends DomainError<NotificationErrorCode> {}

export interface NotificationRecord {
  id: string;
  event: string;
  applicationId: string | null;
  recipient: string;
  locale: string;
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  messageId: string | null;
  createdAt: Date;
  queuedAt: Date | null;
  sentAt: Date | null;
}

const COLUMNS = `id, event, application_id AS "applicationId", recipient, locale, status, attempts, last_error AS "lastError",
  smtp_message_id AS "messageId", created_at AS "createdAt", queued_at AS "queuedAt", sent_at AS "sentAt"`;

/** What the Secretariat sees of the outbox, and the one thing it may do: send a failed message again. */
@Injectable()
export class NotificationLog {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  list(filter: { applicationId?: string; status?: NotificationStatus; limit: number }): Promise<NotificationRecord[]> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    if (filter.applicationId) conditions.push(`application_id = $${parameters.push(filter.applicationId)}`);
    if (filter.status) conditions.push(`status = $${parameters.push(filter.status)}`);
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifications ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY created_at DESC LIMIT $${parameters.push(filter.limit)}`,
      parameters,
    );
  }

  counts(): Promise<Record<NotificationStatus, number>> {
    return this.dataSource
      .query(`SELECT status, count(*)::int AS count FROM notifications GROUP BY status`)
      .then(
        (rows: { status: NotificationStatus; count: number }[]) =>
          Object.fromEntries(
            NOTIFICATION_STATUSES.map((status) => [status, rows.find((row) => row.status === status)?.count ?? 0]),
          ) as Record<NotificationStatus, number>,
      );
  }

  /** A failed message goes back to pending; the relay queues it again under the same id. */
  retry(id: string, context: AuditContext): Promise<NotificationRecord> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(`SELECT ${COLUMNS} FROM notifications WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) throw new NotificationError(NotificationErrorCode.NotFound, `No notification has the id ${id}.`);
      if (row.status !== 'failed') {
        throw new NotificationError(
          NotificationErrorCode.NotFailed,
          `The notification is ${row.status}; only a failed one is sent again.`,
          {
            currentStatus: row.status,
          },
        );
      }
      await manager.query(`UPDATE notifications SET status = 'pending', queued_at = NULL, updated_at = now() WHERE id = $1`, [id]);
      await this.audit.record(manager, context, {
        action: 'notification.retried',
        entityType: 'notification',
        entityId: id,
        stateBefore: 'failed',
        stateAfter: 'pending',
        payload: { event: row.event, recipient: row.recipient, attempts: row.attempts, lastError: row.lastError },
      });
      return { ...row, status: 'pending', queuedAt: null };
    });
  }
}
