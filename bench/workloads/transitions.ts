import type { Bench } from '../lib/context.js';
import { poolOf, warmPool } from '../lib/database.js';
import { load, type LoadResult } from '../lib/http.js';
import { type CpuPerRequest, perRequest } from '../lib/processes.js';
import { type RawResult, rawLoad } from '../lib/raw-loop.js';
import { seedSubmittedApplications } from '../lib/seed.js';
import { ratio } from '../lib/stats.js';
import { type TransitionMixResult, transitionMix } from './transition-mix.js';
import { type RawMixMailResult, rawTransitionMix } from './transition-mix-raw.js';
import { rawTransition } from '../lib/raw-transition.js';
import { ACTIVE_CALLER_STATEMENT, APPLICATION_VIEW_STATEMENT } from '../lib/statements.js';

export interface TransitionsResult {
  http: LoadResult & { applied: number; cpu: CpuPerRequest };
  /** The baseline: the transaction's statements (5) sent with pg by 32 clients. */
  raw: RawResult & { cpu: CpuPerRequest };
  /** For the explanation: every statement the request sends (7: the token's user, the transaction, the answer's read). */
  rawEveryStatement: RawResult & { cpu: CpuPerRequest };
  /** Fresh applications used up by the runs (warm-ups included), of the pool seeded for them. */
  applicationsUsed: number;
  ratio: number;
  target: number;
  met: boolean;
  /** The issue's target: a mix with e-mail, ≥ 50% of the raw rate and p99 ≤ 3× the raw p99. */
  mix: TransitionMixResult & {
    ratio: number;
    p99Ratio: number;
    met: boolean;
    /** The mix's own statements sent with pg (its messages, outbox rows, the government and addresses they name). */
    raw: RawResult & { cpu: CpuPerRequest };
    rawRatio: number;
    rawP99Ratio: number;
    /**
     * The same statements, and each transaction's e-mail sent by the baseline itself once it commits (nodemailer);
     * compared by the rate counted until the run's last e-mail was sent, for NEAR and for it.
     */
    rawWithMail: RawResult & { cpu: CpuPerRequest; mail?: RawMixMailResult };
    rawWithMailRatio: number;
    rawWithMailP99Ratio: number;
  };
  /** Every entry in a signed checkpoint within 2 s of its commit (p99, under the mix). */
  checkpointMet: boolean;
}

