import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dataSourceOptions, pgErrorCode, PgErrorCode, together } from '@near/database';
import { TcpProxy } from './utils/tcp-proxy.js';
import { createTestDatabase, type TestDatabase } from './utils/test-database.js';

const ONE_WAY_MS = 60;

/**
 * The steps of a transaction that `together` runs side by side, through the app's own connection options, to a
 * PostgreSQL 60 ms away each way: their statements share one round trip, and a failure among them leaves nothing.
 */
describe('statements of one transaction sent together', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let far: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    const url = new URL(database.url);
    proxy = await new TcpProxy(url.hostname, Number(url.port || 5432), ONE_WAY_MS).start();
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    far = await new DataSource({ ...dataSourceOptions(url.toString(), 2), logging: false }).initialize();
    await far.query(`CREATE TABLE steps (id int PRIMARY KEY, note text NOT NULL)`);
  });
  afterAll(async () => {
    await far?.destroy();
    await proxy?.stop();
    await database?.drop();
  });

  it('answers three statements in one round trip, where one after the other takes three', async () => {
    const timed = async (run: (query: (sql: string) => Promise<unknown>) => Promise<unknown>) =>
      far.transaction(async (manager) => {
        const started = performance.now();
        await run((sql) => manager.query(sql));
        return performance.now() - started;
      });
    const roundTrip = 2 * ONE_WAY_MS;
    const inTurn = await timed(async (query) => {
      for (const value of [1, 2, 3]) await query(`SELECT ${value}`);
    });
    const sideBySide = await timed((query) => together([() => query('SELECT 1'), () => query('SELECT 2'), () => query('SELECT 3')]));
    // Timers may fire a little early: three round trips are more than two and a half.
    expect(inTurn).toBeGreaterThan(2.5 * roundTrip);
    expect(sideBySide).toBeLessThan(2 * roundTrip);
  });

  const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const notes = () => far.query(`SELECT id, note FROM steps ORDER BY id`);

  it('throws the statement that failed, not one refused after it, and keeps nothing of any step', async () => {
    await far.query(`TRUNCATE steps`);
    const failed = await far
      .transaction((manager) =>
        together([
          // Its INSERT goes out once the duplicate below has failed: PostgreSQL refuses it (25P02).
          () =>
            manager.query(`SELECT 1`).then(async () => {
              await later(20);
              return manager.query(`INSERT INTO steps VALUES (4, 'after the failure')`);
            }),
          () => manager.query(`INSERT INTO steps VALUES (1, 'first')`),
          () => manager.query(`INSERT INTO steps VALUES (1, 'a duplicate')`),
        ]),
      )
      .catch((error: unknown) => error);
    expect(pgErrorCode(failed)).toBe(PgErrorCode.UniqueViolation);
    await expect(notes()).resolves.toEqual([]);
  });

  it('logs the statement that failed, and none of those refused after it', async () => {
    await far.query(`TRUNCATE steps`);
    const warnings: string[] = [];
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => void warnings.push(String(message)));
    try {
      await far
        .transaction((manager) =>
          together([
            () => manager.query(`INSERT INTO steps VALUES (1, 'first')`),
            () => manager.query(`INSERT INTO steps VALUES (1, 'a duplicate')`),
            () => manager.query(`INSERT INTO steps VALUES (2, 'refused after it')`),
            () => manager.query(`SELECT 3`),
          ]),
        )
        .catch(() => undefined);
    } finally {
      warn.mockRestore();
    }
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Query failed: duplicate key value violates unique constraint .*a duplicate/);
  });

  it('waits for every step before the transaction is given up, so that none writes outside it', async () => {
    await far.query(`TRUNCATE steps`);
    const refusal = new Error('refused on reading the answer');
    const failed = await far
      .transaction((manager) =>
        together([
          () =>
            manager.query(`SELECT 1`).then(() => {
              throw refusal;
            }),
          // A step that works between its statements, as the e-mails' step does: its INSERT leaves while the ROLLBACK is on its way.
          () =>
            manager.query(`SELECT 2`).then(async () => {
              await later(ONE_WAY_MS / 2);
              return manager.query(`INSERT INTO steps VALUES (3, 'a later statement')`);
            }),
        ]),
      )
      .catch((error: unknown) => error);
    expect(failed).toBe(refusal);
    await later(4 * ONE_WAY_MS);
    await expect(notes()).resolves.toEqual([]);
  });
});
