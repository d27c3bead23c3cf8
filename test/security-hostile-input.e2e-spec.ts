import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { Response } from 'supertest';
import { APPLICATION_ACTIONS, type ApplicationAction, type ApplicationState } from '@near/admission';
import { LogIntegrator } from '@near/audit';
import { ACTION_BODIES } from '../apps/api/src/applications/dto/action-bodies.js';
import { storableFileName } from '../apps/api/src/http/letter-file-name.js';
import {
  act,
  aProspectiveApplicant,
  aSession,
  ALL_CRITERIA_PASSED,
  type ApplicationBody,
  fileApplication,
} from './fixtures/applications.js';
import { aUser, bearer, TEST_PASSWORD, type TestUser } from './fixtures/users.js';
import { everyMemberPaidUp, memberDelegates } from './fixtures/voting.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';
import { changedTables, databaseFingerprint } from './utils/database-fingerprint.js';
import { freeTexts, type HostileRequest, hostileRequest } from './utils/hostile-requests.js';
import {
  decodeURIComponentSafely,
  ref,
  resolveReferences,
  serializeBody,
  stringsIn,
  summarize,
  textBytes,
  whyUnstorable,
} from './utils/hostile-values.js';
import { hostileLetter, keptFileName, type LetterUpload, multipartBody } from './utils/hostile-letter.js';
import { waitFor } from './utils/spawn-app.js';
import {
  aFailedNotification,
  anApplicationBeingVoted,
  anApplicationUnderReview,
  anApplicationWithALetter,
  aSessionInProgress,
  aClosedSessionWithMinutes,
  aStoredDocument,
  A_PDF,
} from './utils/record-scenes.js';
import { withRawBody } from './utils/raw-body.js';
import { ApiContract } from './utils/api-contract.js';
import { openApiDocument, type Operation, type Schema, takesInput } from './utils/openapi-operations.js';

/**
 * Every route that takes a body, a query or a path parameter, fed generated hostile input. Each answer is
 * a 2xx that stored the text as sent, or a 4xx problem+json after which the database is as it was; never
 * a 5xx. FC_SEED and FC_RUNS change the seed (printed) and the runs per route.
 */
/** Signing in and choosing passwords hash at OWASP's cost (scrypt N=2^14, p=5, some 200 ms each): the setup and the password routes take longer than most. */
const SLOW_SETUP_MS = 240_000;
const SEED = Number(process.env.FC_SEED ?? 20_261_129);
const RUNS = Number(process.env.FC_RUNS ?? 25);

interface World {
  api: TestApp;
  admin: TestUser;
  secretariat: TestUser;
  delegate: TestUser;
  applicant: TestUser & { governmentId: string };
  memberIds: string[];
  withLetter: ApplicationBody;
  /** A supporting document of withLetter. */
  attachment: string;
  underReview: ApplicationBody;
  voting: ApplicationBody;
  openSession: string;
  scheduledSession: string;
  sessionToClose: string;
  failedNotification: string;
  /** A closed session with its minutes stored in every language (this suite runs no worker to make them). */
  closedSession: string;
  /** An acknowledgement of withLetter, as the worker stores one. */
  document: string;
  /** A nextCursor GET /applications gave out. */
  cursor: string;
  /** The user PUT /auth/password changes the password of, made at its first run. */
  passwordChanger?: TestUser;
}

/** Who calls, and the real records a generated request refers to (`ref(name)`). */
interface Scene {
  caller?: TestUser;
  records: Record<string, string>;
}

interface RouteSetup {
  scene: (world: World, request: HostileRequest) => Promise<Scene> | Scene;
  /** After a 2xx: what the API gives back of what it stored, for the texts sent to be found in. */
  readBack?: (world: World, scene: Scene, response: Response) => Promise<unknown>;
  /** What the route does to a text before storing it, by design. */
  normalize?: (text: string) => string;
  /** Valid values of the scene for parameters and body fields. */
  valid?: Record<string, fc.Arbitrary<unknown>>;
  /** The texts of this body the route stores, when not every free-text field is (by design). */
  stores?: (body: Record<string, unknown>, texts: { field: string; text: string }[]) => string[];
  /** A refusal recorded on purpose (a failed sign-in is audited): the status, and the tables it writes. */
  recordedRefusal?: { status: number; tables: string[] };
}

