import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { aProspectiveApplicant, fileApplication } from './fixtures/applications.js';
import { aUser, bearer, type TestUser } from './fixtures/users.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';
import { openApiOperations } from './utils/openapi-operations.js';
import { withRawBody } from './utils/raw-body.js';

const ALLOWED_ORIGIN = 'https://app.near.example';
const OTHER_ORIGIN = 'https://evil.example';
const PROBLEM_JSON = /^application\/problem\+json/;

/** The headers helmet sets, as this API configures it, on every answer the HTTP pipeline gives. */
function expectSecurityHeaders(response: Response, what: string): void {
  const headers = response.headers;
  expect({
    what,
    nosniff: headers['x-content-type-options'],
    framing: headers['x-frame-options'] ?? (/frame-ancestors/.test(headers['content-security-policy'] ?? '') ? 'csp' : undefined),
    referrer: headers['referrer-policy'],
    hsts: headers['strict-transport-security'],
    csp: typeof headers['content-security-policy'],
    poweredBy: headers['x-powered-by'],
    server: headers.server,
  }).toEqual({
    what,
    nosniff: 'nosniff',
    framing: 'SAMEORIGIN',
    referrer: 'no-referrer',
    hsts: expect.stringMatching(/^max-age=\d{7,}/),
    csp: 'string',
    poweredBy: undefined,
    server: undefined,
  });
}

