import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { aProspectiveApplicant, applicationInput, fileApplication } from './fixtures/applications.js';
import { aUser, bearer, type TestUser } from './fixtures/users.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';
import { changedTables, databaseFingerprint } from './utils/database-fingerprint.js';
import { withRawBody } from './utils/raw-body.js';

/**
 * The inputs the property-based suite (security-hostile-input) found answered with a 500, or stored other
 * than sent, each pinned here so that the fix stays: refused with a 400 problem+json naming the field,
 * and nothing written.
 */
describe('input the API cannot keep as sent is refused, naming the field', () => {
  let api: TestApp;
  let admin: TestUser;
  let secretariat: TestUser;
  let applicant: TestUser & { governmentId: string };
  let application: { id: string };

  beforeAll(async () => {
    api = await createTestApp();
    admin = await aUser(api, 'admin');
    secretariat = await aUser(api, 'secretariat');
    applicant = (await aProspectiveApplicant(api)) as TestUser & { governmentId: string };
    application = await fileApplication(api, applicant);
  });
  afterAll(() => api.close());

  const aUserBody = (overrides: Record<string, unknown> = {}) => ({
    email: 'refused@test.example',
    password: 'long-enough-password',
    displayName: 'Refused',
    role: 'secretariat',
    ...overrides,
  });
  const postUser = (body: string | Buffer) => withRawBody(api.http().post('/users').set(bearer(admin)), 'application/json', body);

  /** Sends the request, expects a 400 (or `status`) problem+json and an unchanged database; returns the problem. */
  async function refused(send: () => Promise<Response>, status = 400): Promise<Record<string, unknown>> {
    const before = await databaseFingerprint(api.dataSource);
    const response = await send();
    expect({ status: response.status, type: response.headers['content-type'] }).toEqual({
      status,
      type: expect.stringMatching(/^application\/problem\+json/),
    });
    expect(changedTables(before, await databaseFingerprint(api.dataSource))).toEqual([]);
    return response.body as Record<string, unknown>;
  }
  const fields = (problem: Record<string, unknown>) => (problem.errors as { field: string }[]).map((error) => error.field);

  it.each([
    ['a NUL character', 'Ann\u0000e'],
    ['a lone high surrogate', 'Ann\ud800e'],
    ['a lone low surrogate', '\udc00Anne'],
    ['surrogates in the wrong order', 'Ann\udc00\ud800e'],
  ])('a text field with %s (PostgreSQL cannot store it; the driver would write U+FFFD)', async (_, displayName) => {
    const problem = await refused(() => postUser(JSON.stringify(aUserBody({ displayName }))));
    expect(problem).toMatchObject({ type: 'urn:near:problem:validation-failed' });
    expect(fields(problem)).toEqual(['displayName']);
  });

  it('keeps an emoji, a right-to-left mark and a zero-width joiner, which are text', async () => {
    const displayName = '👩‍👩‍👧 \u200fمرحبا\u200e';
    const response = await postUser(JSON.stringify(aUserBody({ displayName, email: 'kept@test.example' }))).expect(201);
    const [row] = await api.dataSource.query('SELECT display_name FROM users WHERE id = $1', [response.body.id]);
    expect(row.display_name).toBe(displayName);
  });

  it.each([
    ['0xff', 'ff'],
    ['an overlong NUL', 'c080'],
    ['an encoded lone surrogate', 'eda080'],
    ['a truncated sequence', 'e282'],
  ])('a body with %s, which is not UTF-8 (it was stored as U+FFFD)', async (_, hex) => {
    const [head, tail] = JSON.stringify(aUserBody({ displayName: 'SPLIT' })).split('SPLIT');
    const problem = await refused(() =>
      postUser(Buffer.concat([Buffer.from(`${head}A`), Buffer.from(hex, 'hex'), Buffer.from(`B${tail}`)])),
    );
    expect(problem.detail).toBe('The body is not valid UTF-8.');
  });

  it.each([
    ['arrays', (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`],
    ['objects', (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`],
  ])('%s nested 100,000 deep in a field (class-transformer overflowed its stack)', async (_, nested) => {
    const body = JSON.stringify(aUserBody({ displayName: 'NESTED' })).replace('"NESTED"', nested(100_000));
    const problem = await refused(() => postUser(body));
    expect(fields(problem)).toEqual([expect.stringMatching(/^displayName(\.0|\.a)+$/)]);
  });

  it('a NUL in a query filter (it reached PostgreSQL)', async () => {
    const problem = await refused(() => api.http().get('/audit-events?action=%00').set(bearer(secretariat)));
    expect(fields(problem)).toEqual(['action']);
  });

  it('a __proto__ key, in a body or a query string', async () => {
    const inBody = await refused(() => postUser(`{"__proto__":{"role":"admin"},${JSON.stringify(aUserBody()).slice(1)}`));
    expect(inBody.detail).toBe('The body has a property named __proto__ or constructor.prototype; neither is accepted.');
    const inQuery = await refused(() => api.http().get('/users?__proto__=admin').set(bearer(admin)));
    expect(fields(inQuery)).toEqual(['__proto__']);
  });

  it('an uploaded file whose name is not UTF-8, or holds a NUL', async () => {
    const upload = (fileName: Buffer) => {
      const boundary = 'unstorable-name';
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="`),
        fileName,
        Buffer.from(`"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--${boundary}--\r\n`),
      ]);
      const request = api.http().put(`/applications/${application.id}/letter`).set(bearer(applicant));
      return withRawBody(request, `multipart/form-data; boundary=${boundary}`, body);
    };
    expect(fields(await refused(() => upload(Buffer.from('lettre-\xe9.pdf', 'latin1'))))).toEqual(['file.filename']);
    expect(fields(await refused(() => upload(Buffer.from('letter\0.pdf'))))).toEqual(['file.filename']);
    await upload(Buffer.from('lettre-é.pdf')).expect(200);
  });

  describe('input the domain once took for valid', () => {
    // @ValidateNested alone lets a missing (or null, or []) object through; @IsObject refuses it.
    it('POST /applications without a contact is a 400, not a 500', async () => {
      const filer = await aProspectiveApplicant(api);
      const withoutContact: Record<string, unknown> = applicationInput(filer.governmentId);
      delete withoutContact.contact;
      await refused(() => api.http().post('/applications').set(bearer(filer)).send(withoutContact));
    });

    // A cursor holds a bigint position: past 2^63 − 1 it is not one the API gave out.
    it('GET /applications with a cursor past the bigint range is a 400, not a 500', async () => {
      const cursor = Buffer.from('p:9999999999999999999').toString('base64url');
      await refused(() => api.http().get(`/applications?cursor=${cursor}`).set(bearer(secretariat)));
    });
  });
});
