import { randomBytes, scryptSync } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aUser, bearer, TEST_PASSWORD, type TestUser } from './fixtures/users.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';
import { createTestWorker } from './utils/create-test-worker.js';
import { linkIn, mailsTo, TEST_APP_URL } from './utils/e-mailed-link.js';
import { Mailbox } from './utils/mailbox.js';

const NEW_PASSWORD = 'Amur bridge in the winter fog';

describe('passwords chosen by their owners', () => {
  const mailbox = new Mailbox();
  let api: TestApp;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    await mailbox.start();
    api = await createTestApp({ APP_URL: TEST_APP_URL });
    worker = await createTestWorker(api, { SMTP_URL: mailbox.url });
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await mailbox.stop();
  });

  const signIn = (email: string, password: string) => api.http().post('/auth/login').send({ email, password });
  const requestReset = (email: string) => api.http().post('/auth/password-reset').send({ email });
  const confirm = (token: string, newPassword: string) => api.http().post('/auth/password-reset/confirm').send({ token, newPassword });

  describe('changing one’s own password', () => {
    let user: TestUser;
    beforeAll(async () => {
      user = await aUser(api, 'delegate', { government: 'Busan', locale: 'ko' });
    });
    const change = (currentPassword: string, newPassword: string) =>
      api.http().put('/auth/password').set(bearer(user)).send({ currentPassword, newPassword });

    it('needs the current password, and says which field is wrong', async () => {
      const response = await change('not the password at all', NEW_PASSWORD).expect(400);
      expect(response.body).toMatchObject({ type: 'urn:near:problem:validation-failed', errors: [{ field: 'currentPassword' }] });
      await signIn(user.email, TEST_PASSWORD).expect(200);
    });

    it('slows guesses of the current password as it slows sign-ins, the right one included', async () => {
      const guessed = await aUser(api, 'delegate', { government: 'Toyama' });
      const guess = (currentPassword: string) =>
        api.http().put('/auth/password').set(bearer(guessed)).send({ currentPassword, newPassword: NEW_PASSWORD });
      // Three free failures, then each next attempt waits 1, 2, 4… seconds after the last.
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 6 && !statuses.includes(429); attempt++)
        statuses.push((await guess(`guess number ${attempt}`)).status);
      expect(statuses.slice(0, 3)).toEqual([400, 400, 400]);
      expect(statuses.at(-1)).toBe(429);
      const held = await guess(TEST_PASSWORD).expect(429);
      expect(held.body.type).toBe('urn:near:problem:too-many-failed-sign-ins');
      expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
      await signIn(guessed.email, TEST_PASSWORD).expect(429);
    });

    it('refuses a new password the rules refuse, naming the field and the reason', async () => {
      for (const [password, reason] of [
        ['short-pass', 'too-short'],
        ['x'.repeat(201), 'too-long'],
        ['QwertyUiop123', 'common'],
        [`My ${user.email.split('@')[0]} password`, 'contains-email'],
      ]) {
        const response = await change(TEST_PASSWORD, password).expect(400);
        expect(response.body).toMatchObject({ errors: [{ field: 'newPassword' }], reason });
      }
    });

    it('accepts a long passphrase of any characters, with no composition rule', async () => {
      await change(TEST_PASSWORD, '두만강 푸른 물에 노 젓는 뱃사공').expect(204);
      await signIn(user.email, '두만강 푸른 물에 노 젓는 뱃사공').expect(200);
      await change('두만강 푸른 물에 노 젓는 뱃사공', NEW_PASSWORD).expect(204);
      await signIn(user.email, TEST_PASSWORD).expect(401);
      await signIn(user.email, NEW_PASSWORD).expect(200);
      const mails = await mailsTo(mailbox, user.email, /비밀번호가 변경되었습니다/, 2);
      expect(mails[0].language).toBe('ko');
      expect(mails[0].text).toContain('Test delegate 님께');
      const [entry] = await api.dataSource.query(
        `SELECT payload FROM audit_events WHERE action = 'user.password-changed' AND entity_id = $1 ORDER BY seq LIMIT 1`,
        [user.id],
      );
      expect(JSON.parse(entry.payload)).toEqual({ how: 'change' });
    });
  });

  describe("ending the user's other sign-ins", () => {
    const signedInAs = async (email: string, password = TEST_PASSWORD) =>
      ({ Authorization: `Bearer ${(await signIn(email, password).expect(200)).body.accessToken}` }) as Record<string, string>;
    const answers = async (...tokens: Record<string, string>[]) =>
      Promise.all(tokens.map(async (token) => (await api.http().get('/auth/me').set(token)).status));

    it('a change keeps the session that made it and ends every other; a reset ends them all', async () => {
      const user = await aUser(api, 'delegate', { government: 'Toyama' });
      const [here, elsewhere] = [await signedInAs(user.email), await signedInAs(user.email)];
      expect(await answers(here, elsewhere)).toEqual([200, 200]);
      await api.http().put('/auth/password').set(here).send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }).expect(204);
      expect(await answers(here, elsewhere)).toEqual([200, 401]);

      const again = await signedInAs(user.email, NEW_PASSWORD);
      await requestReset(user.email).expect(202);
      const { token } = linkIn((await mailsTo(mailbox, user.email, /new password/))[0], 'password-reset');
      await confirm(token, 'a third password, long enough').expect(204);
      expect(await answers(here, again)).toEqual([401, 401]);
    });

    it('disabling a user ends its sign-ins at once, and enabling it does not bring them back', async () => {
      const admin = await aUser(api, 'admin');
      const user = await aUser(api, 'applicant', { government: 'Liaoning' });
      const session = await signedInAs(user.email);
      const patch = async (disabled: boolean) => {
        const { headers } = await api.http().get(`/users/${user.id}`).set(bearer(admin)).expect(200);
        await api.http().patch(`/users/${user.id}`).set(bearer(admin)).set('If-Match', headers.etag).send({ disabled }).expect(200);
      };
      await patch(true);
      expect(await answers(session)).toEqual([401]);
      await patch(false);
      expect(await answers(session)).toEqual([401]);
      await signIn(user.email, TEST_PASSWORD).expect(200);
    });
  });

  describe('resetting a forgotten password', () => {
    it('answers the same for a known and an unknown address: status, body and time', async () => {
      const user = await aUser(api, 'applicant', { government: 'Liaoning' });
      const timed = async (email: string) => {
        const started = process.hrtime.bigint();
        const response = await requestReset(email);
        return { status: response.status, body: response.text, ms: Number(process.hrtime.bigint() - started) / 1e6 };
      };
      const known: number[] = [];
      const unknown: number[] = [];
      // Interleaved, so that whatever else the machine does weighs on both alike.
      for (let round = 0; round < 15; round += 1) {
        const a = await timed(user.email);
        const b = await timed(`nobody.${round}@test.example`);
        expect({ status: a.status, body: a.body }).toEqual({ status: 202, body: '' });
        expect({ status: b.status, body: b.body }).toEqual({ status: 202, body: '' });
        known.push(a.ms);
        unknown.push(b.ms);
      }
      const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
      // A password hash costs some 250 ms here; a difference of that kind would show far above this tolerance.
      expect(Math.abs(median(known) - median(unknown))).toBeLessThan(25);
      // One e-mail for the known address, however often it was asked within the minute; none for the others.
      const [mail] = await mailsTo(mailbox, user.email, /new password/);
      expect(mail.subject).toBe('Choosing a new password');
      await new Promise((done) => setTimeout(done, 1_000));
      expect(mailbox.to(user.email)).toHaveLength(1);
      expect(mailbox.received.filter((received) => received.to.includes('nobody.'))).toHaveLength(0);
    });

    it('sets the new password with the e-mailed link, once, within one hour, and e-mails that it changed', async () => {
      const user = await aUser(api, 'secretariat', { locale: 'ru' });
      await requestReset(user.email.toUpperCase()).expect(202);
      const [mail] = await mailsTo(mailbox, user.email, /Смена пароля/);
      const { token } = linkIn(mail, 'password-reset');
      const [row] = await api.dataSource.query(
        `SELECT extract(epoch FROM expires_at - created_at)::int AS seconds FROM account_links WHERE id = $1`,
        [token.split('.')[0]],
      );
      expect(row.seconds).toBe(3600);

      const refused = await confirm(token, 'qwertyuiop123').expect(400);
      expect(refused.body).toMatchObject({ errors: [{ field: 'newPassword' }], reason: 'common' });
      await confirm(token, NEW_PASSWORD).expect(204);
      await signIn(user.email, TEST_PASSWORD).expect(401);
      await signIn(user.email, NEW_PASSWORD).expect(200);
      expect((await confirm(token, 'yet another password here').expect(400)).body.type).toBe('urn:near:problem:link-invalid');
      const [changed] = await mailsTo(mailbox, user.email, /Ваш пароль изменён/);
      expect(changed.language).toBe('ru');
    });

    it('refuses an expired reset link', async () => {
      const user = await aUser(api, 'delegate', { government: 'Toyama' });
      await requestReset(user.email).expect(202);
      const { token } = linkIn((await mailsTo(mailbox, user.email, /new password/))[0], 'password-reset');
      await api.dataSource.query(`UPDATE account_links SET expires_at = now() WHERE id = $1`, [token.split('.')[0]]);
      expect((await confirm(token, NEW_PASSWORD).expect(400)).body.type).toBe('urn:near:problem:link-invalid');
      await signIn(user.email, TEST_PASSWORD).expect(200);
    });

    it('sends a disabled user nothing, and refuses a link it had before being disabled', async () => {
      const admin = await aUser(api, 'admin');
      const user = await aUser(api, 'delegate', { government: 'Toyama' });
      await requestReset(user.email).expect(202);
      const { token } = linkIn((await mailsTo(mailbox, user.email, /new password/))[0], 'password-reset');
      const { headers } = await api.http().get(`/users/${user.id}`).set(bearer(admin)).expect(200);
      await api.http().patch(`/users/${user.id}`).set(bearer(admin)).set('If-Match', headers.etag).send({ disabled: true }).expect(200);
      expect((await confirm(token, NEW_PASSWORD).expect(400)).body.type).toBe('urn:near:problem:link-invalid');
      await api.dataSource.query(`DELETE FROM account_links WHERE user_id = $1`, [user.id]);
      await requestReset(user.email).expect(202);
      await new Promise((done) => setTimeout(done, 1_500));
      const [rows] = await api.dataSource.query(`SELECT count(*)::int AS n FROM account_links WHERE user_id = $1`, [user.id]);
      expect(rows.n).toBe(0);
      expect(mailbox.to(user.email)).toHaveLength(1);
    });
  });

  it('upgrades a hash made with weaker scrypt parameters at the next sign-in, and keeps the password', async () => {
    const user = await aUser(api, 'secretariat');
    const salt = randomBytes(16);
    const key = scryptSync(TEST_PASSWORD, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const old = ['scrypt', 2 ** 15, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
    await api.dataSource.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [user.id, old]);
    await signIn(user.email, 'wrong password of some length').expect(401);
    expect((await api.dataSource.query(`SELECT password_hash FROM users WHERE id = $1`, [user.id]))[0].password_hash).toBe(old);
    await signIn(user.email, TEST_PASSWORD).expect(200);
    const [row] = await api.dataSource.query(`SELECT password_hash FROM users WHERE id = $1`, [user.id]);
    expect(row.password_hash).toMatch(/^scrypt\$16384\$8\$5\$/);
    await signIn(user.email, TEST_PASSWORD).expect(200);
  });
});
