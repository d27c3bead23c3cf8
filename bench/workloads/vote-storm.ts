import type { Bench } from '../lib/context.js';
import { poolOf, warmPool } from '../lib/database.js';
import { applicationWithOpenBallot } from '../lib/fixtures.js';
import { Http } from '../lib/http.js';
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
  /** The first measured storm alone: every connection new. */
  firstRoundMs: LatencySummary;
  cpu?: CpuPerRequest;
}

/** Before the measured storms (HTTP only): a storm on a process that has never taken a ballot, then the warm-up. */
export interface StormPrelude {
  /**
   * The first storm of an API process started for it (as after a deployment): its start-up done, nothing served
   * yet, every connection new. Measured against the same target as the warm storms.
   */
  fresh: StormSide & { startSeconds: number };
  /** One storm right after the set-up, new connections, code the JIT has not seen run: not in the measured storms. */
  cold: StormSide;
  /** scale.warmUpSeconds of casts, `scale.connections` at a time, as every workload warms up: not measured. */
  warmUp: { seconds: number; casts: number; errors: number };
}

export interface VoteStormResult {
  delegates: number;
  castsPerDelegate: number;
  http: StormSide & StormPrelude;
  raw: StormSide;
  /** Of every cast over HTTP: the fresh API's storm's, the cold storm's, the warm-up's and the measured storms'. */
  errors: number;
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

/** `clients` loops, each sending its next cast as soon as the last is answered, for `seconds`. */
async function sustained(seconds: number, clients: number, cast: (index: number) => Promise<number>) {
  const deadline = Date.now() + seconds * 1000;
  let sent = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < deadline) {
        const status = await cast(sent++).catch(() => 0);
        if (status !== 200) errors += 1;
      }
    }),
  );
  return { seconds, casts: sent, errors };
}

/** Every member delegate casts its ballot `castsPerDelegate` times at the same moment, over HTTP and as raw upserts. */
export async function voteStorm(bench: Bench): Promise<VoteStormResult> {
  const { scale, pool, people, api } = bench;
  bench.memory.phase('vote storm (set-up)');
  const { applicationId, voteId } = await applicationWithOpenBallot(api, pool, people);
  const delegates = people.delegates;
  const perDelegate = scale.stormCastsPerDelegate;
  bench.log(`vote storm: ${delegates.length} delegates × ${perDelegate} casts at once, up to ${scale.stormRounds} storms`);

  // Each phase on connections of its own: the cold storm and the first measured storm both open 210 new ones.
  const castOver = (client: Http) => (delegateIndex: number, choiceIndex: number) => async () => {
    const delegate = delegates[delegateIndex % delegates.length];
    const answer = await client.send('PUT', `/applications/${applicationId}/ballot`, {
      token: delegate.token,
      body: { choice: CHOICES[choiceIndex % CHOICES.length] },
    });
    return answer.status;
  };
  const everyDelegateAtOnce = (client: Http) => (round: number) =>
    delegates.flatMap((_, index) => Array.from({ length: perDelegate }, (__, cast) => castOver(client)(index, index + cast + round)));
  bench.memory.phase('vote storm (freshly started API)');
  const starting = process.hrtime.bigint();
  const freshApi = await bench.startFreshApi();
  const startSeconds = Math.round(Number(process.hrtime.bigint() - starting) / 1e8) / 10;
  const freshClient = new Http(freshApi.url);
  let fresh: StormSide;
  try {
    const freshCpu = await bench.cpu.start({ api: freshApi.pid });
    fresh = await storm(1, 0, everyDelegateAtOnce(freshClient));
    fresh.cpu = perRequest(await freshCpu(), 'api', fresh.casts);
  } finally {
    freshClient.close();
    await freshApi.stop();
  }
  bench.log(
    `vote storm on a freshly started API (up in ${startSeconds} s): p99 ${fresh.latencyMs.p99} ms, errors ${fresh.errors}, CPU per cast ${fresh.cpu?.processMs} ms (API), ${fresh.cpu?.databaseMs} ms (PostgreSQL)`,
  );

  const clients = [new Http(bench.apiUrl), new Http(bench.apiUrl), new Http(bench.apiUrl)];
  const [coldClient, warmUpClient, measuredClient] = clients;

  bench.memory.phase('vote storm (cold storm, warm-up)');
  let prelude: StormPrelude;
  let http: StormSide;
  try {
    const cold = await storm(1, 0, everyDelegateAtOnce(coldClient));
    const warmUp = await sustained(scale.warmUpSeconds, scale.connections, (index) => castOver(warmUpClient)(index, index)());
    prelude = { fresh: { ...fresh, startSeconds }, cold, warmUp };
    bench.memory.phase('vote storm');
    const httpCpu = await bench.cpu.start({ api: bench.pids.api });
    http = await storm(scale.stormRounds, scale.stormSeconds, everyDelegateAtOnce(measuredClient));
    http.cpu = perRequest(await httpCpu(), 'api', http.casts);
  } finally {
    for (const client of clients) client.close();
  }
  const errors = http.errors + prelude.fresh.errors + prelude.cold.errors + prelude.warmUp.errors;
  bench.log(
    `vote storm over HTTP: cold storm p99 ${prelude.cold.latencyMs.p99} ms; ${prelude.warmUp.casts} casts to warm up; ` +
      `p50 ${http.latencyMs.p50} ms, p99 ${http.latencyMs.p99} ms, errors ${errors}`,
  );
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
    const met = http.latencyMs.p99 < 100 && prelude.fresh.latencyMs.p99 < 100 && errors === 0;
    return {
      delegates: delegates.length,
      castsPerDelegate: perDelegate,
      http: { ...http, ...prelude },
      errors,
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