describe('HTTP hardening', () => {
  let api: TestApp;
  let secretariat: TestUser;
  let applicant: TestUser;
  let applicationId: string;

  beforeAll(async () => {
    api = await createTestApp({ CORS_ORIGINS: `${ALLOWED_ORIGIN}, https://admin.near.example` });
    secretariat = await aUser(api, 'secretariat');
    applicant = await aProspectiveApplicant(api);
    applicationId = (await fileApplication(api, applicant)).id;
    await api
      .http()
      .put(`/applications/${applicationId}/letter`)
      .set(bearer(applicant))
      .attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), { filename: 'letter.pdf', contentType: 'application/pdf' })
      .expect(200);
  });
  afterAll(() => api.close());

  describe('security headers, on every kind of answer', () => {
    const answers: [string, () => Promise<Response>][] = [
      ['a JSON answer', () => api.http().get('/governments').set(bearer(secretariat))],
      ['a public answer', () => api.http().get('/health')],
      ['a 401', () => api.http().get('/auth/me')],
      ['a 403', () => api.http().get('/users').set(bearer(secretariat))],
      ['a 404 for an unknown route', () => api.http().get('/no/such/route')],
      ['a 400 from validation', () => api.http().get('/governments?status=emperor').set(bearer(secretariat))],
      ['a 400 for malformed JSON', () => withRawBody(api.http().post('/auth/login'), 'application/json', '{"email": ')],
      ['the letter, a download', () => api.http().get(`/applications/${applicationId}/letter`).set(bearer(applicant))],
      ['the OpenAPI page', () => api.http().get('/docs')],
      ['the OpenAPI document', () => api.http().get('/docs-json')],
    ];
    it.each(answers)('%s', async (what, send) => {
      expectSecurityHeaders(await send(), what);
    });

    it('no cache keeps an answer with personal data', async () => {
      for (const response of [
        await api.http().get(`/applications/${applicationId}`).set(bearer(applicant)),
        await api.http().get(`/applications/${applicationId}/letter`).set(bearer(applicant)),
        await api.http().get('/auth/me').set(bearer(secretariat)),
        await api.http().get('/auth/me'),
      ]) {
        expect({ url: response.request.url, cacheControl: response.headers['cache-control'] }).toEqual({
          url: response.request.url,
          cacheControl: 'no-store',
        });
      }
    });

    it('a download is an attachment the browser does not sniff', async () => {
      const response = await api.http().get(`/applications/${applicationId}/letter`).set(bearer(applicant)).expect(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toMatch(/^attachment;/);
    });
  });

  describe('errors before any route: still problem+json, with the headers that matter for it', () => {
    const expectBareHeaders = (response: Response) =>
      expect({
        nosniff: response.headers['x-content-type-options'],
        framing: response.headers['x-frame-options'],
        csp: response.headers['content-security-policy'],
        referrer: response.headers['referrer-policy'],
      }).toEqual({ nosniff: 'nosniff', framing: 'DENY', csp: "default-src 'none'; frame-ancestors 'none'", referrer: 'no-referrer' });

    it('a malformed %-escape in the path is a 400', async () => {
      const response = await api.http().get('/governments/%E0%A4%A');
      expect({ status: response.status, type: response.headers['content-type'] }).toEqual({
        status: 400,
        type: expect.stringMatching(PROBLEM_JSON),
      });
      expect(response.body).toMatchObject({ type: 'urn:near:problem:bad-request', status: 400 });
      expectBareHeaders(response);
    });

    it('a path parameter over 100 characters is a 414', async () => {
      const response = await api
        .http()
        .get(`/governments/${'a'.repeat(101)}`)
        .set(bearer(secretariat));
      expect({ status: response.status, type: response.headers['content-type'] }).toEqual({
        status: 414,
        type: expect.stringMatching(PROBLEM_JSON),
      });
      expectBareHeaders(response);
    });

    it('a request line over 16 KiB is a 431', async () => {
      const response = await api.http().get(`/governments?country=${'A'.repeat(20_000)}`);
      expect({ status: response.status, type: response.headers['content-type'] }).toEqual({
        status: 431,
        type: expect.stringMatching(PROBLEM_JSON),
      });
      expect(response.body).toMatchObject({ type: 'urn:near:problem:headers-too-large', status: 431 });
      expectBareHeaders(response);
    });
  });

  describe('the body limit (BODY_LIMIT_BYTES, 1 MiB by default)', () => {
    /** A sign-in body of exactly `size` bytes. */
    const signInOf = (size: number) => {
      const frame = JSON.stringify({ email: 'a@test.example', password: '' });
      return frame.replace('"password":""', `"password":"${'x'.repeat(size - frame.length)}"`);
    };

    it('answers a body one byte over it with 413 problem+json', async () => {
      expect(api.config.http.bodyLimitBytes).toBe(1024 * 1024);
      const response = await withRawBody(api.http().post('/auth/login'), 'application/json', signInOf(1024 * 1024 + 1));
      expect({ status: response.status, type: response.headers['content-type'] }).toEqual({
        status: 413,
        type: expect.stringMatching(PROBLEM_JSON),
      });
      expect(response.body).toMatchObject({ type: 'urn:near:problem:body-too-large', status: 413 });
    });

    it('reads a body of exactly the limit', async () => {
      const response = await withRawBody(api.http().post('/auth/login'), 'application/json', signInOf(1024 * 1024));
      // Read and validated: it is the password that is too long (1024 characters at most), not the body.
      expect(response.status).toBe(400);
      expect(response.body.type).toBe('urn:near:problem:validation-failed');
    });
  });

  describe('CORS: the allow-list of CORS_ORIGINS', () => {
    const preflight = (origin: string) =>
      api
        .http()
        .options('/applications')
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization,content-type');

    it('answers a preflight from an allowed origin with that origin, the method and the headers', async () => {
      const response = await preflight(ALLOWED_ORIGIN);
      expect(response.status).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
      expect(response.headers['access-control-allow-methods']).toMatch(/POST/);
      expect(response.headers['access-control-allow-headers']?.toLowerCase()).toMatch(/authorization/);
      expect(response.headers.vary).toMatch(/Origin/);
    });

    it('allows every route its method from an allowed origin, and no route anything from another', async () => {
      const operations = await openApiOperations(api);
      expect(operations.map((operation) => operation.method)).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT']));
      for (const { route, method, path } of operations) {
        const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const preflightOf = (origin: string) =>
          api
            .http()
            .options(url)
            .set('Origin', origin)
            .set('Access-Control-Request-Method', method)
            .set('Access-Control-Request-Headers', 'authorization,content-type');
        const allowed = await preflightOf(ALLOWED_ORIGIN);
        expect({ route, status: allowed.status, origin: allowed.headers['access-control-allow-origin'] }).toEqual({
          route,
          status: 204,
          origin: ALLOWED_ORIGIN,
        });
        expect({ route, methods: allowed.headers['access-control-allow-methods']?.split(/\s*,\s*/) }).toEqual({
          route,
          methods: expect.arrayContaining([method]),
        });
        const refused = await preflightOf(OTHER_ORIGIN);
        expect({ route, origin: refused.headers['access-control-allow-origin'] }).toEqual({ route, origin: undefined });
      }
    });

    it('lets an allowed origin read an answer, and the second origin of the list too', async () => {
      for (const origin of [ALLOWED_ORIGIN, 'https://admin.near.example']) {
        const response = await api.http().get('/auth/me').set('Origin', origin).set(bearer(secretariat)).expect(200);
        expect(response.headers['access-control-allow-origin']).toBe(origin);
      }
    });

    it('gives another origin nothing to read, on a preflight or a request', async () => {
      for (const origin of [OTHER_ORIGIN, 'null', `${ALLOWED_ORIGIN}.evil.example`, 'http://app.near.example']) {
        const answers = [await preflight(origin), await api.http().get('/auth/me').set('Origin', origin).set(bearer(secretariat))];
        for (const response of answers) {
          expect({ origin, allowOrigin: response.headers['access-control-allow-origin'] }).toEqual({ origin, allowOrigin: undefined });
        }
      }
    });

    it('never allows credentials: the bearer token goes in a header, not a cookie', async () => {
      const answers = [
        await preflight(ALLOWED_ORIGIN),
        await api.http().get('/auth/me').set('Origin', ALLOWED_ORIGIN).set(bearer(secretariat)),
      ];
      for (const response of answers) expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    });

    it('allows no origin at all when CORS_ORIGINS is empty', async () => {
      const closed = await createTestApp({ CORS_ORIGINS: '', DATABASE_URL: api.config.database.url });
      try {
        const response = await closed
          .http()
          .options('/applications')
          .set('Origin', ALLOWED_ORIGIN)
          .set('Access-Control-Request-Method', 'POST');
        expect(response.headers['access-control-allow-origin']).toBeUndefined();
      } finally {
        await closed.app.close();
      }
    });
  });
});
