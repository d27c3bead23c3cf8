import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aUser, TEST_PASSWORD, type TestUser } from './fixtures/users.js';
import { ApiContract } from './utils/api-contract.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';

const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';
const ROLES = ['applicant', 'delegate', 'secretariat', 'admin'] as const;
type RoleName = (typeof ROLES)[number];
const SIGNED_IN = [...ROLES];

/** Every route of the API and the roles its guard lets through; `public` needs no token. A new route needs a row. */
const ACCESS: Record<string, RoleName[] | 'public'> = {
  'GET /health': 'public',
  'POST /auth/login': 'public',
  'GET /auth/me': SIGNED_IN,
  'PUT /auth/password': SIGNED_IN,
  'POST /auth/password-reset': 'public',
  'POST /auth/password-reset/confirm': 'public',
  'POST /auth/unlock': 'public',
  'POST /auth/unlock/confirm': 'public',
  'POST /auth/invitations/accept': 'public',
  'POST /auth/login/totp': 'public',
  'POST /auth/refresh': 'public',
  'POST /auth/logout': SIGNED_IN,
  'GET /auth/sessions': SIGNED_IN,
  'DELETE /auth/sessions/{id}': SIGNED_IN,
  'POST /auth/totp': SIGNED_IN,
  'POST /auth/totp/confirm': SIGNED_IN,
  'DELETE /auth/totp': SIGNED_IN,
  'DELETE /users/{id}/totp': ['admin'],
  'POST /users': ['admin'],
  'GET /users': ['secretariat', 'admin'],
  'GET /users/{id}': ['secretariat', 'admin'],
  'PATCH /users/{id}': ['secretariat', 'admin'],
  'POST /users/{id}/invitation': ['secretariat', 'admin'],
  'GET /governments': SIGNED_IN,
  'GET /governments/{id}': SIGNED_IN,
  'POST /governments': ['secretariat', 'admin'],
  'PUT /governments/{id}/fees': ['secretariat'],
  'PATCH /governments/{id}': ['secretariat'],
  'POST /applications': ['applicant'],
  'GET /applications': ['applicant', 'delegate', 'secretariat'],
  'GET /applications/{id}': ['applicant', 'delegate', 'secretariat'],
  'GET /applications/{id}/history': ['applicant', 'delegate', 'secretariat'],
  'GET /applications/{id}/messages': ['applicant', 'delegate', 'secretariat'],
  'POST /applications/{id}/actions/{action}': ['applicant', 'delegate', 'secretariat'],
  'PUT /applications/{id}/eligibility': ['secretariat'],
  'PUT /applications/{id}/letter': ['applicant'],
  'GET /applications/{id}/letter': ['applicant', 'delegate', 'secretariat'],
  'POST /applications/{id}/attachments': ['applicant'],
  'GET /applications/{id}/attachments': ['applicant', 'delegate', 'secretariat'],
  'GET /applications/{id}/attachments/{attachmentId}': ['applicant', 'delegate', 'secretariat'],
  'PUT /applications/{id}/ballot': ['delegate'],
  'GET /applications/{id}/ballot': ['delegate'],
  'GET /applications/{id}/result': ['applicant', 'delegate', 'secretariat'],
  'GET /applications/{id}/documents': ['applicant', 'delegate', 'secretariat'],
  'GET /documents/{id}': ['applicant', 'delegate', 'secretariat'],
  'GET /assemblies/{id}/minutes': ['applicant', 'delegate', 'secretariat'],
  'GET /public/decisions/{reference}': 'public',
  'POST /assemblies': ['secretariat'],
  'PATCH /assemblies/{id}': ['secretariat'],
  'POST /assemblies/{id}/cancel': ['secretariat'],
  'POST /assemblies/{id}/open': ['secretariat'],
  'POST /assemblies/{id}/close': ['secretariat'],
  'PUT /assemblies/{id}/attendance': ['secretariat'],
  'GET /assemblies': SIGNED_IN,
  'GET /assemblies/{id}': SIGNED_IN,
  'GET /calendar.ics': SIGNED_IN,
  'GET /auth/calendar-link': SIGNED_IN,
  'DELETE /auth/calendar-link': SIGNED_IN,
  'GET /calendar/feed/{token}': 'public',
  'GET /audit-events': ['secretariat'],
  'GET /audit-events/verify': ['secretariat'],
  'GET /log/key': 'public',
  'GET /log/checkpoint': 'public',
  'GET /log/checkpoints/{size}': 'public',
  'GET /log/proof/inclusion': 'public',
  'GET /log/proof/consistency': 'public',
  'GET /log/entries': ['secretariat'],
  'GET /log/receipts/{commitment}': 'public',
  'GET /notifications': ['secretariat'],
  'POST /notifications/{id}/retry': ['secretariat'],
};

