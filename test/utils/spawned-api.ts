import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { TEST_JWT_SECRET, type TestApp } from './create-test-app.js';
import { freePort } from './free-port.js';
import { API_ENTRY, spawnEntry, type SpawnedProcess, waitFor } from './spawn-app.js';

/**
 * The built API as a process of its own (`node dist/.../main.js`, as an operator runs it), and a pg pool
 * on its database for set-up and checks. `testApp` lets the fixtures (which need only `http()` and
 * `dataSource.query`) work against it as they do against the in-process app.
 */
export interface SpawnedApi {
  process: SpawnedProcess;
  port: number;
  baseUrl: string;
  pool: pg.Pool;
  testApp: TestApp;
  /** SIGKILLs the process if it still runs, closes the pool and deletes the keys of its Redis prefix. */
  kill(): Promise<void>;
}

export async function spawnApi(databaseUrl: string, env: Record<string, string> = {}, startTimeoutMs = 30_000): Promise<SpawnedApi> {
  const port = await freePort();
  const settings = {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    JWT_SECRET: TEST_JWT_SECRET,
    REDIS_URL: 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `near-faults-${randomBytes(4).toString('hex')}`,
    DEMO_DATA: 'false',
    ...env,
  };
  const child = spawnEntry(API_ENTRY, settings);
  const baseUrl = `http://127.0.0.1:${port}`;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  // A test that stops PostgreSQL drops the pool's idle connections too; that is expected, not a crash.
  pool.on('error', () => undefined);
  const kill = async () => {
    if (child.child.exitCode === null && child.child.signalCode === null) child.child.kill('SIGKILL');
    await child.exited;
    await pool.end().catch(() => undefined);
    await deleteKeys(settings.REDIS_URL, settings.REDIS_PREFIX).catch(() => undefined);
  };
  let exit: unknown;
  void child.exited.then((result) => (exit = result));
  const started = await waitFor(
    async () => (exit ? 'exited' : (await fetch(`${baseUrl}/health`)).status === 200 ? 'up' : undefined),
    startTimeoutMs,
    'the API to answer /health',
  ).catch(async (error: unknown) => {
    await kill();
    throw error;
  });
  if (started === 'exited') {
    await kill();
    throw new Error(`The API exited while starting (${JSON.stringify(exit)}): ${child.stderr()}`);
  }
  const dataSource = { query: async (text: string, parameters?: unknown[]) => (await pool.query(text, parameters)).rows };
  const testApp = {
    http: () => request(baseUrl),
    dataSource: dataSource as unknown as DataSource,
  } as unknown as TestApp;
  return { process: child, port, baseUrl, pool, testApp, kill };
}

/** Deletes the keys the API left under its prefix (the outbox relay queues jobs nobody consumes here). */
async function deleteKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 500 }) as AsyncIterable<string[]>) {
      if (keys.length > 0) await redis.del(...keys);
    }
  } finally {
    redis.disconnect();
  }
}
