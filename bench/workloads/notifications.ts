import type { Bench } from '../lib/context.js';
import { Child, type CpuPerRequest, perRequest } from '../lib/processes.js';
import { outboxEmptied, sampleApplicationIds } from '../lib/seed.js';

export interface NotificationsResult {
  messages: number;
  worker: { seconds: number; perSecond: number; sentInOutbox: number; cpu: CpuPerRequest };
  raw: { seconds: number; perSecond: number; failed: number; cpu: CpuPerRequest };
  ratio: number;
  target: number;
  met: boolean;
}

/**
 * N outbox rows committed at once, timed until the SMTP server has accepted the last of them (the worker's
 * relay picks them up on its next tick, then BullMQ jobs send them over the pooled transport); beside
 * nodemailer's pooled transport sending N messages to the same server from a process of its own.
 */
export async function notifications(bench: Bench): Promise<NotificationsResult> {
  const { scale, pool, smtp } = bench;
  const count = scale.notifications;
  await outboxEmptied(pool, 60_000);
  const [applicationId] = await sampleApplicationIds(pool, 1);

  bench.memory.phase('notifications');
  const before = smtp.accepted;
  const workerCpu = await bench.cpu.start({ worker: bench.pids.worker });
  await pool.query(
    `INSERT INTO notifications (event, application_id, recipient, recipient_name, recipient_user_id, locale, data)
     SELECT 'declared-eligible', $1, 'bench+' || n || '@bench.example', 'Contact ' || n, NULL, (ARRAY['en', 'ko'])[1 + n % 2],
            json_build_object('reference', 'NEAR-2001-' || lpad(n::text, 7, '0'), 'governmentName', 'Bench Province ' || n || ' (벤치 ' || n || ')')::text
     FROM generate_series(1, $2::int) AS n`,
    [applicationId, count],
  );
  const committed = process.hrtime.bigint();
  bench.log(`notifications: ${count} outbox rows committed, waiting for the SMTP server to accept them`);
  if (!(await smtp.waitFor(before + count, 180_000))) throw new Error(`Only ${smtp.accepted - before} of ${count} messages arrived`);
  const workerSeconds = Number(smtp.acceptedAt - committed) / 1e9;
  const cpuWorker = perRequest(await workerCpu(), 'worker', count);
  // The row is marked sent just after the server's answer: give the last updates a moment.
  await outboxEmptied(pool, 10_000);
  const { rows } = await pool.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM notifications WHERE status = 'sent' AND recipient LIKE 'bench+%'`,
  );
  bench.log(`notifications through the worker: ${Math.round(count / workerSeconds)}/s`);

  bench.memory.phase('notifications (raw baseline)');
  const mailer = Child.start('raw-mailer', 'dist/bench/bench/raw-mailer.js', {}, [smtp.url, String(count)]);
  const exit = await mailer.exited;
  const line = mailer
    .output()
    .split('\n')
    .find((candidate) => candidate.startsWith('{'));
  if (exit.code !== 0 || !line) throw new Error(`raw-mailer failed (${exit.code}):\n${mailer.output()}`);
  const raw = JSON.parse(line) as { sent: number; failed: number; ms: number; cpuMs: number; error?: string };
  if (raw.failed > 0) throw new Error(`raw-mailer: ${raw.failed} messages failed: ${raw.error}`);
  const rawSeconds = raw.ms / 1000;
  bench.log(`notifications raw nodemailer: ${Math.round(count / rawSeconds)}/s`);

  const workerRate = count / workerSeconds;
  const rawRate = count / rawSeconds;
  const value = Math.round((workerRate / rawRate) * 1000) / 1000;
  return {
    messages: count,
    worker: { seconds: workerSeconds, perSecond: Math.round(workerRate), sentInOutbox: Number(rows[0].n), cpu: cpuWorker },
    raw: {
      seconds: rawSeconds,
      perSecond: Math.round(rawRate),
      failed: raw.failed,
      cpu: perRequest({ processes: { 'raw-mailer': raw.cpuMs }, database: 0 }, 'raw-mailer', count),
    },
    ratio: value,
    target: 0.5,
    met: value >= 0.5,
  };
}
