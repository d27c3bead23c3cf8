import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { sleep } from './stats.js';

export { freePort } from '../../test/utils/free-port.js';

/** A Node process the bench started: the API, the worker, or one of the baselines' own servers. */
export class Child {
  private out = '';
  private err = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    readonly name: string,
    readonly process: ChildProcess,
  ) {
    // Keep only the tail: a chatty process must not grow the bench's own memory.
    process.stdout!.on('data', (chunk: Buffer) => (this.out = (this.out + chunk.toString()).slice(-20_000)));
    process.stderr!.on('data', (chunk: Buffer) => (this.err = (this.err + chunk.toString()).slice(-20_000)));
    this.exited = once(process, 'exit').then(([code, signal]) => ({
      code: code as number | null,
      signal: signal as NodeJS.Signals | null,
    }));
  }

  static start(name: string, entry: string, env: Record<string, string>, args: string[] = [], nodeArgs: string[] = []): Child {
    const child = spawn(process.execPath, [...nodeArgs, entry, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new Child(name, child);
  }

  get pid(): number {
    return this.process.pid!;
  }

  get running(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  output(): string {
    return `${this.out}${this.err}`.trim();
  }

  /** SIGTERM, then SIGKILL if it has not gone within `graceMs`. */
  async stop(graceMs = 5_000): Promise<void> {
    if (!this.running) return;
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => this.running && this.process.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Polls until `probe` returns true, and answers how long that took (ms); fails with the child's output when it exits or the time is up. */
export async function waitUntil(what: string, probe: () => Promise<boolean>, timeoutMs: number, child?: Child): Promise<number> {
  const started = Date.now();
  const deadline = started + timeoutMs;
  for (;;) {
    if (await probe().catch(() => false)) return Date.now() - started;
    if (child && !child.running) throw new Error(`${child.name} exited while waiting for ${what}:\n${child.output()}`);
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${child ? `:\n${child.output()}` : ''}`);
    await sleep(100);
  }
}

interface MemoryReading {
  rssMb: number;
  hwmMb: number;
}

/** VmRSS and VmHWM (the peak resident set since the process started) of a live process, in MB. */
export function memoryOf(pid: number): MemoryReading | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/**
 * Samples the resident memory of the API and the worker every 200 ms and keeps the peak per workload,
 * so the report can say under which load the peak was reached. The kernel's VmHWM is the overall peak.
 */
export class MemorySampler {
  private phaseName = 'start-up';
  readonly peaks: Record<string, Record<string, number>> = {};
  /** When each workload ran, on the monotonic clock in microseconds (the clock of V8's CPU profiles). */
  readonly windows: Record<string, { startUs: number; endUs: number }> = {};
  private readonly hwm: Record<string, number> = {};
  private timer?: NodeJS.Timeout;

  constructor(private readonly children: Child[]) {}

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), 200);
    this.timer.unref();
  }

  phase(name: string): void {
    this.sample();
    const now = Number(process.hrtime.bigint() / 1000n);
    if (this.windows[this.phaseName]) this.windows[this.phaseName].endUs = now;
    this.phaseName = name;
    this.windows[name] = { startUs: now, endUs: now };
    this.sample();
  }

  stop(): { peakByWorkload: Record<string, Record<string, number>>; peakMb: Record<string, number> } {
    this.sample();
    if (this.windows[this.phaseName]) this.windows[this.phaseName].endUs = Number(process.hrtime.bigint() / 1000n);
    clearInterval(this.timer);
    return { peakByWorkload: this.peaks, peakMb: { ...this.hwm } };
  }

  private sample(): void {
    for (const child of this.children) {
      const reading = memoryOf(child.pid);
      if (!reading) continue;
      const phase = (this.peaks[this.phaseName] ??= {});
      phase[child.name] = Math.max(phase[child.name] ?? 0, Math.round(reading.rssMb));
      this.hwm[child.name] = Math.max(this.hwm[child.name] ?? 0, Math.round(reading.hwmMb));
    }
  }
}

/**
 * CPU time a process has had so far, in ms: the scheduler's own count in nanoseconds (/proc/<pid>/schedstat),
 * precise where utime and stime only count 10 ms ticks. Its main thread only: the threads of a Node process
 * (libuv's pool, V8's GC helpers) are in /proc/<pid>/task, summed here too. Null once the process is gone.
 */
export function cpuMsOf(pid: number): number | null {
  try {
    let ns = 0;
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    }
    return ns / 1e6;
  } catch {
    return null;
  }
}

export interface CpuUse {
  /** CPU ms of each named process over the window. */
  processes: Record<string, number>;
  /** CPU ms of the PostgreSQL backends serving the bench's database (those alive at the end of the window). */
  database: number;
}

/**
 * CPU used during a window by the processes that serve a workload and by PostgreSQL for the bench's
 * database. Divided by the requests served, it is the cost of a request: unlike a rate, it hardly moves
 * when other work shares the machine.
 */
export class CpuMeter {
  constructor(
    private readonly pool: { query<R>(sql: string, values?: unknown[]): Promise<{ rows: R[] }> },
    private readonly databaseName: string,
  ) {}

  private async backends(): Promise<Map<number, number>> {
    // Client backends only: an autovacuum worker that starts during a window would bring all its CPU into it.
    // The asking connection too: the bench's pool may ask from another one at the end of the window, and a
    // backend missing from the start counts from zero (this one had seeded and vacuumed: tens of seconds).
    const { rows } = await this.pool.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'`,
      [this.databaseName],
    );
    return new Map(rows.map(({ pid }) => [pid, cpuMsOf(pid) ?? 0]));
  }

  async start(processes: Record<string, number>): Promise<() => Promise<CpuUse>> {
    const before = Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, cpuMsOf(pid) ?? 0]));
    const backendsBefore = await this.backends();
    return async () => {
      const after = await this.backends();
      let database = 0;
      for (const [pid, ms] of after) database += ms - (backendsBefore.get(pid) ?? 0);
      const used = Object.fromEntries(
        Object.entries(processes).map(([name, pid]) => [name, (cpuMsOf(pid) ?? before[name]) - before[name]]),
      );
      return { processes: used, database };
    };
  }
}

/** CPU ms per request: of the process that served it (API, worker, bare Fastify, or the bench's own pg client) and of PostgreSQL. */
export interface CpuPerRequest {
  process: string;
  processMs: number;
  databaseMs: number;
}

export function perRequest(use: CpuUse, process: string, requests: number): CpuPerRequest {
  const round = (value: number) => Math.round((value / Math.max(1, requests)) * 1000) / 1000;
  return { process, processMs: round(use.processes[process] ?? Number.NaN), databaseMs: round(use.database) };
}
