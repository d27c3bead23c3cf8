import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aUser, bearer, governmentId, type TestUser } from './fixtures/users.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';
import { createTestWorker } from './utils/create-test-worker.js';
import { linkIn, mailsTo, TEST_APP_URL } from './utils/e-mailed-link.js';
import { Mailbox } from './utils/mailbox.js';

const GOOD_PASSWORD = 'Tumen river ferry at dawn';

describe('inviting a user by e-mail', () => {
  const mailbox = new Mailbox();
  let api: TestApp;
  let worker: INestApplicationContext;
  let admin: TestUser;
  let toyama: string;

  beforeAll(async () => {
    await mailbox.start();
    api = await createTestApp({ APP_URL: `${TEST_APP_URL}/` });
    worker = await createTestWorker(api, { SMTP_URL: mailbox.url, APP_URL: TEST_APP_URL });
    admin = await aUser(api, 'admin');
    toyama = await governmentId(api.dataSource, 'Toyama');
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await mailbox.stop();
  });

  const invite = (email: string) =>
    api
      .http()
      .post('/users')
      .set(bearer(admin))
      .send({ email, displayName: 'Hanako Sato', role: 'delegate', governmentId: toyama })
      .expect(201);
  const accept = (token: string, password: string) => api.http().post('/auth/invitations/accept').send({ token, password });
  const signIn = (email: string, password: string) => api.http().post('/auth/login').send({ email, password });

  it('creates the user invited, e-mails a link in its language, and lets it choose a password once', async () => {
    const email = 'hanako.sato@toyama.test';
    const created = await invite(email);
    expect(created.body).toMatchObject({ email, status: 'invited', locale: 'ja', disabledAt: null });
    await signIn(email, GOOD_PASSWORD).expect(401);

    const [mail] = await mailsTo(mailbox, email, /NEAR/);
    expect(mail.language).toBe('ja');
    expect(mail.subject).toBe('NEAR加入審査システムのアカウントのご案内');
    expect(mail.text).toContain('Hanako Sato 様');
    const { link, token } = linkIn(mail, 'invitation');
    expect(mail.html).toContain(`<a href="${link}"`);

    // A password the rules refuse is answered as a field's error, with its reason, and leaves the link usable.
    const weak = await accept(token, 'password1234').expect(400);
    expect(weak.body).toMatchObject({
      type: 'urn:near:problem:validation-failed',
      errors: [{ field: 'password', messages: [expect.stringContaining('most often used')] }],
      reason: 'common',
    });
    const withEmail = await accept(token, 'hanako.sato-2026!').expect(400);
    expect(withEmail.body).toMatchObject({ errors: [{ field: 'password' }], reason: 'contains-email' });
    expect((await accept(token, 'short').expect(400)).body.reason).toBe('too-short');

    await accept(token, GOOD_PASSWORD).expect(204);
    const signedIn = await signIn(email, GOOD_PASSWORD).expect(200);
    const listed = await api.http().get('/users').set(bearer(admin)).expect(200);
    expect(listed.body.find((user: { id: string }) => user.id === signedIn.body.user.id).status).toBe('active');

    // Used once: the same link no longer works, and says only that.
    const reused = await accept(token, 'another good password here').expect(400);
    expect(reused.body.type).toBe('urn:near:problem:link-invalid');
    await signIn(email, GOOD_PASSWORD).expect(200);

    // The token is in no answer, audit entry or remaining outbox row.
    const secret = token.split('.')[1];
    const [trail] = await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE payload::text LIKE '%' || $1 || '%'`, [
      secret,
    ]);
    expect(trail.n).toBe(0);
    const [outbox] = await api.dataSource.query(`SELECT count(*)::int AS n FROM notifications WHERE data LIKE '%' || $1 || '%'`, [secret]);
    expect(outbox.n).toBe(0);
    expect(JSON.stringify(created.body)).not.toContain(secret);
    const actions = await api.dataSource.query(
      `SELECT action, state_before, state_after FROM audit_events WHERE entity_id = $1 ORDER BY seq`,
      [signedIn.body.user.id],
    );
    expect(actions).toEqual([
      { action: 'user.created', state_before: null, state_after: 'invited' },
      // Signing in before choosing a password fails like a wrong password.
      { action: 'auth.sign-in-failed', state_before: null, state_after: null },
      { action: 'user.invitation-accepted', state_before: 'invited', state_after: 'active' },
    ]);
  });

  it('refuses a forged, truncated, expired or purpose-swapped token, with the same answer', async () => {
    const email = 'forged.links@toyama.test';
    await invite(email);
    const { token } = linkIn((await mailsTo(mailbox, email, /NEAR/))[0], 'invitation');
    const [id, secret] = token.split('.');
    const flipped = secret.slice(0, -1) + (secret.endsWith('A') ? 'E' : 'A');
    // The same 256 bits spelt with the last character's two spare bits set: another string, so another link.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const respelt = secret.slice(0, -1) + alphabet[alphabet.indexOf(secret.at(-1)!) + 1];
    expect(Buffer.from(respelt, 'base64url')).toEqual(Buffer.from(secret, 'base64url'));
    for (const bad of [
      `${id}.${flipped}`,
      `${id}.${respelt}`,
      id,
      `${id}.${secret}.x`,
      `${'0'.repeat(8)}-0000-4000-8000-000000000000.${secret}`,
      'x',
    ]) {
      const response = await accept(bad, GOOD_PASSWORD).expect(400);
      expect(response.body.type).toBe('urn:near:problem:link-invalid');
    }
    // A reset link's confirm route does not take an invitation's token.
    await api.http().post('/auth/password-reset/confirm').send({ token, newPassword: GOOD_PASSWORD }).expect(400);
    await api.dataSource.query(`UPDATE account_links SET expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
    expect((await accept(token, GOOD_PASSWORD).expect(400)).body.type).toBe('urn:near:problem:link-invalid');
  });

  it('expires an invitation after 72 hours', async () => {
    const email = 'seventy.two@toyama.test';
    await invite(email);
    const { token } = linkIn((await mailsTo(mailbox, email, /NEAR/))[0], 'invitation');
    const [row] = await api.dataSource.query(
      `SELECT extract(epoch FROM expires_at - created_at)::int AS seconds FROM account_links WHERE id = $1`,
      [token.split('.')[0]],
    );
    expect(row.seconds).toBe(72 * 3600);
  });

  it('sends a new invitation on request, after which the earlier link no longer works', async () => {
    const email = 'invited.twice@toyama.test';
    const { body: user } = await invite(email);
    const first = linkIn((await mailsTo(mailbox, email, /NEAR/))[0], 'invitation').token;
    await api.http().post(`/users/${user.id}/invitation`).set(bearer(admin)).expect(204);
    const second = linkIn((await mailsTo(mailbox, email, /NEAR/, 2))[1], 'invitation').token;
    expect(second).not.toBe(first);
    expect((await accept(first, GOOD_PASSWORD).expect(400)).body.type).toBe('urn:near:problem:link-invalid');
    await accept(second, GOOD_PASSWORD).expect(204);
    // Active now: there is nothing to invite to any more.
    const again = await api.http().post(`/users/${user.id}/invitation`).set(bearer(admin)).expect(409);
    expect(again.body.type).toBe('urn:near:problem:not-invited');
  });

  it("does not let one user's invitation token, even an old one, set another user's password", async () => {
    const [a, b] = ['first.of.two@toyama.test', 'second.of.two@toyama.test'];
    const { body: userA } = await invite(a);
    await invite(b);
    const oldA = linkIn((await mailsTo(mailbox, a, /NEAR/))[0], 'invitation').token;
    await api.http().post(`/users/${userA.id}/invitation`).set(bearer(admin)).expect(204);
    const tokenB = linkIn((await mailsTo(mailbox, b, /NEAR/))[0], 'invitation').token;
    await accept(oldA, GOOD_PASSWORD).expect(400);
    await accept(tokenB, GOOD_PASSWORD).expect(204);
    await signIn(a, GOOD_PASSWORD).expect(401);
    await signIn(b, GOOD_PASSWORD).expect(200);
  });

  it('refuses the link of a user disabled since, and invites a disabled user no more', async () => {
    const email = 'disabled.before@toyama.test';
    const { body: user } = await invite(email);
    const { token } = linkIn((await mailsTo(mailbox, email, /NEAR/))[0], 'invitation');
    const { headers } = await api.http().get(`/users/${user.id}`).set(bearer(admin)).expect(200);
    await api.http().patch(`/users/${user.id}`).set(bearer(admin)).set('If-Match', headers.etag).send({ disabled: true }).expect(200);
    expect((await accept(token, GOOD_PASSWORD).expect(400)).body.type).toBe('urn:near:problem:link-invalid');
    const refused = await api.http().post(`/users/${user.id}/invitation`).set(bearer(admin)).expect(409);
    expect(refused.body.userStatus).toBe('disabled');
  });

  it('still creates an active user when the admin gives a password, if the rules accept it', async () => {
    const created = await api
      .http()
      .post('/users')
      .set(bearer(admin))
      .send({ email: 'with.password@test.example', password: GOOD_PASSWORD, displayName: 'Given', role: 'secretariat' })
      .expect(201);
    expect(created.body.status).toBe('active');
    await signIn('with.password@test.example', GOOD_PASSWORD).expect(200);
    const refused = await api
      .http()
      .post('/users')
      .set(bearer(admin))
      .send({ email: 'weak.password@test.example', password: 'qwertyuiop123', displayName: 'Weak', role: 'secretariat' })
      .expect(400);
    expect(refused.body).toMatchObject({ errors: [{ field: 'password' }], reason: 'common' });
  });
});
