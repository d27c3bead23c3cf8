import { randomUUID } from 'node:crypto';
import type pg from 'pg';
// The bench builds its rows with the application's own functions and statements.
import { AUDIT_INSERT_ONE } from '../../libs/audit/src/audit-insert-sql.js';
import { canonicalJson } from '../../libs/audit/src/canonical-json.js';
import { hashPassword } from '../../libs/identity/src/password-hasher.js';
import { waitUntil } from './processes.js';

export const BENCH_PASSWORD = 'bench-password-not-secret';

/** Who an audit entry names as acting, as AuditContext.actor. */
export interface Actor {
  userId: string;
  role: string;
  governmentId: string | null;
}

// ---------------------------------------------------------------------------------------------------
// The audit trail, statement for statement as libs/audit/src/audit-trail.ts writes it: one INSERT, no lock.

/** The app's own prepared INSERT of one entry (and its seq into the log's work list). */
export const INSERT_AUDIT_STATEMENT = AUDIT_INSERT_ONE;

export interface EntryInput {
  action: string;
  entityType: string;
  entityId: string;
  stateBefore: string | null;
  stateAfter: string | null;
  payload: Record<string, unknown>;
}

/** The parameters of INSERT_AUDIT_STATEMENT, as the app's storedRow gives them (for input we know is clean). */
export function auditValues(
  actor: Actor | null,
  request: { requestId: string | null; clientAddress: string | null },
  entry: EntryInput,
): unknown[] {
  return [
    actor?.userId ?? null,
    actor?.role ?? null,
    actor?.governmentId ?? null,
    entry.action,
    entry.entityType,
    entry.entityId,
    entry.stateBefore,
    entry.stateAfter,
    canonicalJson(entry.payload),
    request.requestId,
    request.clientAddress,
  ];
}

const BULK_AUDIT_SQL = `WITH inserted AS (
    INSERT INTO audit_events (occurred_at, actor_user_id, actor_role, actor_government_id, action, entity_type, entity_id,
      state_before, state_after, payload, request_id, client_address)
    SELECT date_trunc('milliseconds', clock_timestamp()), * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[],
      $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
    RETURNING seq
  ) INSERT INTO log_pending (seq) SELECT seq FROM inserted`;

const SEED_BATCH = 10_000;

/**
 * Appends entries until the trail holds `total`, in batches of 10,000 rows (one unnest INSERT each, its seqs
 * into the log's work list as the app does). The worker's integrator makes them leaves afterwards.
 */
export async function appendAuditEntries(
  pool: pg.Pool,
  total: number,
  actor: Actor,
  entryFor: (seq: number) => EntryInput,
): Promise<{ appended: number; ms: number }> {
  const started = Date.now();
  const first = await auditCount(pool);
  let seq = first;
  while (seq < total) {
    const size = Math.min(SEED_BATCH, total - seq);
    const columns: unknown[][] = Array.from({ length: 11 }, () => new Array<unknown>(size));
    for (let i = 0; i < size; i += 1) {
      seq += 1;
      auditValues(actor, { requestId: randomUUID(), clientAddress: '127.0.0.1' }, entryFor(seq)).forEach(
        (value, column) => (columns[column][i] = value),
      );
    }
    await pool.query(BULK_AUDIT_SQL, columns);
  }
  return { appended: seq - first, ms: Date.now() - started };
}

/** Waits (up to `timeoutMs`, else throws) until the worker has sent every e-mail of the outbox; answers how long it took. */
export function outboxEmptied(pool: pg.Pool, timeoutMs: number): Promise<number> {
  return waitUntil(
    'the worker to send every e-mail of the outbox',
    async () =>
      (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE status IN ('pending', 'queued')`)).rows[0].n ===
      0,
    timeoutMs,
  );
}

/** Waits (up to `timeoutMs`, else throws) until the worker's integrator has made every entry a leaf; answers how long it took. */
export function integrated(pool: pg.Pool, timeoutMs = 180_000): Promise<number> {
  return waitUntil(
    'the log to integrate every entry',
    async () => (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM log_pending`)).rows[0].n === 0,
    timeoutMs,
  );
}

export async function auditCount(pool: pg.Pool): Promise<number> {
  // seq may skip numbers now (a rolled-back change burns one): count the rows.
  const { rows } = await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM audit_events');
  return Number(rows[0].n);
}

