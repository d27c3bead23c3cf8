import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { aProspectiveApplicant, aSession, ALL_CRITERIA_PASSED, applicationInput, nextSessionNumber } from './fixtures/applications.js';
import { enrolSecondFactor } from './fixtures/second-factor.js';
import { aUser, bearer, TEST_PASSWORD, type TestUser } from './fixtures/users.js';
import { everyMemberPaidUp, memberDelegates } from './fixtures/voting.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';
import { integrateLog } from './utils/integrate-log.js';
import { changedTables, databaseFingerprint } from './utils/database-fingerprint.js';
import { openApiOperations } from './utils/openapi-operations.js';
import { ApiContract } from './utils/api-contract.js';
import {
  A_PDF,
  aDecidedApplication,
  aFailedNotification,
  aFiledApplication,
  anApplicationBeingVoted,
  anApplicationOnAnAgenda,
  anApplicationUnderReview,
  anApplicationWithALetter,
  anApplicationWithAnAttachment,
  aSessionInProgress,
  aClosedSessionWithMinutes,
  aStoredDocument,
} from './utils/record-scenes.js';

/**
 * Who may do what to which record, tried on real records: the guard's roles (see access.e2e-spec) and then
 * ownership and visibility. An applicant sees its own government's applications, a delegate those on an
 * agenda, the Secretariat all; anyone else is told the record does not exist (404).
 */
const CALLERS = ['anonymous', 'applicant A', 'applicant B', 'delegate', 'secretariat', 'admin'] as const;
type Caller = (typeof CALLERS)[number];
/** One status per caller, in the order of CALLERS. */
type Statuses = [number, number, number, number, number, number];

/** What a row's request is aimed at: made fresh for each row, so one row's writes cannot change another's answers. */
interface Target {
  path: string;
  /** Built per caller, so that two callers who may both create something do not collide. */
  body?: (caller: Caller) => object;
  letter?: Buffer;
  /** Text parts sent beside the file. */
  fields?: Record<string, string>;
  /** Request headers, such as the If-Match a route requires; a function is read just before each caller's request. */
  headers?: Record<string, string> | (() => Promise<Record<string, string>>);
  /** The applicant of government A, when the row made a government (and its application) of its own. */
  applicantA?: TestUser;
  /** Each caller signs in anew for this row: the request ends the session it is made in (sign-out). */
  freshSignIn?: boolean;
}

interface Row {
  on: string;
  target: (world: World) => Promise<Target>;
  statuses: Statuses;
}

interface World {
  api: TestApp;
  users: Record<Exclude<Caller, 'anonymous'>, TestUser>;
  memberIds: string[];
}

const row = (on: string, target: Row['target'], statuses: Statuses): Row => ({ on, target, statuses });
/** The log's public routes: anyone, signed in or not. */
const EVERYONE: Statuses = [200, 200, 200, 200, 200, 200];
/** The log with every entry so far integrated (this suite runs no worker); its size. */
async function integrated(world: World): Promise<number> {
  await integrateLog(world.api.database.url);
  const [{ size }] = await world.api.dataSource.query(`SELECT max(tree_size)::int AS size FROM log_checkpoints`);
  return size as number;
}
/** An application of applicant A, voted on by the matrix's delegate and counted. */
const decided = (world: World) => aDecidedApplication(world.api, world.users.secretariat, world.memberIds, world.users.delegate);
const unique = () => randomBytes(4).toString('hex');
const SAMPLE_LINK_ID = '00000000-0000-4000-8000-000000000000';
const LAST_YEAR = new Date().getUTCFullYear() - 1;

/**
 * Every route, what it is tried on, and the status each caller gets, in the order of CALLERS:
 * [anonymous, applicant A, applicant B, delegate, secretariat, admin]. A new route needs a row.
 */
