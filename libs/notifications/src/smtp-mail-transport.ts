import { createTransport, type SMTPPoolOptions, type SMTPPoolSentMessageInfo, type Transporter } from 'nodemailer';
import type { MailTransport, OutgoingMail, SentMail } from './mail-transport.js';
import { NO_CONTENT_ACCESS, toNodemailerMessage } from './nodemailer-message.js';

/** Connections the pool keeps open to the server (a new connection waits for the greeting: pooled is ~30× faster). */
export const SMTP_POOL_MAX_CONNECTIONS = 5;

// Nodemailer's defaults (2 min to connect, 10 min of socket silence) would hold a job far past its lock.
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 60_000 } as const;

/** Sends over a pooled SMTP connection to the server of an `smtp://` or `smtps://` URL (credentials in the URL). */
export class SmtpMailTransport implements MailTransport {
  private readonly transporter: Transporter<SMTPPoolSentMessageInfo, SMTPPoolOptions>;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    const protocol = URL.canParse(url) ? new URL(url).protocol : undefined;
    // The URL may hold a password: the message names the protocol, never the URL.
    if (protocol !== 'smtp:' && protocol !== 'smtps:')
      throw new Error(`The SMTP URL must be smtp:// or smtps://, not ${protocol ?? 'unparseable'}`);
    this.transporter = createTransport({
      url,
      pool: true,
      maxConnections: SMTP_POOL_MAX_CONNECTIONS,
      ...SMTP_TIMEOUTS,
      ...NO_CONTENT_ACCESS,
    });
  }

  /** Resolves once the server accepted the message; rejects with nodemailer's error otherwise (see isPermanentSmtpFailure). */
  async send(mail: OutgoingMail): Promise<SentMail> {
    const info = await this.transporter.sendMail(toNodemailerMessage(mail, this.from));
    return { messageId: info.messageId, response: info.response };
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}

/**
 * True when the server refused the message for good (a 5xx reply): retrying would be refused again.
 * False for 4xx replies, dropped connections and timeouts, which a later attempt may get through. Two 5xx
 * are not about the message: 503 (bad sequence of commands: the session, not the message) and a failed
 * login (EAUTH: our credentials, which an operator can fix while the retries wait).
 */
export function isPermanentSmtpFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { responseCode, code } = error as { responseCode?: unknown; code?: unknown };
  if (typeof responseCode !== 'number' || code === 'EAUTH') return false;
  return responseCode >= 500 && responseCode < 600 && responseCode !== 503;
}