/** The token of the latest link e-mailed to an address, read from its outbox row (no worker sends it here). */
async function linkTokenOf(world: World, email: string, event: 'invitation' | 'password-reset' | 'unlock'): Promise<string | undefined> {
  const [row] = await world.api.dataSource.query(
    `SELECT data FROM notifications WHERE recipient = $1 AND event = $2 ORDER BY created_at DESC LIMIT 1`,
    [email, event],
  );
  return row ? (JSON.parse(row.data) as { link: string }).link.split('/').pop() : undefined;
}

/** An applicant of the world's government, invited (no password), written straight into the table: its id. */
async function anInvitedApplicant(world: World): Promise<string> {
  const [row] = await world.api.dataSource.query(
    `INSERT INTO users (email, display_name, role, government_id, locale) VALUES ($1, 'Correctable', 'applicant', $2, 'en') RETURNING id`,
    [`correctable.${randomUUID()}@test.example`, world.applicant.governmentId],
  );
  return row.id as string;
}

/** A delegate just invited by the admin, and the token of its invitation. */
async function anInvitedUser(world: World): Promise<{ id: string; email: string; token: string }> {
  const email = `invited.${randomUUID()}@test.example`;
  const { body } = await world.api
    .http()
    .post('/users')
    .set(bearer(world.admin))
    .send({ email, displayName: 'Invited', role: 'delegate', governmentId: world.delegate.governmentId })
    .expect(201);
  return { id: body.id, email, token: (await linkTokenOf(world, email, 'invitation'))! };
}

const asSecretariat =
  (records: Record<string, string> = {}) =>
  (world: World) => ({ caller: world.secretariat, records });
const get = async (world: World, user: TestUser, path: string) =>
  (await world.api.http().get(path).set(bearer(user)).expect(200)).body as unknown;

/** The workflow's definition of an action, when the text names one (`__proto__` does not). */
const actionNamed = (action: string) =>
  Object.hasOwn(APPLICATION_ACTIONS, action)
    ? (APPLICATION_ACTIONS[action as ApplicationAction] as { from: readonly ApplicationState[]; roles: readonly string[] })
    : undefined;

/** The state an action starts from, to try it where it may succeed. */
function startingState(action: string): ApplicationState {
  const reachable: ApplicationState[] = ['submitted', 'under_review', 'information_requested', 'eligible', 'on_agenda'];
  return actionNamed(action)?.from.find((state) => reachable.includes(state)) ?? 'under_review';
}

/** A fresh application of a fresh government, brought to `state` through the API. */
async function anApplicationIn(world: World, state: ApplicationState): Promise<{ applicant: TestUser; application: ApplicationBody }> {
  const { api, secretariat } = world;
  const applicant = await aProspectiveApplicant(api);
  const application = await fileApplication(api, applicant);
  if (state === 'submitted') return { applicant, application };
  await act(api, secretariat, application, 'start-review').expect(200);
  if (state === 'information_requested')
    await act(api, secretariat, application, 'request-information', { message: 'Which year?' }).expect(200);
  if (state === 'eligible' || state === 'on_agenda') {
    await api.http().put(`/applications/${application.id}/eligibility`).set(bearer(secretariat)).send(ALL_CRITERIA_PASSED).expect(200);
    await act(api, secretariat, application, 'declare-eligible').expect(200);
  }
  if (state === 'on_agenda') await act(api, secretariat, application, 'place-on-agenda', { assemblyId: world.openSession }).expect(200);
  return { applicant, application };
}

