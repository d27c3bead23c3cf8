import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { messageIdOf } from '@near/notifications';
import { enrolSecondFactor } from './fixtures/second-factor.js';
import { aUser, bearer } from './fixtures/users.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';
import { createTestWorker } from './utils/create-test-worker.js';
import { Mailbox } from './utils/mailbox.js';
import { totpCode } from './utils/rfc6238.js';
import { waitFor } from './utils/spawn-app.js';

describe('the e-mails of a second factor', () => {
  const mailbox = new Mailbox();
  let api: TestApp;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    await mailbox.start();
    api = await createTestApp();
    worker = await createTestWorker(api, { SMTP_URL: mailbox.url });
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await mailbox.stop();
  });

  it('tells the user, in the user’s language, when a second factor is added and when it is removed; never its secret', async () => {
    const user = await aUser(api, 'delegate', { government: 'Busan', locale: 'ko' });
    const { secret, recoveryCodes } = await enrolSecondFactor(api, user);
    await api
      .http()
      .delete('/auth/totp')
      .set(bearer(user))
      .send({ code: totpCode(secret, 1) })
      .expect(204);
    const mails = await waitFor(
      async () => {
        const received = mailbox.received.filter((mail) => mail.to.includes(user.email));
        return received.length >= 2 ? received : undefined;
      },
      20_000,
      'both e-mails',
    );
    // The worker may deliver the two in either order: they are read in the order the changes wrote them.
    const written: { id: string }[] = await api.dataSource.query(
      `SELECT id FROM notifications WHERE recipient = $1 ORDER BY created_at, id`,
      [user.email],
    );
    const order = written.map((row) => messageIdOf(row.id));
    mails.sort((a, b) => order.indexOf(a.messageId) - order.indexOf(b.messageId));
    expect(mails.map((mail) => [mail.language, mail.subject])).toEqual([
      ['ko', '계정에 2단계 로그인이 설정되었습니다'],
      ['ko', '계정의 2단계 로그인이 해제되었습니다'],
    ]);
    for (const mail of mails) {
      expect(mail.text).toContain('Test delegate 님께');
      expect(mail.text + mail.html).not.toContain(secret.toString('hex'));
      for (const code of recoveryCodes) expect(mail.text + mail.html).not.toContain(code);
    }
  });
});
