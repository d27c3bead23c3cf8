import { messageIdHeader } from './message-id-header.js';

// A domain of our own on the right: Message-IDs need one, and this one names the system that sent the mail.
const MESSAGE_ID_DOMAIN = 'notifications.near-admission';

/** The Message-ID of a notification: always the same for one notification, so a resent message is recognisable. */
export function messageIdOf(notificationId: string): string {
  return messageIdHeader(`${notificationId}@${MESSAGE_ID_DOMAIN}`);
}
