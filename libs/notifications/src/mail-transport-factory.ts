import { FileMailTransport } from './file-mail-transport.js';
import type { MailTransport } from './mail-transport.js';
import { SmtpMailTransport } from './smtp-mail-transport.js';

/** SMTP when a server is configured (`SMTP_URL`), otherwise `.eml` files in the mail folder (`MAIL_DIR`). */
export function createMailTransport(config: { smtpUrl?: string; directory: string; from: string }): MailTransport {
  return config.smtpUrl ? new SmtpMailTransport(config.smtpUrl, config.from) : new FileMailTransport(config.directory, config.from);
}
