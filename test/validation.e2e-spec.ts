import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aUser, bearer, type TestUser } from './fixtures/users.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';

describe('bad input', () => {
  let api: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    api = await createTestApp({ BODY_LIMIT_BYTES: '65536' });
    admin = await aUser(api, 'admin');
  });
  afterAll(() => api.close());

  const expectProblem = (response: { status: number; headers: Record<string, string>; body: Record<string, unknown> }, status: number) => {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      status,
      type: expect.stringMatching(/^urn:near:problem:/),
      title: expect.any(String),
      detail: expect.any(String),
    });
    expect(JSON.stringify(response.body)).not.toMatch(/\bat .+\.(js|ts):\d+/);
  };

  it('names every failing field of a body, as problem+json 400', async () => {
    const response = await api
      .http()
      .post('/users')
      .set(bearer(admin))
      .send({ email: 'not-an-email', password: 'short', role: 'emperor', locale: 'xx' });
    expectProblem(response, 400);
    expect(response.body.type).toBe('urn:near:problem:validation-failed');
    const fields = (response.body.errors as { field: string }[]).map((error) => error.field).sort();
    expect(fields).toEqual(['displayName', 'email', 'locale', 'password', 'role']);
  });

  it('refuses fields it does not know rather than ignoring them', async () => {
    const response = await api.http().post('/users').set(bearer(admin)).send({
      email: 'someone@test.example',
      password: 'long-enough-password',
      displayName: 'Someone',
      role: 'secretariat',
      isSuperuser: true,
    });
    expectProblem(response, 400);
    expect(response.body.errors).toEqual([{ field: 'isSuperuser', messages: ['property isSuperuser should not exist'] }]);
    const [{ count }] = await api.dataSource.query(`SELECT count(*)::int AS count FROM users WHERE email = 'someone@test.example'`);
    expect(count).toBe(0);
  });

  it('validates query strings and path parameters too', async () => {
    expectProblem(await api.http().get('/governments?status=emperor').set(bearer(admin)), 400);
    expectProblem(await api.http().get('/governments?country=XX1').set(bearer(admin)), 400);
    expectProblem(await api.http().get('/governments/not-a-uuid').set(bearer(admin)), 400);
  });

  it('answers malformed JSON with 400', async () => {
    const response = await api.http().post('/auth/login').set('Content-Type', 'application/json').send('{"email": ');
    expectProblem(response, 400);
  });

  it('answers a body over the limit with 413', async () => {
    const response = await api
      .http()
      .post('/auth/login')
      .send({ email: 'a@test.example', password: 'x'.repeat(70_000) });
    expectProblem(response, 413);
  });

  it('answers an unsupported content type with 415', async () => {
    const response = await api.http().post('/auth/login').set('Content-Type', 'text/csv').send('email,password');
    expectProblem(response, 415);
  });

  it('answers unknown routes with 404 in the same format', async () => {
    expectProblem(await api.http().get('/no/such/route'), 404);
    expectProblem(await api.http().delete('/governments'), 404);
  });
});
