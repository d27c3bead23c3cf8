import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NotificationData, NotificationEvent } from './notification-events.js';
import type { Recipient } from './notification-record.js';
import * as notifications from './notification.repository.js';

export interface OutboxEntry<E extends NotificationEvent = NotificationEvent> {
  event: E;
  /** The application the e-mail is about; null for one about no one application (the recipient's own account, a session's reminder). */
  applicationId: string | null;
  data: NotificationData[E];
  recipients: readonly Recipient[];
}

/**
 * Writes the e-mails a change causes as outbox rows, inside the change's own transaction: they commit
 * with it or not at all, and the worker's relay sends them only after the commit. Who receives them is
 * the caller's to say (it knows its records); one message per address and event.
 */
@Injectable()
export class NotificationOutbox {
  async add(manager: EntityManager, entry: OutboxEntry): Promise<number> {
    const byAddress = new Map<string, Recipient>();
    // One message per address, even for someone named twice (in two audiences of one change).
    for (const recipient of entry.recipients) if (!byAddress.has(recipient.address)) byAddress.set(recipient.address, recipient);
    const recipients = [...byAddress.values()];
    if (recipients.length > 0) await notifications.insertPending(manager, entry.event, entry.applicationId, entry.data, recipients);
    return recipients.length;
  }
}
