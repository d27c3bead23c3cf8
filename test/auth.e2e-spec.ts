import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import jwt from 'jsonwebtoken';
import { aUser, bearer, TEST_PASSWORD, type TestUser } from './fixtures/users.js';
import { createTestApp, TEST_JWT_SECRET, type TestApp } from './utils/create-test-app.js';

describe('signing in', () => {
  let api: TestApp;
  let secretariat: TestUser;

  beforeAll(async () => {
    api = await createTestApp({ LOGIN_FREE_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_DELAY_SECONDS: '30' });
    secretariat = await aUser(api, 'secretariat');
  });
  afterAll(() => api.close());

  it('gives a short-lived bearer token and the user for the right password', async () => {
    const response = await api.http().post('/auth/login').send({ email: secretariat.email, password: TEST_PASSWORD }).expect(200);
    expect(response.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, user: { email: secretariat.email, role: 'secretariat' } });
    const me = await api.http().get('/auth/me').set('Authorization', `Bearer ${response.body.accessToken}`).expect(200);
    expect(me.body).toEqual({
      id: secretariat.id,
      email: secretariat.email,
      displayName: 'Test secretariat',
      role: 'secretariat',
      governmentId: null,
      locale: 'en',
      secondFactor: false,
    });
  });

  it('accepts the e-mail in any case', async () => {
    await api.http().post('/auth/login').send({ email: secretariat.email.toUpperCase(), password: TEST_PASSWORD }).expect(200);
  });

  it('refuses a wrong password and an unknown e-mail alike with 401 problem+json', async () => {
    const wrong = await api.http().post('/auth/login').send({ email: secretariat.email, password: 'not-the-password' }).expect(401);
    const unknown = await api.http().post('/auth/login').send({ email: 'nobody@test.example', password: 'whatever-it-is' }).expect(401);
    for (const response of [wrong, unknown]) {
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({
        type: 'urn:near:problem:invalid-credentials',
        status: 401,
        detail: 'The e-mail or the password is wrong.',
      });
    }
  });

  it('records every failed sign-in in the audit trail, with the address, never the password', async () => {
    const failed = await api.http().post('/auth/login').send({ email: secretariat.email, password: 'a-wrong-one' }).expect(401);
    const [entry] = await api.dataSource.query(`SELECT * FROM audit_events WHERE request_id = $1`, [failed.body.requestId]);
    expect(entry).toMatchObject({ action: 'auth.sign-in-failed', entity_type: 'user', entity_id: secretariat.id, actor_user_id: null });
    expect(entry.client_address).toMatch(/127\.0\.0\.1/);
    expect(JSON.parse(entry.payload)).toEqual({ email: secretariat.email, reason: 'wrong-password' });
    expect(entry.payload).not.toContain('a-wrong-one');
  });

  const login = (email: string, password: string, cookies: string[] = []) =>
    api.http().post('/auth/login').set('Cookie', cookies.join('; ')).send({ email, password });
  /** Time passing for the throttle, without the test waiting: the account's failures move back by `seconds`. */
  const later = (email: string, seconds: number) =>
    api.dataSource.query(`UPDATE login_failures SET failed_at = failed_at - make_interval(secs => $2) WHERE email = $1`, [email, seconds]);
  /** The account's failures as if they had all just happened: a slow machine must not let a delay pass mid-test. */
  const justNow = (email: string) => api.dataSource.query(`UPDATE login_failures SET failed_at = now() WHERE email = $1`, [email]);
  /** The same browser's last failure recorded `count` times more, just now: its delay is then longer than any slow machine. */
  const failedAgain = (email: string, count: number) =>
    api.dataSource.query(
      `INSERT INTO login_failures (email, address, kind, device_id)
       SELECT email, address, kind, device_id FROM (
         SELECT * FROM login_failures WHERE email = $1 AND device_id IS NOT NULL ORDER BY failed_at DESC LIMIT 1
       ) last, generate_series(1, $2::int)`,
      [email, count],
    );
  /** Failures recorded just now, as a stranger's guesses leave them. */
  const guessed = (email: string, count: number) =>
    api.dataSource.query(`INSERT INTO login_failures (email, address) SELECT $1, '203.0.113.7' FROM generate_series(1, $2::int)`, [
      email,
      count,
    ]);

  it('slows guesses on an account with growing delays, and takes the right password once the delay has passed', async () => {
    const victim = await aUser(api, 'secretariat');
    for (let attempt = 0; attempt < 3; attempt++) await login(victim.email, `guess-${attempt}`).expect(401);
    // After the three free failures each attempt waits twice as long as the last: 1 s, then 2 s…
    await justNow(victim.email);
    const slowed = await login(victim.email, TEST_PASSWORD).expect(429);
    expect(slowed.body.type).toBe('urn:near:problem:too-many-failed-sign-ins');
    expect(Number(slowed.headers['retry-after'])).toBe(1);
    await later(victim.email, 1);
    await login(victim.email, 'guess-3').expect(401);
    await justNow(victim.email);
    const longer = await login(victim.email, TEST_PASSWORD).expect(429);
    expect(Number(longer.headers['retry-after'])).toBe(2);
    // …up to LOGIN_MAX_DELAY_SECONDS (30 here): never longer, however many the guesses.
    await guessed(victim.email, 50);
    const capped = await login(victim.email, TEST_PASSWORD).expect(429);
    expect(Number(capped.headers['retry-after'])).toBe(30);
    await later(victim.email, 30);
    await login(victim.email, TEST_PASSWORD).expect(200);
    // Other accounts are not affected.
    await login(secretariat.email, TEST_PASSWORD).expect(200);
  });

  it("does not slow the owner's browser, which signed in before, for a stranger's guesses", async () => {
    const owner = await aUser(api, 'secretariat');
    const signedIn = await login(owner.email, TEST_PASSWORD).expect(200);
    const device = (signedIn.headers['set-cookie'] as unknown as string[]).find((cookie) => cookie.startsWith('near_device='))!;
    expect(device).toMatch(/HttpOnly/i);
    await guessed(owner.email, 20);
    await login(owner.email, TEST_PASSWORD).expect(429);
    await login(owner.email, TEST_PASSWORD, [device.split(';')[0]]).expect(200);
    // The browser's own failures do slow it.
    for (let attempt = 0; attempt < 3; attempt++) await login(owner.email, `typo-${attempt}`, [device.split(';')[0]]).expect(401);
    await failedAgain(owner.email, 5);
    await login(owner.email, TEST_PASSWORD, [device.split(';')[0]]).expect(429);
    // A device cookie counts for its own account only.
    const other = await aUser(api, 'secretariat');
    await guessed(other.email, 20);
    await login(other.email, TEST_PASSWORD, [device.split(';')[0]]).expect(429);
  });

  it('counts failures in the database, so concurrent guesses cannot slip past the delays', async () => {
    const victim = await aUser(api, 'secretariat');
    // One failure short of the delays: of twelve guesses at once, one is checked, and the others wait.
    await guessed(victim.email, 2);
    const answers = await Promise.all(Array.from({ length: 12 }, (_, attempt) => login(victim.email, `guess-${attempt}`)));
    expect(answers.filter((answer) => answer.status === 401)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(11);
  });

  it('lets a hall of 80 delegates behind one address all sign in within a minute', async () => {
    const delegates = await Promise.all(
      Array.from({ length: 80 }, (_, index) => aUser(api, 'delegate', { government: index % 2 ? 'Toyama' : 'Busan' })),
    );
    const started = Date.now();
    const answers = await Promise.all(
      delegates.map((delegate) => api.http().post('/auth/login').send({ email: delegate.email, password: TEST_PASSWORD })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(delegates.map(() => 200));
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  describe('refuses with 401 a token that is', () => {
    /** The session id of a fresh sign-in of the Secretariat user, for tokens forged around a real session. */
    let sid: string;
    beforeAll(async () => {
      const { body } = await login(secretariat.email, TEST_PASSWORD).expect(200);
      sid = (jwt.decode(body.accessToken) as { sid: string }).sid;
    });
    const claims = () => ({ sub: secretariat.id, role: 'secretariat', sid, typ: 'access' });
    const sign = (payload: object, options: jwt.SignOptions = {}, secret = TEST_JWT_SECRET) =>
      jwt.sign(payload, secret, { algorithm: 'HS256', issuer: 'near-admission', expiresIn: 600, ...options });

    it('signed as the system signs them, accepted (the control of the cases below)', async () => {
      await api
        .http()
        .get('/auth/me')
        .set('Authorization', `Bearer ${sign(claims())}`)
        .expect(200);
    });

    it.each([
      ['missing', () => undefined],
      ['not a JWT', () => 'Bearer not-a-token'],
      ['expired', () => `Bearer ${sign(claims(), { expiresIn: -10 })}`],
      ['not yet valid', () => `Bearer ${sign(claims(), { notBefore: 3600 })}`],
      ['signed with another key', () => `Bearer ${sign(claims(), {}, 'another-secret-that-is-at-least-32-characters')}`],
      ['unsigned (alg none)', () => `Bearer ${jwt.sign({ ...claims(), iss: 'near-admission' }, '', { algorithm: 'none' })}`],
      ['without exp', () => `Bearer ${jwt.sign(claims(), TEST_JWT_SECRET, { algorithm: 'HS256', issuer: 'near-admission' })}`],
      ['expiring in ten years', () => `Bearer ${sign(claims(), { expiresIn: '3650d' })}`],
      ['expiring later than its lifetime after its issue', () => `Bearer ${sign(claims(), { expiresIn: 901 })}`],
      ['issued in the future', () => `Bearer ${sign({ ...claims(), iat: Math.floor(Date.now() / 1000) + 3600 })}`],
      ['without a session', () => `Bearer ${sign({ ...claims(), sid: undefined })}`],
      ['of another type (the second step of a sign-in)', () => `Bearer ${sign({ ...claims(), typ: 'mfa' }, { expiresIn: 300 })}`],
      ['of a session that does not exist', () => `Bearer ${sign({ ...claims(), sid: '00000000-0000-4000-8000-000000000000' })}`],
      [
        'of a user that does not exist',
        () => `Bearer ${sign({ ...claims(), sub: '00000000-0000-4000-8000-000000000000', role: 'admin' })}`,
      ],
      ['of another scheme', () => `Basic ${Buffer.from('a:b').toString('base64')}`],
    ])('%s', async (_, header) => {
      const value = header();
      const call = api.http().get('/auth/me');
      const response = await (value ? call.set('Authorization', value) : call).expect(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('that expired after it was accepted', async () => {
      const token = sign(claims(), { expiresIn: 1 });
      await api.http().get('/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
      const { exp } = jwt.decode(token) as { exp: number };
      await new Promise((done) => setTimeout(done, exp * 1000 - Date.now() + 20));
      await api.http().get('/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    });

    it('of a user disabled since it was issued', async () => {
      const user = await aUser(api, 'secretariat');
      await api.http().get('/auth/me').set(bearer(user)).expect(200);
      await api.dataSource.query('UPDATE users SET disabled_at = now() WHERE id = $1', [user.id]);
      await api.http().get('/auth/me').set(bearer(user)).expect(401);
      await api.http().post('/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(401);
    });

    it('of a user disabled since it was issued, among many requests of others arriving at once (read together)', async () => {
      const users = await Promise.all(Array.from({ length: 6 }, () => aUser(api, 'secretariat')));
      const disabled = users[3];
      await api.dataSource.query('UPDATE users SET disabled_at = now() WHERE id = $1', [disabled.id]);
      const callers = Array.from({ length: 60 }, (_, index) => users[index % users.length]);
      const answers = await Promise.all(callers.map((user) => api.http().get('/auth/me').set(bearer(user))));
      expect(answers.map((answer) => answer.status)).toEqual(callers.map((user) => (user === disabled ? 401 : 200)));
      // Each answer names its own caller, however the reads were grouped.
      expect(answers.map((answer) => answer.body.id)).toEqual(callers.map((user) => (user === disabled ? undefined : user.id)));
    });
  });
});