const MATRIX: Record<string, Row> = {
  'GET /health': row('the service', async () => ({ path: '/health' }), [200, 200, 200, 200, 200, 200]),
  'POST /auth/login': row(
    "applicant A's own e-mail and password",
    async ({ users }) => ({ path: '/auth/login', body: () => ({ email: users['applicant A'].email, password: TEST_PASSWORD }) }),
    [200, 200, 200, 200, 200, 200],
  ),
  'GET /auth/me': row('the caller', async () => ({ path: '/auth/me' }), [401, 200, 200, 200, 200, 200]),
  'POST /auth/login/totp': row(
    'a second step with a token of no sign-in',
    async () => ({ path: '/auth/login/totp', body: () => ({ mfaToken: 'not-a-token', code: '123456' }) }),
    [401, 401, 401, 401, 401, 401],
  ),
  'POST /auth/refresh': row('no refresh cookie', async () => ({ path: '/auth/refresh' }), [401, 401, 401, 401, 401, 401]),
  'POST /auth/logout': row(
    "the caller's own session",
    async () => ({ path: '/auth/logout', freshSignIn: true }),
    [401, 204, 204, 204, 204, 204],
  ),
  'GET /auth/sessions': row("the caller's own sessions", async () => ({ path: '/auth/sessions' }), [401, 200, 200, 200, 200, 200]),
  'DELETE /auth/sessions/{id}': row(
    "another sign-in session of applicant A's",
    async ({ api, users }) => {
      const { body } = await api
        .http()
        .post('/auth/login')
        .send({ email: users['applicant A'].email, password: TEST_PASSWORD })
        .expect(200);
      const sid = (JSON.parse(Buffer.from(body.accessToken.split('.')[1], 'base64url').toString()) as { sid: string }).sid;
      return { path: `/auth/sessions/${sid}` };
    },
    [401, 204, 404, 404, 404, 404],
  ),
  'POST /auth/totp': row(
    "enrolling the caller's own authenticator app",
    async () => ({ path: '/auth/totp' }),
    [401, 200, 200, 200, 200, 200],
  ),
  'POST /auth/totp/confirm': row(
    'a wrong code',
    async () => ({ path: '/auth/totp/confirm', body: () => ({ code: '000000' }) }),
    [401, 422, 422, 422, 422, 422],
  ),
  'DELETE /auth/totp': row(
    "a wrong code, or no second factor of the caller's",
    async () => ({ path: '/auth/totp', body: () => ({ code: '000000' }) }),
    [401, 422, 422, 422, 422, 422],
  ),
  'POST /users': row(
    'a new secretariat user',
    async () => ({
      path: '/users',
      body: () => ({
        email: `matrix.${unique()}@test.example`,
        password: 'long-enough-password',
        displayName: 'Matrix',
        role: 'secretariat',
      }),
    }),
    [401, 403, 403, 403, 403, 201],
  ),
  'GET /users': row('the users', async () => ({ path: '/users' }), [401, 403, 403, 403, 200, 200]),
  'GET /users/{id}': row(
    'the delegate user',
    async ({ users }) => ({ path: `/users/${users.delegate.id}` }),
    [401, 403, 403, 403, 200, 200],
  ),
  'PATCH /users/{id}': row(
    'a new applicant user, renamed with the version it has at each request',
    async (world) => {
      const user = await aUser(world.api, 'applicant', { government: 'Liaoning' });
      const etag = async () => (await world.api.http().get(`/users/${user.id}`).set(bearer(world.users.admin)).expect(200)).headers.etag;
      return {
        path: `/users/${user.id}`,
        body: (caller) => ({ displayName: `Renamed by ${caller}` }),
        headers: async () => ({ 'If-Match': String(await etag()) }),
      };
    },
    [401, 403, 403, 403, 200, 200],
  ),
  'POST /users/{id}/invitation': row(
    'an invited delegate user',
    async (world) => {
      const { body } = await world.api
        .http()
        .post('/users')
        .set(bearer(world.users.admin))
        .send({
          email: `invited.${unique()}@test.example`,
          displayName: 'Invited',
          role: 'delegate',
          governmentId: world.users.delegate.governmentId,
        })
        .expect(201);
      return { path: `/users/${body.id}/invitation` };
    },
    [401, 403, 403, 403, 204, 204],
  ),
  'PUT /auth/password': row(
    "the caller's own password, set to the same",
    async () => ({ path: '/auth/password', body: () => ({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }) }),
    [401, 204, 204, 204, 204, 204],
  ),
  'POST /auth/password-reset': row(
    'an address nobody has',
    async () => ({ path: '/auth/password-reset', body: () => ({ email: `nobody.${unique()}@test.example` }) }),
    [202, 202, 202, 202, 202, 202],
  ),
  'POST /auth/password-reset/confirm': row(
    'a forged reset link',
    async () => ({
      path: '/auth/password-reset/confirm',
      body: () => ({ token: `${SAMPLE_LINK_ID}.${'A'.repeat(43)}`, newPassword: 'a new password long enough' }),
    }),
    [400, 400, 400, 400, 400, 400],
  ),
  'POST /auth/unlock': row(
    'an address nobody has',
    async () => ({ path: '/auth/unlock', body: () => ({ email: `nobody.${unique()}@test.example` }) }),
    [202, 202, 202, 202, 202, 202],
  ),
  'POST /auth/unlock/confirm': row(
    'a forged unlock link',
    async () => ({ path: '/auth/unlock/confirm', body: () => ({ token: `${SAMPLE_LINK_ID}.${'A'.repeat(43)}` }) }),
    [400, 400, 400, 400, 400, 400],
  ),
  'POST /auth/invitations/accept': row(
    'a forged invitation link',
    async () => ({
      path: '/auth/invitations/accept',
      body: () => ({ token: `${SAMPLE_LINK_ID}.${'A'.repeat(43)}`, password: 'a new password long enough' }),
    }),
    [400, 400, 400, 400, 400, 400],
  ),
  'DELETE /users/{id}/totp': row(
    "a delegate's second factor",
    async ({ api }) => {
      const delegate = await aUser(api, 'delegate', { government: 'Toyama' });
      await enrolSecondFactor(api, delegate);
      return { path: `/users/${delegate.id}/totp` };
    },
    [401, 403, 403, 403, 403, 204],
  ),
  'GET /governments': row('the registry', async () => ({ path: '/governments' }), [401, 200, 200, 200, 200, 200]),
  'GET /governments/{id}': row(
    'government A (prospective)',
    async (world) => {
      const { applicant: applicantA } = await aFiledApplication(world.api);
      return { path: `/governments/${applicantA.governmentId}`, applicantA };
    },
    [401, 200, 200, 200, 200, 200],
  ),
  'POST /governments': row(
    'a new prospective government',
    async () => ({
      path: '/governments',
      body: () => ({ nameEn: `Matrix ${unique()}`, nameLocal: '매트릭스', country: 'KR', level: 'regional', kind: 'Province' }),
    }),
    [401, 403, 403, 403, 201, 201],
  ),
  'PATCH /governments/{id}': row(
    "a prospective government's local name corrected",
    async ({ api }) => {
      const { governmentId } = await aProspectiveApplicant(api);
      return { path: `/governments/${governmentId}`, body: () => ({ nameLocal: `정정 ${unique()}` }) };
    },
    [401, 403, 403, 403, 200, 403],
  ),
  'PUT /governments/{id}/fees': row(
    "a member's fee for last year",
    async ({ memberIds }) => ({
      path: `/governments/${memberIds[1]}/fees`,
      body: () => ({ year: LAST_YEAR, paidOn: `${LAST_YEAR}-04-15` }),
    }),
    [401, 403, 403, 403, 200, 403],
  ),
  'POST /applications': row(
    'a filing for government A',
    async ({ api }) => {
      const applicantA = await aProspectiveApplicant(api);
      return { path: '/applications', body: () => applicationInput(applicantA.governmentId), applicantA };
    },
    [401, 201, 403, 403, 403, 403],
  ),
  'GET /applications': row(
    'the list, after A has filed',
    async (world) => ({ path: '/applications', applicantA: (await aFiledApplication(world.api)).applicant }),
    [401, 200, 200, 200, 200, 403],
  ),
  'GET /applications/{id}': row(
    "A's application, not on an agenda",
    async (world) => {
      const { applicant: applicantA, application } = await aFiledApplication(world.api);
      return { path: `/applications/${application.id}`, applicantA };
    },
    [401, 200, 404, 404, 200, 403],
  ),
  'GET /applications/{id}/history': row(
    "A's application, on an agenda",
    async (world) => {
      const { applicant: applicantA, application } = await anApplicationOnAnAgenda(world.api, world.users.secretariat);
      return { path: `/applications/${application.id}/history`, applicantA };
    },
    [401, 200, 404, 200, 200, 403],
  ),
  'GET /applications/{id}/messages': row(
    "A's application under review, on an agenda",
    async (world) => {
      const { applicant: applicantA, application } = await anApplicationOnAnAgenda(world.api, world.users.secretariat);
      return { path: `/applications/${application.id}/messages`, applicantA };
    },
    [401, 200, 404, 200, 200, 403],
  ),
  'POST /applications/{id}/actions/{action}': row(
    "withdrawing A's application (the applicant's own action)",
    async (world) => {
      const { applicant: applicantA, application } = await aFiledApplication(world.api);
      return { path: `/applications/${application.id}/actions/withdraw`, body: () => ({ reason: 'Withdrawn in the matrix.' }), applicantA };
    },
    [401, 200, 404, 404, 403, 403],
  ),
  'PUT /applications/{id}/eligibility': row(
    "A's application, under review",
    async (world) => {
      const { applicant: applicantA, application } = await anApplicationUnderReview(world.api, world.users.secretariat);
      return { path: `/applications/${application.id}/eligibility`, body: () => ALL_CRITERIA_PASSED, applicantA };
    },
    [401, 403, 403, 403, 200, 403],
  ),
  'PUT /applications/{id}/letter': row(
    "A's application, filed",
    async (world) => {
      const { applicant: applicantA, application } = await aFiledApplication(world.api);
      return { path: `/applications/${application.id}/letter`, letter: A_PDF, applicantA };
    },
    [401, 200, 404, 403, 403, 403],
  ),
  'GET /applications/{id}/letter': row(
    "A's letter, not on an agenda",
    async (world) => {
      const { applicant: applicantA, application } = await anApplicationWithALetter(world.api);
      return { path: `/applications/${application.id}/letter`, applicantA };
    },
    [401, 200, 404, 404, 200, 403],
  ),
  'POST /applications/{id}/attachments': row(
    "A's application, filed",
    async (world) => {
      const { applicant: applicantA, application } = await aFiledApplication(world.api);
      return { path: `/applications/${application.id}/attachments`, letter: A_PDF, fields: { title: 'Statute' }, applicantA };
    },
    [401, 201, 404, 403, 403, 403],
  ),
  'GET /applications/{id}/attachments': row(
    "A's attachments, not on an agenda",
    async (world) => {
      const { applicant: applicantA, application } = await anApplicationWithAnAttachment(world.api);
      return { path: `/applications/${application.id}/attachments`, applicantA };
    },
    [401, 200, 404, 404, 200, 403],
  ),
  'GET /applications/{id}/attachments/{attachmentId}': row(
    "A's attachment, not on an agenda",
    async (world) => {
      const { applicant: applicantA, application, attachmentId } = await anApplicationWithAnAttachment(world.api);
      return { path: `/applications/${application.id}/attachments/${attachmentId}`, applicantA };
    },
    [401, 200, 404, 404, 200, 403],
  ),
  'PUT /applications/{id}/ballot': row(
    "A's application, its ballot open",
    async (world) => {
      const { applicant: applicantA, application } = await anApplicationBeingVoted(world.api, world.users.secretariat, world.memberIds);
      return { path: `/applications/${application.id}/ballot`, body: () => ({ choice: 'yes' }), applicantA };
    },
    [401, 403, 403, 200, 403, 403],
  ),
  'GET /applications/{id}/ballot': row(
    "A's application, its ballot open, the delegate's government having voted",
    async (world) => {
      const { applicant: applicantA, application } = await anApplicationBeingVoted(world.api, world.users.secretariat, world.memberIds);
      await world.api
        .http()
        .put(`/applications/${application.id}/ballot`)
        .set(bearer(world.users.delegate))
        .send({ choice: 'no' })
        .expect(200);
      return { path: `/applications/${application.id}/ballot`, applicantA };
    },
    [401, 403, 403, 200, 403, 403],
  ),
  'GET /applications/{id}/result': row(
    "A's application, its ballot closed",
    async (world) => {
      const { applicant: applicantA, application } = await decided(world);
      return { path: `/applications/${application.id}/result`, applicantA };
    },
    [401, 200, 404, 200, 200, 403],
  ),
  'GET /applications/{id}/documents': row(
    "A's application, its ballot closed",
    async (world) => {
      const { applicant: applicantA, application } = await decided(world);
      return { path: `/applications/${application.id}/documents`, applicantA };
    },
    [401, 200, 404, 200, 200, 403],
  ),
  'GET /documents/{id}': row(
    "the decision record of A's application",
    async (world) => {
      const { applicant: applicantA, application } = await decided(world);
      return { path: `/documents/${await aStoredDocument(world.api, { applicationId: application.id })}`, applicantA };
    },
    [401, 200, 404, 200, 200, 403],
  ),
  'GET /assemblies/{id}/minutes': row(
    'the English minutes of a closed session',
    async (world) => ({ path: `/assemblies/${await aClosedSessionWithMinutes(world.api, world.users.secretariat)}/minutes` }),
    [401, 200, 200, 200, 200, 403],
  ),
  'GET /public/decisions/{reference}': row(
    "the reference of A's decided application",
    async (world) => {
      const { application } = await decided(world);
      return { path: `/public/decisions/${application.reference}` };
    },
    EVERYONE,
  ),
  'POST /assemblies': row(
    'a new Working Committee meeting',
    async ({ memberIds }) => ({
      path: '/assemblies',
      body: () => ({
        body: 'working_committee',
        number: nextSessionNumber(),
        hostGovernmentId: memberIds[0],
        startsOn: '2027-05-10',
        endsOn: '2027-05-11',
        venue: 'Matrix Hall',
      }),
    }),
    [401, 403, 403, 403, 201, 403],
  ),
  'GET /assemblies': row('the sessions', async () => ({ path: '/assemblies' }), [401, 200, 200, 200, 200, 200]),
  'GET /calendar.ics': row('the calendar of sessions', async () => ({ path: '/calendar.ics' }), [401, 200, 200, 200, 200, 200]),
  'GET /auth/calendar-link': row(
    "the caller's own feed address",
    async () => ({ path: '/auth/calendar-link' }),
    [401, 200, 200, 200, 200, 200],
  ),
  'DELETE /auth/calendar-link': row(
    "the caller's own feed address",
    async () => ({ path: '/auth/calendar-link' }),
    [401, 204, 204, 204, 204, 204],
  ),
  'GET /calendar/feed/{token}': row(
    "a feed address of a user of the row's own: the token is the credential, whoever holds it",
    async ({ api }) => {
      const owner = await aUser(api, 'secretariat');
      const issued = await api.http().get('/auth/calendar-link').set(bearer(owner)).expect(200);
      return { path: new URL(issued.body.url as string).pathname };
    },
    EVERYONE,
  ),
  'GET /assemblies/{id}': row(
    "a session with A's application on its agenda",
    async (world) => {
      const { applicant: applicantA, session } = await anApplicationOnAnAgenda(world.api, world.users.secretariat);
      return { path: `/assemblies/${session.id}`, applicantA };
    },
    [401, 200, 200, 200, 200, 200],
  ),
  'PATCH /assemblies/{id}': row(
    "a scheduled session's venue, with its version",
    async ({ api, users }) => ({
      path: `/assemblies/${(await aSession(api, users.secretariat)).id}`,
      headers: { 'If-Match': '"1"' },
      body: () => ({ venue: `Hall ${unique()}` }),
    }),
    [401, 403, 403, 403, 200, 403],
  ),
  'POST /assemblies/{id}/cancel': row(
    'a scheduled session',
    async ({ api, users }) => ({ path: `/assemblies/${(await aSession(api, users.secretariat)).id}/cancel` }),
    [401, 403, 403, 403, 200, 403],
  ),
  'POST /assemblies/{id}/open': row(
    'a scheduled session',
    async ({ api, users }) => ({ path: `/assemblies/${(await aSession(api, users.secretariat)).id}/open` }),
    [401, 403, 403, 403, 200, 403],
  ),
  'POST /assemblies/{id}/close': row(
    'a session in progress',
    async (world) => ({ path: `/assemblies/${(await aSessionInProgress(world.api, world.users.secretariat)).id}/close` }),
    [401, 403, 403, 403, 200, 403],
  ),
  'PUT /assemblies/{id}/attendance': row(
    'a session in progress',
    async (world) => ({
      path: `/assemblies/${(await aSessionInProgress(world.api, world.users.secretariat)).id}/attendance`,
      body: () => ({ governmentIds: world.memberIds }),
    }),
    [401, 403, 403, 403, 200, 403],
  ),
  'GET /audit-events': row('the audit trail', async () => ({ path: '/audit-events' }), [401, 403, 403, 403, 200, 403]),
  'GET /audit-events/verify': row('the audit trail', async () => ({ path: '/audit-events/verify' }), [401, 403, 403, 403, 200, 403]),
  'GET /log/key': row("the log's key", async () => ({ path: '/log/key' }), EVERYONE),
  'GET /log/checkpoint': row(
    'the latest checkpoint',
    async (world) => {
      await integrated(world);
      return { path: '/log/checkpoint' };
    },
    EVERYONE,
  ),
  'GET /log/checkpoints/{size}': row(
    'the checkpoint of the tree as it is',
    async (world) => ({ path: `/log/checkpoints/${await integrated(world)}` }),
    EVERYONE,
  ),
  'GET /log/proof/inclusion': row(
    'the first leaf in the tree as it is',
    async (world) => ({ path: `/log/proof/inclusion?index=0&size=${await integrated(world)}` }),
    EVERYONE,
  ),
  'GET /log/proof/consistency': row(
    'the tree as it is with itself',
    async (world) => {
      const size = await integrated(world);
      return { path: `/log/proof/consistency?from=${size}&to=${size}` };
    },
    EVERYONE,
  ),
  'GET /log/entries': row(
    "the log's first leaf",
    async (world) => ({ path: `/log/entries?start=0&end=${Math.min(1, await integrated(world))}` }),
    [401, 403, 403, 403, 200, 403],
  ),
  'GET /log/receipts/{commitment}': row(
    "the commitment of the delegate's cast on A's application, integrated",
    async (world) => {
      const { applicant: applicantA, application } = await anApplicationBeingVoted(world.api, world.users.secretariat, world.memberIds);
      const cast = await world.api
        .http()
        .put(`/applications/${application.id}/ballot`)
        .set(bearer(world.users.delegate))
        .send({ choice: 'abstain' })
        .expect(200);
      await integrated(world);
      return { path: `/log/receipts/${cast.body.receipt.commitment}`, applicantA };
    },
    EVERYONE,
  ),
  'GET /notifications': row('the outbox', async () => ({ path: '/notifications' }), [401, 403, 403, 403, 200, 403]),
  'POST /notifications/{id}/retry': row(
    'a failed notification',
    async (world) => ({ path: `/notifications/${(await aFailedNotification(world.api)).id}/retry` }),
    [401, 403, 403, 403, 200, 403],
  ),
};

