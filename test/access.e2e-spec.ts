import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aUser, bearer, type TestUser } from './fixtures/users.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';

const PUBLIC_ROUTES = new Set(['POST /auth/login', 'GET /health']);
const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';

/** Which roles each restricted route refuses; a route missing here is open to every signed-in user. */
const REFUSED_ROLES: Record<string, string[]> = {
  'POST /users': ['applicant', 'delegate', 'secretariat'],
  'GET /users': ['applicant', 'delegate', 'secretariat'],
  'POST /governments': ['applicant', 'delegate'],
};

describe('access to routes', () => {
  let api: TestApp;
  let routes: string[];
  const users: Record<string, TestUser> = {};

  beforeAll(async () => {
    api = await createTestApp();
    const { body } = await api.http().get('/docs-json').expect(200);
    routes = Object.entries(body.paths as Record<string, object>).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, SAMPLE_ID)}`),
    );
    users.applicant = await aUser(api, 'applicant', { government: 'Liaoning' });
    users.delegate = await aUser(api, 'delegate', { government: 'Toyama' });
    users.secretariat = await aUser(api, 'secretariat');
    users.admin = await aUser(api, 'admin');
  });
  afterAll(() => api.close());

  const call = (route: string, user?: TestUser) => {
    const [method, path] = route.split(' ');
    const pending = api.http()[method.toLowerCase() as 'get' | 'post'](path);
    return user ? pending.set(bearer(user)) : pending;
  };

  it('answers 401 problem+json on every route of the OpenAPI document that is not public, without a token', async () => {
    const protectedRoutes = routes.filter((route) => !PUBLIC_ROUTES.has(route));
    expect(protectedRoutes.length).toBeGreaterThanOrEqual(6);
    for (const route of protectedRoutes) {
      const response = await call(route);
      expect({ route, status: response.status }).toEqual({ route, status: 401 });
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('answers 403 to each role a restricted route is not for, before looking at the body', async () => {
    for (const [route, roles] of Object.entries(REFUSED_ROLES)) {
      expect(routes).toContain(route);
      for (const role of roles) {
        const response = await call(route, users[role]).send({});
        expect({ route, role, status: response.status }).toEqual({ route, role, status: 403 });
        expect(response.body.type).toBe('urn:near:problem:forbidden');
      }
    }
  });

  it('lets every signed-in role read the registry', async () => {
    for (const user of Object.values(users)) {
      await api.http().get('/governments').set(bearer(user)).expect(200);
    }
  });
});
