import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aUser, bearer, TEST_PASSWORD } from './fixtures/users.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';
import { createTestWorker } from './utils/create-test-worker.js';
import { linkIn, mailsTo, TEST_APP_URL } from './utils/e-mailed-link.js';
import { Mailbox } from './utils/mailbox.js';

describe('e-mailed unlock links: the owner signs in past a stranger’s delays', () => {
  const mailbox = new Mailbox();
  let api: TestApp;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    await mailbox.start();
    api = await createTestApp({ APP_URL: TEST_APP_URL, LOGIN_FREE_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_DELAY_SECONDS: '300' });
    worker = await createTestWorker(api, { SMTP_URL: mailbox.url });
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await mailbox.stop();
  });

  const login = (email: string, password: string, cookies: string[] = []) =>
    api.http().post('/auth/login').set('Cookie', cookies.join('; ')).send({ email, password });
  const requestUnlock = (email: string) => api.http().post('/auth/unlock').send({ email });
  const confirm = (token: string) => api.http().post('/auth/unlock/confirm').send({ token });
  const deviceCookieOf = (response: { headers: Record<string, unknown> }) =>
    ((response.headers['set-cookie'] as string[] | undefined) ?? []).find((cookie) => cookie.startsWith('near_device='));
  /** A stranger's guesses from elsewhere: the three free ones checked and refused, then more as the throttle counts them. */
  const strangerGuesses = async (email: string) => {
    for (let attempt = 0; attempt < 3; attempt++) await login(email, `stranger-guess-${attempt}`).expect(401);
    await api.dataSource.query(`INSERT INTO login_failures (email, address) SELECT $1, '203.0.113.9' FROM generate_series(1, 5)`, [email]);
    await api.dataSource.query(`UPDATE login_failures SET failed_at = now(), address = '203.0.113.9' WHERE email = $1`, [email]);
  };

  it('lets the owner, with the link, sign in at once with the right password while the stranger is still slowed', async () => {
    const owner = await aUser(api, 'delegate', { government: 'Toyama', locale: 'ja' });
    await strangerGuesses(owner.email);
    await login(owner.email, TEST_PASSWORD).expect(429);

    await requestUnlock(owner.email).expect(202);
    const [mail] = await mailsTo(mailbox, owner.email, /ログイン遅延解除/);
    expect(mail.language).toBe('ja');
    const { token } = linkIn(mail, 'unlock');

    const unlocked = await confirm(token).expect(204);
    const device = deviceCookieOf(unlocked);
    expect(device).toMatch(/HttpOnly/i);
    expect(device).toMatch(/SameSite=Strict/i);
    const cookie = device!.split(';')[0];
    // The link alone signs nobody in: a wrong password is still refused, the right one is taken at once.
    await login(owner.email, 'not the password', [cookie]).expect(401);
    const signedIn = await login(owner.email, TEST_PASSWORD, [cookie]).expect(200);
    await api.http().get('/auth/me').set('Authorization', `Bearer ${signedIn.body.accessToken}`).expect(200);
    // The stranger, without the link's cookie, is still slowed.
    await login(owner.email, TEST_PASSWORD).expect(429);

    const entries = await api.dataSource.query(
      `SELECT action, payload FROM audit_events WHERE entity_id = $1 AND action LIKE 'user.sign-in-unlock%' ORDER BY seq`,
      [owner.id],
    );
    expect(entries.map((entry: { action: string }) => entry.action)).toEqual(['user.sign-in-unlock-requested', 'user.sign-in-unlocked']);
    expect(JSON.stringify(entries)).not.toContain(token.split('.')[1]);
  });

  it('works once, and not after 30 minutes', async () => {
    const owner = await aUser(api, 'delegate', { government: 'Busan' });
    await strangerGuesses(owner.email);
    await requestUnlock(owner.email).expect(202);
    const { token } = linkIn((await mailsTo(mailbox, owner.email, /past the delays/))[0], 'unlock');
    const [{ seconds }] = await api.dataSource.query(
      `SELECT extract(epoch FROM expires_at - created_at)::int AS seconds FROM account_links WHERE id = $1`,
      [token.split('.')[0]],
    );
    expect(seconds).toBe(1800);
    await confirm(token).expect(204);
    const again = await confirm(token).expect(400);
    expect(again.body.type).toBe('urn:near:problem:link-invalid');
    expect(deviceCookieOf(again)).toBeUndefined();

    await api.dataSource.query(`UPDATE account_links SET created_at = created_at - interval '2 minutes' WHERE user_id = $1`, [owner.id]);
    await requestUnlock(owner.email).expect(202);
    const second = linkIn((await mailsTo(mailbox, owner.email, /past the delays/, 2))[1], 'unlock');
    await api.dataSource.query(`UPDATE account_links SET expires_at = now() WHERE id = $1`, [second.token.split('.')[0]]);
    await confirm(second.token).expect(400);
    // Another purpose's link does not unlock.
    await api.http().post('/auth/password-reset').send({ email: owner.email }).expect(202);
    const reset = linkIn((await mailsTo(mailbox, owner.email, /new password/))[0], 'password-reset');
    await confirm(reset.token).expect(400);
  });

  it('answers an unknown address the same, and sends nothing there, nor to an account nobody slows', async () => {
    const calm = await aUser(api, 'delegate', { government: 'Busan' });
    const unknown = await requestUnlock(`nobody.unlock@test.example`).expect(202);
    const known = await requestUnlock(calm.email).expect(202);
    expect(unknown.body).toEqual(known.body);
    expect(unknown.headers['content-type']).toEqual(known.headers['content-type']);
    await new Promise((done) => setTimeout(done, 1_500));
    expect(mailbox.received.filter((received) => received.to.includes('nobody.unlock@test.example'))).toHaveLength(0);
    expect(mailbox.to(calm.email)).toHaveLength(0);
  });

  it('gives a disabled user nothing, and refuses a link they had before being disabled', async () => {
    const admin = await aUser(api, 'admin');
    const user = await aUser(api, 'delegate', { government: 'Toyama' });
    await strangerGuesses(user.email);
    await requestUnlock(user.email).expect(202);
    const { token } = linkIn((await mailsTo(mailbox, user.email, /past the delays/))[0], 'unlock');
    const { headers } = await api.http().get(`/users/${user.id}`).set(bearer(admin)).expect(200);
    await api.http().patch(`/users/${user.id}`).set(bearer(admin)).set('If-Match', headers.etag).send({ disabled: true }).expect(200);
    await confirm(token).expect(400);
    await api.dataSource.query(`UPDATE account_links SET created_at = created_at - interval '2 minutes' WHERE user_id = $1`, [user.id]);
    await requestUnlock(user.email).expect(202);
    await new Promise((done) => setTimeout(done, 1_500));
    expect(mailbox.to(user.email).filter((mail) => /past the delays/.test(mail.subject))).toHaveLength(1);
  });
});
