import { randomUUID } from 'node:crypto';
import type pg from 'pg';
// The bench builds its rows with the application's own functions, so the chain it seeds verifies.
import { CHAIN_HEAD_STATEMENT, type ChainHead } from '../../libs/audit/src/chain-head-sql.js';
import { canonicalJson } from '../../libs/audit/src/canonical-json.js';
import { AUDIT_INSERT_COLUMNS, columnValues, entryHash, GENESIS_HASH, type HashedFields } from '../../libs/audit/src/entry-hash.js';
import { AdvisoryLock } from '../../libs/database/src/advisory-locks.js';
import { hashPassword } from '../../libs/identity/src/password-hasher.js';

export const BENCH_PASSWORD = 'bench-password-not-secret';

/** Who an audit entry names as acting, as AuditContext.actor. */
export interface Actor {
  userId: string;
  role: string;
  governmentId: string | null;
}

// ---------------------------------------------------------------------------------------------------
// The audit chain, statement for statement as libs/audit/src/audit-trail.ts writes it.

export const CHAIN_LOCK_SQL = 'SELECT pg_advisory_xact_lock($1)';
export const CHAIN_LOCK_KEY = AdvisoryLock.AuditChain;

export const INSERT_AUDIT_SQL = `INSERT INTO audit_events (${AUDIT_INSERT_COLUMNS})
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`;

export interface EntryInput {
  action: string;
  entityType: string;
  entityId: string;
  stateBefore: string | null;
  stateAfter: string | null;
  payload: Record<string, unknown>;
}

/** The fields of an entry as the trail stores and hashes them (the app's storedFields, for input we know is clean). */
export function auditFields(
  seq: number,
  occurredAt: string,
  prevHash: string,
  actor: Actor | null,
  request: { requestId: string | null; clientAddress: string | null },
  entry: EntryInput,
): HashedFields {
  return {
    seq,
    occurredAt,
    actorUserId: actor?.userId ?? null,
    actorRole: actor?.role ?? null,
    actorGovernmentId: actor?.governmentId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    stateBefore: entry.stateBefore,
    stateAfter: entry.stateAfter,
    payload: canonicalJson(entry.payload),
    requestId: request.requestId,
    clientAddress: request.clientAddress,
    prevHash,
  };
}

const BULK_AUDIT_SQL = `INSERT INTO audit_events (${AUDIT_INSERT_COLUMNS})
  SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::uuid[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[],
    $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[])`;

const SEED_BATCH = 10_000;

/**
 * Appends entries to the real chain until it holds `total`, under the chain lock like any writer, in
 * batches of 10,000 rows (one unnest INSERT each). The next batch is hashed while the previous one is
 * being written.
 */
export async function appendAuditEntries(
  pool: pg.Pool,
  total: number,
  actor: Actor,
  entryFor: (seq: number) => EntryInput,
): Promise<{ appended: number; ms: number }> {
  const started = Date.now();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(CHAIN_LOCK_SQL, [CHAIN_LOCK_KEY]);
    const head = (await client.query<ChainHead>({ ...CHAIN_HEAD_STATEMENT })).rows[0];
    const first = head.seq === null ? 0 : Number(head.seq);
    let seq = first;
    let prevHash = head.hash ?? GENESIS_HASH;
    let inFlight: Promise<unknown> | undefined;
    while (seq < total) {
      const size = Math.min(SEED_BATCH, total - seq);
      const columns: unknown[][] = Array.from({ length: 15 }, () => new Array<unknown>(size));
      for (let i = 0; i < size; i += 1) {
        seq += 1;
        const fields = auditFields(seq, head.now, prevHash, actor, { requestId: randomUUID(), clientAddress: '127.0.0.1' }, entryFor(seq));
        const hash = entryHash(fields);
        columnValues(fields, hash).forEach((value, column) => (columns[column][i] = value));
        prevHash = hash;
      }
      await inFlight;
      inFlight = client.query(BULK_AUDIT_SQL, columns);
    }
    await inFlight;
    await client.query('COMMIT');
    return { appended: seq - first, ms: Date.now() - started };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export async function auditCount(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ seq: string | null }>('SELECT max(seq)::text AS seq FROM audit_events');
  return Number(rows[0].seq ?? 0);
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
  return rows.map((row) => row.id);
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

/** The `step`-th entry (0 to 9) of an application's life in the seeded trail. */
export function lifeEntry(applicationId: string, step: number, reference: string): EntryInput {
  const { action, before, after } = LIFE[step % LIFE.length];
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
