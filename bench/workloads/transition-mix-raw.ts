import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Bench } from '../lib/context.js';
import type { SignedIn } from '../lib/fixtures.js';
import { type CpuPerRequest, perRequest } from '../lib/processes.js';
import { type RawResult } from '../lib/raw-loop.js';
import { auditValues, INSERT_AUDIT_STATEMENT, seedSubmittedApplications } from '../lib/seed.js';
import { summarise } from '../lib/stats.js';
import {
  FIND_APPLICATION_STATEMENT,
  FIND_GOVERNMENT_STATEMENT,
  INSERT_MESSAGE_STATEMENT,
  INSERT_PENDING_STATEMENT,
  RECIPIENTS_STATEMENT,
  updateIfVersionStatement,
} from '../lib/statements.js';

const UPDATE_STATE = updateIfVersionStatement(['state', 'updated_at']);

interface ApplicationRow {
  id: string;
  reference: string;
  state: string;
  version: number;
  government_id: string;
  contact_email: string;
  contact_name: string;
  locale: string;
}

interface GovernmentRow {
  name_en: string;
  name_local: string | null;
  country: string;
  time_zone: string | null;
}

interface Recipients {
  address: string[];
  name: (string | null)[];
  userId: (string | null)[];
  locale: string[];
  timeZone: (string | null)[];
}

type Step = 'request-information' | 'respond' | 'start-review';

const TARGET: Record<Step, { from: string; to: string }> = {
  'request-information': { from: 'under_review', to: 'information_requested' },
  respond: { from: 'information_requested', to: 'under_review' },
  'start-review': { from: 'submitted', to: 'under_review' },
};

/**
 * One transaction of the mix, statement for statement as the API sends it (PostgreSQL's statement log of a real run
 * shows the same sequence): the application's load, its version-checked UPDATE, the message, the audit INSERT with
 * its seq into log_pending, the government the e-mail names, the Secretariat's addresses for an answer, the outbox
 * rows. As in the start-review baseline, the request's reads outside the transaction (the caller behind the token,
 * the answer's view) are left out: the API reads those for many requests at once under load.
 */
async function mixTransition(pool: pg.Pool, step: Step, id: string, actor: SignedIn, secretariatRecipients: boolean): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('START TRANSACTION');
    try {
      const [row] = (await client.query<{ application: ApplicationRow }>({ ...FIND_APPLICATION_STATEMENT, values: [id] })).rows;
      const application = row?.application;
      const { from, to } = TARGET[step];
      if (application?.state !== from) throw new Error(`application ${id} is ${application?.state}, not ${from}`);
      const now = new Date();
      const updated = await client.query({ ...UPDATE_STATE, values: [id, application.version, to, now] });
      if (updated.rowCount !== 1) throw new Error(`application ${id} changed underneath`);
      const message = step === 'start-review' ? undefined : `${step === 'respond' ? 'Answer' : 'Question'} ${application.version}`;
      if (message) {
        const kind = step === 'respond' ? 'response' : 'information-request';
        await client.query({ ...INSERT_MESSAGE_STATEMENT, values: [id, kind, message, actor.id, now, []] });
      }
      const values = auditValues(
        actor.actor,
        { requestId: randomUUID(), clientAddress: '127.0.0.1' },
        {
          action: `application.${step}`,
          entityType: 'application',
          entityId: id,
          stateBefore: from,
          stateAfter: to,
          payload: { reference: application.reference, version: application.version + 1, input: message ? { message } : {} },
        },
      );
      await client.query({ ...INSERT_AUDIT_STATEMENT, values });
      if (message) {
        const [found] = (
          await client.query<{ government: GovernmentRow }>({ ...FIND_GOVERNMENT_STATEMENT, values: [application.government_id] })
        ).rows;
        const government = found.government;
        let recipients: Recipients;
        if (secretariatRecipients) {
          const { rows } = await client.query<{ address: string; name: string; userId: string; locale: string }>({
            ...RECIPIENTS_STATEMENT,
            values: ['secretariat'],
          });
          recipients = {
            address: rows.map((r) => r.address),
            name: rows.map((r) => r.name),
            userId: rows.map((r) => r.userId),
            locale: rows.map((r) => r.locale),
            timeZone: rows.map(() => null),
          };
        } else {
          recipients = {
            address: [application.contact_email],
            name: [application.contact_name],
            userId: [null],
            locale: [application.locale],
            timeZone: [government.time_zone],
          };
        }
        const data = {
          reference: application.reference,
          governmentName:
            government.name_local && government.name_local !== government.name_en
              ? `${government.name_en} (${government.name_local})`
              : government.name_en,
          government: { nameEn: government.name_en, nameLocal: government.name_local, country: government.country },
          message,
          ...(step === 'respond' ? { corrections: '', corrected: { attachments: [] } } : {}),
        };
        await client.query({
          ...INSERT_PENDING_STATEMENT,
          values: [
            step === 'respond' ? 'response-received' : 'information-requested',
            id,
            JSON.stringify(data),
            recipients.address,
            recipients.name,
            recipients.userId,
            recipients.locale,
            recipients.timeZone,
          ],
        });
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  } finally {
    client.release();
  }
}

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
  for (const id of owned) await mixTransition(rawPool, 'start-review', id, people.secretariat, false);
  let freshTaken = 0;
  const steps = new Map<string, number>();
  const run = async (seconds: number): Promise<RawResult> => {
    const latencies: number[] = [];
    let errors = 0;
    let firstError: string | undefined;
    const begun = process.hrtime.bigint();
    const deadline = Date.now() + seconds * 1000;
    await Promise.all(
      owned.map(async (applicationId) => {
        for (let step = steps.get(applicationId) ?? 0; Date.now() < deadline; steps.set(applicationId, ++step)) {
          const started = process.hrtime.bigint();
          try {
            if (step % 3 === 2 && freshTaken < fresh.length) {
              await mixTransition(rawPool, 'start-review', fresh[freshTaken++], people.secretariat, false);
            } else if (step % 3 === 0) {
              await mixTransition(rawPool, 'request-information', applicationId, people.secretariat, false);
            } else {
              await mixTransition(rawPool, 'respond', applicationId, people.applicant, true);
            }
            latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
          } catch (error) {
            errors += 1;
            firstError ??= (error as Error).message;
          }
        }
      }),
    );
    const elapsed = Number(process.hrtime.bigint() - begun) / 1e9;
    return {
      ok: latencies.length,
      errors,
      firstError,
      seconds: elapsed,
      perSecond: Math.round(latencies.length / elapsed),
      latencyMs: summarise(latencies),
    };
  };
  await run(scale.warmUpSeconds);
  const cpu = await bench.cpu.start({ bench: process.pid });
  const result = await run(scale.seconds);
  return { ...result, cpu: perRequest(await cpu(), 'bench', result.ok) };
}
