// npm run bench [-- --smoke]: the benchmark of issue 6. Builds nothing itself (the npm script builds the API,
// the worker and this folder first), starts the real API and worker as processes of their own on a database
// of its own, drives each workload beside its raw baseline, and writes bench/results/<date>.json and the
// table in docs/benchmarks.md. See bench/README.md.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { type Bench, FULL, SMOKE } from './lib/context.js';
import { createBenchDatabase, poolOf } from './lib/database.js';
import { people } from './lib/fixtures.js';
import { Http } from './lib/http.js';
import { Child, CpuMeter, freePort, MemorySampler, waitUntil } from './lib/processes.js';
import { summariseProfile, readProfile } from './lib/profile.js';
import { type Results, writeResults } from './lib/report.js';
import {
  appendAuditEntries,
  type EntryInput,
  integrated,
  lifeEntry,
  sampleApplicationIds,
  seedDecidedApplications,
  seededEntry,
} from './lib/seed.js';
import { SmtpSink } from './lib/smtp-sink.js';
import { round } from './lib/stats.js';
import { documents } from './workloads/documents.js';
import { type GrowthPoint, growthPoint, growthSummary } from './workloads/growth.js';
import { login } from './workloads/login.js';
import { notifications } from './workloads/notifications.js';
import { reads } from './workloads/reads.js';
import { transitions } from './workloads/transitions.js';
import { verify } from './workloads/verify.js';
import { voteStorm } from './workloads/vote-storm.js';

// The bench runs copies of the builds, so that a rebuild started meanwhile (npm test rebuilds dist/apps) cannot pull them away.
const SNAPSHOT = 'dist/bench/snapshot';
const API_ENTRY = `${SNAPSHOT}/api/apps/api/src/main.js`;
const WORKER_ENTRY = `${SNAPSHOT}/worker/apps/worker/src/main.js`;

/** BENCH_APPS_DIR: another build to measure (a what-if experiment), laid out like dist/apps. */
function snapshotBuilds(): void {
  const builds = process.env.BENCH_APPS_DIR ?? 'dist/apps';
  rmSync(SNAPSHOT, { recursive: true, force: true });
  for (const app of ['api', 'worker']) {
    if (!existsSync(`${builds}/${app}/apps/${app}/src/main.js`))
      throw new Error(`${builds}/${app} is missing: build it first (npm run bench does)`);
    cpSync(`${builds}/${app}`, `${SNAPSHOT}/${app}`, { recursive: true });
  }
}

/** The API's pool (libs/database/src/data-source-options.ts): bare Fastify gets as many connections. */
const API_POOL_SIZE = 10;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

const WORKLOADS = ['transitions', 'vote-storm', 'notifications', 'login', 'reads', 'growth', 'verify', 'documents'] as const;
type Workload = (typeof WORKLOADS)[number];

const argv = process.argv.slice(2);
const smoke = argv.includes('--smoke');
/** Runs the API and the worker under V8's CPU profiler and summarises each workload's samples (the numbers then carry its overhead). */
const profile = argv.includes('--profile');
const onlyArgument = argv.find((arg) => arg.startsWith('--only='));
const only = new Set<Workload>(onlyArgument ? (onlyArgument.slice('--only='.length).split(',') as Workload[]) : WORKLOADS);
for (const name of only) if (!WORKLOADS.includes(name)) throw new Error(`--only: no workload named ${name} (${WORKLOADS.join(', ')})`);
const scale = smoke ? SMOKE : FULL;
process.chdir(fileURLToPath(new URL('../../../', import.meta.url)));

const began = Date.now();
const log = (message: string) => console.log(`[bench ${((Date.now() - began) / 1000).toFixed(0).padStart(3)} s] ${message}`);

function versionOf(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

/** Load average and other sessions' database connections, sampled every 2 s: was the machine ours alone? */
function watchMachine(bench: { pool: Bench['pool'] }, databaseName: string) {
  const seen = { loadMax: loadavg()[0], otherConnectionsMax: 0 };
  const timer = setInterval(() => {
    seen.loadMax = Math.max(seen.loadMax, loadavg()[0]);
    bench.pool
      .query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend' AND datname IS DISTINCT FROM $1`,
        [databaseName],
      )
      .then(({ rows }) => (seen.otherConnectionsMax = Math.max(seen.otherConnectionsMax, rows[0].n)))
      .catch(() => undefined);
  }, 2_000);
  timer.unref();
  return { seen, stop: () => clearInterval(timer) };
}

