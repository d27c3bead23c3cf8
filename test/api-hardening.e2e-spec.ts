import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { gzipSync } from 'node:zlib';
import { aProspectiveApplicant, applicationInput, fileApplication } from './fixtures/applications.js';
import { aUser, bearer, type TestUser } from './fixtures/users.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';
import { withRawBody } from './utils/raw-body.js';
import { aSessionInProgress } from './utils/record-scenes.js';

const PROBLEM_JSON = /^application\/problem\+json/;

const expectProblem = (response: Response, status: number, type?: string) => {
  expect({ status: response.status, contentType: response.headers['content-type'] }).toEqual({
    status,
    contentType: expect.stringMatching(PROBLEM_JSON),
  });
  expect(response.body).toMatchObject({ status, ...(type ? { type } : {}) });
};

describe('The API surface, hardened (issue 19)', () => {
  let api: TestApp;
  let secretariat: TestUser;
  let applicant: TestUser & { governmentId: string };
  let applicationId: string;

  beforeAll(async () => {
    api = await createTestApp();
    secretariat = await aUser(api, 'secretariat');
    applicant = await aProspectiveApplicant(api);
    applicationId = (await fileApplication(api, applicant)).id;
  });
  afterAll(() => api.close());

  describe('content types: JSON, and multipart where a file is taken', () => {
    const UNSUPPORTED = 'urn:near:problem:unsupported-media-type';

    it('refuses a form-encoded ballot and a form-encoded government with 415', async () => {
      expectProblem(
        await withRawBody(
          api.http().put(`/applications/${applicationId}/ballot`).set(bearer(applicant)),
          'application/x-www-form-urlencoded',
          'choice=yes',
        ),
        415,
        UNSUPPORTED,
      );
      expectProblem(
        await withRawBody(
          api.http().post('/governments').set(bearer(secretariat)),
          'application/x-www-form-urlencoded',
          'nameEn=%FF%FE&nameLocal=x&country=XX&level=regional',
        ),
        415,
        UNSUPPORTED,
      );
      const [{ count }] = await api.dataSource.query(`SELECT count(*)::int AS count FROM governments WHERE country = 'XX'`);
      expect(count).toBe(0);
    });

    it.each([
      ['text/plain', '{"email":"a@test.example","password":"x"}'],
      ['application/x-www-form-urlencoded', 'email=a%40test.example&password=x'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\na@test.example\r\n--x--\r\n'],
      ['application/xml', '<email/>'],
    ])('refuses %s on a JSON route with 415', async (contentType, body) => {
      expectProblem(await withRawBody(api.http().post('/auth/login'), contentType, body), 415, UNSUPPORTED);
    });

    it('accepts JSON with a charset parameter', async () => {
      const response = await withRawBody(
        api.http().post('/auth/login'),
        'application/json; charset=utf-8',
        JSON.stringify({ email: secretariat.email, password: 'a-wrong-one' }),
      );
      expect(response.status).toBe(401);
    });

    it('takes a letter as multipart, not form-encoded nor as plain text', async () => {
      const url = `/applications/${applicationId}/letter`;
      for (const contentType of ['application/x-www-form-urlencoded', 'text/plain']) {
        expectProblem(await withRawBody(api.http().put(url).set(bearer(applicant)), contentType, 'file=x'), 415, UNSUPPORTED);
      }
      await api
        .http()
        .put(url)
        .set(bearer(applicant))
        .attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), { filename: 'letter.pdf', contentType: 'application/pdf' })
        .expect(200);
    });

    it('refuses a compressed body with 415 instead of reading it as plain', async () => {
      const body = gzipSync(JSON.stringify({ email: secretariat.email, password: 'x' }));
      for (const encoding of ['gzip', 'deflate', 'br', 'x-anything']) {
        const response = await withRawBody(api.http().post('/auth/login').set('Content-Encoding', encoding), 'application/json', body);
        expectProblem(response, 415, UNSUPPORTED);
      }
    });
  });

  describe('unknown keys, refused alike whatever their name', () => {
    const government = { nameEn: 'Keyland', nameLocal: 'Keyland', country: 'KY', level: 'regional' };
    const OBJECT_MEMBERS = [
      'constructor',
      'toString',
      'valueOf',
      'hasOwnProperty',
      'isPrototypeOf',
      'propertyIsEnumerable',
      'toLocaleString',
      '__defineGetter__',
      '__lookupSetter__',
      'somethingElse',
    ];

    it.each(OBJECT_MEMBERS)('refuses a body key named %s with 400 naming it', async (key) => {
      const body = `{${JSON.stringify(key)}:1,${JSON.stringify(government).slice(1)}`;
      const response = await withRawBody(api.http().post('/governments').set(bearer(secretariat)), 'application/json', body);
      expectProblem(response, 400, 'urn:near:problem:validation-failed');
      expect(response.body.errors).toEqual([{ field: key, messages: [expect.stringContaining(key)] }]);
    });

    it('refuses a __proto__ key already in the JSON parser, naming it', async () => {
      const body = `{"__proto__":{"admin":true},${JSON.stringify(government).slice(1)}`;
      const response = await withRawBody(api.http().post('/governments').set(bearer(secretariat)), 'application/json', body);
      expectProblem(response, 400);
      expect(response.body.detail).toContain('__proto__');
    });

    it('refuses one nested in an object, and one in a query string', async () => {
      const contact = { name: 'Wang Li', email: 'wang.li@liaoning.test', toString: 'x' };
      const nested = await api
        .http()
        .post('/applications')
        .set(bearer(applicant))
        .send(applicationInput(applicant.governmentId, { contact }));
      expectProblem(nested, 400, 'urn:near:problem:validation-failed');
      expect(nested.body.errors).toEqual([{ field: 'contact.toString', messages: [expect.stringContaining('toString')] }]);
      const query = await api.http().get('/governments?valueOf=1').set(bearer(secretariat));
      expectProblem(query, 400, 'urn:near:problem:validation-failed');
      expect(query.body.errors).toEqual([{ field: 'valueOf', messages: [expect.stringContaining('valueOf')] }]);
      const [{ count }] = await api.dataSource.query(`SELECT count(*)::int AS count FROM governments WHERE country = 'KY'`);
      expect(count).toBe(0);
    });
  });

  describe("the client's X-Request-Id, kept apart from ours", () => {
    it('never becomes the request id of an answer or an audit entry, even when it is an earlier request id', async () => {
      const earlier = await api
        .http()
        .post('/governments')
        .set(bearer(secretariat))
        .send({ nameEn: 'Earlierland', nameLocal: 'Earlierland', country: 'MN', level: 'regional' })
        .expect(201);
      const ours = earlier.headers['x-request-id'];
      expect(ours).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

      const replayed = await api
        .http()
        .post('/governments')
        .set(bearer(secretariat))
        .set('X-Request-Id', ours)
        .send({ nameEn: 'Laterland', nameLocal: 'Laterland', country: 'JP', level: 'regional' })
        .expect(201);
      expect(replayed.headers['x-request-id']).not.toBe(ours);
      const refused = await api.http().get('/auth/me').set('X-Request-Id', 'chosen-by-client');
      expect(refused.status).toBe(401);
      expect(refused.headers['x-request-id']).not.toBe('chosen-by-client');
      expect(refused.body.requestId).toBe(refused.headers['x-request-id']);

      const rows: { request_id: string }[] = await api.dataSource.query(
        `SELECT request_id FROM audit_events WHERE action = 'government.registered' AND entity_id IN ($1, $2) ORDER BY seq`,
        [earlier.body.id, replayed.body.id],
      );
      expect(rows.map((row) => row.request_id)).toEqual([ours, replayed.headers['x-request-id']]);
    });
  });

  describe('letter file names', () => {
    const upload = (fileName: string) =>
      api
        .http()
        .put(`/applications/${applicationId}/letter`)
        .set(bearer(applicant))
        .attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), { filename: fileName, contentType: 'application/pdf' })
        .expect(200);
    const stored = async () =>
      (
        await api.dataSource.query(
          `SELECT file_name FROM application_letters WHERE application_id = $1 ORDER BY uploaded_at DESC, id DESC LIMIT 1`,
          [applicationId],
        )
      )[0].file_name as string;

    it('are stored without control or bidirectional-override characters', async () => {
      const response = await upload('\u202efdp.exe\u0007\u2066');
      expect(response.body.letter.fileName).toBe('fdp.exe');
      expect(await stored()).toBe('fdp.exe');
    });

    it('are stored with at most 255 characters, their extension kept', async () => {
      const response = await upload(`${'é'.repeat(5_000)}.pdf`);
      expect(response.body.letter.fileName).toBe(`${'é'.repeat(251)}.pdf`);
      expect(await stored()).toBe(`${'é'.repeat(251)}.pdf`);
      const download = await api.http().get(`/applications/${applicationId}/letter`).set(bearer(applicant)).expect(200);
      expect(download.headers['content-disposition']).toBe('attachment; filename="letter.pdf"');
    });
  });

  describe('the OpenAPI page and the content security policy', () => {
    const scriptSources = (response: Response) =>
      /script-src ([^;]*)/.exec(response.headers['content-security-policy'] ?? '')?.[1] ?? 'none';

    it("allows inline code on /docs alone, and nowhere else under the API's policy", async () => {
      const page = await api.http().get('/docs');
      expect(page.status).toBe(200);
      expect(scriptSources(page)).toContain("'unsafe-inline'");
      for (const response of [
        await api.http().get('/docs-json'),
        await api.http().get('/health'),
        await api.http().get('/governments').set(bearer(secretariat)),
        await api.http().get('/no/such/route'),
        await api.http().get('/docs/../health'),
      ]) {
        expect({ url: response.request.url, policy: response.headers['content-security-policy'] }).toEqual({
          url: response.request.url,
          policy: expect.not.stringContaining('unsafe-inline'),
        });
      }
    });

    it('serves neither /docs nor /docs-json when API_DOCS is false', async () => {
      const closed = await createTestApp({ API_DOCS: 'false', DATABASE_URL: api.config.database.url });
      try {
        for (const path of ['/docs', '/docs-json']) {
          const response = await closed.http().get(path);
          expectProblem(response, 404);
          expect(response.headers['content-security-policy']).not.toContain('unsafe-inline');
        }
      } finally {
        await closed.app.close();
      }
    });
  });

  describe('UUIDs in any case', () => {
    it('takes an upper-case id in a body as the id it names, and keeps it in lower case', async () => {
      const session = await aSessionInProgress(api, secretariat);
      const [toyama] = await api.dataSource.query(`SELECT id FROM governments WHERE name_en = 'Toyama'`);
      const response = await api
        .http()
        .put(`/assemblies/${session.id.toUpperCase()}/attendance`)
        .set(bearer(secretariat))
        .send({ governmentIds: [toyama.id.toUpperCase()] });
      expect(response.status).toBe(200);
      const present = await api.dataSource.query(`SELECT government_id::text AS id FROM session_attendance WHERE assembly_id = $1`, [
        session.id,
      ]);
      expect(present).toEqual([{ id: toyama.id }]);
      const [entry] = await api.dataSource.query(
        `SELECT payload FROM audit_events WHERE entity_id = $1 AND action = 'assembly.attendance-recorded' ORDER BY seq DESC LIMIT 1`,
        [session.id],
      );
      expect(entry.payload).toContain(toyama.id);
      expect(entry.payload).not.toContain(toyama.id.toUpperCase());
    });
  });

  describe('the OpenAPI document says what the server does', () => {
    interface Document {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, { properties: Record<string, Record<string, unknown>> }> };
    }
    let document: Document;
    beforeAll(async () => {
      document = (await api.http().get('/docs-json').expect(200)).body as Document;
    });

    it('declares the 422 of POST /assemblies/{id}/open', () => {
      expect(Object.keys(document.paths['/assemblies/{id}/open'].post.responses)).toContain('422');
    });

    it("declares the problems' extension members", () => {
      const members = Object.keys(document.components.schemas.ProblemDto.properties);
      for (const member of [
        'currentState',
        'allowedActions',
        'currentVersion',
        'currentStatus',
        'applicationId',
        'reference',
        'governmentId',
        'guard',
      ]) {
        expect({ member, declared: members.includes(member) }).toEqual({ member, declared: true });
      }
    });

    it('documents each answer these probes get, with its status and content type', async () => {
      const probes: [string, () => Promise<Response>][] = [
        [
          'put /applications/{id}/ballot',
          () =>
            withRawBody(
              api.http().put(`/applications/${applicationId}/ballot`).set(bearer(applicant)),
              'application/x-www-form-urlencoded',
              'choice=yes',
            ),
        ],
        ['post /auth/login', () => withRawBody(api.http().post('/auth/login').set('Content-Encoding', 'gzip'), 'application/json', '{}')],
        ['post /auth/login', () => api.http().post('/auth/login').send({ email: 'a@test.example', password: 'x', constructor: 1 })],
        ['get /governments', () => api.http().get('/governments?toString=1').set(bearer(secretariat))],
        [
          'put /applications/{id}/letter',
          () => withRawBody(api.http().put(`/applications/${applicationId}/letter`).set(bearer(applicant)), 'text/plain', 'x'),
        ],
        ['get /health', () => api.http().get('/health')],
      ];
      for (const [route, send] of probes) {
        const [method, path] = route.split(' ');
        const response = await send();
        const { responses } = document.paths[path][method] as { responses: Record<string, { content?: Record<string, unknown> }> };
        const declared = responses[String(response.status)] ?? responses[`${String(response.status)[0]}XX`];
        const contentType = (response.headers['content-type'] ?? '').split(';')[0];
        const error = response.status >= 400;
        expect({
          route,
          status: response.status,
          declared: declared !== undefined,
          contentType: error ? contentType : 'not an error',
          declaredTypes: error ? Object.keys(declared?.content ?? {}) : 'not an error',
        }).toEqual({
          route,
          status: response.status,
          declared: true,
          contentType: error ? 'application/problem+json' : 'not an error',
          declaredTypes: error ? ['application/problem+json'] : 'not an error',
        });
      }
    });

    it('declares the limits the server enforces', () => {
      const { schemas } = document.components;
      expect(schemas.CreateAssemblyDto.properties.number).toMatchObject({ minimum: 1, maximum: 10_000 });
      expect(schemas.CreateGovernmentDto.properties.nameEn).toMatchObject({ minLength: 1, maxLength: 200 });
      expect(schemas.CreateGovernmentDto.properties.nameLocal).toMatchObject({ minLength: 1, maxLength: 200 });
      expect(schemas.SignInDto.properties.password).toMatchObject({ minLength: 1, maxLength: 1024 });
    });
  });
});
