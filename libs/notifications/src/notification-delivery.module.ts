import { Module } from '@nestjs/common';
import { AppConfig } from '@near/config';
import { QueuesModule } from '@near/queue';
import { AuditModule } from '@near/audit';
import { createMailTransport } from './mail-transport-factory.js';
import { MAIL_TRANSPORT } from './mail-transport.token.js';
import { NotificationSender } from './notification-sender.service.js';
import { OutboxRelay } from './outbox-relay.service.js';
import { TemplateCatalog } from './template-catalog.js';

/** Delivering notifications (the relay, templates, the mail transport): what the worker runs. */
@Module({
  imports: [QueuesModule, AuditModule],
  providers: [
    OutboxRelay,
    NotificationSender,
    // Loaded and checked at boot: a broken template stops the worker from starting.
    { provide: TemplateCatalog, useFactory: () => TemplateCatalog.load() },
    { provide: MAIL_TRANSPORT, inject: [AppConfig], useFactory: (config: AppConfig) => createMailTransport(config.mail) },
  ],
  exports: [NotificationSender, OutboxRelay],
})
export class NotificationDeliveryModule {}