describe('the authorization matrix, on real records', () => {
  let world: World;
  let routes: string[];
  let contract: ApiContract;

  beforeAll(async () => {
    const api = await createTestApp();
    routes = (await openApiOperations(api)).map((operation) => operation.route);
    contract = await ApiContract.of(api);
    await everyMemberPaidUp(api);
    const { memberIds } = await memberDelegates(api, 0);
    const [applicantA, applicantB] = [await aProspectiveApplicant(api), await aProspectiveApplicant(api, 'KR')];
    world = {
      api,
      memberIds,
      users: {
        'applicant A': applicantA,
        'applicant B': applicantB,
        delegate: await aUser(api, 'delegate', { government: 'Toyama' }),
        secretariat: await aUser(api, 'secretariat'),
        admin: await aUser(api, 'admin'),
      },
    };
  });
  afterAll(() => world.api.close());

  const send = async (route: string, target: Target, caller: Caller, user: TestUser | undefined): Promise<Response> => {
    const method = route.split(' ')[0].toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    let request = world.api.http()[method](target.path);
    if (user && target.freshSignIn) {
      const { body } = await world.api.http().post('/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(200);
      request = request.set('Authorization', `Bearer ${body.accessToken}`);
    } else if (user) request = request.set(bearer(user));
    if (target.headers) request = request.set(typeof target.headers === 'function' ? await target.headers() : target.headers);
    for (const [name, value] of Object.entries(target.fields ?? {})) request = request.field(name, value);
    if (target.letter) return request.attach('file', target.letter, { filename: 'letter.pdf', contentType: 'application/pdf' });
    return target.body ? request.send(target.body(caller)) : request;
  };

  it('has a row for every route of the OpenAPI document, and no row without a route', () => {
    expect([...routes].sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it.each(Object.keys(MATRIX))('%s', async (route) => {
    const { target: build, statuses } = MATRIX[route];
    const target = await build(world);
    const users = { ...world.users, ...(target.applicantA ? { 'applicant A': target.applicantA } : {}) };
    const expected = Object.fromEntries(CALLERS.map((caller, index) => [caller, statuses[index]]));
    // Refusals first: a refused caller must see the record as it was, and leave it so.
    const order = [...CALLERS].sort((a, b) => Number(expected[a] < 400) - Number(expected[b] < 400));
    const actual: Record<string, number> = {};
    const problems: string[] = [];
    for (const caller of order) {
      const before = await databaseFingerprint(world.api.dataSource);
      const response = await send(route, target, caller, caller === 'anonymous' ? undefined : users[caller]);
      actual[caller] = response.status;
      problems.push(...contract.problems(route, response).map((problem) => `${caller}: ${problem}`));
      if (response.status >= 400) {
        if (!/^application\/problem\+json/.test(response.headers['content-type'] ?? '')) problems.push(`${caller}: not problem+json`);
        const changed = changedTables(before, await databaseFingerprint(world.api.dataSource));
        if (changed.length > 0) problems.push(`${caller}: refused with ${response.status} yet changed ${changed.join(', ')}`);
      }
    }
    expect({
      route,
      on: MATRIX[route].on,
      statuses: Object.fromEntries(CALLERS.map((caller) => [caller, actual[caller]])),
      problems,
    }).toEqual({
      route,
      on: MATRIX[route].on,
      statuses: expected,
      problems: [],
    });
  });

  describe('lists and agendas show each caller only what it may see', () => {
    it('GET /applications and GET /assemblies/{id}', async () => {
      const { api, users } = world;
      const { applicant: applicantA, application, session } = await anApplicationOnAnAgenda(api, users.secretariat);
      const hidden = await aFiledApplication(api);
      const listed = async (user: TestUser) =>
        ((await api.http().get('/applications?limit=100').set(bearer(user)).expect(200)).body.items as { id: string }[]).map(
          (item) => item.id,
        );
      const agenda = async (user: TestUser) =>
        ((await api.http().get(`/assemblies/${session.id}`).set(bearer(user)).expect(200)).body.agenda as { applicationId: string }[]).map(
          (item) => item.applicationId,
        );
      const seen = {
        'applicant A': { list: await listed(applicantA), agenda: await agenda(applicantA) },
        'applicant B': { list: await listed(users['applicant B']), agenda: await agenda(users['applicant B']) },
        delegate: { list: await listed(users.delegate), agenda: await agenda(users.delegate) },
        secretariat: { list: await listed(users.secretariat), agenda: await agenda(users.secretariat) },
      };
      const sees = (ids: string[]) => ({ onAgenda: ids.includes(application.id), notOnAgenda: ids.includes(hidden.application.id) });
      expect(
        Object.fromEntries(Object.entries(seen).map(([caller, { list, agenda }]) => [caller, { list: sees(list), agenda: sees(agenda) }])),
      ).toEqual({
        'applicant A': { list: { onAgenda: true, notOnAgenda: false }, agenda: { onAgenda: true, notOnAgenda: false } },
        'applicant B': { list: { onAgenda: false, notOnAgenda: false }, agenda: { onAgenda: false, notOnAgenda: false } },
        delegate: { list: { onAgenda: true, notOnAgenda: false }, agenda: { onAgenda: true, notOnAgenda: false } },
        secretariat: { list: { onAgenda: true, notOnAgenda: true }, agenda: { onAgenda: true, notOnAgenda: false } },
      });
      // The other applicant of the hidden application sees its own only.
      expect(await listed(hidden.applicant)).toEqual([hidden.application.id]);
    });

    it('the history hides who acted, and from where, from everyone but the Secretariat', async () => {
      const { api, users } = world;
      const { applicant: applicantA, application } = await anApplicationOnAnAgenda(world.api, world.users.secretariat);
      for (const user of [applicantA, users.delegate]) {
        const history = await api.http().get(`/applications/${application.id}/history`).set(bearer(user)).expect(200);
        for (const entry of history.body as Record<string, unknown>[]) {
          expect({ actorUserId: entry.actorUserId, requestId: entry.requestId, clientAddress: entry.clientAddress }).toEqual({
            actorUserId: null,
            requestId: null,
            clientAddress: null,
          });
        }
      }
      const full = await api.http().get(`/applications/${application.id}/history`).set(bearer(users.secretariat)).expect(200);
      expect((full.body as { actorUserId: string | null }[]).some((entry) => entry.actorUserId === users.secretariat.id)).toBe(true);
    });
  });
});
