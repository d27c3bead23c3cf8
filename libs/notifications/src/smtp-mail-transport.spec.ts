import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { AddressInfo, Socket } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { OutgoingMail } from './mail-transport.js';
import { isPermanentSmtpFailure, SMTP_POOL_MAX_CONNECTIONS, SmtpMailTransport } from './smtp-mail-transport.js';

/** What the server does with the next message once it has its data: accept it, refuse it, or drop the connection. */
type Answer = 'accept' | 'drop' | { code: number; message: string };

const received: ParsedMail[] = [];
const answers: Answer[] = [];
const sockets = new Map<number, Socket>();
let connections = 0;
let dataCommands = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onConnect: (_session, callback) => {
    connections += 1;
    callback();
  },
  onData: (stream, session, callback) => {
    dataCommands += 1;
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const answer = answers.shift() ?? 'accept';
      if (answer === 'drop') {
        // All the data is in, no reply yet: the client cannot know whether the message was delivered.
        sockets.get(session.remotePort)?.destroy();
        return;
      }
      if (answer !== 'accept') {
        callback(Object.assign(new Error(answer.message), { responseCode: answer.code }));
        return;
      }
      simpleParser(Buffer.concat(chunks)).then(
        (mail) => {
          received.push(mail);
          callback(null, `Queued as ${received.length}`);
        },
        (error: Error) => callback(error),
      );
    });
  },
});
// The net.Server underneath: its sockets, by client port, so a test can cut one at a chosen moment.
server.server.on('connection', (socket: Socket) => {
  if (socket.remotePort !== undefined) sockets.set(socket.remotePort, socket);
});

let url = '';
const transports: SmtpMailTransport[] = [];
function transport(): SmtpMailTransport {
  const created = new SmtpMailTransport(url, 'NEAR Secretariat <secretariat@near.example>');
  transports.push(created);
  return created;
}

let sequence = 0;
function aMail(changes: Partial<OutgoingMail> = {}): OutgoingMail {
  sequence += 1;
  return {
    messageId: `<notification-${sequence}@notifications.near-admission>`,
    to: { address: 'officer@qinghai.example', name: 'Wang Li' },
    subject: '[NEAR-2026-0007] 가입 신청이 접수되었습니다',
    text: 'Dear Sir or Madam,\n\nYour application has been received.',
    html: '<!DOCTYPE html><html lang="ko"><body><p>Your application has been received.</p></body></html>',
    locale: 'ko',
    ...changes,
  };
}

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});

beforeEach(() => {
  received.length = 0;
  answers.length = 0;
  connections = 0;
  dataCommands = 0;
});

afterAll(async () => {
  await Promise.all(transports.map((created) => created.close()));
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('SmtpMailTransport', () => {
  it('delivers the message with our Message-ID, subject, text, HTML and Content-Language', async () => {
    const mail = aMail();
    const sent = await transport().send(mail);

    expect(sent).toEqual({ messageId: mail.messageId, response: expect.stringContaining('250') });
    expect(sent.response).toContain('Queued as 1');
    expect(received).toHaveLength(1);
    const [delivered] = received;
    expect(delivered.messageId).toBe(mail.messageId);
    expect(delivered.subject).toBe(mail.subject);
    expect(delivered.text?.trim()).toBe(mail.text);
    expect(delivered.html).toContain('<p>Your application has been received.</p>');
    expect(delivered.headers.get('content-language')).toBe('ko');
    expect(delivered.to).toMatchObject({ value: [{ address: 'officer@qinghai.example', name: 'Wang Li' }] });
    expect(delivered.from).toMatchObject({ value: [{ address: 'secretariat@near.example', name: 'NEAR Secretariat' }] });
  });

  it('accepts a Message-ID given without its angle brackets', async () => {
    const sent = await transport().send(aMail({ messageId: 'plain-42@notifications.near-admission' }));
    expect(sent.messageId).toBe('<plain-42@notifications.near-admission>');
    expect(received[0].messageId).toBe('<plain-42@notifications.near-admission>');
  });

  it('sends many messages over a few pooled connections', async () => {
    const pooled = transport();
    const mails = Array.from({ length: 20 }, () => aMail());

    await Promise.all(mails.map((mail) => pooled.send(mail)));
    await pooled.send(aMail());

    expect(received.map((mail) => mail.messageId)).toEqual(expect.arrayContaining(mails.map((mail) => mail.messageId)));
    expect(connections).toBeGreaterThan(0);
    expect(connections).toBeLessThanOrEqual(SMTP_POOL_MAX_CONNECTIONS);
  });

  it('rejects on a 550 refusal, as a permanent failure', async () => {
    answers.push({ code: 550, message: 'Mailbox unavailable' });
    const failure = await transport()
      .send(aMail())
      .then(
        () => undefined,
        (error: unknown) => error,
      );

    expect(failure).toMatchObject({ responseCode: 550 });
    expect(isPermanentSmtpFailure(failure)).toBe(true);
  });

  it('rejects on a 451 refusal, as a failure worth retrying', async () => {
    answers.push({ code: 451, message: 'Try again later' });
    const failure = await transport()
      .send(aMail())
      .then(
        () => undefined,
        (error: unknown) => error,
      );

    expect(failure).toMatchObject({ responseCode: 451 });
    expect(isPermanentSmtpFailure(failure)).toBe(false);
  });

  it('rejects when the server drops the connection after the data and before its reply, worth retrying', async () => {
    answers.push('drop');
    const failure = await transport()
      .send(aMail())
      .then(
        () => undefined,
        (error: unknown) => error,
      );

    expect(failure).toMatchObject({ code: 'ECONNECTION' });
    expect(isPermanentSmtpFailure(failure)).toBe(false);
    // Not silently sent again by the pool: whether to resend is the queue's decision.
    expect(dataCommands).toBe(1);
  });

  it('rejects when no server listens, worth retrying', async () => {
    const unreachable = new SmtpMailTransport('smtp://127.0.0.1:1', 'secretariat@near.example');
    transports.push(unreachable);
    const failure = await unreachable.send(aMail()).then(
      () => undefined,
      (error: unknown) => error,
    );

    expect(failure).toMatchObject({ code: 'ESOCKET' });
    expect(isPermanentSmtpFailure(failure)).toBe(false);
  });

  it('refuses a URL that is not smtp:// or smtps://, without repeating it', () => {
    expect(() => new SmtpMailTransport('http://user:secret@mail.example', 'a@b.example')).toThrow('not http:');
    expect(() => new SmtpMailTransport('http://user:secret@mail.example', 'a@b.example')).not.toThrow('secret');
  });
});

describe('isPermanentSmtpFailure', () => {
  it('reads the SMTP reply code nodemailer puts on its errors', () => {
    const failure = (fields: object) => Object.assign(new Error('refused'), fields);
    expect(isPermanentSmtpFailure(failure({ responseCode: 554 }))).toBe(true);
    expect(isPermanentSmtpFailure(failure({ responseCode: 421 }))).toBe(false);
    // Bad sequence of commands: the session was wrong, not the message.
    expect(isPermanentSmtpFailure(failure({ responseCode: 503 }))).toBe(false);
    // Our credentials, not the message: retried while someone fixes them.
    expect(isPermanentSmtpFailure(failure({ responseCode: 535, code: 'EAUTH' }))).toBe(false);
    expect(isPermanentSmtpFailure(failure({ code: 'ETIMEDOUT' }))).toBe(false);
    expect(isPermanentSmtpFailure('550 as a string')).toBe(false);
    expect(isPermanentSmtpFailure(undefined)).toBe(false);
  });
});
