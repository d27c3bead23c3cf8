import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aUser, TEST_PASSWORD, type TestUser } from './fixtures/users.js';
import { call, type CallOutcome, describeOutcome as describeCall, isProblemJson, jsonOf } from './utils/http-call.js';
import { waitFor } from './utils/spawn-app.js';
import { spawnApi, type SpawnedApi } from './utils/spawned-api.js';
import { aMigratedTestDatabase, type TestDatabase } from './utils/test-database.js';

// The API as a process of its own under a bounded load of slow-ish requests (a sign-in costs ~60 ms of
// scrypt on a thread of the pool, so they queue), then SIGTERM. What the clients saw is judged by when
// each request was sent relative to the signal and, for the wrong sign-ins, by whether the server had
// begun to handle it: each one records a failure row (its e-mail is unique) before checking the password.

const LOOPS = 16;
const WARM_UP_MS = 1_500;
const EXIT_BOUND_MS = 10_000;
const MAX_CALLS_PER_LOOP = 400;

type Operation = 'sign-in' | 'wrong sign-in' | 'list' | 'me';
const OPERATIONS: Operation[] = ['sign-in', 'list', 'wrong sign-in', 'me'];

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The answer the operation gets from a healthy API. */
function isNormal(outcome: CallOutcome): boolean {
  if (outcome.error) return false;
  switch (outcome.label as Operation) {
    case 'sign-in':
      return outcome.status === 200 && typeof jsonOf(outcome)?.accessToken === 'string';
    case 'wrong sign-in':
      return outcome.status === 401 && isProblemJson(outcome);
    case 'list':
      return outcome.status === 200 && Array.isArray(jsonOf(outcome)?.items);
    case 'me':
      return outcome.status === 200 && typeof jsonOf(outcome)?.id === 'string';
  }
}

/**
 * Refused without being half-served: a whole 503, the connection refused, or the connection reset before
 * any byte of an answer (a kept-alive connection closed while idle, or one still waiting in the listen
 * backlog when the listener closed). Whether the server had begun to handle such a request is checked apart.
 */
function isCleanRefusal(outcome: CallOutcome): boolean {
  if (!outcome.error) return outcome.status === 503 && outcome.body !== undefined;
  return outcome.failedAt === 'before-response' && ['ECONNREFUSED', 'ECONNRESET'].includes(outcome.error);
}

