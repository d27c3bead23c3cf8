import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import jwt from 'jsonwebtoken';
import { aUser, bearer, TEST_PASSWORD, type TestUser } from './fixtures/users.js';
import { createTestApp, TEST_JWT_SECRET, type TestApp } from './utils/create-test-app.js';
import { setCookies } from './utils/cookies.js';
import { secretOf, totpCode } from './utils/rfc6238.js';

describe('two-factor sign-in (TOTP, RFC 6238) with recovery codes', () => {
  let api: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    api = await createTestApp({ MFA_REQUIRED_ROLES: 'secretariat', LOGIN_FREE_FAILURES_PER_ACCOUNT: '3' });
    admin = await aUser(api, 'admin');
  });
  afterAll(() => api.close());

  const login = (user: TestUser) => api.http().post('/auth/login').send({ email: user.email, password: TEST_PASSWORD });
  const secondStep = (mfaToken: string, code: string) => api.http().post('/auth/login/totp').send({ mfaToken, code });
  /** Enrols the user's authenticator; answers its secret (from the otpauth URI, read as an app would) and the recovery codes. */
  async function enrol(user: TestUser): Promise<{ secret: Buffer; recoveryCodes: string[]; otpauthUri: string; base32: string }> {
    const started = await api.http().post('/auth/totp').set(bearer(user)).expect(200);
    const secret = secretOf(started.body.otpauthUri);
    const confirmed = await api
      .http()
      .post('/auth/totp/confirm')
      .set(bearer(user))
      .send({ code: totpCode(secret) })
      .expect(200);
    return { secret, recoveryCodes: confirmed.body.recoveryCodes, otpauthUri: started.body.otpauthUri, base32: started.body.secret };
  }

  it("agrees, in the test's own implementation, with the test vectors of RFC 6238 (SHA-1)", () => {
    const secret = Buffer.from('12345678901234567890');
    // Appendix B gives eight digits for SHA-1; six digits are their last six.
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1_111_111_109, '07081804'],
      [1_111_111_111, '14050471'],
      [1_234_567_890, '89005924'],
      [2_000_000_000, '69279037'],
      [20_000_000_000, '65353130'],
    ];
    for (const [seconds, eight] of vectors) expect(totpCode(secret, 0, seconds * 1000)).toBe(eight.slice(2));
  });

  it('enrols an app: an otpauth URI and its secret, confirmed by a code, gives ten single-use recovery codes', async () => {
    const user = await aUser(api, 'delegate', { government: 'Toyama' });
    const { otpauthUri, base32, recoveryCodes, secret } = await enrol(user);
    const uri = new URL(otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe(`/NEAR:${user.email}`);
    expect(Object.fromEntries(uri.searchParams)).toMatchObject({
      issuer: 'NEAR',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
      secret: base32,
    });
    expect(secret.length).toBe(20);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    // Stored protected: the secret is in no column, no audit entry and no e-mail; the codes only as hashes.
    const dump = JSON.stringify(
      await api.dataSource.query(
        `SELECT (SELECT json_agg(f) FROM second_factors f) AS factors, (SELECT json_agg(a) FROM audit_events a) AS audit,
                (SELECT json_agg(n) FROM notifications n) AS mail, (SELECT json_agg(encode(code_hash, 'escape')) FROM recovery_codes) AS codes`,
      ),
    );
    expect(dump).not.toContain(base32);
    expect(dump).not.toContain(secret.toString('hex'));
    for (const code of recoveryCodes) expect(dump).not.toContain(code);
    const [audit] = await api.dataSource.query(
      `SELECT payload FROM audit_events WHERE action = 'user.second-factor-added' AND entity_id = $1`,
      [user.id],
    );
    expect(JSON.parse(audit.payload)).toEqual({ method: 'totp', recoveryCodes: 10 });
    const mail = await api.dataSource.query(`SELECT event, recipient FROM notifications WHERE recipient = $1`, [user.email]);
    expect(mail).toEqual([{ event: 'second-factor-added', recipient: user.email }]);
    // A second enrolment is refused while one is confirmed.
    await api.http().post('/auth/totp').set(bearer(user)).expect(409);
  });

  it('refuses a wrong code at confirmation with 422, and keeps the enrolment open', async () => {
    const user = await aUser(api, 'delegate', { government: 'Toyama' });
    const started = await api.http().post('/auth/totp').set(bearer(user)).expect(200);
    const wrong = String((Number(totpCode(secretOf(started.body.otpauthUri))) + 1) % 1_000_000).padStart(6, '0');
    const refused = await api.http().post('/auth/totp/confirm').set(bearer(user)).send({ code: wrong }).expect(422);
    expect(refused.body.type).toBe('urn:near:problem:invalid-code');
    await api
      .http()
      .post('/auth/totp/confirm')
      .set(bearer(user))
      .send({ code: totpCode(secretOf(started.body.otpauthUri)) })
      .expect(200);
  });

  it('signs an enrolled user in in two steps; the first grants nothing, a code is accepted once', async () => {
    const user = await aUser(api, 'delegate', { government: 'Toyama' });
    const { secret } = await enrol(user);
    const first = await login(user).expect(200);
    expect(Object.keys(first.body).sort()).toEqual(['mfaRequired', 'mfaToken']);
    expect(first.body.mfaRequired).toBe(true);
    expect(setCookies(first).near_refresh).toBeUndefined();
    // The second step's token is no bearer token.
    await api.http().get('/auth/me').set('Authorization', `Bearer ${first.body.mfaToken}`).expect(401);
    // The code of the step used at confirmation was spent: replaying it is refused.
    await secondStep(first.body.mfaToken, totpCode(secret)).expect(401);
    const signedIn = await secondStep(first.body.mfaToken, totpCode(secret, 1)).expect(200);
    expect(signedIn.body).toMatchObject({ tokenType: 'Bearer', user: { id: user.id } });
    expect(setCookies(signedIn).near_refresh.value).toBeTruthy();
    await api.http().get('/auth/me').set('Authorization', `Bearer ${signedIn.body.accessToken}`).expect(200);
    const again = await login(user).expect(200);
    await secondStep(again.body.mfaToken, totpCode(secret, 1)).expect(401);
  });

  it('takes a recovery code once, in any case and with or without its dash', async () => {
    const user = await aUser(api, 'delegate', { government: 'Toyama' });
    const { recoveryCodes } = await enrol(user);
    const first = await login(user).expect(200);
    await secondStep(first.body.mfaToken, recoveryCodes[3].toUpperCase().replace('-', '')).expect(200);
    const second = await login(user).expect(200);
    const reused = await secondStep(second.body.mfaToken, recoveryCodes[3]).expect(401);
    expect(reused.body.type).toBe('urn:near:problem:invalid-credentials');
    await secondStep(second.body.mfaToken, recoveryCodes[4]).expect(200);
  });

  it('refuses an expired or forged second-step token', async () => {
    const user = await aUser(api, 'delegate', { government: 'Toyama' });
    const { secret } = await enrol(user);
    const expired = jwt.sign({ sub: user.id, typ: 'mfa' }, TEST_JWT_SECRET, {
      algorithm: 'HS256',
      issuer: 'near-admission',
      expiresIn: -1,
    });
    await secondStep(expired, totpCode(secret, 1)).expect(401);
    const forged = jwt.sign({ sub: user.id, typ: 'mfa' }, 'another-secret-that-is-at-least-32-characters', {
      algorithm: 'HS256',
      issuer: 'near-admission',
      expiresIn: 300,
    });
    await secondStep(forged, totpCode(secret, 1)).expect(401);
  });

  it('slows wrong codes on an account, whatever the second-step token', async () => {
    const user = await aUser(api, 'delegate', { government: 'Toyama' });
    const { secret } = await enrol(user);
    const { body } = await login(user).expect(200);
    const wrong = String((Number(totpCode(secret, 1)) + 7) % 1_000_000).padStart(6, '0');
    for (let attempt = 0; attempt < 3; attempt++) await secondStep(body.mfaToken, wrong).expect(401);
    // A guesser's further wrong codes (as recorded) put the next attempt off by up to 30 s, a fresh token or not.
    await api.dataSource.query(
      `INSERT INTO login_failures (email, address, kind) SELECT $1, '203.0.113.7', 'second-factor' FROM generate_series(1, 10)`,
      [user.email],
    );
    const slowed = await secondStep(body.mfaToken, totpCode(secret, 1)).expect(429);
    expect(Number(slowed.headers['retry-after'])).toBeGreaterThan(1);
    const fresh = await login(user).expect(200);
    await secondStep(fresh.body.mfaToken, totpCode(secret, 1)).expect(429);
  });

  it('removes the second factor with a code of it, audited and told by e-mail', async () => {
    const user = await aUser(api, 'delegate', { government: 'Toyama' });
    const { secret } = await enrol(user);
    await api.http().delete('/auth/totp').set(bearer(user)).send({ code: '000000' }).expect(422);
    await api
      .http()
      .delete('/auth/totp')
      .set(bearer(user))
      .send({ code: totpCode(secret, 1) })
      .expect(204);
    const signedIn = await login(user).expect(200);
    expect(signedIn.body.accessToken).toBeTruthy();
    const mail = await api.dataSource.query(`SELECT event FROM notifications WHERE recipient = $1 ORDER BY created_at`, [user.email]);
    expect(mail.map((row: { event: string }) => row.event)).toEqual(['second-factor-added', 'second-factor-removed']);
    await api
      .http()
      .delete('/auth/totp')
      .set(bearer(user))
      .send({ code: totpCode(secret, 1) })
      .expect(422);
  });

  it('lets a role that requires a second factor do nothing but enrol until it has one', async () => {
    const officer = await aUser(api, 'secretariat');
    const signedIn = await login(officer).expect(200);
    expect(signedIn.body.mustEnrolSecondFactor).toBe(true);
    const refused = await api.http().get('/applications').set(bearer(officer)).expect(403);
    expect(refused.body.type).toBe('urn:near:problem:second-factor-required');
    await api.http().get('/auth/me').set(bearer(officer)).expect(200);
    await api.http().get('/auth/sessions').set(bearer(officer)).expect(200);
    await enrol(officer);
    // The same token serves fully from the moment the enrolment is confirmed.
    await api.http().get('/applications').set(bearer(officer)).expect(200);
    const next = await login(officer).expect(200);
    expect(next.body.mfaRequired).toBe(true);
  });

  it("lets the admin reset a user's second factor, audited; the user signs in with the password again", async () => {
    const user = await aUser(api, 'delegate', { government: 'Toyama' });
    await enrol(user);
    await api.http().delete(`/users/${user.id}/totp`).set(bearer(admin)).expect(204);
    const [entry] = await api.dataSource.query(
      `SELECT actor_user_id, payload FROM audit_events WHERE action = 'user.second-factor-removed' AND entity_id = $1`,
      [user.id],
    );
    expect({ actor: entry.actor_user_id, payload: JSON.parse(entry.payload) }).toEqual({ actor: admin.id, payload: { by: 'admin' } });
    expect((await login(user).expect(200)).body.accessToken).toBeTruthy();
    await api.http().delete(`/users/${user.id}/totp`).set(bearer(admin)).expect(422);
    await api.http().delete('/users/00000000-0000-4000-8000-000000000000/totp').set(bearer(admin)).expect(404);
  });
});
