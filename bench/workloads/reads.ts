import type { Bench } from '../lib/context.js';
import { load, type LoadResult } from '../lib/http.js';
import { Child, type CpuPerRequest, freePort, perRequest, waitUntil } from '../lib/processes.js';

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

  bench.memory.phase('reads (bare Fastify baseline)');
  const port = await freePort();
  const bare = Child.start('bare-fastify', 'dist/bench/bench/bare-fastify.js', {}, [
    bench.databaseUrl,
    String(port),
    String(bench.apiPoolSize),
    people.secretariat.id,
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
    return { ...sizes, api, bareFastify, bareFastifySameStatements, ratio: value, target: 0.5, met: value >= 0.5 };
  } finally {
    await bare.stop();
  }
}
