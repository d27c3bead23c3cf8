import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { TransparencyLog } from '@near/audit';
import { AppConfig } from '@near/config';
import { logRecordBlock } from './log-record-block.js';
import { isPermanentSmtpFailure } from './smtp-mail-transport.js';
import type { MailTransport } from './mail-transport.js';
import { MAIL_TRANSPORT } from './mail-transport.token.js';
import type { Locale } from '@near/common';
import { messageIdOf } from './message-id.js';
import * as notifications from './notification.repository.js';
import { type NotificationData, type NotificationEvent, SESSION_EVENTS } from './notification-events.js';
import { type MessageAddress, TemplateCatalog } from './template-catalog.js';

/** How long a decision's e-mail waits in hand for its checkpoint before failing to be retried: 8 × 500 ms. */
const LOG_RECORD_WAITS = 8;
const LOG_RECORD_WAIT_MS = 500;

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
    private readonly log: TransparencyLog,
    private readonly config: AppConfig,
  ) {}

  /** `isLastAttempt`: this failure, if it fails, is the last BullMQ will try. */
  async send(notificationId: string, isLastAttempt: boolean): Promise<SendOutcome> {
    const row = await notifications.findOutgoing(this.dataSource.manager, notificationId);
    if (!row) return 'gone';
    if (row.status === 'sent') return 'already-sent';
    const event = row.event as NotificationEvent;
    const data = JSON.parse(row.data) as NotificationData[typeof event] & { page?: string };
    const rendered = this.templates.render(event, row.locale, data, this.addressOf(event, row, data.page === 'agenda'));
    if (row.event === 'decision' && row.application_id) await this.withLogRecord(rendered, row.application_id);
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

  /** The recipient by name and time zone, and the page the message is about: its application, or a session's agenda. */
  private addressOf(
    event: NotificationEvent,
    row: { recipient_name: string | null; application_id: string | null; time_zone: string | null },
    toAgenda: boolean,
  ): MessageAddress {
    const app = `${this.config.http.appUrl}/app`;
    const reader = { addressee: row.recipient_name, timeZone: row.time_zone };
    if (toAgenda) return { ...reader, page: { kind: 'agenda', url: `${app}/` } };
    if (row.application_id) return { ...reader, page: { kind: 'application', url: `${app}/applications/${row.application_id}` } };
    if ((SESSION_EVENTS as readonly string[]).includes(event)) return { ...reader, page: { kind: 'agenda', url: `${app}/` } };
    return reader;
  }

  /**
   * A decision carries the log's record of it: the first signed checkpoint holding the decision's entry, its
   * leaf index and inclusion proof. The integrator signs within a second or so of the commit; until then the
   * send waits a little, then fails to be retried (BullMQ's backoff).
   */
  private async withLogRecord(rendered: { text: string; html: string; locale: string }, applicationId: string): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      const inclusion = await this.log.inclusionOfLatest('application', applicationId, 'application.close-ballot');
      if (inclusion === 'none') return;
      if (inclusion !== 'pending') {
        const block = logRecordBlock(rendered.locale as Locale, inclusion);
        rendered.text += block.text;
        rendered.html = rendered.html.includes('</main>')
          ? rendered.html.replace('</main>', `${block.html}</main>`)
          : rendered.html + block.html;
        return;
      }
      if (attempt >= LOG_RECORD_WAITS) throw new Error('The decision is not yet in a signed checkpoint of the transparency log');
      await new Promise((resolve) => setTimeout(resolve, LOG_RECORD_WAIT_MS));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.transport.close();
  }
}
