import type { Bench } from '../lib/context.js';
import { load, type LoadResult } from '../lib/http.js';
import { Child, type CpuPerRequest, freePort, perRequest, waitUntil } from '../lib/processes.js';
import { BENCH_PASSWORD } from '../lib/seed.js';
import { type LatencySummary, summarise } from '../lib/stats.js';

/** GET /applications/:id of one application with 5 messages and of one with 500, in turns, 32 connections. */
export interface CorrespondenceReads {
  few: { messages: number; perSecond: number; latencyMs: LatencySummary };
  many: { messages: number; perSecond: number; latencyMs: LatencySummary };
  /** p99 with 500 messages over p99 with 5. */
  p99Ratio: number;
  target: number;
  met: boolean;
}

export interface ReadsResult {
  applications: number;
  auditEntries: number;
  api: LoadResult & { cpu: CpuPerRequest };
  bareFastify: LoadResult & { cpu: CpuPerRequest };
  /** Bare Fastify sending the two statements the API sends for this read: what is left is the framework's. */
  bareFastifySameStatements: LoadResult & { cpu: CpuPerRequest };
  ratio: number;
  target: number;
  met: boolean;
  correspondence: CorrespondenceReads;
  /** The same reads while officials sign in, renew their token and read, two a second: the read target must hold. */
  withSignIns: LoadResult & { signIns: { cycles: number; ok: number; latencyMs: LatencySummary }; ratio: number; met: boolean };
}

function cycle(paths: string[]): () => string {
  let next = 0;
  return () => paths[next++ % paths.length];
}

/** GET /applications/:id as the Secretariat, beside bare Fastify answering one pg query for the same rows. */
export async function reads(bench: Bench, sizes: { applications: number; auditEntries: number }): Promise<ReadsResult> {
  const { scale, pool, people } = bench;
  const { rows } = await pool.query<{ id: string }>(
    `SELECT id FROM applications TABLESAMPLE SYSTEM (20) WHERE state IN ('approved', 'rejected', 'withdrawn', 'ineligible') LIMIT 20000`,
  );
  const paths = rows.map((row) => `/applications/${row.id}`);
  const run = (url: string, headers: Record<string, string>, seconds: number, prefix = '') =>
    load({ url, connections: scale.connections, seconds, headers, nextPath: cycle(paths.map((path) => `${prefix}${path}`)) });
  const measured = async (name: string, pid: number, url: string, headers: Record<string, string>, prefix = '') => {
    const cpu = await bench.cpu.start({ [name]: pid });
    const result = await run(url, headers, scale.seconds, prefix);
    return { ...result, cpu: perRequest(await cpu(), name, result.ok) };
  };

  bench.memory.phase('reads');
  const token = { authorization: `Bearer ${people.secretariat.token}` };
  await run(bench.apiUrl, token, scale.warmUpSeconds);
  const api = await measured('api', bench.pids.api, bench.apiUrl, token);
  bench.log(`reads through the API: ${api.perSecond}/s, p99 ${api.latencyMs.p99} ms, non-2xx ${api.non2xx}`);

  const correspondence = await correspondenceReads(bench, rows[0].id, rows[1].id);

  bench.memory.phase('reads (bare Fastify baseline)');
  const port = await freePort();
  const bare = Child.start('bare-fastify', 'dist/bench/bench/bare-fastify.js', {}, [
    bench.databaseUrl,
    String(port),
    String(bench.apiPoolSize),
    people.secretariat.sessionId,
  ]);
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitUntil('bare Fastify', async () => (await fetch(`${url}/health`)).ok, 10_000, bare);
    await run(url, {}, scale.warmUpSeconds);
    const bareFastify = await measured('bare-fastify', bare.pid, url, {});
    bench.log(`reads through bare Fastify: ${bareFastify.perSecond}/s, p99 ${bareFastify.latencyMs.p99} ms`);
    await run(url, {}, scale.warmUpSeconds, '/same-statements');
    const bareFastifySameStatements = await measured('bare-fastify', bare.pid, url, {}, '/same-statements');
    bench.log(`reads through bare Fastify with the API's 2 statements: ${bareFastifySameStatements.perSecond}/s`);
    const value = Math.round((api.perSecond / bareFastify.perSecond) * 1000) / 1000;
    bench.memory.phase('reads with sign-ins');
    const cycles = signInsMeanwhile(bench, scale.seconds);
    const reading = await run(bench.apiUrl, token, scale.seconds);
    const signIns = await cycles;
    const withRatio = Math.round((reading.perSecond / bareFastify.perSecond) * 1000) / 1000;
    const withSignIns = { ...reading, signIns, ratio: withRatio, met: withRatio >= 0.5 && signIns.ok === signIns.cycles };
    bench.log(
      `reads while officials sign in: ${reading.perSecond}/s (${Math.round(withRatio * 100)}% of bare Fastify); ` +
        `${signIns.ok}/${signIns.cycles} sign-in + refresh + read, p99 ${signIns.latencyMs.p99} ms`,
    );
    return {
      ...sizes,
      api,
      bareFastify,
      bareFastifySameStatements,
      ratio: value,
      target: 0.5,
      met: value >= 0.5,
      correspondence,
      withSignIns,
    };
  } finally {
    await bare.stop();
  }
}

