import type { Bench } from '../lib/context.js';
import { poolOf, warmPool } from '../lib/database.js';
import { applicationWithOpenBallot } from '../lib/fixtures.js';
import { type CpuPerRequest, perRequest } from '../lib/processes.js';
import { type LatencySummary, sleep, summarise } from '../lib/stats.js';

const CHOICES = ['yes', 'no', 'abstain'] as const;

// The statement BallotBox.cast sends for the ballot itself (libs/voting/src/votes/ballot-box.service.ts).
const UPSERT_BALLOT = `INSERT INTO ballots (vote_id, government_id, choice, cast_by, first_cast_at, last_cast_at)
         VALUES ($1, $2, $3, $4, $5, $5)
         ON CONFLICT (vote_id, government_id)
         DO UPDATE SET choice = EXCLUDED.choice, cast_by = EXCLUDED.cast_by, last_cast_at = EXCLUDED.last_cast_at,
                       changes = ballots.changes + 1
         RETURNING (xmax = 0) AS inserted`;

export interface StormSide {
  rounds: number;
  casts: number;
  errors: number;
  statusCodes: Record<string, number>;
  latencyMs: LatencySummary;
  /** The first storm alone: every connection new, nothing warm. */
  firstRoundMs: LatencySummary;
  cpu?: CpuPerRequest;
}

export interface VoteStormResult {
  delegates: number;
  castsPerDelegate: number;
  http: StormSide;
  raw: StormSide;
  /** Ballots counted afterwards: one per government, whatever the storm did. */
  ballots: number;
  p99Ratio: number;
  target: { p99Ms: number; errors: number };
  met: boolean;
}

/** Storms until `rounds` are done or `seconds` have passed: each one every request at once, then a short pause. */
async function storm(
  rounds: number,
  seconds: number,
  casts: (round: number) => (() => Promise<number>)[],
): Promise<StormSide & { rounds: number }> {
  const latencies: number[] = [];
  let first: number[] = [];
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  let done = 0;
  const deadline = Date.now() + seconds * 1000;
  while (done < rounds && (done === 0 || Date.now() < deadline)) {
    const round = await Promise.all(
      casts(done).map(async (cast) => {
        const started = process.hrtime.bigint();
        let status: number;
        try {
          status = await cast();
        } catch {
          status = 0;
        }
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        statusCodes[status] = (statusCodes[status] ?? 0) + 1;
        if (status !== 200) errors += 1;
        return ms;
      }),
    );
    latencies.push(...round);
    if (done === 0) first = round;
    done += 1;
    await sleep(250);
  }
  return { rounds: done, casts: latencies.length, errors, statusCodes, latencyMs: summarise(latencies), firstRoundMs: summarise(first) };
}

/** Every member delegate casts its ballot `castsPerDelegate` times at the same moment, over HTTP and as raw upserts. */
export async function voteStorm(bench: Bench): Promise<VoteStormResult> {
  const { scale, pool, people, api } = bench;
  bench.memory.phase('vote storm (set-up)');
  const { applicationId, voteId } = await applicationWithOpenBallot(api, pool, people);
  const delegates = people.delegates;
  const perDelegate = scale.stormCastsPerDelegate;
  bench.log(`vote storm: ${delegates.length} delegates × ${perDelegate} casts at once, up to ${scale.stormRounds} storms`);

  bench.memory.phase('vote storm');
  const httpCpu = await bench.cpu.start({ api: bench.pids.api });
  const http: StormSide = await storm(scale.stormRounds, scale.stormSeconds, (round) =>
    delegates.flatMap((delegate, index) =>
      Array.from({ length: perDelegate }, (_, cast) => async () => {
        const choice = CHOICES[(index + cast + round) % CHOICES.length];
        const answer = await api.send('PUT', `/applications/${applicationId}/ballot`, { token: delegate.token, body: { choice } });
        return answer.status;
      }),
    ),
  );
  http.cpu = perRequest(await httpCpu(), 'api', http.casts);
  bench.log(`vote storm over HTTP: p50 ${http.latencyMs.p50} ms, p99 ${http.latencyMs.p99} ms, errors ${http.errors}`);
  const { rows } = await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM ballots WHERE vote_id = $1', [voteId]);

  const rawPool = poolOf(bench.databaseUrl, scale.connections);
  try {
    await warmPool(rawPool, scale.connections);
    bench.memory.phase('vote storm (raw baseline)');
    const rawCpu = await bench.cpu.start({ bench: process.pid });
    const raw: StormSide = await storm(http.rounds, scale.stormSeconds, (round) =>
      delegates.flatMap((delegate, index) =>
        Array.from({ length: perDelegate }, (_, cast) => async () => {
          const choice = CHOICES[(index + cast + round) % CHOICES.length];
          await rawPool.query(UPSERT_BALLOT, [voteId, delegate.governmentId, choice, delegate.id, new Date()]);
          return 200;
        }),
      ),
    );
    raw.cpu = perRequest(await rawCpu(), 'bench', raw.casts);
    bench.log(`vote storm raw: p50 ${raw.latencyMs.p50} ms, p99 ${raw.latencyMs.p99} ms`);
    const met = http.latencyMs.p99 < 100 && http.errors === 0;
    return {
      delegates: delegates.length,
      castsPerDelegate: perDelegate,
      http,
      raw,
      ballots: Number(rows[0].n),
      p99Ratio: Math.round((http.latencyMs.p99 / raw.latencyMs.p99) * 10) / 10,
      target: { p99Ms: 100, errors: 0 },
      met,
    };
  } finally {
    await rawPool.end();
  }
}