const ROUTES: Record<string, RouteSetup> = {
  'POST /auth/login': {
    scene: (world) => ({ records: { email: world.secretariat.email, password: TEST_PASSWORD } }),
    valid: { email: fc.constant(ref('email')), password: fc.oneof(fc.constant(ref('password')), fc.constant('a-wrong-password')) },
    recordedRefusal: { status: 401, tables: ['audit_events', 'log_pending', 'login_failures'] },
  },
  // A second step with any token but a real one's: refused before any count or audit.
  'POST /auth/login/totp': { scene: () => ({ records: {} }) },
  // A session of nobody's (ending the caller's own would end the suite's sign-in).
  'DELETE /auth/sessions/{id}': { scene: (world) => ({ caller: world.delegate, records: { id: '00000000-0000-4000-8000-000000000000' } }) },
  'POST /auth/totp/confirm': { scene: (world) => ({ caller: world.delegate, records: {} }) },
  'DELETE /auth/totp': { scene: (world) => ({ caller: world.delegate, records: {} }) },
  'DELETE /users/{id}/totp': { scene: (world) => ({ caller: world.admin, records: { id: world.delegate.id } }) },
  'POST /users': {
    scene: (world) => ({ caller: world.admin, records: { governmentId: world.applicant.governmentId } }),
    normalize: (text) => text.trim(),
    readBack: async (world, _, response) =>
      ((await get(world, world.admin, '/users')) as { id: string }[]).find((user) => user.id === response.body.id),
  },
  'GET /users': { scene: (world) => ({ caller: world.admin, records: { governmentId: world.applicant.governmentId } }) },
  'GET /users/{id}': { scene: (world) => ({ caller: world.admin, records: { id: world.delegate.id } }) },
  'PATCH /users/{id}': {
    // A user of its own each run, at version 1: the If-Match a valid request sends.
    scene: async (world) => ({
      caller: world.admin,
      records: { id: await anInvitedApplicant(world), governmentId: world.applicant.governmentId },
    }),
    // A correction that fits the user: the caller may give the role, the government suits it, the locale is one we speak.
    valid: { 'If-Match': fc.constant('"1"'), role: fc.constant('applicant'), locale: fc.constantFrom('en', 'ko', 'ru') },
    readBack: (world, scene) => get(world, world.admin, `/users/${scene.records.id}`),
    normalize: (text) => text.trim(),
  },
  'POST /users/{id}/invitation': {
    scene: async (world) => ({ caller: world.admin, records: { id: (await anInvitedUser(world)).id } }),
  },
  // Passwords and tokens are stored hashed or not at all: nothing to read back.
  'PUT /auth/password': {
    // One user for every run, whose password is put back before each (a sign-in per run would cost a slow hash).
    scene: async (world) => {
      world.passwordChanger ??= await aUser(world.api, 'delegate', { governmentId: world.delegate.governmentId! });
      await world.api.dataSource.query(`UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE id = $2) WHERE id = $1`, [
        world.passwordChanger.id,
        world.delegate.id,
      ]);
      return { caller: world.passwordChanger, records: { password: TEST_PASSWORD } };
    },
    valid: { currentPassword: fc.constant(ref('password')) },
  },
  // Addresses nobody has, so that no reset is started after the answer, while the next run is checked.
  'POST /auth/password-reset': { scene: () => ({ records: {} }) },
  'POST /auth/invitations/accept': {
    scene: async (world) => ({ records: { token: (await anInvitedUser(world)).token } }),
    valid: { token: fc.constant(ref('token')) },
  },
  'POST /auth/password-reset/confirm': {
    scene: async (world) => {
      const user = await anInvitedUser(world);
      await world.api.http().post('/auth/password-reset').send({ email: user.email }).expect(202);
      return { records: { token: await waitFor(() => linkTokenOf(world, user.email, 'password-reset'), 5_000, 'a reset link') } };
    },
    valid: { token: fc.constant(ref('token')) },
  },
  // Addresses nobody has, so that no unlock is started after the answer, while the next run is checked.
  'POST /auth/unlock': { scene: () => ({ records: {} }) },
  'POST /auth/unlock/confirm': {
    scene: async (world) => {
      const user = await aUser(world.api, 'delegate', { governmentId: world.delegate.governmentId! });
      // A stranger's guesses slow the account (past the 1000 free ones here), so that an unlock link is sent.
      await world.api.dataSource.query(
        `INSERT INTO login_failures (email, address) SELECT $1, '203.0.113.9' FROM generate_series(1, 1001)`,
        [user.email],
      );
      await world.api.http().post('/auth/unlock').send({ email: user.email }).expect(202);
      return { records: { token: await waitFor(() => linkTokenOf(world, user.email, 'unlock'), 5_000, 'an unlock link') } };
    },
    valid: { token: fc.constant(ref('token')) },
  },
  'GET /governments': { scene: asSecretariat() },
  'GET /governments/{id}': { scene: (world) => ({ caller: world.secretariat, records: { id: world.memberIds[0] } }) },
  'POST /governments': {
    scene: asSecretariat(),
    readBack: (world, _, response) => get(world, world.secretariat, `/governments/${response.body.id}`),
    normalize: (text) => text.trim(),
  },
  'PATCH /governments/{id}': {
    // A prospective government of its own each run: a correction changes its names, and names are unique per country.
    scene: async (world) => {
      const { body } = await world.api
        .http()
        .post('/governments')
        .set(bearer(world.secretariat))
        .send({ nameEn: `Correctable ${randomUUID()}`, nameLocal: 'Provisional', country: 'CN', level: 'local' })
        .expect(201);
      return { caller: world.secretariat, records: { id: body.id } };
    },
    readBack: (world, scene) => get(world, world.secretariat, `/governments/${scene.records.id}`),
    normalize: (text) => text.trim(),
  },
  'PUT /governments/{id}/fees': { scene: (world) => ({ caller: world.secretariat, records: { id: world.memberIds[1] } }) },
  'POST /applications': {
    valid: { 'Idempotency-Key': fc.uuid() },
    // A government files one application at a time: each run files for a government of its own.
    scene: async (world) => {
      const applicant = await aProspectiveApplicant(world.api);
      return { caller: applicant, records: { governmentId: applicant.governmentId } };
    },
    readBack: (world, scene, response) => get(world, scene.caller!, `/applications/${response.body.id}`),
  },
  'GET /applications': {
    scene: (world) => ({ caller: world.secretariat, records: { assemblyId: world.openSession, cursor: world.cursor } }),
    valid: { cursor: fc.constant(ref('cursor')) },
  },
  'GET /applications/{id}': { scene: (world) => ({ caller: world.secretariat, records: { id: world.withLetter.id } }) },
  'GET /applications/{id}/history': { scene: (world) => ({ caller: world.secretariat, records: { id: world.withLetter.id } }) },
  'GET /applications/{id}/messages': { scene: (world) => ({ caller: world.secretariat, records: { id: world.withLetter.id } }) },
  'POST /applications/{id}/actions/{action}': {
    scene: async (world, request) => {
      const action = decodeURIComponentSafely(request.pathParameters.action);
      const { applicant, application } = await anApplicationIn(world, startingState(action));
      return {
        caller: actionNamed(action)?.roles.includes('applicant') ? applicant : world.secretariat,
        records: { id: application.id, assemblyId: world.openSession },
      };
    },
    readBack: async (world, scene) => [
      await get(world, world.secretariat, `/applications/${scene.records.id}`),
      await get(world, world.secretariat, `/applications/${scene.records.id}/history`),
    ],
  },
  'PUT /applications/{id}/eligibility': {
    scene: (world) => ({ caller: world.secretariat, records: { id: world.underReview.id } }),
    // A criterion recorded twice in one request: the last record counts.
    stores: (body) =>
      [
        ...new Map((body.criteria as { code: string; note?: string }[]).map((criterion) => [criterion.code, criterion.note])).values(),
      ].filter((note): note is string => typeof note === 'string'),
    readBack: (world, scene) => get(world, world.secretariat, `/applications/${scene.records.id}`),
  },
  'PUT /applications/{id}/letter': {
    scene: (world) => ({ caller: world.applicant, records: { id: world.withLetter.id } }),
    readBack: (world, scene) => get(world, world.applicant, `/applications/${scene.records.id}`),
  },
  'GET /applications/{id}/letter': { scene: (world) => ({ caller: world.applicant, records: { id: world.withLetter.id } }) },
  // The hostile form carries no title: every attempt is refused, and must change nothing.
  'POST /applications/{id}/attachments': { scene: (world) => ({ caller: world.applicant, records: { id: world.withLetter.id } }) },
  'GET /applications/{id}/attachments': { scene: (world) => ({ caller: world.applicant, records: { id: world.withLetter.id } }) },
  'GET /applications/{id}/attachments/{attachmentId}': {
    scene: (world) => ({ caller: world.applicant, records: { id: world.withLetter.id, attachmentId: world.attachment } }),
  },
  'PUT /applications/{id}/ballot': { scene: (world) => ({ caller: world.delegate, records: { id: world.voting.id } }) },
  'GET /applications/{id}/ballot': { scene: (world) => ({ caller: world.delegate, records: { id: world.voting.id } }) },
  'GET /applications/{id}/result': { scene: (world) => ({ caller: world.secretariat, records: { id: world.voting.id } }) },
  'GET /applications/{id}/documents': { scene: (world) => ({ caller: world.applicant, records: { id: world.withLetter.id } }) },
  'GET /documents/{id}': { scene: (world) => ({ caller: world.applicant, records: { id: world.document } }) },
  'GET /assemblies/{id}/minutes': { scene: (world) => ({ caller: world.delegate, records: { id: world.closedSession } }) },
  'GET /public/decisions/{reference}': {
    scene: (world) => ({ records: { reference: world.withLetter.reference } }),
    valid: { reference: fc.constant(ref('reference')) },
  },
  'POST /assemblies': {
    scene: (world) => ({ caller: world.secretariat, records: { hostGovernmentId: world.memberIds[0] } }),
    valid: { reminders: fc.constantFrom(['PT24H'], ['P7D', 'P1D'], []) },
    // The meeting fields ("Meetings only") are accepted, unchecked, and dropped for a written procedure.
    stores: (body, texts) => (body.body === 'written_procedure' ? [] : texts.map((entry) => entry.text)),
    normalize: (text) => text.trim(),
    readBack: (world, _, response) => get(world, world.secretariat, `/assemblies/${response.body.id}`),
  },
  'GET /assemblies': { scene: asSecretariat() },
  'GET /assemblies/{id}': { scene: (world) => ({ caller: world.secretariat, records: { id: world.openSession } }) },
  // A fresh scheduled session each time, at version 1, so that a valid If-Match ("1") can succeed.
  'PATCH /assemblies/{id}': {
    scene: async (world) => ({
      caller: world.secretariat,
      records: { id: (await aSession(world.api, world.secretariat)).id, hostGovernmentId: world.memberIds[1] },
    }),
    valid: { 'If-Match': fc.constant('"1"') },
    normalize: (text) => text.trim(),
    readBack: (world, scene) => get(world, world.secretariat, `/assemblies/${scene.records.id}`),
  },
  'POST /assemblies/{id}/cancel': {
    scene: async (world) => ({ caller: world.secretariat, records: { id: (await aSession(world.api, world.secretariat)).id } }),
    valid: { 'If-Match': fc.constant('"1"') },
  },
  'POST /assemblies/{id}/open': { scene: (world) => ({ caller: world.secretariat, records: { id: world.scheduledSession } }) },
  'GET /calendar/feed/{token}': {
    // A real address of the Secretariat's; generated tokens are refused with a 404 that does not repeat them.
    scene: async (world) => {
      const issued = await world.api.http().get('/auth/calendar-link').set(bearer(world.secretariat)).expect(200);
      return { records: { token: new URL(issued.body.url as string).pathname.split('/').pop()! } };
    },
  },
  'POST /assemblies/{id}/close': { scene: (world) => ({ caller: world.secretariat, records: { id: world.sessionToClose } }) },
  'PUT /assemblies/{id}/attendance': {
    scene: (world) => ({ caller: world.secretariat, records: { id: world.openSession, governmentIds: world.memberIds[2] } }),
  },
  'GET /audit-events': {
    scene: (world) => ({
      caller: world.secretariat,
      records: { applicationId: world.withLetter.id, actorId: world.secretariat.id, reference: world.withLetter.reference },
    }),
    valid: { cursor: fc.constantFrom('1', '20'), reference: fc.constant(ref('reference')) },
  },
  // The transparency log: no scene needed (public), sizes and indexes near the tree's few leaves.
  'GET /log/checkpoints/{size}': { scene: () => ({ records: {} }), valid: { size: fc.constantFrom('0', '1', '2') } },
  'GET /log/proof/inclusion': {
    scene: () => ({ records: {} }),
    valid: { index: fc.constantFrom('0', '1'), size: fc.constantFrom('1', '2') },
  },
  'GET /log/proof/consistency': {
    scene: () => ({ records: {} }),
    valid: { from: fc.constantFrom('1', '2'), to: fc.constantFrom('1', '2') },
  },
  // Well-formed commitments that no cast holds (404), beside the hostile ones.
  'GET /log/receipts/{commitment}': {
    scene: () => ({ records: {} }),
    valid: { commitment: fc.constantFrom('0'.repeat(64), 'ab'.repeat(32)) },
  },
  'GET /log/entries': { scene: asSecretariat(), valid: { start: fc.constantFrom('0', '1'), end: fc.constantFrom('1', '2') } },
  'GET /notifications': { scene: (world) => ({ caller: world.secretariat, records: { applicationId: world.withLetter.id } }) },
  'POST /notifications/{id}/retry': { scene: (world) => ({ caller: world.secretariat, records: { id: world.failedNotification } }) },
};

