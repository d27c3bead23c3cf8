import { randomBytes } from 'node:crypto';
import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { ensureDatabaseExists } from '@near/database';
import { createTestDatabase, type TestDatabase } from './utils/test-database.js';
import { API_ENTRY, spawnEntry, waitFor, WORKER_ENTRY } from './utils/spawn-app.js';

/** One the password rules accept, for the production starts that fail for another reason. */
const ADMIN_PASSWORD = 'tumen river ferry at dawn';
const CLOSED_PORT_URL = 'postgres://postgres:postgres@127.0.0.1:9/near';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

async function queryOnce(url: string, text: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

describe('starting the processes', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it.each([
    ['a port that is not a number', { PORT: 'eighty' }, /^near-api: configuration error: PORT must be an integer number \(got "eighty"\)$/],
    [
      'a database URL of another kind',
      { DATABASE_URL: 'mysql://x' },
      /^near-api: configuration error: DATABASE_URL must be a postgres:\/\/ URL$/,
    ],
    [
      'production without JWT_SECRET',
      { NODE_ENV: 'production', ADMIN_PASSWORD: ADMIN_PASSWORD },
      /^near-api: configuration error: JWT_SECRET is required when NODE_ENV=production$/,
    ],
    [
      'production without ADMIN_PASSWORD',
      { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) },
      /^near-api: configuration error: ADMIN_PASSWORD is required when NODE_ENV=production$/,
    ],
    [
      'production without LOG_SIGNING_KEY',
      { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), ADMIN_PASSWORD: ADMIN_PASSWORD },
      /^near-api: configuration error: LOG_SIGNING_KEY is required when NODE_ENV=production \(npm run log:keygen -- <origin> prints one\)$/,
    ],
    [
      'production with the development ADMIN_PASSWORD',
      { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), ADMIN_PASSWORD: 'admin-password-dev' },
      /^near-api: configuration error: ADMIN_PASSWORD is the published development default; choose another when NODE_ENV=production$/,
    ],
    [
      'production with a common ADMIN_PASSWORD',
      { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), ADMIN_PASSWORD: 'qwertyuiop123' },
      /^near-api: configuration error: ADMIN_PASSWORD is one of the passwords most often used or found in breaches; choose another \(the password rules apply to it too\)$/,
    ],
    [
      "production with an ADMIN_PASSWORD containing the admin's e-mail",
      { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), ADMIN_PASSWORD: 'admin-password-2026', ADMIN_EMAIL: 'admin@near.example' },
      /^near-api: configuration error: ADMIN_PASSWORD must not contain your e-mail address or the part before the @ \(the password rules apply to it too\)$/,
    ],
    [
      'an unreachable PostgreSQL',
      { DATABASE_URL: CLOSED_PORT_URL },
      /^near-api: Cannot reach PostgreSQL at 127\.0\.0\.1:9 \(.+\)\. Start it with `docker compose up -d` or set DATABASE_URL\.$/,
    ],
    [
      'an unreachable Redis',
      { REDIS_URL: 'redis://127.0.0.1:9' },
      /^near-api: Cannot reach Redis at 127\.0\.0\.1:9 \(.+\)\. Start it with `docker compose up -d` or set REDIS_URL\.$/,
    ],
  ])('refuses to start the API with %s, in one line and a non-zero exit code', async (_, env, line) => {
    const api = spawnEntry(API_ENTRY, { DATABASE_URL: database.url, PORT: String(await freePort()), ...env });
    const { code } = await api.exited;
    expect(code).toBe(1);
    expect(api.stderr().trimEnd().split('\n')).toEqual([expect.stringMatching(line)]);
  });

  it('refuses to start the worker with an unreachable PostgreSQL, in one line', async () => {
    const worker = spawnEntry(WORKER_ENTRY, { DATABASE_URL: CLOSED_PORT_URL });
    expect((await worker.exited).code).toBe(1);
    expect(worker.stderr().trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^near-worker: Cannot reach PostgreSQL at 127\.0\.0\.1:9/),
    ]);
  });

  it('serves /health and /docs within 60 s with demo data, prints the demo logins, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const api = spawnEntry(API_ENTRY, {
      DATABASE_URL: database.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_DATA: 'true',
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
    });
    const worker = spawnEntry(WORKER_ENTRY, { DATABASE_URL: database.url, NODE_ENV: 'development', LOG_LEVEL: 'info' });
    try {
      await waitFor(async () => ((await fetch(`http://127.0.0.1:${port}/health`)).status === 200 ? true : undefined), 60_000, '/health');
      expect((await fetch(`http://127.0.0.1:${port}/docs`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/app/`)).headers.get('content-type')).toMatch(/^text\/html/);
      await waitFor(async () => (api.stdout().includes('delegate-demo') ? true : undefined), 5_000, 'the banner');
      expect(api.stdout()).toContain(`NEAR admission system is ready: http://127.0.0.1:${port}`);
      expect(api.stdout()).toContain(`Web app:             http://127.0.0.1:${port}/app/`);
      expect(api.stdout()).toContain('secretariat@near.example / secretariat-demo');
      const login = await fetch(`http://127.0.0.1:${port}/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'delegate.bayan-olgii@near.example', password: 'delegate-demo' }),
      });
      expect(login.status).toBe(200);
    } finally {
      api.child.kill('SIGTERM');
      worker.child.kill('SIGTERM');
    }
    // Nest closes every module on SIGTERM, then ends the process with the same signal.
    for (const stopped of [api, worker]) {
      expect(await stopped.exited).toEqual({ code: null, signal: 'SIGTERM' });
      expect(stopped.stderr()).toBe('');
      expect(stopped.stdout()).toContain('Stopping on SIGTERM: finishing the work in hand');
    }
  });

  it('stops on SIGTERM while it is still starting', async () => {
    // A PostgreSQL that takes connections and never answers holds the worker in its start-up checks.
    const held = new Set<Socket>();
    const silent = createServer((socket) => held.add(socket));
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    const { port } = silent.address() as { port: number };
    const worker = spawnEntry(WORKER_ENTRY, { DATABASE_URL: `postgres://postgres:postgres@127.0.0.1:${port}/near`, LOG_LEVEL: 'info' });
    try {
      await waitFor(async () => (held.size > 0 ? true : undefined), 30_000, 'the worker to connect');
      const sent = Date.now();
      worker.child.kill('SIGTERM');
      // Not after its 3 s wait for PostgreSQL, and not as a failed start: stopped, by the signal.
      expect(await worker.exited).toEqual({ code: null, signal: 'SIGTERM' });
      expect(Date.now() - sent).toBeLessThan(2_000);
      expect(worker.stdout()).toContain('Stopping on SIGTERM');
    } finally {
      worker.child.kill('SIGKILL');
      for (const socket of held) socket.destroy();
      await new Promise((done) => silent.close(done));
    }
  });

  it('creates a missing database once when processes start together, as the API and the worker of npm start do', async () => {
    const name = `near_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    const url = new URL(database.url);
    url.pathname = `/${name}`;
    try {
      // Those that lose the race see the name taken, before or after the winner's commit: each goes on.
      await Promise.all(Array.from({ length: 6 }, () => ensureDatabaseExists(url.toString())));
      expect(await queryOnce(url.toString(), 'SELECT current_database() AS name')).toEqual([{ name }]);
    } finally {
      await queryOnce(database.url, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)}`);
    }
  });

  it('creates one admin and logs no warning when two APIs start at once on an empty database', async () => {
    const empty = await createTestDatabase();
    const ports = [await freePort(), await freePort()];
    const apis = ports.map((port) =>
      spawnEntry(API_ENTRY, { DATABASE_URL: empty.url, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', DEMO_DATA: 'false' }),
    );
    try {
      for (const port of ports) {
        await waitFor(async () => ((await fetch(`http://127.0.0.1:${port}/health`)).status === 200 ? true : undefined), 60_000, '/health');
      }
      const admins = await queryOnce(empty.url, `SELECT email FROM users WHERE role = 'admin'`);
      expect(admins).toEqual([{ email: 'admin@near.example' }]);
      const lines = apis
        .flatMap((api) => api.stdout().split('\n').filter(Boolean))
        .map((line) => JSON.parse(line) as { level: number; msg: string });
      expect(lines.filter((line) => line.msg.startsWith('Created the first admin user'))).toHaveLength(1);
      // An operator sees that the schema changed, once: the other API waited for the lock and found nothing to apply.
      const applied = lines.filter((line) => line.msg.startsWith('Applied '));
      expect(applied).toEqual([expect.objectContaining({ msg: expect.stringMatching(/^Applied \d+ migration\(s\): Foundation\d+, /) })]);
      expect(lines.filter((line) => line.level >= 40)).toEqual([]);
    } finally {
      for (const api of apis) api.child.kill('SIGTERM');
      await Promise.all(apis.map((api) => api.exited));
      await empty.drop();
    }
  });
});
