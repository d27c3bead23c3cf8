import { Module } from '@nestjs/common';
import { AuditModule } from '@near/audit';
import { NotificationLog } from './notification-log.service.js';
import { NotificationOutbox } from './notification-outbox.js';

/** Writing notifications (the outbox) and reading them back: what the API and the domain need. */
@Module({
  imports: [AuditModule],
  providers: [NotificationOutbox, NotificationLog],
  exports: [NotificationOutbox, NotificationLog],
})
export class NotificationsModule {}
