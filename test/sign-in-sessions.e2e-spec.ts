import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import jwt from 'jsonwebtoken';
import { SignInSessions } from '@near/identity';
import { aUser, TEST_PASSWORD, type TestUser } from './fixtures/users.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';
import { refreshCookieOf, setCookies } from './utils/cookies.js';

describe('sign-in sessions: refresh cookie, rotation, sign-out and ending sessions', () => {
  let api: TestApp;
  let user: TestUser;

  beforeAll(async () => {
    api = await createTestApp();
    user = await aUser(api, 'delegate', { government: 'Toyama' });
  });
  afterAll(() => api.close());

  const signIn = async (who: TestUser = user, userAgent = 'jest') => {
    const response = await api
      .http()
      .post('/auth/login')
      .set('User-Agent', userAgent)
      .send({ email: who.email, password: TEST_PASSWORD })
      .expect(200);
    return { token: response.body.accessToken as string, cookie: refreshCookieOf(response), response };
  };
  const refresh = (cookie?: string) => {
    const call = api.http().post('/auth/refresh');
    return cookie ? call.set('Cookie', cookie) : call;
  };
  const me = (token: string) => api.http().get('/auth/me').set('Authorization', `Bearer ${token}`);
  const sidOf = (token: string) => (jwt.decode(token) as { sid: string }).sid;

  it('sets the refresh token in an HttpOnly, SameSite=Strict cookie scoped to /auth, not Secure outside production', async () => {
    const { response } = await signIn();
    const cookie = setCookies(response).near_refresh;
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie.attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/auth', `max-age=${12 * 3600}`]));
    expect(cookie.attributes).not.toContain('secure');
    expect(JSON.stringify(response.body)).not.toContain(cookie.value);
    // Stored as its SHA-256 hash only.
    const [row] = await api.dataSource.query(
      `SELECT count(*) FILTER (WHERE token_hash = sha256(convert_to($1, 'UTF8')))::int AS hashed,
              count(*) FILTER (WHERE position(convert_to($1, 'UTF8') IN token_hash) > 0)::int AS plain
         FROM refresh_tokens`,
      [cookie.value],
    );
    expect(row).toEqual({ hashed: 1, plain: 0 });
  });

  it('gives a new access token of the same session and rotates the cookie at every refresh', async () => {
    const first = await signIn();
    const renewed = await refresh(first.cookie).expect(200);
    expect(renewed.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, user: { id: user.id } });
    expect(sidOf(renewed.body.accessToken)).toBe(sidOf(first.token));
    const next = refreshCookieOf(renewed);
    expect(next).not.toBe(first.cookie);
    await me(renewed.body.accessToken).expect(200);
    await refresh(next).expect(200);
  });

  it('ends the whole session when a rotated refresh token comes again (theft), and audits it', async () => {
    const stolen = await signIn();
    const owner = await refresh(stolen.cookie).expect(200);
    const reused = await refresh(stolen.cookie).expect(401);
    expect(reused.body.type).toBe('urn:near:problem:invalid-refresh-token');
    expect(setCookies(reused).near_refresh?.attributes).toEqual(expect.arrayContaining(['path=/auth']));
    // Both holders are out: the owner's newer cookie, and every access token of the session.
    await refresh(refreshCookieOf(owner)).expect(401);
    await me(owner.body.accessToken).expect(401);
    await me(stolen.token).expect(401);
    const [entry] = await api.dataSource.query(`SELECT payload FROM audit_events WHERE action = 'auth.session-ended' AND entity_id = $1`, [
      user.id,
    ]);
    expect(JSON.parse(entry.payload)).toEqual({ sessionId: sidOf(stolen.token), reason: 'refresh-token-reused' });
  });

  it('refuses a forged refresh token, and none at all, with 401', async () => {
    await refresh(`near_refresh=${'A'.repeat(43)}`).expect(401);
    const none = await refresh().expect(401);
    expect(none.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('signs out: 204, the access token and the refresh cookie stop working at once', async () => {
    const { token, cookie } = await signIn();
    const out = await api.http().post('/auth/logout').set('Authorization', `Bearer ${token}`).expect(204);
    expect(setCookies(out).near_refresh.attributes).toEqual(expect.arrayContaining(['path=/auth']));
    await me(token).expect(401);
    await refresh(cookie).expect(401);
  });

  it('lists the caller’s own sessions, marks the current one, and ends another', async () => {
    const phone = await signIn(user, 'Phone browser');
    const laptop = await signIn(user, 'Laptop browser');
    const stranger = await aUser(api, 'delegate', { government: 'Busan' });
    const listed = await api.http().get('/auth/sessions').set('Authorization', `Bearer ${laptop.token}`).expect(200);
    const mine = listed.body as {
      id: string;
      current: boolean;
      userAgent: string;
      clientAddress: string;
      createdAt: string;
      lastUsedAt: string;
    }[];
    expect(mine.find((session) => session.id === sidOf(laptop.token))).toMatchObject({ current: true, userAgent: 'Laptop browser' });
    expect(mine.find((session) => session.id === sidOf(phone.token))).toMatchObject({ current: false, userAgent: 'Phone browser' });
    expect(mine.filter((session) => session.current)).toHaveLength(1);
    expect(mine[0].clientAddress).toMatch(/127\.0\.0\.1/);
    // Another user's session is not found, and goes on.
    await api
      .http()
      .delete(`/auth/sessions/${sidOf(phone.token)}`)
      .set('Authorization', `Bearer ${stranger.token}`)
      .expect(404);
    await me(phone.token).expect(200);
    await api
      .http()
      .delete(`/auth/sessions/${sidOf(phone.token)}`)
      .set('Authorization', `Bearer ${laptop.token}`)
      .expect(204);
    await me(phone.token).expect(401);
    await refresh(phone.cookie).expect(401);
    await me(laptop.token).expect(200);
    const after = await api.http().get('/auth/sessions').set('Authorization', `Bearer ${laptop.token}`).expect(200);
    expect((after.body as { id: string }[]).map((session) => session.id)).not.toContain(sidOf(phone.token));
    await api
      .http()
      .delete(`/auth/sessions/${sidOf(phone.token)}`)
      .set('Authorization', `Bearer ${laptop.token}`)
      .expect(404);
  });

  it('refuses to renew a session idle past the idle timeout, or past its absolute lifetime', async () => {
    const idle = await signIn();
    await api.dataSource.query(`UPDATE sign_in_sessions SET last_used_at = now() - interval '31 minutes' WHERE id = $1`, [
      sidOf(idle.token),
    ]);
    await refresh(idle.cookie).expect(401);
    const old = await signIn();
    await api.dataSource.query(`UPDATE sign_in_sessions SET expires_at = now() - interval '1 second' WHERE id = $1`, [sidOf(old.token)]);
    await me(old.token).expect(401);
    await refresh(old.cookie).expect(401);
  });

  it('SignInSessions.endAllOf ends every session of a user but the one kept, inside the caller’s transaction', async () => {
    const kept = await signIn();
    const others = [await signIn(), await signIn()];
    const sessions = api.app.get(SignInSessions);
    // Rolled back with its transaction: nothing ends.
    await api.dataSource
      .transaction(async (manager) => {
        await sessions.endAllOf(manager, user.id, { except: sidOf(kept.token) });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await me(others[0].token).expect(200);
    await api.dataSource.transaction((manager) => sessions.endAllOf(manager, user.id, { except: sidOf(kept.token) }));
    for (const other of others) {
      await me(other.token).expect(401);
      await refresh(other.cookie).expect(401);
    }
    await me(kept.token).expect(200);
    await api.dataSource.transaction((manager) => sessions.endAllOf(manager, user.id));
    await me(kept.token).expect(401);
  });

  it('refuses the refresh of a user disabled since', async () => {
    const other = await aUser(api, 'secretariat');
    const session = await signIn(other);
    await api.dataSource.query('UPDATE users SET disabled_at = now() WHERE id = $1', [other.id]);
    await refresh(session.cookie).expect(401);
  });
});