async function main(): Promise<void> {
  const date = new Date().toISOString();
  profileDirectory = profile ? `bench/results/profiles/${date.replace(/:/g, '-')}` : undefined;
  const loadAtStart = loadavg()[0];
  snapshotBuilds();
  log(`${smoke ? 'smoke run' : 'full run'} on ${cpus().length} cores, Node ${process.version}, load average ${loadAtStart.toFixed(2)}`);
  const database = await createBenchDatabase();
  const redisPrefix = database.name;
  const smtp = await new SmtpSink().start();
  const pool = poolOf(database.url, 4);
  const children: Child[] = [];
  const started: Child[] = [];
  let http: Http | undefined;
  let watcher: ReturnType<typeof watchMachine> | undefined;
  try {
    const port = await freePort();
    const env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      DATABASE_URL: database.url,
      REDIS_URL,
      REDIS_PREFIX: redisPrefix,
      SMTP_URL: smtp.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_DATA: 'false',
      MIGRATIONS_RUN: 'true',
      // What `npm start` gives the processes' C library (scripts/node-env.json).
      ...(JSON.parse(readFileSync('scripts/node-env.json', 'utf8')) as Record<string, string>),
    };
    const apiUrl = `http://127.0.0.1:${port}`;
    const api = Child.start('api', API_ENTRY, env, [], profilerArguments('api'));
    children.push(api);
    started.push(api);
    await waitUntil('the API to answer /health', async () => (await fetch(`${apiUrl}/health`)).ok, 60_000, api);
    const worker = Child.start('worker', WORKER_ENTRY, env, [], profilerArguments('worker'));
    children.push(worker);
    started.push(worker);
    // The worker is ready when a notification goes through it end to end.
    await pool.query(
      `INSERT INTO notifications (event, recipient, locale, data)
       VALUES ('declared-eligible', 'ready@bench.example', 'en', '{"reference":"NEAR-2001-0000000","governmentName":"Bench"}')`,
    );
    await waitUntil('the worker to send a first e-mail', async () => smtp.accepted >= 1, 60_000, worker);
    log(`API (pid ${api.pid}) on ${apiUrl} and worker (pid ${worker.pid}) up, database ${database.name}`);

    const memory = new MemorySampler([api, worker]);
    memory.start();
    watcher = watchMachine({ pool }, database.name);
    http = new Http(apiUrl);
    const who = await people(http, pool, scale.delegates);
    const bench: Bench = {
      scale,
      api: http,
      apiUrl,
      databaseUrl: database.url,
      pool,
      people: who,
      smtp,
      memory,
      cpu: new CpuMeter(pool, database.name),
      pids: { api: api.pid, worker: worker.pid },
      apiPoolSize: API_POOL_SIZE,
      log,
      startFreshApi: async () => {
        const freshPort = await freePort();
        const fresh = Child.start('fresh api', API_ENTRY, { ...env, PORT: String(freshPort) }, [], profilerArguments('api', false));
        const url = `http://127.0.0.1:${freshPort}`;
        try {
          await waitUntil('the fresh API to answer /health', async () => (await fetch(`${url}/health`)).ok, 60_000, fresh);
        } catch (error) {
          console.error(`--- the last output of the fresh API:\n${fresh.output().slice(-4_000)}`);
          await fresh.stop();
          throw error;
        }
        return { url, pid: fresh.pid, stop: () => fresh.stop() };
      },
    };

    // The archive: decided applications, so that with the transitions' own the total is scale.applications.
    memory.phase('seeding');
    const decided = scale.applications - scale.transitionPool - 1;
    log(`seeding ${decided} decided applications`);
    await seedDecidedApplications(pool, decided, who.applicant.id);
    const archive = await sampleApplicationIds(pool, decided);
    // One application whose history is measured at every size: its 10 entries come first, nobody else's are its.
    const [historyApplication, ...others] = archive;
    let historyEntries = 0;
    // Numbered from the first seeded entry (not by seq, which other entries share): every life starts with its filing.
    let seeded = 0;
    const entryFor = (): EntryInput =>
      historyEntries < 10 ? lifeEntry(historyApplication, historyEntries++, 'NEAR-2001-HISTORY') : seededEntry(others, seeded++);
    const results: Partial<Results> = { seeding: [] };
    const grow = async (size: number) => {
      memory.phase('seeding');
      const { appended, ms } = await appendAuditEntries(pool, size, who.secretariat.actor, entryFor);
      log(`audit trail grown by ${appended} entries to ${size} in ${(ms / 1000).toFixed(1)} s`);
      await pool.query('VACUUM ANALYZE audit_events');
      // Each size is measured as it stands once the log has caught up, as in service: not while the worker turns
      // the entries just seeded (768,000 before the last size) into leaves, which took the 1,000,000 size's CPU.
      const integratedAfterSeconds = round((await integrated(pool)) / 1000, 1);
      log(`log integrated ${size} entries after ${integratedAfterSeconds.toFixed(1)} s more`);
      results.seeding!.push({ size, appended, seedSeconds: round(ms / 1000, 1), integratedAfterSeconds });
    };

    const points: GrowthPoint[] = [];
    const [first, second, last] = scale.auditSizes;
    await grow(first);
    if (only.has('growth')) points.push(await growthPoint(bench, historyApplication));
    await grow(second);
    if (only.has('growth')) points.push(await growthPoint(bench, historyApplication));
    if (only.has('transitions')) results.transitions = await transitions(bench);
    if (only.has('vote-storm')) results.voteStorm = await voteStorm(bench);
    if (only.has('notifications')) results.notifications = await notifications(bench);
    if (only.has('login')) results.login = await login(bench, smoke ? 20 : 120);
    if (only.has('growth') || only.has('reads') || only.has('verify')) {
      await grow(last);
      memory.phase('seeding');
      await pool.query('VACUUM ANALYZE');
    }
    if (only.has('growth')) {
      points.push(await growthPoint(bench, historyApplication));
      results.growth = growthSummary(points);
    }
    const { rows } = await pool.query<{ applications: number; audit: number }>(
      `SELECT (SELECT count(*)::int FROM applications) AS applications, (SELECT max(seq)::int FROM audit_events) AS audit`,
    );
    results.sizes = { applications: rows[0].applications, auditEntries: rows[0].audit };
    if (only.has('reads')) results.reads = await reads(bench, results.sizes);
    if (only.has('verify')) results.verify = await verify(bench);
    if (only.has('documents')) results.documents = await documents(bench);
    memory.phase('end');
    const { peakMb, peakByWorkload } = memory.stop();
    watcher.stop();
    results.memory = { peakMb, peakByWorkload, apiTargetMb: 250, met: (peakMb.api ?? Infinity) < 250 };

    results.connections = scale.connections;
    results.machine = {
      cores: cpus().length,
      cpu: cpus()[0]?.model.trim() ?? 'unknown',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      postgres: ((await pool.query<{ version: string }>('SELECT version()')).rows[0].version.match(/^PostgreSQL [\d.]+/) ?? [
        'PostgreSQL',
      ])[0],
      redis: versionOf('redis-server', ['--version']).match(/v=([\d.]+)/)?.[1] ?? 'unknown',
      commit: versionOf('git', ['rev-parse', '--short', 'HEAD']),
      // The bench's own pages (this table, the profiles) do not make the code measured differ from the commit.
      uncommittedChanges:
        versionOf('git', ['status', '--porcelain', '--untracked-files=no', '--', '.', ':!docs/benchmarks.md', ':!bench/results']) !== '',
      loadAverage: {
        start: Math.round(loadAtStart * 100) / 100,
        end: Math.round(loadavg()[0] * 100) / 100,
        max: Math.round(watcher.seen.loadMax * 100) / 100,
      },
      otherDatabaseConnectionsMax: watcher.seen.otherConnectionsMax,
    };

    // The profiles are written when the processes exit.
    http.close();
    for (const child of children.reverse()) await child.stop();
    children.length = 0;
    if (profileDirectory) results.profiles = summariseProfiles(profileDirectory, memory.windows);

    Object.assign(results, { date, smoke, profiled: profile, workloads: [...only], durationSeconds: (Date.now() - began) / 1000 });
    const written = await writeResults(results as Results);
    log(`wrote ${[written.json, written.markdown].filter(Boolean).join(' and ')}`);
    printSummary(results);
  } catch (error) {
    for (const child of started) console.error(`--- the last output of the ${child.name}:\n${child.output().slice(-4_000)}`);
    throw error;
  } finally {
    if (process.env.BENCH_SHOW_OUTPUT) for (const child of started) console.log(`--- ${child.name}:\n${child.output()}`);
    watcher?.stop();
    http?.close();
    for (const child of children.reverse()) await child.stop();
    await pool.end().catch(() => undefined);
    await smtp.stop();
    await database.drop().catch((error: unknown) => log(`could not drop ${database.name}: ${(error as Error).message}`));
    await dropRedisKeys(redisPrefix).catch((error: unknown) =>
      log(`could not remove the Redis keys ${redisPrefix}:*: ${(error as Error).message}`),
    );
    log(`done in ${((Date.now() - began) / 1000).toFixed(0)} s; database ${database.name} dropped`);
  }
}

