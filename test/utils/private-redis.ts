import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { jest } from '@jest/globals';
import { freePort } from './free-port.js';

/**
 * A Redis of the test's own, as a child process on its own port, without persistence: `stop()` kills it
 * (SIGKILL, as a crash would) and `start()` again brings it back on the same port, empty.
 */
export class PrivateRedis {
  private child?: ChildProcess;
  private exited?: Promise<unknown>;
  port = 0;

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  async start(): Promise<this> {
    if (this.child) return this;
    this.port ||= await freePort();
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    this.child = child;
    this.exited = once(child, 'exit');
    const deadline = Date.now() + 10_000;
    while (!(await answersPing(this.port))) {
      if (child.exitCode !== null || Date.now() > deadline) {
        await this.stop();
        throw new Error(`redis-server did not start on port ${this.port}: ${output}`);
      }
      await new Promise((done) => setTimeout(done, 25));
    }
    return this;
  }

  /** Kills the server at once: no shutdown, no save, every connection dropped. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await this.exited;
  }
}

/** True when a Redis on the port answers PING with +PONG. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk: Buffer) => done(chunk.toString().startsWith('+PONG')));
  });
}

/** What BullMQ prints (console.error, having no 'error' listener) each time it fails to reach a stopped Redis on the port. */
export function isRedisConnectionError(value: unknown, port: number): boolean {
  // Duck-typed: errors made by Node's own modules are not instances of the test realm's Error.
  const { code, message } = (value ?? {}) as { code?: unknown; message?: unknown };
  if (typeof message !== 'string') return false;
  return (['ECONNREFUSED', 'ECONNRESET'].includes(String(code)) && message.includes(`:${port}`)) || message === 'Connection is closed.';
}

/**
 * Keeps the console quiet about what BullMQ prints each time it fails to reach this Redis while a test keeps it
 * stopped; anything else is still printed. Undone by jest.restoreAllMocks().
 */
export function hideOutagesOf(redis: PrivateRedis): void {
  const print = console.error.bind(console);
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (!isRedisConnectionError(args[0], redis.port)) print(...args);
  });
}
