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
  };
}

/** Transport options that keep nodemailer from reading files or URLs named in message content. */
export const NO_CONTENT_ACCESS = { disableFileAccess: true, disableUrlAccess: true } as const;
