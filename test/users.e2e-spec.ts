import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aUser, bearer, governmentId, type TestUser } from './fixtures/users.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';

describe('user management by the admin', () => {
  let api: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    api = await createTestApp();
    admin = await aUser(api, 'admin');
  });
  afterAll(() => api.close());

  const create = (body: Record<string, unknown>) => api.http().post('/users').set(bearer(admin)).send(body);

  it('creates a delegate of a member government who can then sign in', async () => {
    const toyama = await governmentId(api.dataSource, 'Toyama');
    const response = await create({
      email: 'Delegate.Toyama@Test.example',
      password: 'toyama-delegate-pw',
      displayName: '佐藤 花子',
      role: 'delegate',
      governmentId: toyama,
      locale: 'ja',
    }).expect(201);
    expect(response.body).toMatchObject({
      email: 'delegate.toyama@test.example',
      role: 'delegate',
      governmentId: toyama,
      locale: 'ja',
      disabledAt: null,
    });
    expect(response.headers.location).toBe(`/users/${response.body.id}`);
    expect(JSON.stringify(response.body)).not.toMatch(/password|scrypt/i);
    const signIn = await api
      .http()
      .post('/auth/login')
      .send({ email: 'delegate.toyama@test.example', password: 'toyama-delegate-pw' })
      .expect(200);
    expect(signIn.body.user).toMatchObject({ role: 'delegate', governmentId: toyama, displayName: '佐藤 花子' });
  });

  it("gives a user who chose no language their government's: Russian for Irkutsk, English without a government", async () => {
    const irkutsk = await governmentId(api.dataSource, 'Irkutsk Oblast');
    const delegate = { password: 'irkutsk-delegate-pw', displayName: 'Иван Петров', role: 'delegate', governmentId: irkutsk };
    await create({ ...delegate, email: 'delegate.irkutsk@test.example' })
      .expect(201)
      .expect((r) => expect(r.body.locale).toBe('ru'));
    const officer = { password: 'secretariat-pw-1', displayName: 'Officer', role: 'secretariat' };
    await create({ ...officer, email: 'officer.nolocale@test.example' })
      .expect(201)
      .expect((r) => expect(r.body.locale).toBe('en'));
  });

  it('records the creation in the audit trail as done by the admin, without the password', async () => {
    const created = await create({
      email: 'audited@test.example',
      password: 'never-in-the-trail',
      displayName: 'Audited',
      role: 'secretariat',
    }).expect(201);
    const [entry] = await api.dataSource.query(`SELECT * FROM audit_events WHERE action = 'user.created' AND entity_id = $1`, [
      created.body.id,
    ]);
    expect(entry).toMatchObject({ actor_user_id: admin.id, actor_role: 'admin', state_after: 'active' });
    expect(entry.payload).not.toContain('never-in-the-trail');
  });

  it('stores the password hashed with scrypt, never in clear', async () => {
    await create({
      email: 'hash.check@test.example',
      password: 'visible-if-stored-plainly',
      displayName: 'Hash',
      role: 'secretariat',
    }).expect(201);
    const [row] = await api.dataSource.query(`SELECT password_hash FROM users WHERE email = 'hash.check@test.example'`);
    expect(row.password_hash).toMatch(/^scrypt\$16384\$8\$5\$/);
    expect(row.password_hash).not.toContain('visible-if-stored-plainly');
  });

  it('refuses a second user with the same e-mail, whatever its case, with 409', async () => {
    await create({ email: 'twice@test.example', password: 'long-enough-pw', displayName: 'One', role: 'secretariat' }).expect(201);
    const response = await create({
      email: 'TWICE@test.example',
      password: 'long-enough-pw',
      displayName: 'Two',
      role: 'secretariat',
    }).expect(409);
    expect(response.body.type).toBe('urn:near:problem:email-taken');
  });

  it.each<[string, { role: string; government?: string }, string]>([
    ['an applicant without a government', { role: 'applicant' }, 'government-required'],
    ['a secretariat officer with a government', { role: 'secretariat', government: 'Toyama' }, 'government-not-allowed'],
    ['a delegate of an observer', { role: 'delegate', government: 'Liaoning' }, 'government-not-eligible-for-role'],
    [
      'an applicant for a government that is already a member',
      { role: 'applicant', government: 'Toyama' },
      'government-not-eligible-for-role',
    ],
  ])('refuses %s with 422', async (_, { role, government }, code) => {
    const gov = government ? await governmentId(api.dataSource, government) : undefined;
    const response = await create({
      email: `${code}.${role}@test.example`,
      password: 'long-enough-pw',
      displayName: 'X',
      role,
      governmentId: gov,
    }).expect(422);
    expect(response.body.type).toBe(`urn:near:problem:${code}`);
  });

  it('refuses a government id that does not exist with 422', async () => {
    const response = await create({
      email: 'ghost@test.example',
      password: 'long-enough-pw',
      displayName: 'Ghost',
      role: 'delegate',
      governmentId: '00000000-0000-4000-8000-000000000000',
    }).expect(422);
    expect(response.body.type).toBe('urn:near:problem:unknown-government');
  });

  it('lists users with filters and without password hashes', async () => {
    const everyone = await api.http().get('/users').set(bearer(admin)).expect(200);
    expect(everyone.body.length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(everyone.body)).not.toMatch(/scrypt|password/i);
    const delegates = await api.http().get('/users?role=delegate').set(bearer(admin)).expect(200);
    expect(delegates.body.map((u: { role: string }) => u.role)).toEqual(delegates.body.map(() => 'delegate'));
  });
});