/** start-review over HTTP by 32 clients, each on an application of its own, beside the same SQL sent with pg. */
export async function transitions(bench: Bench): Promise<TransitionsResult> {
  const { scale, pool, people } = bench;
  const { secretariat, applicant } = people;

  bench.memory.phase('seeding');
  bench.log(`transitions: seeding ${scale.transitionPool} submitted applications`);
  // One queue of fresh applications for every run in turn; a run that empties it stops early (its rate stands).
  const ids = await seedSubmittedApplications(pool, scale.transitionPool, applicant.id, 'transitions');
  await pool.query('ANALYZE applications');
  let taken = 0;
  const take = () => (taken < ids.length ? ids[taken++] : undefined);
  const firstHttp = taken;

  const run = (seconds: number) =>
    load({
      url: bench.apiUrl,
      connections: scale.connections,
      seconds,
      method: 'POST',
      headers: { authorization: `Bearer ${secretariat.token}` },
      body: '{}',
      nextPath: () => {
        const id = take();
        return id === undefined ? undefined : `/applications/${id}/actions/start-review`;
      },
    });
  bench.memory.phase('transitions');
  await run(scale.warmUpSeconds);
  const httpCpu = await bench.cpu.start({ api: bench.pids.api });
  const http = await run(scale.seconds);
  const cpuHttp = perRequest(await httpCpu(), 'api', http.ok);
  const { rows } = await pool.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM applications WHERE id = ANY($1::uuid[]) AND state = 'under_review'`,
    [ids.slice(firstHttp, taken)],
  );
  bench.log(`transitions over HTTP: ${http.perSecond}/s, p99 ${http.latencyMs.p99} ms, non-2xx ${http.non2xx}`);

  const rawPool = poolOf(bench.databaseUrl, scale.connections);
  try {
    await warmPool(rawPool, scale.connections);
    const rawRun = async (unit: (id: string) => Promise<void>) => {
      await rawLoad({ clients: scale.connections, seconds: scale.warmUpSeconds, next: take, unit });
      const cpu = await bench.cpu.start({ bench: process.pid });
      const result = await rawLoad({ clients: scale.connections, seconds: scale.seconds, next: take, unit });
      return { ...result, cpu: perRequest(await cpu(), 'bench', result.ok) };
    };
    bench.memory.phase('transitions (raw baseline)');
    // The transaction alone, as the API sends it; the app's own statements, no system-wide lock.
    const raw = await rawRun((id) => rawTransition(rawPool, 'start-review', id, secretariat, false));
    bench.log(`transitions raw (transaction only): ${raw.perSecond}/s, p99 ${raw.latencyMs.p99} ms, errors ${raw.errors}`);
    const rawEveryStatement = await rawRun(async (id) => {
      await rawPool.query({ ...ACTIVE_CALLER_STATEMENT, values: [secretariat.sessionId] });
      await rawTransition(rawPool, 'start-review', id, secretariat, false);
      await rawPool.query({ ...APPLICATION_VIEW_STATEMENT, values: [id] });
    });
    bench.log(`transitions raw (every statement): ${rawEveryStatement.perSecond}/s, p99 ${rawEveryStatement.latencyMs.p99} ms`);
    if (taken >= ids.length) bench.log(`transitions: all ${ids.length} applications used; the last run was cut short`);
    const value = ratio(http.perSecond, raw.perSecond);
    bench.memory.phase('transitions (mix with e-mail)');
    const mixed = await transitionMix(bench, scale.seconds);
    const mixRatio = ratio(mixed.http.perSecond, raw.perSecond);
    const mixP99Ratio = ratio(mixed.http.latencyMs.p99, raw.latencyMs.p99);
    bench.memory.phase('transitions (the mix, raw baseline)');
    const rawMix = await rawTransitionMix(bench, rawPool, (ids, work) => withTheWorkerStopped(bench, ids, work));
    bench.log(`transition mix raw (its own statements): ${rawMix.perSecond}/s, p99 ${rawMix.latencyMs.p99} ms, errors ${rawMix.errors}`);
    bench.memory.phase('transitions (the mix, raw baseline with e-mail)');
    const rawWithMail = await rawTransitionMix(bench, rawPool, (ids, work) => withTheWorkerStopped(bench, ids, work), true);
    bench.log(
      `transition mix raw with e-mail: ${rawWithMail.perSecond}/s, p99 ${rawWithMail.latencyMs.p99} ms, errors ${rawWithMail.errors}; ` +
        `${rawWithMail.mail?.sent} e-mails sent (${rawWithMail.mail?.failed} failed${rawWithMail.mail?.firstError ? `: ${rawWithMail.mail.firstError}` : ''}), the last ${rawWithMail.mail?.drainedAfterMs} ms after the run`,
    );
    return {
      http: { ...http, applied: Number(rows[0].n), cpu: cpuHttp },
      raw,
      rawEveryStatement,
      applicationsUsed: taken,
      ratio: value,
      target: 0.5,
      met: value >= 0.5,
      mix: {
        ...mixed,
        ratio: mixRatio,
        p99Ratio: mixP99Ratio,
        met: mixRatio >= 0.5 && mixP99Ratio <= 3 && mixed.http.errors === 0,
        raw: rawMix,
        rawRatio: ratio(mixed.http.perSecond, rawMix.perSecond),
        rawP99Ratio: ratio(mixed.http.latencyMs.p99, rawMix.latencyMs.p99),
        rawWithMail,
        rawWithMailRatio: ratio(mixed.mail.deliveredPerSecond, rawWithMail.mail?.deliveredPerSecond ?? Number.NaN),
        rawWithMailP99Ratio: ratio(mixed.http.latencyMs.p99, rawWithMail.latencyMs.p99),
      },
      checkpointMet: mixed.toCheckpointMs.entries > 0 && mixed.toCheckpointMs.p99 <= 2_000,
    };
  } finally {
    await rawPool.end();
  }
}

/**
 * Runs a baseline with the worker stopped (SIGSTOP), once it has sent every e-mail and integrated every entry (so it
 * holds no job and no integration batch): the machine is the baseline's alone, and the outbox rows the baseline
 * writes (for `applicationIds`) are not sent. They are deleted before the worker goes on, which then integrates the
 * baseline's entries.
 */
async function withTheWorkerStopped<T>(bench: Bench, applicationIds: readonly string[], baseline: () => Promise<T>): Promise<T> {
  await settled(bench);
  process.kill(bench.pids.worker, 'SIGSTOP');
  try {
    return await baseline();
  } finally {
    try {
      await bench.pool.query(`DELETE FROM notifications WHERE application_id = ANY($1::uuid[])`, [applicationIds]);
    } finally {
      process.kill(bench.pids.worker, 'SIGCONT');
    }
    await settled(bench);
  }
}

/** Until the outbox is empty and the log has integrated every entry; a worker that never gets there stops the run. */
async function settled(bench: Bench, timeoutMs = 180_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    const { rows } = await bench.pool.query<{ waiting: number }>(
      `SELECT (SELECT count(*) FROM notifications WHERE status IN ('pending', 'queued'))::int
            + (SELECT count(*) FROM log_pending)::int AS waiting`,
    );
    if (rows[0].waiting === 0) return;
    if (Date.now() - started > timeoutMs) throw new Error(`the worker left ${rows[0].waiting} e-mails and entries after ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 200));
  }
}
