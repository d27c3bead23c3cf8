// The baselines' transitions: the statements of the API's transactions, sent with pg, no system-wide lock.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { SignedIn } from './fixtures.js';
import type { RawMixMailer, RawOutboxRow } from './raw-mix-mail.js';
import { auditValues, INSERT_AUDIT_STATEMENT } from './seed.js';
import {
  FIND_APPLICATION_STATEMENT,
  FIND_GOVERNMENT_STATEMENT,
  INSERT_MESSAGE_STATEMENT,
  INSERT_PENDING_STATEMENT,
  RECIPIENTS_STATEMENT,
  updateIfVersionStatement,
} from './statements.js';

const UPDATE_STATE = updateIfVersionStatement(['state', 'updated_at']);
/** The outbox INSERT, answering the rows for a baseline that sends them itself. */
const INSERT_PENDING_RETURNING = {
  name: 'bench_notifications_insert_returning',
  text: `${INSERT_PENDING_STATEMENT.text} RETURNING id, event, recipient, recipient_name, locale`,
} as const;

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

/** The transitions the baselines send: start-review alone, and the mix's request-information and respond. */
export type Step = 'request-information' | 'respond' | 'start-review';

const TARGET: Record<Step, { from: string; to: string }> = {
  'request-information': { from: 'under_review', to: 'information_requested' },
  respond: { from: 'information_requested', to: 'under_review' },
  'start-review': { from: 'submitted', to: 'under_review' },
};

/**
 * One transition's transaction, statement for statement as the API sends it (PostgreSQL's statement log of a real run
 * shows the same sequence), in the same round trips: the application's load; then together its version-checked
 * UPDATE, for request-information and respond the message, the audit INSERT with its seq into log_pending, and for
 * those two again the government the e-mail names; then the Secretariat's addresses for an answer
 * (`secretariatRecipients`) and the outbox rows. The request's reads
 * outside the transaction (the caller behind the token, the answer's view) are the caller's to add: the API reads
 * those for many requests at once under load.
 */
export async function rawTransition(
  pool: pg.Pool,
  step: Step,
  id: string,
  actor: SignedIn,
  secretariatRecipients: boolean,
  /** Sends the e-mail once the transaction commits, for the baseline with e-mail; without it the rows wait. */
  mail?: Pick<RawMixMailer, 'send'>,
): Promise<void> {
  let written: { rows: RawOutboxRow[]; data: Record<string, unknown> } | undefined;
  const client = await pool.connect();
  try {
    await client.query('START TRANSACTION');
    try {
      const [row] = (await client.query<{ application: ApplicationRow }>({ ...FIND_APPLICATION_STATEMENT, values: [id] })).rows;
      const application = row?.application;
      const { from, to } = TARGET[step];
      if (application?.state !== from) throw new Error(`application ${id} is ${application?.state}, not ${from}`);
      const now = new Date();
      const message = step === 'start-review' ? undefined : `${step === 'respond' ? 'Answer' : 'Question'} ${application.version}`;
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
      // As the API sends them (`together`): the UPDATE, the message, the audit INSERT and the e-mail's first read
      // in one round trip, on a pool in pipeline mode (poolOf); then the reads and writes that need an answer.
      const kind = step === 'respond' ? 'response' : 'information-request';
      const [updated, , , found] = await Promise.all([
        client.query({ ...UPDATE_STATE, values: [id, application.version, to, now] }),
        message ? client.query({ ...INSERT_MESSAGE_STATEMENT, values: [id, kind, message, actor.id, now, []] }) : undefined,
        client.query({ ...INSERT_AUDIT_STATEMENT, values }),
        message
          ? client.query<{ government: GovernmentRow }>({ ...FIND_GOVERNMENT_STATEMENT, values: [application.government_id] })
          : undefined,
      ]);
      if (updated.rowCount !== 1) throw new Error(`application ${id} changed underneath`);
      if (message) {
        const government = found!.rows[0].government;
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
        const inserted = await client.query<RawOutboxRow>({
          ...(mail ? INSERT_PENDING_RETURNING : INSERT_PENDING_STATEMENT),
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
        written = { rows: inserted.rows, data };
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  } finally {
    client.release();
  }
  if (mail && written) mail.send(written.rows, written.data, id);
}
