import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { messageIdOf } from '@near/notifications';
import { NOTIFICATION_CONCURRENCY } from '@near/queue';
import { createTestApp, type TestApp } from './utils/create-test-app.js';
import { healthDetails } from './utils/health-details.js';
import { Mailbox } from './utils/mailbox.js';
import { arrivals, everyOneArrived, insertNotifications, messageIdsOf, outboxCounts } from './utils/outbox-rows.js';
import { PrivateRedis } from './utils/private-redis.js';
import { type SpawnedProcess, spawnEntry, waitFor, WORKER_ENTRY } from './utils/spawn-app.js';

const BATCH = 300;

/**
 * The worker as its own process (`dist/`, built by `npm test`), killed or stopped while it sends a batch,
 * then started again. The API runs in this process for the database and /health; all share a private Redis.
 */
describe('the worker process, killed or stopped in the middle of a batch', () => {
  const redis = new PrivateRedis();
  const mailbox = new Mailbox();
  const workers: SpawnedProcess[] = [];
  let api: TestApp;
  let inspector: Redis;

  const spawnWorker = (): SpawnedProcess => {
    const worker = spawnEntry(WORKER_ENTRY, {
      DATABASE_URL: api.config.database.url,
      REDIS_URL: redis.url,
      REDIS_PREFIX: api.config.redis.prefix,
      SMTP_URL: mailbox.url,
      JWT_SECRET: 'test-secret-that-is-at-least-32-characters-long',
      NOTIFICATION_RELAY_INTERVAL_MS: '100',
      NOTIFICATION_BACKOFF_MS: '100',
      NOTIFICATION_REQUEUE_AFTER_SECONDS: '2',
    });
    workers.push(worker);
    return worker;
  };

  /** Waits (polling often: a batch takes about a second) until `count` messages arrived; returns how many had. */
  const whenArrived = async (count: number, timeoutMs = 30_000): Promise<number> => {
    const deadline = Date.now() + timeoutMs;
    while (mailbox.received.length < count) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${count} messages (got ${mailbox.received.length})`);
      await new Promise((done) => setTimeout(done, 5));
    }
    return mailbox.received.length;
  };

  const queueKey = (list: string) => `${api.config.redis.prefix}:notifications:${list}`;
  const health = async () => (await healthDetails(api)).notifications;

  beforeAll(async () => {
    await redis.start();
    await mailbox.start();
    api = await createTestApp({ REDIS_URL: redis.url });
    inspector = new Redis(redis.url, { lazyConnect: true });
  });
  afterAll(async () => {
    for (const worker of workers) if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
    await Promise.all(workers.map((worker) => worker.exited));
    inspector?.disconnect();
    await api?.close();
    await redis.stop();
    await mailbox.stop();
  });

  it(`loses none of ${BATCH} messages when the worker is killed (SIGKILL) mid-batch and started again; a duplicate carries the same Message-ID`, async () => {
    mailbox.received.length = 0;
    const ids = await insertNotifications(api.dataSource, BATCH, 'killed');
    const expected = messageIdsOf(ids);
    // Waiting in the outbox, with no worker to relay them: /health shows them pending.
    expect((await health()).outbox).toMatchObject({ pending: BATCH });

    const first = spawnWorker();
    const arrivedAtKill = await whenArrived(40);
    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(arrivedAtKill).toBeLessThan(BATCH);
    const queueAtKill = (await health()).queue;
    expect(queueAtKill.waiting + queueAtKill.active + queueAtKill.delayed).toBeGreaterThan(0);

    // The jobs the killed worker held stay active in Redis until BullMQ finds them stalled (its lock, 30 s, expired):
    // re-queueing under the same job id cannot replace them, so this takes about a minute.
    spawnWorker();
    await waitFor(async () => everyOneArrived(mailbox.received, expected), 90_000, `all ${BATCH} messages after the restart`);
    await new Promise((done) => setTimeout(done, 1_000));

    expect(new Set(mailbox.received.map((mail) => mail.messageId))).toEqual(expected);
    // A message sent twice (delivered, then the worker died before recording it) is the same message: its row's Message-ID.
    const duplicates = [...arrivals(mailbox.received)].filter(([, times]) => times > 1).map(([id]) => id);
    for (const id of duplicates) expect(expected).toContain(id);
    // E-mail is at-least-once (docs/operations.md): only the messages in flight at the kill, at most the
    // worker's concurrency, can arrive twice. The count goes into the run's output for the record.
    console.info(`SIGKILL mid-batch: ${duplicates.length} of ${BATCH} messages arrived twice, each with its own Message-ID`);
    expect(duplicates.length).toBeLessThanOrEqual(NOTIFICATION_CONCURRENCY);
    const rows: { id: string; recipient: string }[] = await api.dataSource.query(
      `SELECT id, recipient FROM notifications WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const messageIdTo = new Map(rows.map((row) => [row.recipient, messageIdOf(row.id)]));
    expect(mailbox.received.filter((mail) => mail.messageId !== messageIdTo.get(mail.to))).toEqual([]);
    expect(await outboxCounts(api.dataSource)).toEqual({ sent: BATCH });
  }, 120_000);

  it(`stops cleanly on SIGTERM in the middle of sending, leaving no job half done, and the next worker sends the rest`, async () => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    await Promise.all(workers.map((worker) => worker.exited));
    mailbox.received.length = 0;
    const ids = await insertNotifications(api.dataSource, BATCH, 'stopped');
    const expected = messageIdsOf(ids);

    const first = spawnWorker();
    const arrivedAtStop = await whenArrived(40);
    first.child.kill('SIGTERM');
    const exit = await first.exited;
    expect(exit.signal === 'SIGTERM' || exit.code === 0).toBe(true);
    expect(first.stderr()).toBe('');
    // Drained: the jobs it had taken were finished (none left active), the others wait for the next worker.
    await inspector.connect().catch(() => undefined);
    expect(await inspector.llen(queueKey('active'))).toBe(0);
    const stoppedWith = mailbox.received.length;
    // What the stop did to the jobs in hand: a failed attempt would show as an error on its row.
    const failedByTheStop: { last_error: string; n: number }[] = await api.dataSource.query(
      `SELECT last_error, count(*)::int AS n FROM notifications WHERE id = ANY($1::uuid[]) AND last_error IS NOT NULL GROUP BY last_error`,
      [ids],
    );
    expect(arrivedAtStop).toBeLessThanOrEqual(stoppedWith);
    expect(stoppedWith).toBeLessThan(BATCH);

    spawnWorker();
    await waitFor(async () => everyOneArrived(mailbox.received, expected), 20_000, `all ${BATCH} messages after the restart`);
    await new Promise((done) => setTimeout(done, 1_000));

    expect(new Set(mailbox.received.map((mail) => mail.messageId))).toEqual(expected);
    // A clean stop sends nothing twice.
    expect(mailbox.received).toHaveLength(BATCH);
    // Drained, not aborted: the jobs in hand at the stop were finished, none failed by a closing transport (an attempt
    // lost each time, and at the last attempt the message marked failed for good).
    expect(failedByTheStop).toEqual([]);
    const rows: { status: string; attempts: number; n: number }[] = await api.dataSource.query(
      `SELECT status, attempts, count(*)::int AS n FROM notifications WHERE id = ANY($1::uuid[]) GROUP BY status, attempts`,
      [ids],
    );
    expect(rows).toEqual([{ status: 'sent', attempts: 1, n: BATCH }]);
  }, 60_000);
});
