export const NOTIFICATION_STATUSES = ['pending', 'queued', 'sent', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** One person an e-mail goes to: a user (with its id) or someone named in a record, such as an application's contact. */
export interface Recipient {
  address: string;
  name: string | null;
  userId: string | null;
  locale: string;
  /** IANA zone the times of the message are given in; null or left out where not known (UTC, said as such). */
  timeZone?: string | null;
}

/** An outbox row as the Secretariat's log shows it. */
export interface NotificationRecord {
  id: string;
  event: string;
  applicationId: string | null;
  recipient: string;
  locale: string;
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  messageId: string | null;
  createdAt: Date;
  queuedAt: Date | null;
  sentAt: Date | null;
}

/** What the sender needs of a row. */
export interface OutgoingRow {
  id: string;
  event: string;
  application_id: string | null;
  recipient: string;
  recipient_name: string | null;
  locale: string;
  time_zone: string | null;
  data: string;
  status: NotificationStatus;
}
