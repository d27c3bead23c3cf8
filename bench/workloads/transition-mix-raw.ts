import type pg from 'pg';
import type { Bench } from '../lib/context.js';
import { mixCycle } from '../lib/mix-cycle.js';
import { type CpuPerRequest, perRequest } from '../lib/processes.js';
import { type RawResult, rawLoad } from '../lib/raw-loop.js';
import { rawTransition } from '../lib/raw-transition.js';
import { seedSubmittedApplications } from '../lib/seed.js';

/**
 * The mix's own baseline: its transactions' statements sent with pg by as many clients, each on an application of its
 * own in the same cycle (request-information, respond, a fresh start-review every third), with no system-wide lock
 * and without the e-mail the worker sends for NEAR meanwhile. `alone` runs the measured part with the machine to
 * itself, given the ids of the applications whose rows it writes.
 */
export async function rawTransitionMix(
  bench: Bench,
  rawPool: pg.Pool,
  alone: <T>(applicationIds: readonly string[], work: () => Promise<T>) => Promise<T>,
): Promise<RawResult & { cpu: CpuPerRequest }> {
  const { scale, pool, people } = bench;
  const clients = scale.connections;
  const fresh = await seedSubmittedApplications(pool, clients * 400, people.applicant.id, 'raw-mix-fresh');
  const owned = await seedSubmittedApplications(pool, clients, people.applicant.id, 'raw-mix');
  await pool.query('ANALYZE applications');
  return alone([...owned, ...fresh], () => measure(bench, rawPool, owned, fresh));
}

async function measure(bench: Bench, rawPool: pg.Pool, owned: string[], fresh: string[]): Promise<RawResult & { cpu: CpuPerRequest }> {
  const { scale, people } = bench;
  for (const id of owned) await rawTransition(rawPool, 'start-review', id, people.secretariat, false);
  const next = mixCycle(owned, fresh);
  const run = (seconds: number) =>
    rawLoad({
      clients: owned.length,
      seconds,
      next,
      unit: ({ step, applicationId }) =>
        step === 'respond'
          ? rawTransition(rawPool, step, applicationId, people.applicant, true)
          : rawTransition(rawPool, step, applicationId, people.secretariat, false),
    });
  await run(scale.warmUpSeconds);
  const cpu = await bench.cpu.start({ bench: process.pid });
  const result = await run(scale.seconds);
  return { ...result, cpu: perRequest(await cpu(), 'bench', result.ok) };
}