// ---------------------------------------------------------------------------------------------------
// Users, governments and applications, inserted with SQL.

let sharedHash: Promise<string> | undefined;

export async function insertUser(
  pool: pg.Pool,
  user: { email: string; role: 'applicant' | 'secretariat' | 'delegate'; governmentId?: string | null },
): Promise<string> {
  sharedHash ??= hashPassword(BENCH_PASSWORD);
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO users (email, password_hash, display_name, role, government_id, locale) VALUES ($1, $2, $3, $4, $5, 'en') RETURNING id`,
    [user.email, await sharedHash, `Bench ${user.role}`, user.role, user.governmentId ?? null],
  );
  return rows[0].id;
}

/** Every member has paid its fees for the last four years, so every member may vote. */
export async function everyMemberPaidUp(pool: pg.Pool): Promise<void> {
  await pool.query(
    `INSERT INTO fee_payments (government_id, year, paid_on)
     SELECT g.id, y, make_date(y, 4, 15) FROM governments g, generate_series($1::int - 3, $1::int) AS y
     WHERE g.status = 'member' ON CONFLICT DO NOTHING`,
    [new Date().getUTCFullYear()],
  );
}

let referenceCounter = 0;

/** Takes `count` reference numbers (NEAR-2001-nnnnnnn: a year the app never files in, so no clash with its counter). */
function takeReferences(count: number): number {
  const first = referenceCounter + 1;
  referenceCounter += count;
  return first;
}

const APPLICATION_COLUMNS = `reference, government_id, category, head_of_government, statement_of_purpose, contact_name, contact_email,
  contact_phone, locale, state, filed_by, ineligibility_reasons, withdrawal_reason, submitted_at, decided_at, updated_at, version`;

const STATEMENT = 'We share the purpose of NEAR: exchange and cooperation for the common prosperity of Northeast Asia.';

/**
 * `count` applications in `submitted`, each for a prospective government of its own (a government has at
 * most one application in progress). Returns their ids in filing order.
 */
export async function seedSubmittedApplications(pool: pg.Pool, count: number, filedBy: string, tag: string): Promise<string[]> {
  const firstReference = takeReferences(count);
  const { rows } = await pool.query<{ id: string }>(
    `WITH g AS (
       INSERT INTO governments (name_en, name_local, country, level, kind, status)
       SELECT 'Bench ' || $1 || ' ' || n, 'Bench ' || $1 || ' ' || n, 'KR', 'regional', 'Province', 'prospective'
       FROM generate_series(1, $2::int) AS n
       RETURNING id
     ), numbered AS (SELECT id, row_number() OVER () AS n FROM g)
     INSERT INTO applications (${APPLICATION_COLUMNS})
     SELECT 'NEAR-2001-' || lpad(($3::int + n - 1)::text, 7, '0'), id, 'member', 'Governor ' || n, $5, 'Contact ' || n,
            'contact' || n || '@bench.example', '+82 2 0000 0000', 'ko', 'submitted', $4, NULL, NULL, now(), NULL, now(), 1
     FROM numbered ORDER BY n
     RETURNING id`,
    [tag, count, firstReference, filedBy, STATEMENT],
  );
  const ids = rows.map((row) => row.id);
  // Filed as the app files: each with its entry, so that the log's workflow check sees them filed.
  await appendEntries(
    pool,
    { userId: filedBy, role: 'applicant', governmentId: null },
    ids.map((id) => ({
      action: 'application.submitted',
      entityType: 'application',
      entityId: id,
      stateBefore: null,
      stateAfter: 'submitted',
      payload: { version: 1, input: {} },
    })),
  );
  return ids;
}

/** Appends these entries (and their seqs to the log's work list), in statements of SEED_BATCH rows. */
export async function appendEntries(pool: pg.Pool, actor: Actor, entries: readonly EntryInput[]): Promise<void> {
  for (let start = 0; start < entries.length; start += SEED_BATCH) {
    const batch = entries.slice(start, start + SEED_BATCH);
    const columns: unknown[][] = Array.from({ length: 11 }, () => new Array<unknown>(batch.length));
    batch.forEach((entry, i) =>
      auditValues(actor, { requestId: randomUUID(), clientAddress: '127.0.0.1' }, entry).forEach(
        (value, column) => (columns[column][i] = value),
      ),
    );
    await pool.query(BULK_AUDIT_SQL, columns);
  }
}

/**
 * `count` decided applications (approved, rejected, withdrawn, ineligible in turn) spread over every
 * government: the archive that reads and lists run against. Inserted in chunks to keep each statement short.
 */
export async function seedDecidedApplications(pool: pg.Pool, count: number, filedBy: string): Promise<void> {
  const chunk = 25_000;
  for (let done = 0; done < count; done += chunk) {
    const size = Math.min(chunk, count - done);
    const firstReference = takeReferences(size);
    await pool.query(
      `WITH govs AS (SELECT array_agg(id ORDER BY id) AS ids FROM governments)
       INSERT INTO applications (${APPLICATION_COLUMNS})
       SELECT 'NEAR-2001-' || lpad(($2::int + n - 1)::text, 7, '0'),
              govs.ids[1 + (n % cardinality(govs.ids))],
              (ARRAY['member', 'associate'])[1 + n % 2],
              'Governor ' || n, $4, 'Contact ' || n, 'contact' || n || '@bench.example', NULL,
              (ARRAY['en', 'ko', 'ja', 'zh', 'ru', 'mn'])[1 + n % 6],
              s.state, $3,
              CASE WHEN s.state = 'ineligible' THEN 'Not located in Northeast Asia.' END,
              CASE WHEN s.state = 'withdrawn' THEN 'Withdrawn by the applicant.' END,
              now() - make_interval(days => 30 + n % 3000), now() - make_interval(days => n % 3000),
              now() - make_interval(days => n % 3000), 5
       FROM generate_series(1, $1::int) AS n, govs,
            LATERAL (SELECT (ARRAY['approved', 'rejected', 'withdrawn', 'ineligible'])[1 + n % 4] AS state) AS s`,
      [size, firstReference, filedBy, STATEMENT],
    );
  }
}

/** A sample of application ids for reads and for the entries of the seeded trail. */
export async function sampleApplicationIds(pool: pg.Pool, count: number, state?: string): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT id FROM applications ${state ? 'WHERE state = $2' : ''} ORDER BY list_position LIMIT $1`,
    state ? [count, state] : [count],
  );
  return rows.map((row) => row.id);
}

