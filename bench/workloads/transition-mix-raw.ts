import type pg from 'pg';
import type { Bench } from '../lib/context.js';
import { mixCycle } from '../lib/mix-cycle.js';
import { type CpuPerRequest, perRequest } from '../lib/processes.js';
import { type RawResult, rawLoad } from '../lib/raw-loop.js';
import { RawMixMailer } from '../lib/raw-mix-mail.js';
import { rawTransition } from '../lib/raw-transition.js';
import { seedSubmittedApplications } from '../lib/seed.js';
import { deliveredPerSecond } from '../lib/stats.js';

/** The e-mail of the baseline that sends it: how many went out, and how long after the run the last was accepted. */
export interface RawMixMailResult {
  sent: number;
  failed: number;
  firstError?: string;
  /** From the end of the measured run until every e-mail of the run was accepted and marked sent. */
  drainedAfterMs: number;
  /** The run's transitions per second counted up to then. */
  deliveredPerSecond: number;
}

/**
 * The mix's own baseline: its transactions' statements sent with pg by as many clients, each on an application of its
 * own in the same cycle (request-information, respond, a fresh start-review every third), with no system-wide lock.
 * Without `withMail`, the e-mail the worker sends for NEAR meanwhile is left out; with it, this process sends each
 * transaction's e-mail itself once it commits (raw-mix-mail.ts), on the same cores. `alone` runs the measured part
 * with the machine to itself, given the ids of the applications whose rows it writes.
 */
export async function rawTransitionMix(
  bench: Bench,
  rawPool: pg.Pool,
  alone: <T>(applicationIds: readonly string[], work: () => Promise<T>) => Promise<T>,
  withMail = false,
): Promise<RawResult & { cpu: CpuPerRequest; mail?: RawMixMailResult }> {
  const { scale, pool, people } = bench;
  const clients = scale.connections;
  const label = withMail ? 'raw-mix-mail' : 'raw-mix';
  const fresh = await seedSubmittedApplications(pool, clients * 400, people.applicant.id, `${label}-fresh`);
  const owned = await seedSubmittedApplications(pool, clients, people.applicant.id, label);
  await pool.query('ANALYZE applications');
  const mail = withMail ? await RawMixMailer.start(bench.smtp.url, bench.databaseUrl) : undefined;
  try {
    return await alone([...owned, ...fresh], () => measure(bench, rawPool, owned, fresh, mail));
  } finally {
    await mail?.close();
  }
}

async function measure(
  bench: Bench,
  rawPool: pg.Pool,
  owned: string[],
  fresh: string[],
  mail: RawMixMailer | undefined,
): Promise<RawResult & { cpu: CpuPerRequest; mail?: RawMixMailResult }> {
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
          ? rawTransition(rawPool, step, applicationId, people.applicant, true, mail)
          : rawTransition(rawPool, step, applicationId, people.secretariat, false, mail),
    });
  await run(scale.warmUpSeconds);
  const before = await mail?.drain();
  const cpu = await bench.cpu.start({ bench: process.pid, ...(mail ? { mailer: mail.pid } : {}) });
  const result = await run(scale.seconds);
  const use = await cpu();
  if (!mail || !before) return { ...result, cpu: perRequest(use, 'bench', result.ok) };
  const ended = Date.now();
  const after = await mail.drain();
  const drainedAfterMs = Date.now() - ended;
  // The bench's clients and SMTP server, and the mailer process, over the run.
  const both = { ...use, processes: { 'bench and mailer': (use.processes.bench ?? 0) + (use.processes.mailer ?? 0) } };
  return {
    ...result,
    cpu: perRequest(both, 'bench and mailer', result.ok),
    mail: {
      sent: after.sent - before.sent,
      failed: after.failed - before.failed,
      firstError: after.firstError,
      drainedAfterMs,
      deliveredPerSecond: deliveredPerSecond(result.ok, result.seconds, drainedAfterMs),
    },
  };
}
