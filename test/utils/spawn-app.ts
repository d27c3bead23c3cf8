import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const API_ENTRY = resolve('dist/apps/api/apps/api/src/main.js');
export const WORKER_ENTRY = resolve('dist/apps/worker/apps/worker/src/main.js');
/** Where a worker without SMTP_URL writes its e-mails in tests: not the checkout's var/mail, which keeps them. */
export const TEST_MAIL_DIR = join(tmpdir(), `near-test-mail-${process.pid}`);

export interface SpawnedProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs a built entry point (`npm test` builds first) as its own process, as an operator would. */
export function spawnEntry(entry: string, env: Record<string, string>, args: string[] = []): SpawnedProcess {
  return spawnCommand(process.execPath, [entry, ...args], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'warn', LOG_FORMAT: 'json', MAIL_DIR: TEST_MAIL_DIR, ...env },
  });
}

/** Runs a command with exactly the environment given (in `cwd`), keeping what it prints. */
export function spawnCommand(command: string, args: string[], options: { env: Record<string, string>; cwd?: string }): SpawnedProcess {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null }));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 200));
  }
}
