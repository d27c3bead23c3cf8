import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { sleep } from './stats.js';

/**
 * A real SMTP server in the bench process that accepts every message and only counts it (no parsing, so
 * the server is never what limits the rate). `acceptedAt` is when the last message was accepted.
 */
export class SmtpSink {
  accepted = 0;
  bytes = 0;
  acceptedAt = 0n;
  private server?: SMTPServer;
  port = 0;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // Up to 5 pooled connections from the worker and as many from the raw baseline, with room to spare.
      maxClients: 100,
      onData: (stream: SMTPServerDataStream, _session, callback: (error?: Error | null) => void) => {
        stream.on('data', (chunk: Buffer) => (this.bytes += chunk.length));
        stream.on('end', () => {
          this.accepted += 1;
          this.acceptedAt = process.hrtime.bigint();
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Resolves when `count` messages in all have been accepted; false if `timeoutMs` passed first. */
  async waitFor(count: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.accepted < count) {
      if (Date.now() > deadline) return false;
      await sleep(20);
    }
    return true;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
