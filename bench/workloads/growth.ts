import type { Bench } from '../lib/context.js';
import { load, type LoadResult } from '../lib/http.js';
import { type CpuPerRequest, perRequest } from '../lib/processes.js';
import { auditCount } from '../lib/seed.js';
import { summarise } from '../lib/stats.js';

/** How many connections read at once while growth is measured: latency, not throughput, is the point here. */
const GROWTH_CONNECTIONS = 2;

export interface GrowthPoint {
  auditEntries: number;
  /** GET /audit-events?limit=100&cursor=… : a page from the middle of the trail, as a client paging through reads it. */
  list: Measured;
  /** GET /audit-events?action=application.submitted&limit=100 : the first page of a filtered list. */
  listByAction: Measured;
  /** GET /applications/:id/history of an application with 10 entries, the same one at every size. */
  history: Measured;
}

/**
 * One endpoint at one size. Measured in CHUNKS equal runs: `p99` is the median of their p99s, so that a burst of
 * other work on a shared machine during one run does not pass for growth; `latencyMs` covers every answer.
 */
type Measured = LoadResult & { cpu: CpuPerRequest; p99: number; p99ByRun: number[] };

const CHUNKS = 4;

export interface GrowthResult {
  points: GrowthPoint[];
  /** p99 (median of the runs' p99s) at the largest size over the same at the smallest, per endpoint. */
  p99Growth: { list: number; listByAction: number; history: number };
  /** The same with the p99 of every answer together, for comparison. */
  p99GrowthAllAnswers: { list: number; listByAction: number; history: number };
  target: number;
  met: boolean;
}

/** Measures the three reads of the trail at its current size. */
export async function growthPoint(bench: Bench, historyApplicationId: string): Promise<GrowthPoint> {
  const { scale, people, pool } = bench;
  const size = await auditCount(pool);
  const headers = { authorization: `Bearer ${people.secretariat.token}` };
  const run = async (path: string): Promise<Measured> => {
    const options = { url: bench.apiUrl, connections: GROWTH_CONNECTIONS, headers, nextPath: () => path, keepSamples: true };
    // As long a warm-up as the other workloads': the first size is measured right after start-up, before the JIT knows these routes.
    await load({ ...options, seconds: scale.warmUpSeconds });
    const cpu = await bench.cpu.start({ api: bench.pids.api });
    const runs: LoadResult[] = [];
    for (let chunk = 0; chunk < CHUNKS; chunk += 1) runs.push(await load({ ...options, seconds: scale.growthSeconds / CHUNKS }));
    const use = await cpu();
    const ok = runs.reduce((sum, each) => sum + each.ok, 0);
    const seconds = runs.reduce((sum, each) => sum + each.seconds, 0);
    const p99ByRun = runs.map((each) => each.latencyMs.p99);
    const statusCodes: Record<string, number> = {};
    for (const each of runs)
      for (const [code, count] of Object.entries(each.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + count;
    return {
      ok,
      non2xx: runs.reduce((sum, each) => sum + each.non2xx, 0),
      errors: runs.reduce((sum, each) => sum + each.errors, 0),
      seconds,
      perSecond: Math.round(ok / seconds),
      latencyMs: summarise(runs.flatMap((each) => each.samples ?? [])),
      statusCodes,
      cpu: perRequest(use, 'api', ok),
      p99: median(p99ByRun),
      p99ByRun,
    };
  };
  bench.memory.phase(`growth at ${size}`);
  const list = await run(`/audit-events?limit=100&cursor=${Math.floor(size / 2)}`);
  const listByAction = await run(`/audit-events?action=application.submitted&limit=100`);
  const history = await run(`/applications/${historyApplicationId}/history`);
  bench.log(`growth at ${size} entries: p99 list ${list.p99} ms, by action ${listByAction.p99} ms, history ${history.p99} ms`);
  return { auditEntries: size, list, listByAction, history };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : Math.round(((sorted[middle - 1] + sorted[middle]) / 2) * 100) / 100;
}

export function growthSummary(points: GrowthPoint[]): GrowthResult {
  const first = points[0];
  const last = points[points.length - 1];
  const growth = (p99: (measured: Measured) => number) => {
    const of = (pick: (point: GrowthPoint) => Measured) => Math.round((p99(pick(last)) / p99(pick(first))) * 100) / 100;
    return { list: of((p) => p.list), listByAction: of((p) => p.listByAction), history: of((p) => p.history) };
  };
  const p99Growth = growth((measured) => measured.p99);
  return {
    points,
    p99Growth,
    p99GrowthAllAnswers: growth((measured) => measured.latencyMs.p99),
    target: 2,
    met: Object.values(p99Growth).every((value) => value <= 2),
  };
}