let profileDirectory: string | undefined;

/**
 * Node options for the API and the worker: those `npm start` gives them (scripts/node-flags.json), the profiler's
 * with --profile, and BENCH_NODE_OPTIONS for experiments.
 */
function profilerArguments(name: 'api' | 'worker', profiled = true): string[] {
  const startFlags = (JSON.parse(readFileSync('scripts/node-flags.json', 'utf8')) as Record<string, string[]>)[name];
  const extra = (process.env.BENCH_NODE_OPTIONS ?? '').split(' ').filter(Boolean);
  return [
    ...startFlags,
    ...extra,
    ...(profileDirectory && profiled ? ['--cpu-prof', `--cpu-prof-dir=${profileDirectory}/${name}`, '--cpu-prof-interval=500'] : []),
  ];
}

/** Each workload's share of the API's and the worker's CPU profiles. */
function summariseProfiles(directory: string, windows: Record<string, { startUs: number; endUs: number }>): Results['profiles'] {
  const summaries: NonNullable<Results['profiles']> = {};
  for (const name of ['api', 'worker']) {
    const cpuProfile = readProfile(`${directory}/${name}`);
    summaries[name] = Object.fromEntries(
      Object.entries(windows)
        .filter(([phase]) => phase !== 'seeding' && phase !== 'end')
        .map(([phase, window]) => [phase, summariseProfile(cpuProfile, window)]),
    );
  }
  log(`CPU profiles in ${directory}`);
  return summaries;
}

