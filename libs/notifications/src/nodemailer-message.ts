import type { SendMailOptions } from 'nodemailer';
import type { OutgoingMail } from './mail-transport.js';
import { messageIdHeader } from './message-id-header.js';

/** The same message whichever transport sends it: our Message-ID (not one nodemailer invents) and its language. */
export function toNodemailerMessage(mail: OutgoingMail, from: string): SendMailOptions {
  return {
    from,
    to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: messageIdHeader(mail.messageId),
    headers: { 'Content-Language': mail.locale },
    // Base64, not nodemailer's quoted-printable, for the text and HTML parts: most of our messages are in Korean,
    // Chinese, Japanese, Russian or Mongolian, which quoted-printable triples in size, and Node encodes base64
    // natively where quoted-printable is a loop in JavaScript (a third of the time it takes to build a message).
    textEncoding: 'base64',
  };
}

/** Transport options that keep nodemailer from reading files or URLs named in message content. */
export const NO_CONTENT_ACCESS = { disableFileAccess: true, disableUrlAccess: true } as const;