/**
 * What the seeded trail says: the life of decided applications, entry after entry, ten per application
 * (filed, review, eligibility, agenda, ballot, decision), so that 1M entries cover 100k applications.
 */
const LIFE: { action: string; before: string | null; after: string | null }[] = [
  { action: 'application.submitted', before: null, after: 'submitted' },
  { action: 'application.start-review', before: 'submitted', after: 'under_review' },
  { action: 'eligibility.recorded', before: null, after: null },
  { action: 'application.declare-eligible', before: 'under_review', after: 'eligible' },
  { action: 'application.place-on-agenda', before: 'eligible', after: 'on_agenda' },
  { action: 'application.open-ballot', before: 'on_agenda', after: 'voting' },
  { action: 'ballot.cast', before: null, after: null },
  { action: 'ballot.cast', before: null, after: null },
  { action: 'ballot.cast', before: null, after: null },
  { action: 'application.close-ballot', before: 'voting', after: 'approved' },
];

/** The `step`-th entry of an application's life in the seeded trail (0 to 9, then entries without states). */
export function lifeEntry(applicationId: string, step: number, reference: string): EntryInput {
  // After its decision an application's life goes on with entries that change no state (as letters viewed,
  // notes recorded do): a decided application is never filed again, which the log's workflow check refuses.
  const { action, before, after } = step < LIFE.length ? LIFE[step] : { action: 'eligibility.recorded', before: null, after: null };
  return {
    action,
    entityType: 'application',
    entityId: applicationId,
    stateBefore: before,
    stateAfter: after,
    payload: { reference, version: 1 + (step % LIFE.length), input: {} },
  };
}

/** The seq-th entry of the seeded trail, about one of `applicationIds`: every application's life goes one step per round. */
export function seededEntry(applicationIds: readonly string[], seq: number): EntryInput {
  const index = seq % applicationIds.length;
  return lifeEntry(applicationIds[index], Math.floor(seq / applicationIds.length), `NEAR-2001-${String(index).padStart(7, '0')}`);
}
