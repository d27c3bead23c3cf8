// Delivering notifications, for the worker: the relay that queues outbox rows, the templates, the sender and the
// mail transports. An entry of its own (`@near/notifications/delivery`) so that the API, which only writes and
// reads notifications, never loads nodemailer.
export { OutboxRelay } from './outbox-relay.service.js';
export { NotificationSender, type SendOutcome } from './notification-sender.service.js';
export { TemplateCatalog } from './template-catalog.js';
export { type MailTransport, type OutgoingMail, type SentMail } from './mail-transport.js';
export { MAIL_TRANSPORT } from './mail-transport.token.js';
export { NotificationDeliveryModule } from './notification-delivery.module.js';