describe('hostile input, property-based', () => {
  let world: World;
  let operations: Map<string, Operation>;
  let contract: ApiContract;
  let schemas: Record<string, Schema>;
  /** Every status each route answered, to show the runs reached storage and not only validation. */
  const answered = new Map<string, number[]>();

  beforeAll(async () => {
    console.info(`fast-check seed ${SEED}, ${RUNS} runs per route (FC_SEED, FC_RUNS to change)`);
    const api = await createTestApp({ LOGIN_FREE_FAILURES_PER_ACCOUNT: '1000', LOGIN_FREE_FAILURES_PER_ADDRESS: '100000' });
    const document = await openApiDocument(api);
    operations = new Map(document.operations.map((operation) => [operation.route, operation]));
    contract = await ApiContract.of(api);
    schemas = Object.fromEntries(Object.entries(ACTION_BODIES).map(([action, body]) => [action, document.schema(body.name) ?? {}]));
    await everyMemberPaidUp(api);
    const { memberIds } = await memberDelegates(api, 0);
    const secretariat = await aUser(api, 'secretariat');
    const { applicant, application: withLetter } = await anApplicationWithALetter(api);
    const underReview = (await anApplicationUnderReview(api, secretariat)).application;
    const voting = await anApplicationBeingVoted(api, secretariat, memberIds);
    world = {
      api,
      admin: await aUser(api, 'admin'),
      secretariat,
      delegate: await aUser(api, 'delegate', { government: 'Toyama' }),
      applicant,
      memberIds,
      withLetter,
      attachment: (
        await api
          .http()
          .post(`/applications/${withLetter.id}/attachments`)
          .set(bearer(applicant))
          .field('title', 'Statute')
          .attach('file', A_PDF, { filename: 'statute.pdf', contentType: 'application/pdf' })
          .expect(201)
      ).body.id,
      underReview,
      voting: voting.application,
      openSession: voting.session.id,
      scheduledSession: (await aSession(api, secretariat)).id,
      sessionToClose: (await aSessionInProgress(api, secretariat)).id,
      failedNotification: (await aFailedNotification(api)).id,
      closedSession: await aClosedSessionWithMinutes(api, secretariat),
      document: await aStoredDocument(api, { applicationId: withLetter.id }),
      cursor: (await api.http().get('/applications?limit=1').set(bearer(secretariat)).expect(200)).body.nextCursor,
    };
    // A tree with checkpoints at sizes 1, 2 and all, as the worker would have made (this suite runs none).
    const integrator = api.app.get(LogIntegrator);
    await integrator.integrateBatch(1);
    await integrator.integrateBatch(1);
    await integrator.integrateAll();
  }, SLOW_SETUP_MS);
  afterAll(() => world.api.close());

  it('has a setup for every route that takes input, and none for a route that does not', () => {
    const withInput = [...operations.values()].filter(takesInput).map((operation) => operation.route);
    expect(withInput.sort()).toEqual(Object.keys(ROUTES).sort());
  });

  /** Sends one generated request and checks the answer; returns why it is wrong, or nothing. */
  async function attempt(route: string, request: HostileRequest, letter?: LetterUpload): Promise<string | undefined> {
    const operation = operations.get(route)!;
    const setup = ROUTES[route];
    const scene = await setup.scene(world, request);
    const path = resolveReferences(
      operation.path.replace(/\{(\w+)\}/g, (_, name: string) => request.pathParameters[name]),
      scene.records,
    );
    const query = request.query.map(([name, value]) => `${name}=${resolveReferences(value, scene.records)}`).join('&');
    const bytes = letter ? multipartBody(letter) : request.body === undefined ? undefined : serializeBody(request.body, scene.records);
    const before = await databaseFingerprint(world.api.dataSource);
    let call = world.api.http()[operation.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch'](query ? `${path}?${query}` : path);
    if (scene.caller) call = call.set(bearer(scene.caller));
    for (const [name, value] of Object.entries(request.headers)) call = call.set(name, value);
    if (bytes) call = withRawBody(call, letter ? `multipart/form-data; boundary=${letter.boundary}` : 'application/json', bytes);
    const response = await call;
    answered.set(route, [...(answered.get(route) ?? []), response.status]);
    const what = `${response.status} ${summarize(response.body).slice(0, 300)}`;
    if (response.status >= 500) return `answered ${what}`;
    const broken = contract.problems(route, response);
    if (broken.length > 0) return `broke the document: ${broken.join('; ')}`;
    if (response.headers['x-content-type-options'] !== 'nosniff') return `answered ${response.status} without X-Content-Type-Options`;
    if (response.status >= 400) {
      if (!/^application\/problem\+json/.test(response.headers['content-type'] ?? '') || response.body.status !== response.status) {
        return `refused with ${response.status} but not as problem+json: ${response.headers['content-type']}`;
      }
      const allowed = setup.recordedRefusal?.status === response.status ? setup.recordedRefusal.tables : [];
      const changed = changedTables(before, await databaseFingerprint(world.api.dataSource)).filter((table) => !allowed.includes(table));
      return changed.length > 0 ? `refused with ${what}, yet changed ${changed.join(', ')}` : undefined;
    }
    const why = letter ? whyUnstorable(textBytes(keptFileName(letter.fileName)), false) : whyUnstorable(bytes);
    if (why) return `accepted a body with ${why}: ${what}`;
    if (!setup.readBack) return undefined;
    const stored = new Set(stringsIn(await setup.readBack(world, scene, response)));
    const parsed = letter ? undefined : (JSON.parse(bytes!.toString('utf8')) as Record<string, unknown>);
    const texts = parsed ? freeTexts(bodySchemaFor(operation, request.pathParameters) ?? {}, parsed) : [];
    const sent = letter
      ? // Stored without hidden characters, cut to 255 characters.
        [storableFileName(keptFileName(letter.fileName))]
      : setup.stores
        ? setup.stores(parsed!, texts)
        : texts.map((entry) => entry.text);
    const lost = sent.map(setup.normalize ?? ((text) => text)).filter((text) => !stored.has(text));
    return lost.length > 0 ? `answered ${response.status} but did not store verbatim: ${summarize(lost)}` : undefined;
  }

  function bodySchemaFor(operation: Operation, pathParameters: Record<string, string>): Schema | undefined {
    if (operation.body?.contentType !== 'application/json') return undefined;
    const action = decodeURIComponentSafely(pathParameters.action ?? '');
    return Object.hasOwn(schemas, action) ? schemas[action] : operation.body.schema;
  }

  it.each(Object.keys(ROUTES))(
    '%s: a 2xx storing the text as sent, or a 4xx problem+json changing nothing; never a 5xx',
    async (route) => {
      const operation = operations.get(route)!;
      const requests = hostileRequest(operation, (path) => bodySchemaFor(operation, path), ROUTES[route].valid);
      const letters = operation.body?.contentType === 'multipart/form-data' ? hostileLetter : fc.constant(undefined);
      const property = fc.asyncProperty(requests, letters, async (request, letter) => {
        const failure = await attempt(route, request, letter);
        if (failure)
          throw new Error(
            `${route} ${summarize({ ...request, letter: letter && { ...letter, content: letter.content.length } })}: ${failure}`,
          );
      });
      // One seed per route, derived from SEED: routes do not all get the same shapes in the same order.
      await fc.assert(property, { seed: SEED + Object.keys(ROUTES).indexOf(route), numRuns: RUNS, endOnFailure: true });
    },
    SLOW_SETUP_MS,
  );

  it('stored something on every route that stores text, so that "verbatim" was checked', () => {
    const counts = (route: string) =>
      (answered.get(route) ?? []).reduce<Record<string, number>>((tally, status) => ({ ...tally, [status]: (tally[status] ?? 0) + 1 }), {});
    console.info(
      Object.keys(ROUTES)
        .map((route) => `${route}: ${JSON.stringify(counts(route))}`)
        .join('\n'),
    );
    const storing = Object.keys(ROUTES).filter((route) => ROUTES[route].readBack);
    expect(storing.filter((route) => !(answered.get(route) ?? []).some((status) => status < 300))).toEqual([]);
  });
});
