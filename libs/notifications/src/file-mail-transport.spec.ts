import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { FileMailTransport } from './file-mail-transport.js';
import type { OutgoingMail } from './mail-transport.js';
import { createMailTransport } from './mail-transport-factory.js';
import { messageIdOf } from './message-id.js';
import { SmtpMailTransport } from './smtp-mail-transport.js';

const root = mkdtempSync(join(tmpdir(), 'near-mail-'));
const transports: { close(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(transports.map((transport) => transport.close()));
  rmSync(root, { recursive: true, force: true });
});

const mail: OutgoingMail = {
  messageId: '<3f2b9c1e-8d4a-4b7e-9a51-0c6d2e7f1a90@notifications.near-admission>',
  to: { address: 'officer@qinghai.example' },
  subject: '[NEAR-2026-0007] Application received',
  text: 'Dear Sir or Madam,\n\nYour application has been received.',
  html: '<!DOCTYPE html><html lang="en"><body><p>Your application has been received.</p></body></html>',
  locale: 'en',
};

describe('FileMailTransport', () => {
  it('writes the message as a parseable .eml named after its Message-ID, creating the folder', async () => {
    const folder = join(root, 'var', 'mail');
    const transport = new FileMailTransport(folder, 'NEAR Secretariat <secretariat@near.example>');
    transports.push(transport);

    const sent = await transport.send(mail);

    const fileName = '3f2b9c1e-8d4a-4b7e-9a51-0c6d2e7f1a90_notifications.near-admission.eml';
    expect(readdirSync(folder)).toEqual([fileName]);
    expect(sent).toEqual({ messageId: mail.messageId, response: `written to ${join(folder, fileName)}` });
    const raw = readFileSync(join(folder, fileName));
    expect(raw.toString('latin1')).toContain('\r\n');
    const parsed = await simpleParser(raw);
    expect(parsed.messageId).toBe(mail.messageId);
    expect(parsed.subject).toBe(mail.subject);
    expect(parsed.text?.trim()).toBe(mail.text);
    expect(parsed.html).toContain('<p>Your application has been received.</p>');
    expect(parsed.headers.get('content-language')).toBe('en');
    expect(parsed.from).toMatchObject({ value: [{ address: 'secretariat@near.example' }] });
  });

  it('writes a message sent twice to the same file', async () => {
    const folder = join(root, 'twice');
    const transport = new FileMailTransport(folder, 'secretariat@near.example');
    transports.push(transport);

    await transport.send(mail);
    await transport.send({ ...mail, subject: '[NEAR-2026-0007] Application received (again)' });

    expect(readdirSync(folder)).toHaveLength(1);
  });
});

describe('createMailTransport', () => {
  it('sends over SMTP when a server is configured, to files otherwise', () => {
    const smtp = createMailTransport({ smtpUrl: 'smtp://127.0.0.1:2525', directory: root, from: 'a@near.example' });
    const files = createMailTransport({ directory: root, from: 'a@near.example' });
    transports.push(smtp, files);

    expect(smtp).toBeInstanceOf(SmtpMailTransport);
    expect(files).toBeInstanceOf(FileMailTransport);
  });
});

describe('messageIdOf', () => {
  it('gives one notification always the same Message-ID, and different notifications different ones', () => {
    const id = '3f2b9c1e-8d4a-4b7e-9a51-0c6d2e7f1a90';
    expect(messageIdOf(id)).toBe(messageIdOf(id));
    expect(messageIdOf(id)).toMatch(/^<3f2b9c1e-8d4a-4b7e-9a51-0c6d2e7f1a90@[a-z.-]+>$/);
    expect(messageIdOf('another')).not.toBe(messageIdOf(id));
    expect(() => messageIdOf('has space')).toThrow('Not a Message-ID');
  });
});
