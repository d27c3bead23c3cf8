import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { act, aProspectiveApplicant, fileApplication, type ApplicationBody } from './fixtures/applications.js';
import { aUser, bearer, type TestUser } from './fixtures/users.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';
import { createTestWorker } from './utils/create-test-worker.js';
import { Mailbox, type ReceivedMail } from './utils/mailbox.js';
import { waitFor } from './utils/spawn-app.js';

jest.setTimeout(120_000);

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
// Seconds, not weeks: the same durations the production default writes in days.
const REMINDERS = { INFO_REQUEST_REMINDERS: 'PT5S,PT10S' };

describe('reminders of an unanswered request for information', () => {
  const mailbox = new Mailbox();
  let api: TestApp;
  let worker: INestApplicationContext;
  let secretariat: TestUser;

  beforeAll(async () => {
    await mailbox.start();
    api = await createTestApp(REMINDERS);
    worker = await createTestWorker(api, { ...REMINDERS, SMTP_URL: mailbox.url });
    secretariat = await aUser(api, 'secretariat');
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await mailbox.stop();
  });

  /** Files an application with its own contact and asks it for information. */
  async function askedForInformation(locale: string, contact: string, message: string) {
    const applicant = await aProspectiveApplicant(api);
    const filed = await fileApplication(api, applicant, { locale, contact: { name: 'Contact', email: contact } });
    await act(api, secretariat, filed, 'start-review').expect(200);
    await act(api, secretariat, filed, 'request-information', { message }).expect(200);
    return { applicant, filed };
  }

  const reminders = (address: string, reference: string): ReceivedMail[] =>
    mailbox.to(address).filter((mail) => mail.subject.includes(reference) && /(Reminder|Напоминание)/.test(mail.subject));

  const overdue = async (user: TestUser): Promise<ApplicationBody[]> =>
    (await api.http().get('/applications?overdue=true').set(bearer(user)).expect(200)).body.items;

  it('reminds the contact at each offset once, none after a response or a withdrawal, and lists the overdue one', async () => {
    const silent = await askedForInformation('en', 'silent@province.test', 'Please send the signed letter of intent.');
    // Nothing is overdue before the last reminder's moment.
    expect(await overdue(secretariat)).toEqual([]);
    const answering = await askedForInformation('ru', 'answering@province.test', 'Please send the budget.');
    const withdrawing = await askedForInformation('en', 'withdrawing@province.test', 'Please send the map.');
    const requestedOn = (locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date());
    await act(api, withdrawing.applicant, withdrawing.filed, 'withdraw', { reason: 'We apply next year.' }).expect(200);

    const [first] = await waitFor(
      async () => {
        const found = reminders('answering@province.test', answering.filed.reference);
        return found.length > 0 ? found : undefined;
      },
      30_000,
      'the first reminder of the Russian contact',
    );
    expect(first.language).toBe('ru');
    expect(first.subject).toMatch(/Напоминание о запросе дополнительной информации/);
    expect(first.text).toContain('Please send the budget.');
    expect(first.text).toContain(requestedOn('ru'));
    await act(api, answering.applicant, answering.filed, 'respond', { message: 'Attached.' }).expect(200);

    await waitFor(
      async () => (reminders('silent@province.test', silent.filed.reference).length >= 2 ? true : undefined),
      30_000,
      'two reminders',
    );
    // Time for any duplicate, and for the answered request's second reminder had it been sent.
    await sleep(6000);
    const toSilent = reminders('silent@province.test', silent.filed.reference);
    expect(toSilent).toHaveLength(2);
    expect(new Set(toSilent.map((mail) => mail.messageId)).size).toBe(2);
    for (const mail of toSilent) {
      expect(mail.language).toBe('en');
      expect(mail.subject).toBe(`[${silent.filed.reference}] Reminder: further information requested on ${requestedOn('en-GB')}`);
      expect(mail.text).toContain('Please send the signed letter of intent.');
    }
    expect(reminders('answering@province.test', answering.filed.reference)).toHaveLength(1);
    expect(reminders('withdrawing@province.test', withdrawing.filed.reference)).toHaveLength(0);

    // Overdue: exactly the application still unanswered past its last reminder, for the Secretariat.
    expect((await overdue(secretariat)).map((item) => item.id)).toEqual([silent.filed.id]);
    // Another request once answered starts afresh, and is not overdue until its own last reminder.
    await act(api, secretariat, answering.filed, 'request-information', { message: 'And the annex, please.' }).expect(200);
    expect((await overdue(secretariat)).map((item) => item.id)).toEqual([silent.filed.id]);
  });

  it('refuses an overdue that is not a boolean', async () => {
    const response = await api.http().get('/applications?overdue=soon').set(bearer(secretariat)).expect(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
