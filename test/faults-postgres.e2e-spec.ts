import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  APPLICATION_ACTIONS,
  ELIGIBILITY_CRITERION_CODES,
  FINAL_STATES,
  type NotificationRule,
  SUBMISSION_NOTIFICATIONS,
} from '@near/admission';
import { act, aProspectiveApplicant, ALL_CRITERIA_PASSED, applicationInput } from './fixtures/applications.js';
import { aUser, bearer, TEST_PASSWORD, type TestUser } from './fixtures/users.js';
import { anApplicationOnTheAgenda, everyMemberPaidUp, memberDelegates, recordPresent } from './fixtures/voting.js';
import { call, type CallOutcome, describeOutcome as describeCall, isProblemJson, jsonOf } from './utils/http-call.js';
import { PrivatePostgres } from './utils/private-postgres.js';
import { spawnEntry, waitFor } from './utils/spawn-app.js';
import { spawnApi, type SpawnedApi } from './utils/spawned-api.js';
import { integrateLog } from './utils/integrate-log.js';

// The API as a process of its own, on a PostgreSQL cluster of the test's own, under a bounded load of
// mixed requests from a few concurrent clients. PostgreSQL is stopped as by a crash in the middle, and
// started again: the API must answer fast and cleanly while it is away, recover by itself, and the
// database must hold no half-written change.

const AUDIT_VERIFY_ENTRY = resolve('dist/apps/api/apps/api/src/cli/audit-verify.js');
const BEFORE_MS = 2_500;
const DOWN_MS = 5_000;
const AFTER_MS = 3_000;
const FAIL_FAST_MS = 5_000;
const RECOVERY_BOUND_MS = 20_000;
const APPLICANTS = 12;
const LIFECYCLE_LOOPS = 4;
const DELEGATES = 6;
const MAX_CALLS_PER_LOOP = 2_000;
const PACE_MS = 15;
/** A client answered 503 waits a little longer before its next request. */
const BACK_OFF_MS = 50;
const KINDS = ['file', 'list', 'start-review', 'eligibility', 'declare-ineligible', 'withdraw', 'sign-in', 'ballot'];

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** One Idempotency-Key and body, sent until it is answered 201 (again after an outage, as a client would). */
interface Filing {
  key: string;
  body: ReturnType<typeof applicationInput>;
  answers: CallOutcome[];
}

/** What a client knows of its applicant's current application; `unsure` after an answer was lost with the database. */
interface Track {
  applicant: TestUser & { governmentId: string };
  applicationId?: string;
  state: string;
  criteriaRecorded: boolean;
  unsure: boolean;
  filing?: Filing;
  cycles: number;
}

