// Notifications: the outbox rows every change writes in its own transaction, the relay that queues them
// after commit, the templates per event and language, and the mail transports that send them.
export * from './notification-events.js';
export { correctionsText, ENGLISH_CORRECTION_WORDS } from './phrases/corrections.js';
export { sessionWhenInEnglish } from './phrases/english-phrases.js';
export { UTC_ZONE } from './phrases/intl-dates.js';
export { NotificationOutbox, type OutboxEntry } from './notification-outbox.js';
export { NOTIFICATION_STATUSES, type NotificationStatus, type NotificationRecord, type Recipient } from './notification-record.js';
export { NotificationLog, NotificationError, NotificationErrorCode } from './notification-log.service.js';
export { OutboxRelay } from './outbox-relay.service.js';
export { NotificationSender, type SendOutcome } from './notification-sender.service.js';
export { messageIdOf } from './message-id.js';
export { TemplateCatalog } from './template-catalog.js';
export { type MailTransport, type OutgoingMail, type SentMail } from './mail-transport.js';
export { MAIL_TRANSPORT } from './mail-transport.token.js';
export { NotificationsModule } from './notifications.module.js';
export { NotificationDeliveryModule } from './notification-delivery.module.js';
