/** One rendered message for one recipient, as the worker hands it to a transport. */
export interface OutgoingMail {
  /** The Message-ID, derived from the notification id so that a message sent twice is recognisably the same. */
  messageId: string;
  to: { address: string; name?: string };
  subject: string;
  text: string;
  html: string;
  /** The language the message is written in, sent as Content-Language. */
  locale: string;
}

export interface SentMail {
  /** The Message-ID header as sent, in angle brackets. */
  messageId: string;
  /** What the receiving side said: the SMTP server's reply line, or where the file was written. */
  response: string;
}

/** Where mail goes: SMTP in production, `.eml` files in development. `send` rejects on any failure, so the queue retries. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<SentMail>;
  close(): Promise<void>;
}