/**
 * Issue 15: reading an application costs the same with 5 messages or 500 (the view carries the latest 5; the
 * rest is paged by GET /applications/:id/messages). Both read in turns (4 runs each, alternating), so that
 * a burst of other work on a shared machine falls on both sides.
 */
async function correspondenceReads(bench: Bench, fewId: string, manyId: string): Promise<CorrespondenceReads> {
  const { scale, pool, people } = bench;
  bench.memory.phase('reads (5 and 500 messages)');
  const seed = (id: string, count: number) =>
    pool.query(
      `INSERT INTO application_messages (application_id, kind, body, author_id, created_at)
       SELECT $1, CASE WHEN i % 2 = 0 THEN 'information-request' ELSE 'response' END,
              repeat('A message of the review, as long as a real one tends to be. ', 4) || i, $2,
              now() - make_interval(secs => $3 - i)
         FROM generate_series(1, $3::int) AS i`,
      [id, people.secretariat.id, count],
    );
  await seed(fewId, 5);
  await seed(manyId, 500);
  await pool.query('ANALYZE application_messages');
  const headers = { authorization: `Bearer ${people.secretariat.token}` };
  const run = (id: string, seconds: number) =>
    load({ url: bench.apiUrl, connections: scale.connections, seconds, headers, keepSamples: true, nextPath: () => `/applications/${id}` });
  await run(fewId, scale.warmUpSeconds / 2);
  await run(manyId, scale.warmUpSeconds / 2);
  const samples = { few: [] as number[], many: [] as number[] };
  const ok = { few: 0, many: 0 };
  const seconds = { few: 0, many: 0 };
  for (let turn = 0; turn < 4; turn += 1) {
    for (const side of ['few', 'many'] as const) {
      const result = await run(side === 'few' ? fewId : manyId, scale.seconds / 4);
      samples[side].push(...(result.samples ?? []));
      ok[side] += result.ok;
      seconds[side] += result.seconds;
    }
  }
  const few = { messages: 5, perSecond: Math.round(ok.few / seconds.few), latencyMs: summarise(samples.few) };
  const many = { messages: 500, perSecond: Math.round(ok.many / seconds.many), latencyMs: summarise(samples.many) };
  const p99Ratio = Math.round((many.latencyMs.p99 / few.latencyMs.p99) * 100) / 100;
  bench.log(
    `reads with 5 messages: ${few.perSecond}/s, p99 ${few.latencyMs.p99} ms; with 500: ${many.perSecond}/s, p99 ${many.latencyMs.p99} ms (${p99Ratio}×)`,
  );
  return { few, many, p99Ratio, target: 1.5, met: p99Ratio <= 1.5 };
}

/** Delegates signing in, renewing their token with the refresh cookie, and reading, one cycle every 500 ms. */
async function signInsMeanwhile(bench: Bench, seconds: number): Promise<{ cycles: number; ok: number; latencyMs: LatencySummary }> {
  const { api, people } = bench;
  const until = Date.now() + seconds * 1000;
  const latencies: number[] = [];
  let ok = 0;
  for (let cycle = 0; Date.now() < until; cycle++) {
    const paced = new Promise((done) => setTimeout(done, 500));
    const started = Date.now();
    const delegate = people.delegates[cycle % people.delegates.length];
    const signedIn = await api.send('POST', '/auth/login', { body: { email: delegate.email, password: BENCH_PASSWORD } });
    const renewed = await api.send<{ accessToken: string }>('POST', '/auth/refresh', {
      headers: { cookie: `near_refresh=${signedIn.cookies.near_refresh ?? ''}` },
    });
    const read = await api.send('GET', '/auth/me', { token: renewed.body.accessToken });
    latencies.push(Date.now() - started);
    if (signedIn.status === 200 && renewed.status === 200 && read.status === 200) ok++;
    await paced;
  }
  return { cycles: latencies.length, ok, latencyMs: summarise(latencies) };
}
