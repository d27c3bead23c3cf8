/** Latency samples in milliseconds, summarised the way the report shows them. */
export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of an ascending array (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarise(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? Number.NaN),
    mean: round(sorted.length === 0 ? Number.NaN : total / sorted.length),
  };
}

/** Two decimals for milliseconds and ratios, whole numbers for rates. */
export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export const ratio = (value: number, baseline: number): number => round(value / baseline, 3);

/** A run's transitions per second counted until its last e-mail was sent: both sides of the mix with e-mail. */
export const deliveredPerSecond = (ok: number, seconds: number, drainedAfterMs: number): number =>
  Math.round(ok / (seconds + drainedAfterMs / 1000));

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Milliseconds since `start` (a process.hrtime.bigint()). */
export const elapsedMs = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;
