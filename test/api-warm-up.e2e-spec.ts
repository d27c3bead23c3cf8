import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { warmUp } from '../apps/api/src/warm-up.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';
import { spawnApi } from './utils/spawned-api.js';
import { aMigratedTestDatabase } from './utils/test-database.js';

/** The number of rows in every table: what a warm-up must leave as it found it. */
async function rowCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const tables: { name: string }[] = await dataSource.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) [{ n: counts[name] }] = await dataSource.query(`SELECT count(*)::int AS n FROM "${name}"`);
  return counts;
}

describe('the warm-up of the cast path before the API listens', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await createTestApp();
  });
  afterAll(async () => {
    await api.close();
  });

  it('has every cast refused, over HTTP and by the ballot box, and writes nothing', async () => {
    const before = await rowCounts(api.dataSource);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['ballots', 'audit_events', 'notifications', 'log_leaves']));
    expect(await warmUp(api.app, 205)).toEqual({ http: { 401: 205 }, ballotBox: { 'application-not-found': 205 } });
    expect(await rowCounts(api.dataSource)).toEqual(before);
  });

  it('runs in the started API before it listens, and keeps its casts out of the access log', async () => {
    const database = await aMigratedTestDatabase();
    const spawned = await spawnApi(database.url, { WARM_UP_CASTS: '300', LOG_LEVEL: 'info' });
    try {
      const logged = () => spawned.process.stdout();
      const lines = logged()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { context?: string; msg: string });
      expect(lines.find((line) => line.context === 'WarmUp')?.msg).toMatch(
        /^300 casts refused in \d+ ms: \{"http":\{"401":300\},"ballotBox":\{"application-not-found":300\}\}$/,
      );
      expect(logged()).not.toMatch(/\/applications\/[0-9a-f-]{36}\/ballot/);
      // A request someone sent is logged as ever.
      const url = `/applications/${randomUUID()}/ballot`;
      await spawned.testApp.http().put(url).send({ choice: 'yes' }).expect(401);
      const deadline = Date.now() + 5000;
      while (!logged().includes(url) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(logged()).toContain(url);
    } finally {
      await spawned.kill();
      await database.drop();
    }
  });
});
