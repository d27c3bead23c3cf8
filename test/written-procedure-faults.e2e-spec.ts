import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { messageIdOf } from '@near/notifications';
import { closeWrittenProcedureJobId, QueueName } from '@near/queue';
import { act, nextSessionNumber } from './fixtures/applications.js';
import { aUser, bearer, type TestUser } from './fixtures/users.js';
import { anApplicationOnTheAgenda, everyMemberPaidUp, memberDelegates } from './fixtures/voting.js';
import { TEST_JWT_SECRET, createTestApp, type TestApp } from './utils/create-test-app.js';
import { Mailbox } from './utils/mailbox.js';
import { arrivals } from './utils/outbox-rows.js';
import { PrivateRedis, hideOutagesOf } from './utils/private-redis.js';
import { spawnEntry, type SpawnedProcess, waitFor, WORKER_ENTRY } from './utils/spawn-app.js';

jest.setTimeout(180_000);

/**
 * A written procedure open while Redis is killed and started again with nothing in it, two worker processes
 * left running throughout: PostgreSQL still knows the deadline, and the workers put its job back.
 */
describe('a written procedure when Redis comes back empty', () => {
  const redis = new PrivateRedis();
  const mailbox = new Mailbox();
  const workers: SpawnedProcess[] = [];
  let api: TestApp;
  let queue: Queue;
  let secretariat: TestUser;
  let delegates: TestUser[];

  beforeAll(async () => {
    hideOutagesOf(redis);
    await redis.start();
    await mailbox.start();
    api = await createTestApp({ REDIS_URL: redis.url });
    queue = api.app.get<Queue>(getQueueToken(QueueName.WrittenProcedures));
    secretariat = await aUser(api, 'secretariat');
    await everyMemberPaidUp(api);
    ({ delegates } = await memberDelegates(api, 40));
    for (let i = 0; i < 2; i += 1) {
      workers.push(
        spawnEntry(WORKER_ENTRY, {
          DATABASE_URL: api.config.database.url,
          REDIS_URL: redis.url,
          REDIS_PREFIX: api.config.redis.prefix,
          JWT_SECRET: TEST_JWT_SECRET,
          SMTP_URL: mailbox.url,
          NOTIFICATION_RELAY_INTERVAL_MS: '100',
          NOTIFICATION_BACKOFF_MS: '100',
          NOTIFICATION_REQUEUE_AFTER_SECONDS: '5',
        }),
      );
    }
    await waitFor(async () => ((await queue.getWorkersCount()) >= 2 ? true : undefined), 60_000, 'two workers');
  });
  afterAll(async () => {
    await redis.start().catch(() => undefined);
    for (const worker of workers) worker.child.kill('SIGTERM');
    await Promise.all(workers.map((worker) => worker.exited));
    await api?.close();
    await redis.stop();
    await mailbox.stop();
    jest.restoreAllMocks();
  });

  it('closes within 10 s of its deadline, once, and sends its decision e-mails once', async () => {
    const deadline = new Date(Date.now() + 25_000);
    const created = await api
      .http()
      .post('/assemblies')
      .set(bearer(secretariat))
      .send({ body: 'written_procedure', number: nextSessionNumber(), deadline: deadline.toISOString() })
      .expect(201);
    const procedure = created.body as { id: string };
    const { application } = await anApplicationOnTheAgenda(api, secretariat, procedure);
    await act(api, secretariat, application, 'open-ballot').expect(200);
    await Promise.all(
      delegates.map((delegate, index) =>
        api
          .http()
          .put(`/applications/${application.id}/ballot`)
          .set(bearer(delegate))
          .send({ choice: index < 30 ? 'yes' : 'no' })
          .expect(200),
      ),
    );
    const original = await waitFor(
      async () => (await queue.getJob(closeWrittenProcedureJobId(procedure.id))) ?? undefined,
      10_000,
      'the deadline job',
    );
    expect(Date.now()).toBeLessThan(deadline.getTime() - 3_000);

    // Redis dies and comes back with nothing in it: the deadline job and the sweep schedule are gone.
    await redis.stop();
    await redis.start();
    // The job there now was put back by a worker (within its 2 s check), from PostgreSQL. Not necessarily made
    // after the restart: a worker's add sent just before the crash is sent again once Redis answers.
    const restored = await waitFor(
      async () => (await queue.getJob(closeWrittenProcedureJobId(procedure.id))) ?? undefined,
      10_000,
      'the deadline job to be put back',
    );
    expect(restored.timestamp).toBeGreaterThan(original.timestamp);

    const decided = await waitFor(
      async () => {
        const [row] = await api.dataSource.query(
          `SELECT a.state, s.status FROM applications a JOIN assemblies s ON s.id = a.assembly_id WHERE a.id = $1`,
          [application.id],
        );
        return row.state === 'approved' && row.status === 'closed' ? Date.now() : undefined;
      },
      deadline.getTime() - Date.now() + 10_000,
      'the procedure to close after its deadline',
    );
    expect(decided).toBeGreaterThanOrEqual(deadline.getTime());
    expect(decided - deadline.getTime()).toBeLessThan(10_000);

    const audited: { action: string; count: number }[] = await api.dataSource.query(
      `SELECT action, count(*)::int AS count FROM audit_events
       WHERE (entity_id = $1 AND action = 'application.close-ballot') OR (entity_id = $2 AND action = 'assembly.closed')
       GROUP BY action ORDER BY action`,
      [application.id, procedure.id],
    );
    expect(audited).toEqual([
      { action: 'application.close-ballot', count: 1 },
      { action: 'assembly.closed', count: 1 },
    ]);

    // One decision e-mail per recipient, each arriving once.
    const decisions: { id: string; recipient: string }[] = await api.dataSource.query(
      `SELECT id, recipient FROM notifications WHERE application_id = $1 AND event = 'decision'`,
      [application.id],
    );
    expect(decisions.length).toBeGreaterThan(40);
    expect(new Set(decisions.map((row) => row.recipient)).size).toBe(decisions.length);
    const expected = new Set(decisions.map((row) => messageIdOf(row.id)));
    await waitFor(
      async () => (mailbox.received.filter((mail) => expected.has(mail.messageId)).length >= expected.size ? true : undefined),
      20_000,
      'every decision e-mail',
    );
    // Longer than the re-queue delay: a second copy would have had time to arrive.
    await new Promise((done) => setTimeout(done, 6_000));
    const times = arrivals(mailbox.received.filter((mail) => expected.has(mail.messageId)));
    expect(new Set(times.keys())).toEqual(expected);
    expect([...times.values()].filter((count) => count > 1)).toEqual([]);
  });
});
