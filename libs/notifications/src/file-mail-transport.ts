import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createTransport, type StreamSentMessageInfo, type StreamTransportOptions, type Transporter } from 'nodemailer';
import type { MailTransport, OutgoingMail, SentMail } from './mail-transport.js';
import { messageIdFileName } from './message-id-header.js';
import { NO_CONTENT_ACCESS, toNodemailerMessage } from './nodemailer-message.js';

/**
 * Development without an SMTP server: each message becomes `<message id>.eml` (RFC 5322, CRLF) in a folder,
 * readable by any mail client. A message sent again replaces its file, as it carries the same Message-ID.
 */
export class FileMailTransport implements MailTransport {
  private readonly folder: string;
  private readonly composer: Transporter<StreamSentMessageInfo, StreamTransportOptions> = createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
    ...NO_CONTENT_ACCESS,
  });

  constructor(
    directory: string,
    private readonly from: string,
  ) {
    this.folder = resolve(directory);
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    const info = await this.composer.sendMail(toNodemailerMessage(mail, this.from));
    await mkdir(this.folder, { recursive: true });
    const path = join(this.folder, `${messageIdFileName(info.messageId)}.eml`);
    // Written aside then renamed: a reader of the folder never sees half a message.
    const partial = `${path}.${process.pid}.partial`;
    await writeFile(partial, info.message as Buffer);
    await rename(partial, path);
    return { messageId: info.messageId, response: `written to ${path}` };
  }

  async close(): Promise<void> {
    this.composer.close();
  }
}
