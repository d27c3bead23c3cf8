import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { hashPassword } from '@near/identity';
import { messageIdOf } from '@near/notifications';
import { applicationInput } from './fixtures/applications.js';
import { TEST_PASSWORD } from './fixtures/users.js';
import { TEST_JWT_SECRET } from './utils/create-test-app.js';
import { freePort } from './utils/free-port.js';
import { Mailbox } from './utils/mailbox.js';
import { arrivals } from './utils/outbox-rows.js';
import { PrivateRedis } from './utils/private-redis.js';
import { API_ENTRY, type SpawnedProcess, spawnEntry, waitFor, WORKER_ENTRY } from './utils/spawn-app.js';
import { createTestDatabase, type TestDatabase } from './utils/test-database.js';

const APPLICATIONS = 20;
const SECRETARIAT = 24;
// Each application: its acknowledgement to the contact, and the announcement to every secretariat member.
const NOTIFICATIONS = APPLICATIONS * (1 + SECRETARIAT);

/** Two API processes and two worker processes, as deployed side by side, over one database and one Redis prefix. */
describe('two APIs and two workers over one database', () => {
  const redis = new PrivateRedis();
  const mailbox = new Mailbox();
  const prefix = `near-test-${randomBytes(4).toString('hex')}`;
  const processes: SpawnedProcess[] = [];
  const apiUrls: string[] = [];
  let database: TestDatabase;
  let pool: pg.Pool;

  const sql = async (text: string, parameters: unknown[] = []) => (await pool.query(text, parameters)).rows;
  const environment = () => ({
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    REDIS_PREFIX: prefix,
    JWT_SECRET: TEST_JWT_SECRET,
    SMTP_URL: mailbox.url,
    NOTIFICATION_RELAY_INTERVAL_MS: '100',
    NOTIFICATION_BACKOFF_MS: '100',
    NOTIFICATION_REQUEUE_AFTER_SECONDS: '30',
  });
  const startApi = async () => {
    const port = await freePort();
    processes.push(spawnEntry(API_ENTRY, { ...environment(), PORT: String(port), HOST: '127.0.0.1' }));
    const url = `http://127.0.0.1:${port}`;
    await waitFor(async () => ((await fetch(`${url}/health`)).status === 200 ? true : undefined), 60_000, `the API on ${port}`);
    apiUrls.push(url);
  };
  const post = async (url: string, body: unknown, token?: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    await redis.start();
    await mailbox.start();
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 4 });
    // The first API migrates the database; then the others start beside it.
    await startApi();
    processes.push(spawnEntry(WORKER_ENTRY, environment()), spawnEntry(WORKER_ENTRY, environment()));
    await startApi();
  }, 90_000);
  afterAll(async () => {
    for (const spawned of processes) spawned.child.kill('SIGTERM');
    await Promise.all(processes.map((spawned) => spawned.exited));
    await pool?.end();
    await database?.drop();
    await redis.stop();
    await mailbox.stop();
  });

  it(`delivers ${NOTIFICATIONS} notifications made through both APIs exactly once each`, async () => {
    const hash = await hashPassword(TEST_PASSWORD);
    await sql(
      `INSERT INTO users (email, password_hash, display_name, role, locale)
       SELECT 'secretariat.' || i || '@cluster.test', $1, 'Secretariat ' || i, 'secretariat', 'en' FROM generate_series(1, $2::int) AS i`,
      [hash, SECRETARIAT],
    );
    const applicants = await Promise.all(
      Array.from({ length: APPLICATIONS }, async (_, i) => {
        const [government] = await sql(
          `INSERT INTO governments (name_en, name_local, country, level, kind, status)
           VALUES ($1, '测试省', 'CN', 'regional', 'Province', 'prospective') RETURNING id`,
          [`Cluster Province ${i}`],
        );
        const email = `applicant.${i}@cluster.test`;
        await sql(
          `INSERT INTO users (email, password_hash, display_name, role, government_id, locale) VALUES ($1, $2, $3, 'applicant', $4, 'en')`,
          [email, hash, `Applicant ${i}`, government.id],
        );
        const api = apiUrls[i % apiUrls.length];
        const login = await post(`${api}/auth/login`, { email, password: TEST_PASSWORD });
        expect(login.status).toBe(200);
        return { api, governmentId: government.id as string, token: login.body.accessToken as string, index: i };
      }),
    );

    // Half the applications through each API, all at once.
    const filed = await Promise.all(
      applicants.map(({ api, governmentId, token, index }) =>
        post(
          `${api}/applications`,
          applicationInput(governmentId, { locale: 'en', contact: { name: `Contact ${index}`, email: `contact.${index}@cluster.test` } }),
          token,
        ),
      ),
    );
    expect(filed.map((response) => response.status)).toEqual(Array(APPLICATIONS).fill(201));

    const rows: { id: string }[] = await sql(`SELECT id FROM notifications`);
    expect(rows).toHaveLength(NOTIFICATIONS);
    const expected = new Set(rows.map((row) => messageIdOf(row.id)));
    await waitFor(
      async () => {
        const [{ unsent }] = await sql(`SELECT count(*)::int AS unsent FROM notifications WHERE status <> 'sent'`);
        return unsent === 0 && mailbox.received.length >= NOTIFICATIONS ? true : undefined;
      },
      30_000,
      `all ${NOTIFICATIONS} messages`,
    );
    // Time for a second copy to arrive, if anything were sending twice.
    await new Promise((done) => setTimeout(done, 1_500));

    expect(new Set(mailbox.received.map((mail) => mail.messageId))).toEqual(expected);
    expect([...arrivals(mailbox.received)].filter(([, times]) => times > 1)).toEqual([]);
    expect(mailbox.received).toHaveLength(NOTIFICATIONS);
    const [{ attempts }] = await sql(`SELECT sum(attempts)::int AS attempts FROM notifications`);
    expect(attempts).toBe(NOTIFICATIONS);
    // Each row keeps the Message-ID of its own message, which the Secretariat's log shows.
    const recorded: { id: string; smtp_message_id: string }[] = await sql(`SELECT id, smtp_message_id FROM notifications`);
    expect(recorded.filter((row) => row.smtp_message_id !== messageIdOf(row.id))).toEqual([]);
  }, 60_000);
});