describe('the API sent SIGTERM under load', () => {
  let database: TestDatabase;
  let api: SpawnedApi;
  const outcomes: CallOutcome[] = [];
  /** The wrong sign-ins by the e-mail they used, and whether the server recorded their failure. */
  const wrongSignIns = new Map<string, CallOutcome>();
  const handled = new Set<string>();
  let signalAt = 0;
  /** How late the server was answering its cheapest requests just before the signal. */
  let lagMs = 0;
  let exit: { code: number | null; signal: NodeJS.Signals | null; afterMs: number } | undefined;

  beforeAll(async () => {
    database = await aMigratedTestDatabase();
    // One address signs in for every client here: the per-address limit of failures is not what this tests.
    api = await spawnApi(database.url, { LOGIN_FREE_FAILURES_PER_ADDRESS: '100000' });
    const users: TestUser[] = await Promise.all(Array.from({ length: 8 }, () => aUser(api.testApp, 'secretariat')));

    void api.process.exited.then(({ code, signal }) => (exit = { code, signal, afterMs: Date.now() - signalAt }));
    const answered = new Array<number>(LOOPS).fill(0);
    const loop = async (index: number) => {
      // Half the clients keep their connection alive between requests, as browsers do; half connect anew each time.
      const agent = index % 2 === 0 ? new http.Agent({ keepAlive: true, maxSockets: 1 }) : undefined;
      const user = users[index % users.length];
      try {
        for (let n = 0; n < MAX_CALLS_PER_LOOP; n += 1) {
          if (exit && Date.now() > signalAt + exit.afterMs + 300) break;
          if (signalAt && Date.now() > signalAt + EXIT_BOUND_MS + 1_000) break;
          const operation = OPERATIONS[(index + n) % OPERATIONS.length];
          const email = `nobody.${index}.${n}@test.example`;
          const common = { port: api.port, agent, label: operation, timeoutMs: 15_000 };
          const outcome = await call(
            operation === 'sign-in'
              ? { ...common, method: 'POST', path: '/auth/login', body: { email: user.email, password: TEST_PASSWORD } }
              : operation === 'wrong sign-in'
                ? { ...common, method: 'POST', path: '/auth/login', body: { email, password: 'wrong' } }
                : {
                    ...common,
                    method: 'GET',
                    path: operation === 'list' ? '/applications' : '/auth/me',
                    headers: { Authorization: `Bearer ${user.token}` },
                  },
          );
          outcomes.push(outcome);
          if (operation === 'wrong sign-in') wrongSignIns.set(email, outcome);
          if (isNormal(outcome)) answered[index] += 1;
          // A refused client does not hammer the port.
          else await pause(20);
        }
      } finally {
        agent?.destroy();
      }
    };
    const loops = Array.from({ length: LOOPS }, (_, index) => loop(index));
    // Every client has had answers on its connection (so the kept-alive ones are reused), then the signal.
    const warmUpStarted = Date.now();
    await waitFor(
      async () => (Date.now() > warmUpStarted + WARM_UP_MS && answered.every((count) => count >= 2) ? true : undefined),
      30_000,
      'every client to be answered twice',
    );
    signalAt = Date.now();
    const cheap = outcomes.filter((o) => o.label === 'me' && o.endedAt > signalAt - 1_000 && o.endedAt <= signalAt);
    lagMs = Math.max(0, ...cheap.map((o) => o.endedAt - o.startedAt));
    api.process.child.kill('SIGTERM');
    await Promise.all(loops);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([api.process.exited, new Promise((done) => (timer = setTimeout(done, EXIT_BOUND_MS)))]);
    clearTimeout(timer);
    const { rows } = await api.pool.query(`SELECT email FROM login_failures WHERE email = ANY($1::text[])`, [[...wrongSignIns.keys()]]);
    for (const row of rows) handled.add(row.email);
    if (process.env.FAULTS_VERBOSE) console.log(summarise());
  }, 60_000);

  afterAll(async () => {
    await api?.kill();
    await database?.drop();
  });

  const describeOutcome = (o: CallOutcome) => `${describeCall(o)}, sent ${o.startedAt - signalAt} ms after the signal`;
  const before = () => outcomes.filter((o) => o.endedAt < signalAt);
  /** Sent before the signal by more than the server's lag (so it had them in hand), answered after it. */
  const inFlight = () => outcomes.filter((o) => o.startedAt < signalAt - lagMs - 20 && o.endedAt >= signalAt);
  const sentAfter = () => outcomes.filter((o) => o.startedAt > signalAt).sort((a, b) => a.startedAt - b.startedAt);
  const handledWrongSignIns = () => [...wrongSignIns].filter(([email]) => handled.has(email)).map(([, outcome]) => outcome);

  function summarise(): string {
    const counts: Record<string, number> = {};
    for (const o of outcomes) {
      const phase = o.endedAt < signalAt ? '1 before' : o.startedAt < signalAt ? '2 in flight' : '3 after';
      const key = `${phase} ${o.label} ${o.error ? `${o.error} ${o.failedAt}${o.reusedSocket ? ' reused' : ''}` : o.status}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    const latencies = before()
      .map((o) => o.endedAt - o.startedAt)
      .sort((a, b) => a - b);
    return JSON.stringify(
      {
        counts: Object.fromEntries(Object.entries(counts).sort()),
        exit,
        lagMs,
        p50: latencies[latencies.length >> 1],
        max: latencies.at(-1),
      },
      null,
      1,
    );
  }

  it('was under load: every request before the signal had its normal answer, and many were in flight when it came', () => {
    expect(
      before()
        .filter((o) => !isNormal(o))
        .map(describeOutcome),
    ).toEqual([]);
    expect(before().some((o) => o.reusedSocket)).toBe(true);
    expect(inFlight().length).toBeGreaterThanOrEqual(3);
    expect(handledWrongSignIns().filter((o) => o.startedAt < signalAt && o.endedAt > signalAt).length).toBeGreaterThanOrEqual(1);
  });

  it('completes every request in flight with its normal answer (200 or 401), never cut off', () => {
    expect(
      inFlight()
        .filter((o) => !isNormal(o))
        .map(describeOutcome),
    ).toEqual([]);
    // Whatever the timing: a sign-in the server had begun to handle is answered, signal or not.
    expect(
      handledWrongSignIns()
        .filter((o) => !isNormal(o))
        .map(describeOutcome),
    ).toEqual([]);
  });

  it('refuses the requests that arrive after the signal cleanly: 503 or connection refused, no 500, no answer cut off, no hang', () => {
    expect(outcomes.filter((o) => !isNormal(o) && !isCleanRefusal(o)).map(describeOutcome)).toEqual([]);
    const late = sentAfter();
    const firstRefusal = late.find(isCleanRefusal);
    expect(firstRefusal).toBeDefined();
    // Once it refuses, it keeps refusing: nothing is served after the first refusal was answered.
    expect(late.filter((o) => o.startedAt > firstRefusal!.endedAt && isNormal(o)).map(describeOutcome)).toEqual([]);
    // A refused request was not done at all, so a client may safely send it again.
    const refusedButHandled = [...wrongSignIns].filter(([email, o]) => isCleanRefusal(o) && handled.has(email)).map(([, o]) => o);
    expect(refusedButHandled.map(describeOutcome)).toEqual([]);
  });

  it('exits within 10 s, by SIGTERM or with code 0, with nothing on stderr', () => {
    expect(exit).toBeDefined();
    expect(exit!.afterMs).toBeLessThan(EXIT_BOUND_MS);
    expect([
      { code: 0, signal: null },
      { code: null, signal: 'SIGTERM' },
    ]).toContainEqual({ code: exit!.code, signal: exit!.signal });
    expect(api.process.stderr()).toBe('');
  });

  it('answers the 503 of a shutdown as problem+json with Retry-After, like every other error', () => {
    const refusals = outcomes.filter((o) => o.status === 503);
    expect(refusals.length).toBeGreaterThan(0);
    const shapes = [...new Set(refusals.map((o) => `${o.contentType}; retry-after: ${o.headers?.['retry-after'] ?? '-'}; ${o.body}`))];
    expect(shapes).toEqual(shapes.map(() => expect.stringMatching(/^application\/problem\+json\b.*; retry-after: \d+; \{.*"status":503/)));
    for (const refusal of refusals) {
      expect(jsonOf(refusal)).toMatchObject({ type: 'urn:near:problem:service-unavailable', status: 503 });
    }
  });
});
