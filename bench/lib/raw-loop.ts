import { type LatencySummary, summarise } from './stats.js';

export interface RawResult {
  ok: number;
  errors: number;
  firstError?: string;
  seconds: number;
  perSecond: number;
  latencyMs: LatencySummary;
}

/**
 * The raw baselines' load (and the mix's over HTTP): `clients` loops, each doing its next unit of work as soon as the
 * previous one is done (as autocannon's connections do over HTTP), until `seconds` have passed or the work runs out.
 * A unit that throws counts as an error, its time not among the latencies.
 */
export async function rawLoad<T>(options: {
  clients: number;
  seconds: number;
  /** The next unit of work of client `client` (0 … clients − 1), or undefined when there is none left. */
  next: (client: number) => T | undefined;
  unit: (item: T) => Promise<void>;
}): Promise<RawResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = process.hrtime.bigint();
  const deadline = Date.now() + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.clients }, async (_, client) => {
      for (let item = options.next(client); item !== undefined; item = Date.now() < deadline ? options.next(client) : undefined) {
        const begun = process.hrtime.bigint();
        try {
          await options.unit(item);
          latencies.push(Number(process.hrtime.bigint() - begun) / 1e6);
        } catch (error) {
          errors += 1;
          firstError ??= (error as Error).message;
        }
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    ok: latencies.length,
    errors,
    firstError,
    seconds,
    perSecond: Math.round(latencies.length / seconds),
    latencyMs: summarise(latencies),
  };
}
