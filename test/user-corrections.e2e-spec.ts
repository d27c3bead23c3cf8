import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aUser, bearer, governmentId, TEST_PASSWORD, type TestUser } from './fixtures/users.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';

describe('correcting, disabling and enabling users', () => {
  let api: TestApp;
  let admin: TestUser;
  let secretariat: TestUser;
  let liaoning: string;
  let toyama: string;

  beforeAll(async () => {
    api = await createTestApp();
    admin = await aUser(api, 'admin');
    secretariat = await aUser(api, 'secretariat');
    liaoning = await governmentId(api.dataSource, 'Liaoning');
    toyama = await governmentId(api.dataSource, 'Toyama');
  });
  afterAll(() => api.close());

  const read = async (by: TestUser, id: string) => api.http().get(`/users/${id}`).set(bearer(by)).expect(200);
  const patch = (by: TestUser, id: string, body: object, ifMatch?: string) => {
    const request = api.http().patch(`/users/${id}`).set(bearer(by));
    return (ifMatch === undefined ? request : request.set('If-Match', ifMatch)).send(body);
  };
  const correct = async (by: TestUser, id: string, body: object) => patch(by, id, body, (await read(by, id)).headers.etag);

  it('needs If-Match (428), refuses a stale one (412), and answers the new ETag', async () => {
    const user = await aUser(api, 'applicant', { government: 'Liaoning' });
    const missing = await patch(admin, user.id, { displayName: 'New Name' }).expect(428);
    expect(missing.body.type).toBe('urn:near:problem:precondition-required');
    const { headers } = await read(admin, user.id);
    const done = await patch(admin, user.id, { displayName: '  New Name ' }, headers.etag).expect(200);
    expect(done.body.displayName).toBe('New Name');
    expect(done.headers.etag).not.toBe(headers.etag);
    const stale = await patch(admin, user.id, { displayName: 'Newer Name' }, headers.etag).expect(412);
    expect(stale.body.type).toBe('urn:near:problem:user-changed');
    expect((await read(admin, user.id)).body.displayName).toBe('New Name');
  });

  it('audits each changed field before and after, and records nothing when nothing changes', async () => {
    const user = await aUser(api, 'applicant', { government: 'Liaoning' });
    expect((await correct(admin, user.id, { displayName: 'Li Wei', locale: 'zh' })).status).toBe(200);
    const entries = await api.dataSource.query(`SELECT action, actor_user_id, payload FROM audit_events WHERE entity_id = $1`, [user.id]);
    expect(entries).toHaveLength(1);
    expect(entries[0].action).toBe('user.updated');
    expect(entries[0].actor_user_id).toBe(admin.id);
    expect(JSON.parse(entries[0].payload)).toEqual({
      displayName: { before: 'Test applicant', after: 'Li Wei' },
      locale: { before: 'en', after: 'zh' },
    });
    const unchanged = await correct(admin, user.id, { displayName: 'Li Wei' });
    expect(unchanged.status).toBe(200);
    const [count] = await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1`, [user.id]);
    expect(count.n).toBe(1);
  });

  it('checks the role and government together, as creating a user does', async () => {
    const user = await aUser(api, 'applicant', { government: 'Liaoning' });
    // Liaoning is an observer: it has no delegates. Toyama is a member: it has no applicants.
    expect((await correct(admin, user.id, { role: 'delegate' })).body.type).toBe('urn:near:problem:government-not-eligible-for-role');
    expect((await correct(admin, user.id, { governmentId: toyama })).body.type).toBe('urn:near:problem:government-not-eligible-for-role');
    expect((await correct(admin, user.id, { governmentId: null })).body.type).toBe('urn:near:problem:government-required');
    const moved = await correct(admin, user.id, { role: 'delegate', governmentId: toyama });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ role: 'delegate', governmentId: toyama });
    // A role that acts for no government drops it.
    const promoted = await correct(admin, user.id, { role: 'secretariat' });
    expect(promoted.body).toMatchObject({ role: 'secretariat', governmentId: null });
    expect((await correct(admin, user.id, { role: 'admin', governmentId: liaoning })).body.type).toBe(
      'urn:near:problem:government-not-allowed',
    );
  });

  it('lets the Secretariat manage applicants and delegates only, and give no other role', async () => {
    const delegate = await aUser(api, 'delegate', { government: 'Toyama' });
    const officer = await aUser(api, 'secretariat');
    const renamed = await correct(secretariat, delegate.id, { displayName: 'Renamed by the Secretariat' });
    expect(renamed.status).toBe(200);
    const promoted = await correct(secretariat, delegate.id, { role: 'secretariat' });
    expect(promoted.status).toBe(403);
    expect(promoted.body.type).toBe('urn:near:problem:role-not-allowed');
    // Another officer or the admin is not among the users the Secretariat sees.
    await api.http().get(`/users/${officer.id}`).set(bearer(secretariat)).expect(404);
    await api.http().get(`/users/${admin.id}`).set(bearer(secretariat)).expect(404);
    await patch(secretariat, admin.id, { disabled: true }, '"1"').expect(404);
    const listed = await api.http().get('/users').set(bearer(secretariat)).expect(200);
    expect(new Set(listed.body.map((user: { role: string }) => user.role))).toEqual(new Set(['applicant', 'delegate']));
  });

  it('refuses a disabled user at once, says so in words of status, and lets it back when enabled', async () => {
    const delegate = await aUser(api, 'delegate', { government: 'Toyama' });
    await api.http().get('/auth/me').set(bearer(delegate)).expect(200);
    const disabled = await correct(secretariat, delegate.id, { disabled: true });
    expect(disabled.body).toMatchObject({ status: 'disabled', disabledAt: expect.any(String) });
    // The token signed before is refused at the very next request.
    await api.http().get('/auth/me').set(bearer(delegate)).expect(401);
    await api.http().post('/auth/login').send({ email: delegate.email, password: TEST_PASSWORD }).expect(401);
    const enabled = await correct(secretariat, delegate.id, { disabled: false });
    expect(enabled.body).toMatchObject({ status: 'active', disabledAt: null });
    await api.http().post('/auth/login').send({ email: delegate.email, password: TEST_PASSWORD }).expect(200);
    const [entry] = await api.dataSource.query(
      `SELECT state_before, state_after FROM audit_events WHERE entity_id = $1 AND action = 'user.updated' ORDER BY seq LIMIT 1`,
      [delegate.id],
    );
    expect(entry).toEqual({ state_before: 'active', state_after: 'disabled' });
  });

  it('does not let anyone disable themselves or change their own role', async () => {
    const other = await aUser(api, 'admin');
    expect((await correct(other, other.id, { disabled: true })).body.type).toBe('urn:near:problem:own-account');
    expect((await correct(other, other.id, { role: 'secretariat' })).body.type).toBe('urn:near:problem:own-account');
    expect((await correct(other, other.id, { displayName: 'My own name' })).status).toBe(200);
  });

  it('answers 404 for a user that does not exist and 400 for fields it does not know', async () => {
    await patch(admin, '00000000-0000-4000-8000-000000000000', { displayName: 'x' }, '"1"').expect(404);
    const user = await aUser(api, 'applicant', { government: 'Liaoning' });
    const unknown = await patch(admin, user.id, { email: 'new@test.example' }, '"1"').expect(400);
    expect(unknown.body.errors[0].field).toBe('email');
    const wrong = await patch(admin, user.id, { disabled: 'yes', role: 'emperor', locale: 'xx', displayName: '' }, '"1"').expect(400);
    expect(wrong.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['disabled', 'displayName', 'locale', 'role']);
  });
});
