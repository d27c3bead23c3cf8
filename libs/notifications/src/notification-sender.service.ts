import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { isPermanentSmtpFailure } from './smtp-mail-transport.js';
import type { MailTransport } from './mail-transport.js';
import { MAIL_TRANSPORT } from './mail-transport.token.js';
import { messageIdOf } from './message-id.js';
import * as notifications from './notification.repository.js';
import type { NotificationEvent } from './notification-events.js';
import { TemplateCatalog } from './template-catalog.js';

export type SendOutcome = 'sent' | 'already-sent' | 'gone';

/**
 * Sends one outbox row: renders it in the recipient's language, hands it to the mail transport and
 * records the result. It awaits and rethrows, so BullMQ retries; a permanent refusal (5xx) fails at once.
 */
@Injectable()
export class NotificationSender implements OnApplicationShutdown {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    private readonly templates: TemplateCatalog,
  ) {}

  /** `isLastAttempt`: this failure, if it fails, is the last BullMQ will try. */
  async send(notificationId: string, isLastAttempt: boolean): Promise<SendOutcome> {
    const row = await notifications.findOutgoing(this.dataSource.manager, notificationId);
    if (!row) return 'gone';
    if (row.status === 'sent') return 'already-sent';
    const rendered = this.templates.render(row.event as NotificationEvent, row.locale, JSON.parse(row.data));
    const messageId = messageIdOf(row.id);
    try {
      const sent = await this.transport.send({
        messageId,
        to: { address: row.recipient, name: row.recipient_name ?? undefined },
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        locale: rendered.locale,
      });
      await notifications.markSent(this.dataSource.manager, row.id, messageId, sent.response.slice(0, 1000));
      return 'sent';
    } catch (error) {
      const permanent = isPermanentSmtpFailure(error);
      const reason = (error as Error).message?.slice(0, 1000) || String(error);
      await notifications.recordFailedAttempt(this.dataSource.manager, row.id, reason, permanent || isLastAttempt);
      throw permanent ? new UnrecoverableError(`Refused permanently: ${reason}`) : error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.transport.close();
  }
}
