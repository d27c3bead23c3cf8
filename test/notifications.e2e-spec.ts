import { readFileSync } from 'node:fs';
import type { INestApplicationContext } from '@nestjs/common';
import { SUPPORTED_LOCALES } from '@near/common';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { act, aProspectiveApplicant, aSession, ALL_CRITERIA_PASSED, fileApplication } from './fixtures/applications.js';
import { aUser, bearer, type TestUser } from './fixtures/users.js';
import { everyMemberPaidUp, recordPresent } from './fixtures/voting.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';
import { createTestWorker } from './utils/create-test-worker.js';
import { Mailbox } from './utils/mailbox.js';
import { TEST_APP_URL } from './utils/e-mailed-link.js';
import { hashLeaf, openSignedNote, readCheckpoint, verifyInclusion } from './utils/rfc9162.js';
import { waitFor } from './utils/spawn-app.js';

describe('the e-mails of the workflow', () => {
  const mailbox = new Mailbox();
  let api: TestApp;
  let worker: INestApplicationContext;
  let secretariatKo: TestUser;
  let secretariatEn: TestUser;
  let presentDelegates: TestUser[];
  let absentDelegate: TestUser;

  beforeAll(async () => {
    await mailbox.start();
    api = await createTestApp();
    worker = await createTestWorker(api, { SMTP_URL: mailbox.url, APP_URL: TEST_APP_URL });
    secretariatKo = await aUser(api, 'secretariat', { locale: 'ko', displayName: '김민지' });
    secretariatEn = await aUser(api, 'secretariat', { locale: 'en', displayName: 'Anna Petrova' });
    presentDelegates = [
      await aUser(api, 'delegate', { government: 'Toyama', locale: 'ja', displayName: '佐藤花子' }),
      await aUser(api, 'delegate', { government: 'Busan', locale: 'ko', displayName: '박서준' }),
    ];
    absentDelegate = await aUser(api, 'delegate', { government: 'Dornod', locale: 'mn', displayName: 'Бат-Эрдэнэ' });
    await everyMemberPaidUp(api);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await mailbox.stop();
  });

  const sentCount = async () => (await api.dataSource.query(`SELECT count(*)::int AS n FROM notifications WHERE status = 'sent'`))[0].n;
  const allSent = async () => {
    const [row] = await api.dataSource.query(
      `SELECT count(*) FILTER (WHERE status <> 'sent')::int AS unsent, count(*)::int AS total FROM notifications`,
    );
    return row.unsent === 0 && mailbox.received.length >= row.total ? row.total : undefined;
  };

  it('sends exactly the messages of the table, to the right people, in their language, each once', async () => {
    // A member present but in arrears: not on the roll, so told of the agenda and the decision, never asked to vote.
    const [inArrears] = await api.dataSource.query(
      `SELECT id FROM governments WHERE status = 'member' AND name_en NOT IN ('Toyama', 'Busan', 'Dornod') ORDER BY name_en DESC LIMIT 1`,
    );
    await api.dataSource.query(`DELETE FROM fee_payments WHERE government_id = $1`, [inArrears.id]);
    const arrearsDelegate = await aUser(api, 'delegate', { governmentId: inArrears.id, locale: 'en', displayName: 'John Smith' });
    const applicant = await aProspectiveApplicant(api);
    const filed = await fileApplication(api, applicant, { locale: 'ko', contact: { name: '왕리', email: 'contact@province.test' } });
    await act(api, secretariatEn, filed, 'start-review').expect(200);
    await act(api, secretariatEn, filed, 'request-information', { message: 'Please send the <signed> letter.' }).expect(200);
    await act(api, applicant, filed, 'respond', { message: 'Attached.', headOfGovernment: 'Wu Xiaohui' }).expect(200);
    await api.http().put(`/applications/${filed.id}/eligibility`).set(bearer(secretariatEn)).send(ALL_CRITERIA_PASSED).expect(200);
    await act(api, secretariatEn, filed, 'declare-eligible').expect(200);
    const session = await aSession(api, secretariatEn, 4321);
    await api.http().post(`/assemblies/${session.id}/open`).set(bearer(secretariatEn)).expect(200);
    await act(api, secretariatEn, filed, 'place-on-agenda', { assemblyId: session.id }).expect(200);
    const members: { id: string }[] = await api.dataSource.query(
      `SELECT id FROM governments WHERE status = 'member' AND name_en NOT IN ('Toyama', 'Busan', 'Dornod') ORDER BY name_en LIMIT 34`,
    );
    const present = [
      ...members.map((m) => m.id),
      presentDelegates[0].governmentId!,
      presentDelegates[1].governmentId!,
      inArrears.id as string,
    ];
    await recordPresent(api, secretariatEn, session.id, present).expect(200);
    await act(api, secretariatEn, filed, 'open-ballot').expect(200);
    for (const delegate of presentDelegates) {
      await api.http().put(`/applications/${filed.id}/ballot`).set(bearer(delegate)).send({ choice: 'yes' }).expect(200);
    }
    await act(api, secretariatEn, filed, 'close-ballot').expect(200);

    const total = await waitFor(allSent, 30_000, 'every notification to be sent');
    const secretariat = [secretariatKo.email, secretariatEn.email];
    const allDelegates = [...presentDelegates.map((d) => d.email), absentDelegate.email, arrearsDelegate.email];
    const expected: Record<string, string[]> = {
      'submission-acknowledged': ['contact@province.test'],
      'submission-received': secretariat,
      'information-requested': ['contact@province.test'],
      'response-received': secretariat,
      'declared-eligible': ['contact@province.test'],
      'placed-on-agenda': ['contact@province.test', ...allDelegates],
      'ballot-opened': presentDelegates.map((d) => d.email),
      decision: ['contact@province.test', ...secretariat, ...allDelegates],
    };
    const rows: { event: string; recipient: string; locale: string; smtp_message_id: string }[] = await api.dataSource.query(
      `SELECT event, recipient, locale, smtp_message_id FROM notifications WHERE application_id = $1`,
      [filed.id],
    );
    const byEvent = (event: string) =>
      rows
        .filter((row) => row.event === event)
        .map((row) => row.recipient)
        .sort();
    expect(Object.fromEntries(Object.keys(expected).map((event) => [event, byEvent(event)]))).toEqual(
      Object.fromEntries(Object.entries(expected).map(([event, recipients]) => [event, [...recipients].sort()])),
    );
    expect(rows).toHaveLength(total);

    // Each once: one message per notification, with the Message-ID derived from it.
    expect(mailbox.received).toHaveLength(rows.length);
    expect(new Set(mailbox.received.map((mail) => mail.messageId)).size).toBe(rows.length);
    expect(new Set(rows.map((row) => row.smtp_message_id))).toEqual(new Set(mailbox.received.map((mail) => mail.messageId)));

    // In the recipient's language, with the reference in the subject; each greeting its reader by name and
    // linking the application's page in the web app, in the text and in the HTML.
    for (const mail of mailbox.received) expect(mail.subject).toContain(filed.reference);
    const page = `${TEST_APP_URL}/app/applications/${filed.id}`;
    const nameOf = new Map<string, string>([
      ['contact@province.test', '왕리'],
      ...[secretariatKo, secretariatEn, ...presentDelegates, absentDelegate, arrearsDelegate].map(
        (user) => [user.email, user.displayName] as [string, string],
      ),
    ]);
    for (const mail of mailbox.received) {
      expect({ to: mail.to, firstLine: mail.text.split('\n')[0] }).toEqual({
        to: mail.to,
        firstLine: expect.stringContaining(nameOf.get(mail.to)!),
      });
      expect(mail.text).toContain(`\n${page}\n`);
      expect(mail.html).toContain(`<a href="${page}">`);
    }
    // One message per event: the decision tells delegates the result, and thanks only those whose government voted.
    const decisions = mailbox.received.filter((mail) => rows.find((row) => row.smtp_message_id === mail.messageId)?.event === 'decision');
    // The thanks as each language's file words it, read from the files: a copy in any language counts.
    const thanks = SUPPORTED_LOCALES.map(
      (locale) =>
        (JSON.parse(readFileSync(`libs/notifications/templates/${locale}.json`, 'utf8')) as { $words: { thanks: { voted: string } } })
          .$words.thanks.voted,
    );
    const thanked = decisions.filter((mail) => thanks.some((words) => mail.text.includes(words)));
    expect(thanked.map((mail) => mail.to).sort()).toEqual(presentDelegates.map((d) => d.email).sort());
    // The absent delegate (Mongolian), the one in arrears, the contact and the Secretariat are not thanked.
    expect(mailbox.to(absentDelegate.email).some((mail) => thanks.some((words) => mail.text.includes(words)))).toBe(false);
    // The answer's correction reaches the Secretariat in its language.
    const responseTo = (user: TestUser) => mailbox.to(user.email).find((mail) => mail.text.includes('Attached.'))!.text;
    expect(responseTo(secretariatEn)).toContain(
      'With the answer, the applicant corrected the application:\n- Head of government: Wu Xiaohui',
    );
    expect(responseTo(secretariatKo)).toContain('- 단체장: Wu Xiaohui');
    expect(new Set(mailbox.to('contact@province.test').map((mail) => mail.text.split('\n')[0]))).toEqual(new Set(['왕리 님께']));
    expect(new Set(mailbox.to(secretariatEn.email).map((mail) => mail.text.split('\n')[0]))).toEqual(new Set(['Dear Anna Petrova,']));
    const toContact = mailbox.to('contact@province.test');
    expect(toContact.every((mail) => mail.language === 'ko')).toBe(true);
    expect(toContact.find((mail) => mail.html.includes('&lt;signed&gt;'))).toBeDefined();
    expect(mailbox.to(secretariatKo.email).every((mail) => mail.language === 'ko')).toBe(true);
    expect(mailbox.to(secretariatEn.email).every((mail) => mail.language === 'en')).toBe(true);
    // Sentences too: the session's name, its dates and how the ballot was decided, in the reader's language.
    const decisionIn = (mails: typeof toContact) =>
      mails.find((mail) => mail.subject.includes(filed.reference) && /결정 안내|Decision/.test(mail.subject))!;
    const korean = decisionIn(toContact).text;
    expect(korean).toContain('제4321차 총회에서');
    expect(korean).toMatch(
      /의사정족수 충족: 의결권 보유 회원 \d+개 단체 중 \d+개 단체 출석\(과반수, \d+개 단체 필요\)\. 승인: 투표 \d+표 중 찬성 \d+표/,
    );
    expect(korean).not.toMatch(/General Assembly|Quorum|Approved/);
    expect(toContact.find((mail) => mail.subject.includes('안건 상정'))!.text).toContain(
      '일정: 2027. 9. 15.(수) ~ 2027. 9. 17.(금), Toyama City',
    );
    expect(decisionIn(mailbox.to(secretariatEn.email)).text).toMatch(
      /the 4321st General Assembly[\s\S]*Quorum met: \d+ of \d+ voters present/,
    );
    // Every decision e-mail carries the log's record of the decision: a signed checkpoint holding its entry,
    // the leaf index and the inclusion proof, checked here with the tests' own RFC 9162 and signed-note code.
    const key = (await api.http().get('/log/key').expect(200)).text.trim();
    for (const mail of [decisionIn(mailbox.to(secretariatEn.email)), decisionIn(toContact)]) {
      const note = /-----BEGIN NEAR LOG CHECKPOINT-----\n([\s\S]*?\n)-----END NEAR LOG CHECKPOINT-----/.exec(mail.text)![1];
      const checkpoint = readCheckpoint(openSignedNote(note, key));
      const leafIndex = Number(/(?:entry|로그의) (\d+)(?: of|번)/.exec(mail.text)![1]);
      const proof = /\(RFC 9162, base64\):\n((?:[A-Za-z0-9+/]{43}=\n)*)/
        .exec(mail.text)![1]
        .split('\n')
        .filter(Boolean)
        .map((hash) => Buffer.from(hash, 'base64'));
      const entries = await api
        .http()
        .get(`/log/entries?start=${leafIndex}&end=${leafIndex + 1}`)
        .set(bearer(secretariatEn))
        .expect(200);
      const data = Buffer.from(JSON.parse(entries.text).data, 'base64');
      expect(JSON.parse(data.toString('utf8'))).toMatchObject({ action: 'application.close-ballot', entityId: filed.id });
      expect(verifyInclusion(leafIndex, checkpoint.size, hashLeaf(data), proof, checkpoint.root)).toBe(true);
      const result = await api.http().get(`/applications/${filed.id}/result`).set(bearer(secretariatEn)).expect(200);
      expect(result.body).toMatchObject({ checkpoint: note, leafIndex });
    }
    // The delegates of Toyama and Dornod read Japanese and Mongolian, the decision worded in their language too.
    const mongolian = mailbox.to(absentDelegate.email);
    expect(mongolian.length).toBeGreaterThan(0);
    expect(mongolian.every((mail) => mail.language === 'mn')).toBe(true);
    expect(mongolian.find((mail) => mail.text.includes('Шийдвэр: баталсан'))!.text).toMatch(
      /Ирц хангалттай: санал өгөх эрхтэй \d+ гишүүнээс/,
    );
    const japanese = mailbox.to(presentDelegates[0].email);
    expect(japanese.every((mail) => mail.language === 'ja')).toBe(true);
    expect(japanese.find((mail) => mail.text.includes('決定：承認'))!.text).toContain('第4321回総会において');
    expect(await sentCount()).toBe(rows.length);
  });

  it('lists the notifications of an application for the Secretariat, and refuses to retry one that did not fail', async () => {
    const [{ id: applicationId }] = await api.dataSource.query(`SELECT id FROM applications LIMIT 1`);
    const listed = await api.http().get(`/notifications?applicationId=${applicationId}&status=sent`).set(bearer(secretariatEn)).expect(200);
    expect(listed.body.length).toBeGreaterThan(10);
    expect(listed.body[0]).toMatchObject({ status: 'sent', attempts: 1, messageId: `<${listed.body[0].id}@notifications.near-admission>` });
    await api.http().post(`/notifications/${listed.body[0].id}/retry`).set(bearer(secretariatEn)).expect(409);
  });

  it("links a delegate's copy of a deferral to their agenda, since the application has left it, and the contact's to the application", async () => {
    const applicant = await aProspectiveApplicant(api);
    const filed = await fileApplication(api, applicant, { contact: { name: 'Sato Hanako', email: 'contact@deferred.test' } });
    await act(api, secretariatEn, filed, 'start-review').expect(200);
    await api.http().put(`/applications/${filed.id}/eligibility`).set(bearer(secretariatEn)).send(ALL_CRITERIA_PASSED).expect(200);
    await act(api, secretariatEn, filed, 'declare-eligible').expect(200);
    const session = await aSession(api, secretariatEn, 4322);
    await act(api, secretariatEn, filed, 'place-on-agenda', { assemblyId: session.id }).expect(200);
    await act(api, secretariatEn, filed, 'defer', { reason: 'The delegation asked for time.' }).expect(200);
    const deferredTo = async (address: string) => {
      const rows: { id: string }[] = await api.dataSource.query(
        `SELECT id FROM notifications WHERE application_id = $1 AND event = 'deferred' AND recipient = $2 AND status = 'sent'`,
        [filed.id, address],
      );
      return rows.length > 0
        ? mailbox.received.find((mail) => mail.messageId === `<${rows[0].id}@notifications.near-admission>`)
        : undefined;
    };
    const toDelegate = await waitFor(() => deferredTo(presentDelegates[0].email), 30_000, "the delegate's copy");
    const toContact = await waitFor(() => deferredTo('contact@deferred.test'), 30_000, "the contact's copy");
    expect(toDelegate.text).toContain(`\nhttps://near.example/app/\n`);
    expect(toDelegate.text).not.toContain(`/app/applications/${filed.id}`);
    expect(toContact.text).toContain(`\nhttps://near.example/app/applications/${filed.id}\n`);
    // The delegate's link leads somewhere the delegate may go: the application itself is hidden from them now.
    await api.http().get(`/applications/${filed.id}`).set(bearer(presentDelegates[0])).expect(404);
  });
});