describe('access to routes', () => {
  let api: TestApp;
  let routes: string[];
  let contract: ApiContract;
  const users = {} as Record<RoleName, TestUser>;

  beforeAll(async () => {
    api = await createTestApp();
    const { body } = await api.http().get('/docs-json').expect(200);
    routes = Object.entries(body.paths as Record<string, object>).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    contract = await ApiContract.of(api);
    users.applicant = await aUser(api, 'applicant', { government: 'Liaoning' });
    users.delegate = await aUser(api, 'delegate', { government: 'Toyama' });
    users.secretariat = await aUser(api, 'secretariat');
    users.admin = await aUser(api, 'admin');
  });
  afterAll(() => api.close());

  /** Sign-out ends the session it is made in: that route gets a sign-in of its own, the others share one. */
  const tokenFor = async (route: string, user: TestUser) =>
    route === 'POST /auth/logout'
      ? (await api.http().post('/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(200)).body.accessToken
      : user.token;
  // Not async: a supertest request is a thenable, and an async function would send it before `.send({})`.
  const call = (route: string, token?: string) => {
    const [method, template] = route.split(' ');
    const path = template.replace('{action}', 'start-review').replace(/\{[^}]+\}/g, SAMPLE_ID);
    const pending = api.http()[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](path);
    return token ? pending.set('Authorization', `Bearer ${token}`) : pending;
  };

  it('has a row in the access table for every route of the OpenAPI document, and no row without a route', () => {
    expect([...routes].sort()).toEqual(Object.keys(ACCESS).sort());
  });

  it('answers 401 problem+json on every route that is not public, without a token', async () => {
    for (const route of routes.filter((route) => ACCESS[route] !== 'public')) {
      const response = await call(route);
      expect({ route, status: response.status, broken: contract.problems(route, response) }).toEqual({ route, status: 401, broken: [] });
    }
  });

  it('answers 403 to each role a route is not for, before looking at the request', async () => {
    for (const [route, allowed] of Object.entries(ACCESS)) {
      if (allowed === 'public') continue;
      for (const role of ROLES.filter((role) => !allowed.includes(role))) {
        const response = await call(route, await tokenFor(route, users[role])).send({});
        expect({ route, role, status: response.status, broken: contract.problems(route, response) }).toEqual({
          route,
          role,
          status: 403,
          broken: [],
        });
        expect(response.body.type).toBe('urn:near:problem:forbidden');
      }
    }
  });

  it('lets each role a route is for past the guard', async () => {
    for (const [route, allowed] of Object.entries(ACCESS)) {
      for (const role of allowed === 'public' ? ROLES : allowed) {
        const response = await call(route, await tokenFor(route, users[role])).send({});
        // The guard's refusals: 403, or 401 for the token (a refresh without its cookie is a 401 of its own).
        const refused = response.status === 403 || (response.status === 401 && response.body.type === 'urn:near:problem:invalid-token');
        expect({ route, role, refused, broken: contract.problems(route, response) }).toEqual({ route, role, refused: false, broken: [] });
      }
    }
  });
});
