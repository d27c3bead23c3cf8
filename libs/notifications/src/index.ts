// Notifications: the outbox rows every change writes in its own transaction, and the record of each one sent.
// Delivering them (the relay, the templates per event and language, the mail transports) is the worker's:
// `@near/notifications/delivery`.
export * from './notification-events.js';
export { correctionsText, ENGLISH_CORRECTION_WORDS } from './phrases/corrections.js';
export { sessionWhenInEnglish } from './phrases/english-phrases.js';
export { UTC_ZONE } from './phrases/intl-dates.js';
export { NotificationOutbox, type OutboxEntry } from './notification-outbox.js';
export { NOTIFICATION_STATUSES, type NotificationStatus, type NotificationRecord, type Recipient } from './notification-record.js';
export { NotificationLog, NotificationError, NotificationErrorCode } from './notification-log.service.js';
export { messageIdOf } from './message-id.js';
export { NotificationsModule } from './notifications.module.js';