describe('PostgreSQL stopped under load', () => {
  const postgres = new PrivatePostgres();
  let api: SpawnedApi;
  let secretariat: TestUser;
  let votingOn: string;
  const outcomes: CallOutcome[] = [];
  const health: CallOutcome[] = [];
  const filings: Filing[] = [];
  const times = {
    begun: 0,
    apiUp: 0,
    loadStarted: 0,
    loadEnded: 0,
    crashStarted: 0,
    crashed: 0,
    restartStarted: 0,
    restarted: 0,
    recovered: 0,
  };

  beforeAll(async () => {
    times.begun = Date.now();
    await postgres.init();
    api = await spawnApi(postgres.url('near_faults'), { LOGIN_FREE_FAILURES_PER_ADDRESS: '100000' });
    times.apiUp = Date.now();
    const testApp = api.testApp;
    secretariat = await aUser(testApp, 'secretariat');
    const applicants = await Promise.all(Array.from({ length: APPLICANTS }, () => aProspectiveApplicant(testApp)));
    await everyMemberPaidUp(testApp);
    const { memberIds, delegates } = await memberDelegates(testApp, DELEGATES);
    const { application, session } = await anApplicationOnTheAgenda(testApp, secretariat);
    await recordPresent(testApp, secretariat, session.id, memberIds).expect(200);
    await act(testApp, secretariat, application, 'open-ballot').expect(200);
    votingOn = application.id;

    let phase: 'load' | 'done' = 'load';
    const send = async (options: Omit<Parameters<typeof call>[0], 'port'>) => {
      const outcome = await call({ timeoutMs: 15_000, ...options, port: api.port });
      outcomes.push(outcome);
      await pause(outcome.status === 503 ? BACK_OFF_MS : PACE_MS);
      return outcome;
    };
    const auth = (user: TestUser) => ({ Authorization: `Bearer ${user.token}` });

    /** Sends the filing (again, when it is pending); true once it is answered 201. */
    const file = async (track: Track): Promise<boolean> => {
      const filing = track.filing!;
      const outcome = await send({
        method: 'POST',
        path: '/applications',
        headers: { ...auth(track.applicant), 'Idempotency-Key': filing.key },
        body: filing.body,
        label: filing.answers.length === 0 ? 'file' : 'file again',
      });
      filing.answers.push(outcome);
      if (outcome.status !== 201) return false;
      Object.assign(track, { applicationId: jsonOf(outcome).id, state: jsonOf(outcome).state, criteriaRecorded: false, filing: undefined });
      return true;
    };

    /**
     * One step of an applicant's application through filing, review and a final decision (declared
     * ineligible, or withdrawn), after which its government files again: every step writes the
     * application, its audit entry and its notifications in one transaction.
     */
    const step = async (track: Track): Promise<void> => {
      if (track.filing) {
        track.unsure = !(await file(track));
        return;
      }
      if (track.unsure && track.applicationId) {
        const seen = await send({ method: 'GET', path: `/applications/${track.applicationId}`, headers: auth(secretariat), label: 'get' });
        if (seen.status !== 200) return;
        const view = jsonOf(seen);
        track.state = view.state;
        track.criteriaRecorded = view.eligibility.criteria.every((criterion: { passed: unknown }) => criterion.passed !== null);
        track.unsure = false;
      }
      const id = track.applicationId;
      if (!id || (FINAL_STATES as readonly string[]).includes(track.state)) {
        track.filing = { key: randomUUID(), body: applicationInput(track.applicant.governmentId), answers: [] };
        filings.push(track.filing);
        track.unsure = !(await file(track));
        return;
      }
      const action = (user: TestUser, name: string, body: object) =>
        send({ method: 'POST', path: `/applications/${id}/actions/${name}`, headers: auth(user), body, label: name });
      let outcome: CallOutcome;
      if (track.state === 'submitted') {
        outcome = await action(secretariat, 'start-review', {});
      } else if (track.state === 'under_review' && !track.criteriaRecorded) {
        outcome = await send({
          method: 'PUT',
          path: `/applications/${id}/eligibility`,
          headers: auth(secretariat),
          body: ALL_CRITERIA_PASSED,
          label: 'eligibility',
        });
        if (outcome.status === 200) track.criteriaRecorded = true;
      } else if (track.state === 'under_review') {
        track.cycles += 1;
        outcome =
          track.cycles % 2 === 0
            ? await action(secretariat, 'declare-ineligible', { reasons: 'Not a regional government.' })
            : await action(track.applicant, 'withdraw', { reason: 'We shall apply next year.' });
      } else {
        throw new Error(`The load does not expect an application ${track.state}`);
      }
      if (outcome.status === 200) track.state = jsonOf(outcome).state;
      else track.unsure = true;
    };

    const lifecycleLoop = async (tracks: Track[]) => {
      for (let n = 0; phase === 'load' && n < MAX_CALLS_PER_LOOP; n += 1) {
        await step(tracks[n % tracks.length]);
        if (n % 5 === 0) await send({ method: 'GET', path: '/applications', headers: auth(tracks[0].applicant), label: 'list' });
      }
    };

    const signInLoop = async () => {
      for (let n = 0; phase === 'load' && n < MAX_CALLS_PER_LOOP; n += 1) {
        const user = applicants[n % applicants.length];
        await send({ method: 'POST', path: '/auth/login', body: { email: user.email, password: TEST_PASSWORD }, label: 'sign-in' });
      }
    };

    const ballotLoop = async () => {
      for (let n = 0; phase === 'load' && n < MAX_CALLS_PER_LOOP; n += 1) {
        const delegate = delegates[n % delegates.length];
        const choice = (['yes', 'no', 'abstain'] as const)[(n * 7) % 3];
        await send({ method: 'PUT', path: `/applications/${votingOn}/ballot`, headers: auth(delegate), body: { choice }, label: 'ballot' });
      }
    };

    const everyKindAnswered = (since: number, atLeastMs: number) =>
      waitFor(
        async () =>
          Date.now() > since + atLeastMs &&
          KINDS.every((label) => outcomes.some((o) => o.label === label && o.startedAt >= since && o.status! < 300))
            ? true
            : undefined,
        30_000,
        `every kind of request (${KINDS.join(', ')}) to be answered`,
      );
    const tracks: Track[] = applicants.map((applicant) => ({
      applicant,
      state: 'none',
      criteriaRecorded: false,
      unsure: false,
      cycles: 0,
    }));
    times.loadStarted = Date.now();
    const loops = [
      ...Array.from({ length: LIFECYCLE_LOOPS }, (_, index) => lifecycleLoop(tracks.filter((_, i) => i % LIFECYCLE_LOOPS === index))),
      signInLoop(),
      ballotLoop(),
    ];
    try {
      // The crash comes once every kind of request has been answered, so that it lands among all of them.
      await everyKindAnswered(Date.now(), BEFORE_MS);
      times.crashStarted = Date.now();
      await postgres.crash();
      times.crashed = Date.now();
      while (Date.now() < times.crashed + DOWN_MS) {
        health.push(await call({ port: api.port, method: 'GET', path: '/health', timeoutMs: 15_000 }));
        await pause(400);
      }
      times.restartStarted = Date.now();
      await postgres.start();
      times.restarted = Date.now();
      await waitFor(
        async () => ((await call({ port: api.port, method: 'GET', path: '/health' })).status === 200 ? true : undefined),
        RECOVERY_BOUND_MS,
        'the API to see PostgreSQL again',
      );
      times.recovered = Date.now();
      await everyKindAnswered(times.recovered, AFTER_MS);
    } finally {
      phase = 'done';
      await Promise.all(loops);
      times.loadEnded = Date.now();
    }

    // A client whose filing was still pending when the load stopped sends it again with the same key.
    for (const track of tracks.filter((item) => item.filing)) await file(track);
    if (process.env.FAULTS_VERBOSE) console.log(summarise());
  }, 180_000);

  afterAll(async () => {
    await api?.kill();
    await postgres.destroy();
  });

  const describeOutcome = (o: CallOutcome) => `${describeCall(o)}, sent ${o.startedAt - times.crashStarted} ms after the crash`;
  /** Sent once PostgreSQL was down, answered before it was started again. */
  const duringOutage = () => outcomes.filter((o) => o.startedAt >= times.crashed && o.endedAt <= times.restartStarted);
  const afterRecovery = () => outcomes.filter((o) => o.startedAt >= times.recovered);

  function summarise(): string {
    const counts: Record<string, number> = {};
    for (const o of outcomes) {
      const phase =
        o.endedAt < times.crashStarted
          ? '1 before'
          : o.startedAt >= times.recovered
            ? '4 after'
            : o.endedAt <= times.restartStarted
              ? '2 down'
              : '3 restart';
      const key = `${phase} ${o.label} ${o.error ?? o.status}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    const down = duringOutage().map((o) => o.endedAt - o.startedAt);
    return JSON.stringify(
      {
        counts: Object.fromEntries(Object.entries(counts).sort()),
        startMs: times.apiUp - times.begun,
        setUpMs: times.loadStarted - times.apiUp,
        loadBeforeCrashMs: times.crashStarted - times.loadStarted,
        loadAfterRecoveryMs: times.loadEnded - times.recovered,
        downMaxMs: Math.max(...down),
        crashMs: times.crashed - times.crashStarted,
        restartMs: times.restarted - times.restartStarted,
        recoveryAfterRestartMs: times.recovered - times.restarted,
        health: health.map((o) => `${o.status} ${o.endedAt - o.startedAt}ms`),
        filingsSentAgain: filings
          .filter((filing) => filing.answers.length > 1)
          .map((filing) => filing.answers.map((o) => `${o.status}${o.headers?.['idempotent-replayed'] ? ' replayed' : ''}`).join(', ')),
      },
      null,
      1,
    );
  }

  it('was under load of every kind before the crash, each answered normally', () => {
    const before = outcomes.filter((o) => o.endedAt < times.crashStarted);
    for (const label of KINDS) {
      expect({ label, answered: before.some((o) => o.label === label && !o.error && o.status! < 300) }).toEqual({ label, answered: true });
    }
    expect(before.filter((o) => o.error || o.status! >= 400).map(describeOutcome)).toEqual([]);
  });

  it('answers every request while PostgreSQL is down within 5 s with 503 problem+json (never a 500, never a hang)', () => {
    const down = duringOutage();
    expect(down.length).toBeGreaterThan(20);
    const wrong = down.filter(
      (o) =>
        o.error ||
        o.status !== 503 ||
        !isProblemJson(o) ||
        jsonOf(o)?.type !== 'urn:near:problem:service-unavailable' ||
        o.headers?.['retry-after'] === undefined ||
        o.endedAt - o.startedAt >= FAIL_FAST_MS,
    );
    expect(wrong.map(describeOutcome)).toEqual([]);
  });

  it('never answers a 500, never drops a connection, and never takes 5 s, from the crash to the recovery either', () => {
    const wrong = outcomes.filter((o) => o.error !== undefined || (o.status! >= 500 && o.status !== 503));
    expect(wrong.map(describeOutcome)).toEqual([]);
    expect(outcomes.filter((o) => o.endedAt - o.startedAt >= FAIL_FAST_MS).map(describeOutcome)).toEqual([]);
    // The only refusals are those of the outage, and the conflicts of clients that lost an answer and acted again.
    const statuses = new Set(outcomes.map((o) => o.status));
    expect([...statuses].filter((status) => ![200, 201, 409, 503].includes(status!))).toEqual([]);
    expect(
      outcomes.filter((o) => o.status === 503 && (o.endedAt < times.crashStarted || o.startedAt > times.recovered)).map(describeOutcome),
    ).toEqual([]);
  });

  it('answers /health 503 problem+json naming the database while it is down, fast', () => {
    const down = health.filter((o) => o.startedAt >= times.crashed);
    expect(down.length).toBeGreaterThanOrEqual(5);
    for (const o of down) {
      expect({ status: o.status, problem: isProblemJson(o), fast: o.endedAt - o.startedAt < FAIL_FAST_MS }).toEqual({
        status: 503,
        problem: true,
        fast: true,
      });
      expect(jsonOf(o)).toMatchObject({
        status: 503,
        detail: 'Unavailable: database.',
        checks: { database: { status: 'down' }, redis: { status: 'up' } },
      });
    }
  });

  it('recovers by itself within 20 s of PostgreSQL being back, the same process, and serves every kind of request again', () => {
    expect(times.recovered - times.restarted).toBeLessThan(RECOVERY_BOUND_MS);
    expect(api.process.child.exitCode).toBeNull();
    expect(api.process.child.signalCode).toBeNull();
    const after = afterRecovery();
    expect(after.length).toBeGreaterThan(20);
    expect(after.filter((o) => o.error || o.status! >= 500).map(describeOutcome)).toEqual([]);
    for (const label of KINDS) {
      expect({ label, answered: after.some((o) => o.label === label && o.status! < 300) }).toEqual({ label, answered: true });
    }
  });

  it('files exactly one application per Idempotency-Key: a filing lost with the database, sent again with its key, answers 201', async () => {
    expect(filings.length).toBeGreaterThan(APPLICANTS);
    expect(filings.filter((filing) => filing.answers.at(-1)?.status !== 201).map((filing) => filing.answers.map(describeOutcome))).toEqual(
      [],
    );
    const filed = new Map(filings.map((filing) => [filing.key, jsonOf(filing.answers.at(-1)!).id as string]));
    for (const filing of filings) {
      const ids = filing.answers.filter((o) => o.status === 201).map((o) => jsonOf(o).id);
      expect(new Set(ids)).toEqual(new Set([filed.get(filing.key)]));
    }
    const { rows: keys } = await api.pool.query(`SELECT key, application_id FROM idempotency_keys WHERE key = ANY($1::text[])`, [
      [...filed.keys()],
    ]);
    expect(new Map(keys.map((row) => [row.key, row.application_id]))).toEqual(filed);
    const { rows: applications } = await api.pool.query(`SELECT id FROM applications WHERE government_id = ANY($1::uuid[])`, [
      [...new Set(filings.map((filing) => filing.body.governmentId))],
    ]);
    expect(new Set(applications.map((row) => row.id))).toEqual(new Set(filed.values()));
  });

  it('holds no half-written application: each has its eligibility criteria, and one audit entry for each of its versions', async () => {
    const { rows: criteria } = await api.pool.query(
      `SELECT a.reference, count(c.code)::int AS criteria FROM applications a
       LEFT JOIN eligibility_criteria c ON c.application_id = a.id GROUP BY a.reference HAVING count(c.code) <> $1`,
      [ELIGIBILITY_CRITERION_CODES.length],
    );
    expect(criteria).toEqual([]);
    const { rows } = await api.pool.query(
      `SELECT a.reference, a.version, a.state,
              coalesce(array_agg((e.payload::jsonb ->> 'version')::int ORDER BY e.seq) FILTER (WHERE e.seq IS NOT NULL), '{}') AS versions,
              (array_agg(e.state_after ORDER BY e.seq DESC))[1] AS last_state
       FROM applications a
       LEFT JOIN audit_events e ON e.entity_type = 'application' AND e.entity_id = a.id::text AND e.payload::jsonb ? 'version'
       GROUP BY a.id`,
    );
    expect(rows.length).toBeGreaterThan(APPLICANTS / 2);
    const broken = rows.filter(
      (row) =>
        row.last_state !== row.state ||
        JSON.stringify(row.versions) !== JSON.stringify(Array.from({ length: row.version }, (_, i) => i + 1)),
    );
    expect(broken).toEqual([]);
    // Criteria recorded by the review have the entry that says so.
    const { rows: unrecorded } = await api.pool.query(
      `SELECT DISTINCT c.application_id FROM eligibility_criteria c
       WHERE c.recorded_at IS NOT NULL AND NOT EXISTS (
         SELECT 1 FROM audit_events e WHERE e.entity_type = 'application' AND e.entity_id = c.application_id::text
           AND e.action = 'application.eligibility-recorded')`,
    );
    expect(unrecorded).toEqual([]);
  });

  it('holds no half-written ballot: each ballot has one audit entry per cast, the last holding its commitment', async () => {
    const { rows } = await api.pool.query(
      `SELECT b.government_id, b.changes, b.commitment,
              count(e.seq)::int AS casts,
              (array_agg(e.payload::jsonb ->> 'commitment' ORDER BY e.seq DESC))[1] AS last_commitment
       FROM ballots b
       LEFT JOIN audit_events e ON e.action = 'ballot.cast'
         AND e.payload::jsonb ->> 'voteId' = b.vote_id::text AND e.payload::jsonb ->> 'governmentId' = b.government_id::text
       GROUP BY b.vote_id, b.government_id, b.changes, b.commitment`,
    );
    expect(rows).toHaveLength(DELEGATES);
    expect(rows.filter((row) => row.casts !== 1 + row.changes || row.last_commitment !== row.commitment)).toEqual([]);
    const [{ entries }] = (await api.pool.query(`SELECT count(*)::int AS entries FROM audit_events WHERE action LIKE 'ballot.%'`)).rows;
    expect(entries).toBe(rows.reduce((sum, row) => sum + 1 + row.changes, 0));
  });

  it('holds no notification without its application, and one to the applicant for each change that sends one', async () => {
    const { rows: orphans } = await api.pool.query(
      `SELECT n.id, n.event FROM notifications n LEFT JOIN applications a ON a.id = n.application_id WHERE a.id IS NULL`,
    );
    expect(orphans).toEqual([]);
    const contactEvents = new Map<string, string[]>();
    const toContact = (rules: readonly NotificationRule[]) =>
      rules.filter((rule) => rule.to.includes('applicant-contact')).map((rule) => rule.event);
    contactEvents.set('application.submitted', toContact(SUBMISSION_NOTIFICATIONS));
    for (const [name, definition] of Object.entries(APPLICATION_ACTIONS))
      contactEvents.set(`application.${name}`, toContact(definition.notifications));
    const expected = new Map<string, number>();
    const { rows: entries } = await api.pool.query(
      `SELECT entity_id AS application_id, action, count(*)::int AS n FROM audit_events WHERE entity_type = 'application' GROUP BY 1, 2`,
    );
    for (const entry of entries) {
      for (const event of contactEvents.get(entry.action) ?? []) {
        const key = `${entry.application_id} ${event}`;
        expected.set(key, (expected.get(key) ?? 0) + entry.n);
      }
    }
    const { rows: sent } = await api.pool.query(
      `SELECT n.application_id, n.event, count(*)::int AS n FROM notifications n JOIN applications a ON a.id = n.application_id
       WHERE lower(n.recipient) = lower(a.contact_email) GROUP BY 1, 2`,
    );
    const actual = new Map<string, number>(sent.map((row) => [`${row.application_id} ${row.event}`, row.n]));
    expect(Object.fromEntries([...actual].sort())).toEqual(Object.fromEntries([...expected].sort()));
  });

  it('keeps the audit trail valid: GET /audit-events/verify and npm run audit:verify both say so', async () => {
    await integrateLog(postgres.url('near_faults'));
    const [{ entries }] = (await api.pool.query(`SELECT count(*)::int AS entries FROM audit_events`)).rows;
    const verify = await api.testApp.http().get('/audit-events/verify').set(bearer(secretariat)).expect(200);
    expect(verify.body).toEqual({ valid: true, checked: entries });
    const cli = spawnEntry(AUDIT_VERIFY_ENTRY, { DATABASE_URL: postgres.url('near_faults'), NODE_ENV: 'test' });
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expect(cli.stdout()).toMatch(new RegExp(`^audit trail valid: ${entries} entries checked`));
  });
});
