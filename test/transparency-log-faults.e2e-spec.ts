import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { AuditVerifier } from '@near/audit';
import { createTestApp, TEST_JWT_SECRET, type TestApp } from './utils/create-test-app.js';
import { PrivateRedis, hideOutagesOf } from './utils/private-redis.js';
import { spawnApi, type SpawnedApi } from './utils/spawned-api.js';
import { spawnEntry, type SpawnedProcess, waitFor, WORKER_ENTRY } from './utils/spawn-app.js';
import { openSignedNote, readCheckpoint, verifyConsistency } from './utils/rfc9162.js';

jest.setTimeout(240_000);

const b64 = (text: string) => Buffer.from(text, 'base64');
const p99 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * 0.99) - 1)];

/**
 * Two API processes and two worker processes on one database and one Redis, as in production: they build one
 * tree; Redis coming back empty stops integration for seconds only; a worker killed in the middle of a batch
 * loses no entry and forks nothing.
 */
describe('the transparency log across processes and faults', () => {
  const redis = new PrivateRedis();
  const workers: SpawnedProcess[] = [];
  let api: TestApp;
  let second: SpawnedApi;
  let verifierKey: string;

  const startWorker = () => {
    const worker = spawnEntry(WORKER_ENTRY, {
      DATABASE_URL: api.config.database.url,
      REDIS_URL: redis.url,
      REDIS_PREFIX: api.config.redis.prefix,
      JWT_SECRET: TEST_JWT_SECRET,
    });
    workers.push(worker);
    return worker;
  };
  /** A failed sign-in is audited: an entry per request, from whichever API answers it. */
  const failedSignIns = (count: number, tag: string) =>
    Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const base = i % 2 === 0 ? undefined : second.baseUrl;
        const body = { email: `nobody-${tag}-${i}@test.example`, password: 'wrong-password' };
        if (base) {
          const response = await fetch(`${base}/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          });
          expect(response.status).toBe(401);
        } else {
          await api.http().post('/auth/login').send(body).expect(401);
        }
      }),
    );
  const pendingCount = async () => Number((await api.dataSource.query(`SELECT count(*)::int AS n FROM log_pending`))[0].n);
  const allIntegrated = (timeoutMs: number, what: string) =>
    waitFor(async () => ((await pendingCount()) === 0 ? Date.now() : undefined), timeoutMs, what);
  const latest = async () => readCheckpoint(openSignedNote((await api.http().get('/log/checkpoint').expect(200)).text, verifierKey));
  /** Every leaf index given once, to one entry each, every entry a leaf, and the trail verifies against the tree. */
  const expectOneTree = async () => {
    const [facts] = await api.dataSource.query(
      `SELECT (SELECT count(*)::int FROM audit_events) AS entries, count(*)::int AS leaves, count(DISTINCT seq)::int AS seqs,
              coalesce(max(leaf_index), -1)::int AS last FROM log_leaves`,
    );
    expect(facts.leaves).toBe(facts.entries);
    expect(facts.seqs).toBe(facts.leaves);
    expect(facts.last).toBe(facts.leaves - 1);
    expect(await new AuditVerifier(api.dataSource).verify()).toMatchObject({ valid: true, checked: facts.leaves });
    return facts.leaves as number;
  };
  /** Every checkpoint signed so far (a sample when there are many) is consistent with the latest. */
  const expectConsistentHistory = async () => {
    const head = await latest();
    const sizes: { size: number }[] = await api.dataSource.query(
      `SELECT tree_size::int AS size FROM log_checkpoints WHERE tree_size > 0 ORDER BY random() LIMIT 40`,
    );
    for (const { size } of sizes) {
      const old = readCheckpoint(openSignedNote((await api.http().get(`/log/checkpoints/${size}`).expect(200)).text, verifierKey));
      const { body } = await api.http().get(`/log/proof/consistency?from=${size}&to=${head.size}`).expect(200);
      expect({ size, consistent: verifyConsistency(size, head.size, old.root, head.root, body.proof.map(b64)) }).toEqual({
        size,
        consistent: true,
      });
    }
  };

  beforeAll(async () => {
    hideOutagesOf(redis);
    await redis.start();
    const throttle = { LOGIN_FREE_FAILURES_PER_ADDRESS: '100000' };
    api = await createTestApp({ REDIS_URL: redis.url, ...throttle });
    second = await spawnApi(api.config.database.url, { REDIS_URL: redis.url, REDIS_PREFIX: api.config.redis.prefix, ...throttle });
    verifierKey = (await api.http().get('/log/key').expect(200)).text.trim();
    startWorker();
    startWorker();
    await allIntegrated(60_000, 'the workers to integrate the first entries');
  });
  afterAll(async () => {
    await redis.start().catch(() => undefined);
    for (const worker of workers) if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGTERM');
    await Promise.all(workers.map((worker) => worker.exited));
    await second?.kill();
    await api?.close();
    await redis.stop();
    jest.restoreAllMocks();
  });

  it('builds one tree from the entries of two APIs, each entry in a signed checkpoint within 2 s of its commit', async () => {
    for (let round = 0; round < 5; round++) await failedSignIns(20, `round${round}`);
    await allIntegrated(10_000, 'every entry integrated');
    const delays: { ms: number }[] = await api.dataSource.query(
      `SELECT extract(epoch FROM (c.signed_at - e.occurred_at)) * 1000 AS ms
         FROM audit_events e JOIN log_leaves l USING (seq)
         JOIN LATERAL (SELECT signed_at FROM log_checkpoints c WHERE c.tree_size > l.leaf_index ORDER BY c.tree_size LIMIT 1) c ON true
        WHERE e.action = 'auth.sign-in-failed'`,
    );
    expect(delays.length).toBe(100);
    const worst = p99(delays.map((row) => Number(row.ms)));
    console.info(`commit to signed checkpoint: p99 ${Math.round(worst)} ms over ${delays.length} entries`);
    expect(worst).toBeLessThan(2_000);
    await expectOneTree();
    await expectConsistentHistory();
  });

  it('integrates again within seconds when Redis comes back empty', async () => {
    await redis.stop();
    await redis.start();
    const started = Date.now();
    await failedSignIns(10, 'after-redis');
    const done = await allIntegrated(15_000, 'integration after Redis came back empty');
    console.info(`integrated ${done - started} ms after Redis came back empty`);
    expect(done - started).toBeLessThan(6_000);
    await expectOneTree();
  });

  it('loses nothing and forks nothing when the integrating worker is killed with SIGKILL mid-batch', async () => {
    // One worker left, so that the one killed is the integrator; a large backlog, so that it is mid-batch.
    const [first, other] = workers.filter((worker) => worker.child.exitCode === null);
    other.child.kill('SIGTERM');
    await other.exited;
    await api.dataSource.query(
      `WITH inserted AS (
         INSERT INTO audit_events (occurred_at, action, entity_type, entity_id, payload)
         SELECT date_trunc('milliseconds', clock_timestamp()), 'test.backlog', 'test', 'entry-' || g, '{}' FROM generate_series(1, 30000) g
         RETURNING seq)
       INSERT INTO log_pending (seq) SELECT seq FROM inserted`,
    );
    await waitFor(
      async () => {
        const [lock] = await api.dataSource.query(`SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = 7469002 AND granted`);
        return lock ? true : undefined;
      },
      20_000,
      'the integrator to hold its lock',
    );
    first.child.kill('SIGKILL');
    await first.exited;
    const pendingAtKill = await pendingCount();
    expect(pendingAtKill).toBeGreaterThan(0);
    startWorker();
    await allIntegrated(120_000, 'the backlog integrated by a new worker');
    await expectOneTree();
    await expectConsistentHistory();
  });
});