async function dropRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

function printSummary(results: Partial<Results>): void {
  const { transitions: t, voteStorm: v, notifications: m, login: l, reads: r, growth: g, verify: a, memory } = results;
  const line = (name: string, met: boolean | undefined, text: string) =>
    console.log(`${met === undefined ? '    ' : met ? ' ok ' : 'MISS'}  ${name}: ${text}`);
  console.log('');
  if (t) line('transitions', t.met, `${t.http.perSecond}/s vs raw ${t.raw.perSecond}/s = ${Math.round(t.ratio * 100)}% (target 50%)`);
  if (t)
    line(
      'transition mix',
      t.mix.met,
      `${t.mix.http.perSecond}/s = ${Math.round(t.mix.ratio * 100)}% of raw, p99 ${t.mix.http.latencyMs.p99} ms = ${t.mix.p99Ratio}× raw (targets 50%, 3×)`,
    );
  if (t) line('log checkpoint', t.checkpointMet, `commit to signed checkpoint p99 ${t.mix.toCheckpointMs.p99} ms (target 2,000 ms)`);
  if (v)
    line(
      'vote storm',
      v.met,
      `p50 ${v.http.latencyMs.p50} ms, p99 ${v.http.latencyMs.p99} ms, ${v.errors} errors (raw p99 ${v.raw.latencyMs.p99} ms; ` +
        `cold storm before the warm-up p99 ${v.http.cold.latencyMs.p99} ms)`,
    );
  if (m)
    line('notifications', m.met, `${m.worker.perSecond}/s vs nodemailer ${m.raw.perSecond}/s = ${Math.round(m.ratio * 100)}% (target 50%)`);
  if (l)
    line(
      'login',
      l.guesses.met === undefined ? undefined : l.guesses.met && l.owner.met,
      `${l.guesses.checked} guesses checked in ${l.seconds} s, ${l.guesses.lastMinutePerMinute ?? 'n/a'} in the last minute (target ≤ ${l.guesses.target}); ` +
        `the owner signed in ${l.owner.ok}/${l.owner.attempts}`,
    );
  if (r)
    line(
      'reads with sign-ins',
      r.withSignIns.met,
      `${r.withSignIns.perSecond}/s = ${Math.round(r.withSignIns.ratio * 100)}% of bare Fastify while ${r.withSignIns.signIns.ok}/${r.withSignIns.signIns.cycles} sign-in + refresh + read ran (target 50%)`,
    );
  if (r)
    line('reads', r.met, `${r.api.perSecond}/s vs bare Fastify ${r.bareFastify.perSecond}/s = ${Math.round(r.ratio * 100)}% (target 50%)`);
  if (g)
    line(
      'growth',
      g.met,
      `p99 growth list ${g.p99Growth.list}×, by action ${g.p99Growth.listByAction}×, history ${g.p99Growth.history}× (target ≤ 2×)`,
    );
  if (a) line('audit verify', undefined, `${a.api.perSecond}/s vs hashing alone ${a.hashOnly.perSecond}/s (${Math.round(a.ratio * 100)}%)`);
  if (a) line('log:verify', a.offlineMet, `${a.offline.perSecond}/s over ${a.offline.entries} entries (target 300,000/s)`);
  if (memory) line('memory', memory.met, `peak RSS API ${memory.peakMb.api} MB, worker ${memory.peakMb.worker} MB (API target < 250 MB)`);
}

main().catch((error: unknown) => {
  console.error('bench failed:', error);
  process.exitCode = 1;
});
