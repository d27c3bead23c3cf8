import type { AddressInfo, Socket } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  language: string | undefined;
}

/** What the server answers to the next message's data: accept it, refuse it, or drop the connection. */
export type Answer = 'accept' | { code: number; message: string } | 'drop';

/**
 * A real SMTP server inside the test process. `answers` is consumed one per message received; when it is
 * empty every message is accepted.
 */
export class Mailbox {
  readonly received: ReceivedMail[] = [];
  /** The messages whose connection was dropped after their data ('drop'): the sender cannot know they were not delivered. */
  readonly dropped: ReceivedMail[] = [];
  readonly answers: Answer[] = [];
  /** Errors of client connections (e.g. ECONNRESET from a killed client), kept rather than thrown. */
  readonly connectionErrors: Error[] = [];
  private server?: SMTPServer;
  private readonly sockets = new Map<number, Socket>();
  port = 0;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null) => void) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const answer = this.answers.shift() ?? 'accept';
          if (answer === 'drop') {
            // After the message data, before any reply: the client cannot know whether it was delivered.
            this.sockets.get(session.remotePort)?.destroy();
            void parse(Buffer.concat(chunks)).then((mail) => this.dropped.push(mail));
            return;
          }
          if (answer !== 'accept') {
            const error = Object.assign(new Error(answer.message), { responseCode: answer.code });
            callback(error);
            return;
          }
          void parse(Buffer.concat(chunks)).then((mail) => {
            this.received.push(mail);
            callback();
          });
        });
      },
    });
    // A client that dies (a worker killed mid-session) resets its connection: not the test's failure.
    this.server.on('error', (error: Error) => this.connectionErrors.push(error));
    this.server.server.on('connection', (socket: Socket) => {
      if (socket.remotePort) this.sockets.set(socket.remotePort, socket);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to.includes(address));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

async function parse(data: Buffer): Promise<ReceivedMail> {
  const mail: ParsedMail = await simpleParser(data);
  return {
    messageId: mail.messageId ?? '',
    to: Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.value[0]?.address ?? ''),
    subject: mail.subject ?? '',
    text: mail.text ?? '',
    html: typeof mail.html === 'string' ? mail.html : '',
    language: mail.headers.get('content-language') as string | undefined,
  };
}
