import type { Bench } from '../lib/context.js';
import { signIn } from '../lib/fixtures.js';
import { mixCycle } from '../lib/mix-cycle.js';
import { rawLoad } from '../lib/raw-loop.js';
import { insertUser, outboxEmptied, seedSubmittedApplications } from '../lib/seed.js';
import { type CpuUse } from '../lib/processes.js';
import { deliveredPerSecond, type LatencySummary, percentile } from '../lib/stats.js';

export interface TransitionMixResult {
  /** Transitions over HTTP: each client on its own application, request-information and respond (e-mail) and a start-review (none). */
  http: { ok: number; errors: number; firstError?: string; seconds: number; perSecond: number; latencyMs: LatencySummary };
  /**
   * CPU ms per transition of the measured run: the API's, the worker's (it sends the e-mails and integrates
   * the entries meanwhile, on the same cores), the bench's (its HTTP client and the SMTP server) and PostgreSQL's.
   */
  cpuMs: { api: number; worker: number; bench: number; database: number };
  /**
   * The run's e-mail: from the end of the run until the worker had sent every one (the outbox empty), and the
   * transitions per second counted up to then, which is what a sender that must keep up can sustain.
   */
  mail: { drainedAfterMs: number; deliveredPerSecond: number };
  /** Entries written during the run, from their commit to the first signed checkpoint holding them. */
  toCheckpointMs: { entries: number; p50: number; p99: number; max: number; waitedForIntegrationMs: number };
}

/**
 * The mix of the issue's measure: 32 clients, each on an application of its own under review, alternately
 * asking for information (Secretariat) and answering it (the applicant of that government), both of which
 * write e-mail to the outbox, and starting the review of a fresh application (no e-mail) every third request.
 */
export async function transitionMix(bench: Bench, seconds: number): Promise<TransitionMixResult> {
  const { scale, pool, people } = bench;
  const clients = scale.connections;
  const fresh = await seedSubmittedApplications(pool, clients * 400, people.applicant.id, 'mix-fresh');
  const owned = await seedSubmittedApplications(pool, clients, people.applicant.id, 'mix');
  for (const id of owned)
    await bench.api.expect(200, 'POST', `/applications/${id}/actions/start-review`, { token: people.secretariat.token, body: {} });
  const governments = (
    await pool.query<{ id: string; government_id: string }>(`SELECT id, government_id FROM applications WHERE id = ANY($1::uuid[])`, [
      owned,
    ])
  ).rows;
  const applicants = await Promise.all(
    governments.map(async (row, i) => {
      const email = `mix-${i}-${process.pid}@bench.example`;
      const id = await insertUser(pool, { email, role: 'applicant', governmentId: row.government_id });
      return { applicationId: row.id, user: await signIn(bench.api, { id, email, role: 'applicant', governmentId: row.government_id }) };
    }),
  );
  await pool.query('ANALYZE applications');

  const tokens = new Map(applicants.map(({ applicationId, user }) => [applicationId, user.token]));
  const next = mixCycle(owned, fresh);
  const run = (runSeconds: number) =>
    rawLoad({
      clients: owned.length,
      seconds: runSeconds,
      next,
      unit: async ({ step, applicationId, place }) => {
        const path = `/applications/${applicationId}/actions/${step}`;
        const token = step === 'respond' ? tokens.get(applicationId)! : people.secretariat.token;
        const body = step === 'start-review' ? {} : { message: `${step === 'respond' ? 'Answer' : 'Question'} ${place}` };
        const answer = await bench.api.send('POST', path, { token, body, bodyOnlyOnError: true });
        if (answer.status !== 200) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
      },
    });
  await run(scale.warmUpSeconds);
  // As the baseline does: the measured run starts with the warm-up's e-mail sent.
  await outboxEmptied(pool, 120_000);
  const started = new Date();
  const cpu = await bench.cpu.start({ api: bench.pids.api, worker: bench.pids.worker, bench: process.pid });
  const http = await run(seconds);
  const cpuMs = perTransition(await cpu(), http.ok);
  const ended = Date.now();
  await outboxEmptied(pool, 120_000);
  const drainedAfterMs = Date.now() - ended;
  const mail = { drainedAfterMs, deliveredPerSecond: deliveredPerSecond(http.ok, http.seconds, drainedAfterMs) };
  bench.log(
    `transition mix over HTTP: ${http.perSecond}/s, p99 ${http.latencyMs.p99} ms, errors ${http.errors}${http.firstError ? ` (${http.firstError})` : ''}`,
  );

  // Each entry of the run, from its commit (its time is the database clock's at insert, a hair before) to the
  // first checkpoint that holds it.
  const waitStarted = Date.now();
  while (Date.now() - waitStarted < 60_000) {
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM log_pending`);
    if (rows[0].n === 0) break;
    await new Promise((done) => setTimeout(done, 100));
  }
  const { rows } = await pool.query<{ ms: number }>(
    `SELECT extract(epoch FROM (c.signed_at - e.occurred_at)) * 1000 AS ms
       FROM audit_events e JOIN log_leaves l USING (seq)
       JOIN LATERAL (SELECT signed_at FROM log_checkpoints c WHERE c.tree_size > l.leaf_index ORDER BY c.tree_size LIMIT 1) c ON true
      WHERE e.occurred_at >= $1`,
    [started],
  );
  const delays = rows.map((row) => Number(row.ms)).sort((a, b) => a - b);
  const toCheckpointMs = {
    entries: delays.length,
    p50: Math.round(percentile(delays, 50)),
    p99: Math.round(percentile(delays, 99)),
    max: Math.round(delays[delays.length - 1] ?? 0),
    waitedForIntegrationMs: Date.now() - waitStarted,
  };
  bench.log(`transition mix CPU per transition (ms): ${JSON.stringify(cpuMs)}`);
  bench.log(`transition mix e-mail: the last sent ${drainedAfterMs} ms after the run; ${mail.deliveredPerSecond}/s counted up to then`);
  bench.log(`commit to signed checkpoint: p50 ${toCheckpointMs.p50} ms, p99 ${toCheckpointMs.p99} ms over ${delays.length} entries`);
  return { http, cpuMs, mail, toCheckpointMs };
}

function perTransition(use: CpuUse, transitions: number): TransitionMixResult['cpuMs'] {
  const round = (ms: number | undefined) => Math.round(((ms ?? Number.NaN) / Math.max(1, transitions)) * 1000) / 1000;
  return {
    api: round(use.processes.api),
    worker: round(use.processes.worker),
    bench: round(use.processes.bench),
    database: round(use.database),
  };
}
