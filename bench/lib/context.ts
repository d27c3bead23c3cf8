import type pg from 'pg';
import type { People } from './fixtures.js';
import type { Http } from './http.js';
import type { CpuMeter, MemorySampler } from './processes.js';
import type { SmtpSink } from './smtp-sink.js';

/** How big and how long: the full run, or the smoke run that tries every workload for about a second. */
export interface Scale {
  /** Seconds of measured load per HTTP or raw run. */
  seconds: number;
  /** Seconds of load before each measured run, not counted. */
  warmUpSeconds: number;
  /** Seconds of load per endpoint and size in the growth workload. */
  growthSeconds: number;
  connections: number;
  /** Applications in `submitted` made for the transitions runs, used up one per transition by each run in turn. */
  transitionPool: number;
  applications: number;
  /** The sizes of the audit trail at which list and history are measured; the last one is the reads' size. */
  auditSizes: number[];
  notifications: number;
  /** Member governments given a signed-in delegate (all 70 in the full run: every sign-in costs a deliberately slow hash). */
  delegates: number;
  stormCastsPerDelegate: number;
  stormRounds: number;
  stormSeconds: number;
}

export const FULL: Scale = {
  seconds: 10,
  warmUpSeconds: 2,
  growthSeconds: 4,
  connections: 32,
  // Three runs of start-review draw from it, warm-ups included: in the run of 2026-12-07, 18:43, some 19,000 over
  // HTTP and 41,000 raw used up 60,000 and left the third (raw, every statement, about 23,000) none.
  transitionPool: 100_000,
  applications: 140_000,
  auditSizes: [10_000, 100_000, 1_000_000],
  notifications: 5_000,
  delegates: 70,
  stormCastsPerDelegate: 3,
  stormRounds: 20,
  stormSeconds: 15,
};

export const SMOKE: Scale = {
  seconds: Number(process.env.BENCH_SMOKE_SECONDS ?? 1),
  warmUpSeconds: Number(process.env.BENCH_SMOKE_WARMUP ?? 0.25),
  growthSeconds: 0.5,
  connections: 32,
  transitionPool: 4_000,
  applications: 8_000,
  auditSizes: [1_000, 3_000, 10_000],
  notifications: 200,
  delegates: 10,
  stormCastsPerDelegate: 3,
  stormRounds: 2,
  stormSeconds: 2,
};

export interface Bench {
  scale: Scale;
  api: Http;
  apiUrl: string;
  databaseUrl: string;
  /** The bench's own connections for seeding and checks (not the baselines'). */
  pool: pg.Pool;
  people: People;
  smtp: SmtpSink;
  memory: MemorySampler;
  cpu: CpuMeter;
  /** The processes under test. */
  pids: { api: number; worker: number };
  /**
   * Starts another API process on the same database and Redis (as a deployment starts a new one), answering
   * once /health does; stop() ends it. For what a freshly started process does with its first load.
   */
  startFreshApi(): Promise<{ url: string; pid: number; stop(): Promise<void> }>;
  /** The API's pool size: the baselines that stand for "the same work" get as many connections where it matters. */
  apiPoolSize: number;
  log(message: string): void;
}
