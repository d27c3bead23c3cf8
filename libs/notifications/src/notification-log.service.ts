import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail, type AuditContext } from '@near/audit';
import { DomainError } from '@near/common';
import type { NotificationRecord, NotificationStatus } from './notification-record.js';
import * as notifications from './notification.repository.js';

export enum NotificationErrorCode {
  NotFound = 'notification-not-found',
  NotFailed = 'notification-not-failed',
}

export class NotificationError extends DomainError<NotificationErrorCode> {}

/** What the Secretariat sees of the outbox, and the one thing it may do: send a failed message again. */
@Injectable()
export class NotificationLog {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  list(filter: { applicationId?: string; status?: NotificationStatus; limit: number }): Promise<NotificationRecord[]> {
    return notifications.list(this.dataSource.manager, filter);
  }

  counts(): Promise<Record<NotificationStatus, number>> {
    return notifications.countsByStatus(this.dataSource.manager);
  }

  /** A failed message goes back to pending; the relay queues it again under the same id. */
  retry(id: string, context: AuditContext): Promise<NotificationRecord> {
    return this.dataSource.transaction(async (manager) => {
      const row = await notifications.findForUpdate(manager, id);
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
      await notifications.markPending(manager, id);
      await this.audit.record(manager, context, {
        action: 'notification.retried',
        entityType: 'notification',
        entityId: id,
        stateBefore: 'failed',
        stateAfter: 'pending',
        // Not the transport's last error: its raw text may name the mail servers' hosts and addresses, and the entry
        // goes to the members in the log's bundles. The notification keeps it for the Secretariat.
        payload: { event: row.event, recipient: row.recipient, attempts: row.attempts },
      });
      return { ...row, status: 'pending', queuedAt: null };
    });
  }
}
