import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { messageIdOf } from '@near/notifications';
import { aProspectiveApplicant, fileApplication } from './fixtures/applications.js';
import { aUser, bearer, type TestUser } from './fixtures/users.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';
import { createTestWorker } from './utils/create-test-worker.js';
import { healthDetails } from './utils/health-details.js';
import { Mailbox } from './utils/mailbox.js';
import { arrivals, everyOneArrived, insertNotifications, messageIdsOf } from './utils/outbox-rows.js';
import { PrivateRedis, hideOutagesOf } from './utils/private-redis.js';
import { waitFor } from './utils/spawn-app.js';

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

interface Row {
  id: string;
  status: string;
  attempts: number;
  last_error: string | null;
  smtp_message_id: string | null;
}

/**
 * The faults one process sees: Redis going away (the test's own Redis, killed and started again empty),
 * an SMTP server that refuses for now, refuses for good, or drops the connection before its reply.
 * The API and the worker run in this process, on the private Redis.
 */
describe('notifications through Redis outages and SMTP failures', () => {
  const redis = new PrivateRedis();
  const mailbox = new Mailbox();
  let api: TestApp;
  let worker: INestApplicationContext | undefined;
  let secretariat: TestUser;

  /** (Re)starts the in-process worker with short timings, and the given environment on top. */
  const startWorker = async (env: Record<string, string> = {}) => {
    await stopWorker();
    worker = await createTestWorker(api, {
      SMTP_URL: mailbox.url,
      NOTIFICATION_RELAY_INTERVAL_MS: '100',
      NOTIFICATION_BACKOFF_MS: '100',
      NOTIFICATION_REQUEUE_AFTER_SECONDS: '2',
      ...env,
    });
  };
  const stopWorker = async () => {
    const running = worker;
    worker = undefined;
    await running?.close();
  };

  const row = async (id: string): Promise<Row> =>
    (await api.dataSource.query(`SELECT id, status, attempts, last_error, smtp_message_id FROM notifications WHERE id = $1`, [id]))[0];
  const statusIs = (id: string, status: string) => async () => {
    const current = await row(id);
    return current.status === status ? current : undefined;
  };
  const arrivedTimes = (id: string) => mailbox.received.filter((mail) => mail.messageId === messageIdOf(id)).length;

  beforeAll(async () => {
    hideOutagesOf(redis);
    await redis.start();
    await mailbox.start();
    api = await createTestApp({ REDIS_URL: redis.url });
    secretariat = await aUser(api, 'secretariat');
    await startWorker();
  });
  afterAll(async () => {
    // Redis up again first: the connections close with QUIT.
    await redis.start().catch(() => undefined);
    await stopWorker();
    await api?.close();
    await redis.stop();
    await mailbox.stop();
    jest.restoreAllMocks();
  });

  it('accepts an application while Redis is down (201) and sends its acknowledgement once Redis is back, exactly once', async () => {
    const applicant = await aProspectiveApplicant(api);
    const contact = 'contact.redis-down@province.test';
    await redis.stop();

    const started = Date.now();
    const filed = await fileApplication(api, applicant, { locale: 'en', contact: { name: 'Kim Minji', email: contact } });
    expect(Date.now() - started).toBeLessThan(5_000);
    const [acknowledgement]: { id: string }[] = await api.dataSource.query(
      `SELECT id FROM notifications WHERE application_id = $1 AND event = 'submission-acknowledged'`,
      [filed.id],
    );
    expect(acknowledgement).toBeDefined();

    // Nothing can leave while Redis is away: the row waits in the outbox.
    await pause(1_500);
    expect(mailbox.to(contact)).toHaveLength(0);
    expect((await row(acknowledgement.id)).status).toBe('pending');

    await redis.start();
    await waitFor(async () => (mailbox.to(contact).length > 0 ? true : undefined), 20_000, 'the acknowledgement');
    await waitFor(statusIs(acknowledgement.id, 'sent'), 5_000, 'the acknowledgement to be recorded as sent');
    // Longer than the re-queue delay: a second copy would have had time to arrive.
    await pause(2_500);
    expect(mailbox.to(contact).map((mail) => mail.messageId)).toEqual([messageIdOf(acknowledgement.id)]);
    expect(await row(acknowledgement.id)).toMatchObject({ status: 'sent', attempts: 1, smtp_message_id: messageIdOf(acknowledgement.id) });
  });

  it('retries a message the SMTP server refuses for now (451) three times, then sends it once: status sent, 4 attempts', async () => {
    mailbox.answers.push(...Array.from({ length: 3 }, () => ({ code: 451, message: '4.3.0 Try again later' })));
    const [id] = await insertNotifications(api.dataSource, 1, 'transient');

    await waitFor(statusIs(id, 'sent'), 15_000, 'the message to be sent');
    await pause(500);
    expect(mailbox.answers).toHaveLength(0);
    expect(await row(id)).toEqual({ id, status: 'sent', attempts: 4, last_error: null, smtp_message_id: messageIdOf(id) });
    expect(arrivedTimes(id)).toBe(1);
  });

  it('fails a message refused for good (550) after one attempt, and sends it once when the Secretariat retries it', async () => {
    mailbox.answers.push({ code: 550, message: '5.1.1 No such mailbox' });
    const [id] = await insertNotifications(api.dataSource, 1, 'refused');

    await waitFor(statusIs(id, 'failed'), 10_000, 'the message to fail');
    // Several backoff delays later: still one attempt, nothing delivered.
    await pause(1_000);
    expect(await row(id)).toEqual({ id, status: 'failed', attempts: 1, last_error: expect.stringContaining('550'), smtp_message_id: null });
    expect(arrivedTimes(id)).toBe(0);
    const failed = await api.http().get('/notifications?status=failed').set(bearer(secretariat)).expect(200);
    expect(failed.body.map((n: { id: string }) => n.id)).toContain(id);

    const retried = await api.http().post(`/notifications/${id}/retry`).set(bearer(secretariat)).expect(200);
    expect(retried.body).toMatchObject({ id, status: 'pending' });
    // The entry goes to the members in the log's bundles: not the SMTP server's words, which may name its hosts.
    const [entry] = await api.dataSource.query(
      `SELECT payload FROM audit_events WHERE action = 'notification.retried' AND entity_id = $1`,
      [id],
    );
    expect(JSON.parse(entry.payload)).toEqual({ event: expect.any(String), recipient: expect.any(String), attempts: 1 });
    await waitFor(statusIs(id, 'sent'), 10_000, 'the retried message to be sent');
    await pause(500);
    expect(await row(id)).toEqual({ id, status: 'sent', attempts: 2, last_error: null, smtp_message_id: messageIdOf(id) });
    expect(mailbox.received.filter((mail) => mail.messageId === messageIdOf(id))).toHaveLength(1);
    expect(messageIdOf(id)).toBe(`<${id}@notifications.near-admission>`);
  });

  it('sends again a message whose connection dropped after its data, with the same Message-ID', async () => {
    mailbox.answers.push('drop');
    const [id] = await insertNotifications(api.dataSource, 1, 'dropped');

    await waitFor(statusIs(id, 'sent'), 15_000, 'the message to be sent');
    await pause(500);
    // The dropped copy may have been delivered for all the sender knows: it carries the same Message-ID.
    expect(mailbox.dropped.map((mail) => mail.messageId)).toEqual([messageIdOf(id)]);
    expect(arrivedTimes(id)).toBe(1);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2, last_error: null, smtp_message_id: messageIdOf(id) });
  });

  it('shows the outbox counts in /health while the worker is stopped, and sends what waited once it is back', async () => {
    await stopWorker();
    const before = (await healthDetails(api)).notifications;
    const ids = await insertNotifications(api.dataSource, 5, 'waiting');

    expect((await healthDetails(api)).notifications).toEqual({
      outbox: { ...before.outbox, pending: before.outbox.pending + 5 },
      queue: { waiting: 0, active: 0, delayed: 0, failed: 0 },
    });

    await startWorker();
    await waitFor(async () => everyOneArrived(mailbox.received, messageIdsOf(ids)), 10_000, 'the waiting messages');
    await waitFor(
      async () => {
        const { outbox, queue } = (await healthDetails(api)).notifications;
        return outbox.pending === 0 && outbox.queued === 0 && queue.waiting + queue.active + queue.delayed === 0 ? true : undefined;
      },
      5_000,
      '/health to show nothing waiting',
    );
  });

  it('delivers all of 200 queued notifications when Redis is killed and comes back empty', async () => {
    // Every message refused for now once, with a minute of backoff: 200 rows queued, their jobs only in Redis.
    await startWorker({ NOTIFICATION_BACKOFF_MS: '60000', NOTIFICATION_REQUEUE_AFTER_SECONDS: '3' });
    mailbox.answers.push(...Array.from({ length: 200 }, () => ({ code: 421, message: '4.7.0 Busy, try later' })));
    const ids = await insertNotifications(api.dataSource, 200, 'queued');
    const expected = messageIdsOf(ids);
    await waitFor(
      async () => {
        const [{ tried }] = await api.dataSource.query(
          `SELECT count(*)::int AS tried FROM notifications WHERE id = ANY($1::uuid[]) AND status = 'queued' AND attempts = 1`,
          [ids],
        );
        return tried === 200 && mailbox.answers.length === 0 ? true : undefined;
      },
      20_000,
      '200 refused once and waiting in Redis',
    );
    // The last refused jobs move from active to delayed just after their rows record the attempt.
    const health = await waitFor(
      async () => {
        const details = (await healthDetails(api)).notifications;
        return details.queue.active === 0 ? details : undefined;
      },
      5_000,
      'no job active',
    );
    expect(health.outbox.queued).toBe(200);
    expect(health.queue).toEqual({ delayed: 200, waiting: 0, active: 0, failed: 0 });

    await redis.stop();
    await redis.start();

    await waitFor(async () => everyOneArrived(mailbox.received, expected), 30_000, 'all 200 messages after the restart');
    await pause(1_000);
    const ofThese = mailbox.received.filter((mail) => expected.has(mail.messageId));
    expect(new Set(ofThese.map((mail) => mail.messageId))).toEqual(expected);
    // Nothing was in flight when Redis went away: each arrives exactly once.
    expect([...arrivals(ofThese).values()].filter((times) => times > 1)).toEqual([]);
    const [{ sent }] = await api.dataSource.query(
      `SELECT count(*)::int AS sent FROM notifications WHERE id = ANY($1::uuid[]) AND status = 'sent'`,
      [ids],
    );
    expect(sent).toBe(200);
  });
});
