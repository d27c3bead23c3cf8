import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { ELIGIBILITY_CRITERIA } from '@near/admission';
import { act, ALL_CRITERIA_PASSED, aProspectiveApplicant, aSession } from './fixtures/applications.js';
import { aUser, bearer, TEST_PASSWORD, type TestUser } from './fixtures/users.js';
import { aVotingHall, recordPresent, type VotingHall } from './fixtures/voting.js';
import { DESKTOP, expectAccessible, expectWithinScreen, launchChromium, listen, PHONE, screenshot, signedIn } from './utils/browser.js';
import { A_PDF } from './utils/record-scenes.js';

/*
 * The whole admission in a real browser (Debian's Chromium through playwright-core), through the web app
 * the API serves under /app/: each role signs in and does its part; delegates vote on phones; axe-core
 * checks every page on the way, and each role's main page is saved to docs/screenshots.
 */

const letter = { name: 'letter.pdf', mimeType: 'application/pdf', buffer: A_PDF };

describe('The web app', () => {
  let hall: VotingHall;
  let baseUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    hall = await aVotingHall(3);
    [baseUrl, browser] = await Promise.all([listen(hall.api), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await hall?.api.close();
  });

  const as = (user: TestUser, options = DESKTOP) => signedIn(browser, baseUrl, user.email, TEST_PASSWORD, options);
  /** Waits until the page's heading shows the application in this state (after the page reloaded it). */
  const stateIs = (page: Page, name: string) => page.locator('h1 .badge', { hasText: new RegExp(`^${name}$`) }).waitFor();

  /** Presses Tab until the focused element is this tag with this text (a keyboard user's way to a control). */
  async function tabTo(page: Page, tag: string, text: string): Promise<void> {
    for (let presses = 0; presses < 60; presses++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate<{ tag: string; text: string }>(
        '({ tag: document.activeElement?.tagName ?? "", text: document.activeElement?.textContent?.trim() ?? "" })',
      );
      if (focused.tag === tag && focused.text === text) return;
    }
    throw new Error(`No ${tag} "${text}" reached with the Tab key`);
  }

  it('walks an application from filing to approval, every role in the browser', async () => {
    const applicant = await aProspectiveApplicant(hall.api);
    const { page: applicantPage } = await as(applicant);
    await expectAccessible(applicantPage);

    // The applicant files, with the letter; a field the API refuses is marked next to the field.
    await applicantPage.getByRole('link', { name: 'File an application' }).first().click();
    await applicantPage.getByLabel('Head of government', { exact: true }).fill('Jing Junhai');
    await applicantPage.getByLabel('Statement of purpose', { exact: true }).fill('Jilin shares the purpose of NEAR.');
    await applicantPage.getByLabel('Name', { exact: true }).fill('Wang Li');
    await applicantPage.getByLabel('E-mail address', { exact: true }).fill('wang.li@jilin.test');
    await applicantPage.getByLabel('Telephone (optional)').fill('+86 '.padEnd(60, '1'));
    await applicantPage.getByLabel(/Official letter/).setInputFiles(letter);
    await expectAccessible(applicantPage);
    await applicantPage.getByRole('button', { name: 'File the application' }).click();
    const phoneError = applicantPage.locator('.field:has(input[name="contact.phone"]) + .field-error');
    await expect(phoneError.textContent()).resolves.toContain('phone must be shorter than or equal to 50 characters');
    await expect(applicantPage.getByLabel('Telephone (optional)').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(applicantPage);
    await applicantPage.getByLabel('Telephone (optional)').fill('+86 431 0000 0000');
    await applicantPage.getByRole('button', { name: 'File the application' }).click();
    await applicantPage.waitForURL(/\/app\/applications\/[0-9a-f-]{36}$/);
    await stateIs(applicantPage, 'Submitted');
    await applicantPage.getByText('Official letter uploaded').waitFor();
    await expectAccessible(applicantPage);
    const applicationPath = new URL(applicantPage.url()).pathname;

    // The Secretariat finds it in the work queue, starts the review and asks for information.
    const { page: secretariatPage } = await as(hall.secretariat);
    await secretariatPage.getByRole('heading', { name: 'Work queue' }).waitFor();
    await secretariatPage.locator(`a[href="${applicationPath}"]`).waitFor();
    await expectAccessible(secretariatPage);
    await screenshot(secretariatPage, 'secretariat-work-queue');
    await secretariatPage.locator(`a[href="${applicationPath}"]`).click();
    await secretariatPage.getByRole('button', { name: 'Start the review' }).click();
    await stateIs(secretariatPage, 'Under review');
    await secretariatPage
      .getByLabel('What information is needed', { exact: true })
      .fill('Please send the governor’s signature page again.');
    await secretariatPage.getByRole('button', { name: 'Request information' }).click();
    await stateIs(secretariatPage, 'Information requested');
    await expectAccessible(secretariatPage);

    // The applicant answers; the review resumes.
    await applicantPage.reload();
    // The question is quoted right above the answer box.
    await applicantPage.locator('.pending-question', { hasText: 'Please send the governor’s signature page again.' }).waitFor();
    await applicantPage.getByLabel('Your answer', { exact: true }).fill('The signature page is attached again.');
    // A half-typed answer is not lost to a stray reload or a closed tab without the browser asking first.
    const asked = applicantPage.waitForEvent('dialog', { timeout: 5_000 });
    // Not awaited apart: the browser's question holds the page's script until it is answered.
    const reloading = applicantPage.evaluate('location.reload()');
    const beforeUnload = await asked;
    expect(beforeUnload.type()).toBe('beforeunload');
    await beforeUnload.dismiss();
    await reloading;
    // Nor to a change of language, which draws the page again.
    await applicantPage.getByLabel('Language').selectOption({ label: '한국어' });
    await applicantPage.getByRole('dialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Go back' }).click();
    await expect(applicantPage.getByLabel('Language').inputValue()).resolves.toBe('en');
    await expect(applicantPage.getByLabel('Your answer', { exact: true }).inputValue()).resolves.toBe(
      'The signature page is attached again.',
    );
    // With the answer, a correction of the application itself: only what changed is sent.
    await applicantPage.getByText('Correct the application (optional)').click();
    await applicantPage.getByLabel('Head of government', { exact: true }).fill('Jing Junhai, Governor of Jilin');
    await expectAccessible(applicantPage);
    await applicantPage.getByRole('button', { name: 'Send the answer' }).click();
    await stateIs(applicantPage, 'Under review');

    // The Secretariat sees the answer and the correction, records the checklist and declares the application eligible.
    await secretariatPage.reload();
    await secretariatPage.getByText('The signature page is attached again.').waitFor();
    await secretariatPage.getByText('Jing Junhai, Governor of Jilin', { exact: true }).waitFor();
    for (const { label } of ELIGIBILITY_CRITERIA) {
      const criterion = secretariatPage.getByRole('group', { name: label });
      await criterion.getByLabel('Passed').check();
      await criterion.getByLabel('Note').fill('Checked against the letter.');
    }
    await expectAccessible(secretariatPage);
    await secretariatPage.getByRole('button', { name: 'Save the checklist' }).click();
    await secretariatPage.getByText('The checklist is saved.').waitFor();
    await secretariatPage.getByRole('button', { name: 'Declare eligible' }).click();
    // It cannot be undone: said first, with what follows.
    const eligible = secretariatPage.getByRole('dialog', { name: /^Declare NEAR-\d{4}-\d{4} eligible\?$/ });
    await eligible.getByText('cannot be reopened', { exact: false }).waitFor();
    await expectAccessible(secretariatPage);
    await eligible.getByRole('button', { name: 'Yes, declare it eligible' }).click();
    await stateIs(secretariatPage, 'Eligible');
    await screenshot(secretariatPage, 'secretariat-application');

    // A General Assembly session: scheduled, opened, every member marked present.
    await secretariatPage.getByRole('link', { name: 'Sessions' }).click();
    await secretariatPage.getByLabel('Number', { exact: true }).fill('17');
    // No host is chosen for the Secretariat: it picks one (here the first in the list).
    await secretariatPage.getByLabel('Host government').selectOption({ index: 1 });
    await secretariatPage.getByLabel('First day').fill('2027-09-15');
    await secretariatPage.getByLabel('Last day').fill('2027-09-17');
    await secretariatPage.getByLabel('Venue', { exact: true }).fill('Pohang');
    await expectAccessible(secretariatPage);
    await secretariatPage.getByRole('button', { name: 'Schedule', exact: true }).click();
    await secretariatPage.waitForURL(/\/app\/sessions\/[0-9a-f-]{36}$/);
    const sessionId = new URL(secretariatPage.url()).pathname.split('/').pop()!;
    await secretariatPage.getByRole('button', { name: 'Open the session' }).click();
    const opening = secretariatPage.getByRole('dialog', { name: /^Open .*17.*\?$/ });
    await opening.getByText('can no longer be changed', { exact: false }).waitFor();
    await opening.getByRole('button', { name: 'Yes, open the session' }).click();
    await secretariatPage.getByText('The session is open.').waitFor();
    await secretariatPage.getByRole('button', { name: 'Mark all present' }).click();
    // Leaving before saving asks first, and staying keeps what was ticked.
    await secretariatPage.getByRole('link', { name: 'Work queue' }).click();
    const leaving = secretariatPage.getByRole('dialog', { name: 'Leave without saving?' });
    await leaving.getByText('is not saved yet', { exact: false }).waitFor();
    await expectAccessible(secretariatPage);
    await leaving.getByRole('button', { name: 'Go back' }).click();
    await secretariatPage.getByText(/^(\d+) of \1 members marked present\.$/).waitFor();
    expect(new URL(secretariatPage.url()).pathname).toBe(`/app/sessions/${sessionId}`);
    // So does the browser's Back; staying keeps the page, its address and what is ticked.
    await secretariatPage.evaluate('history.back()');
    await leaving.getByRole('button', { name: 'Go back' }).click();
    await secretariatPage.waitForURL(new RegExp(`/app/sessions/${sessionId}$`));
    await secretariatPage.getByText(/^(\d+) of \1 members marked present\.$/).waitFor();
    await secretariatPage.getByRole('button', { name: 'Save attendance' }).click();
    await secretariatPage.getByText('Attendance is saved.').waitFor();
    // Each member with its country's name, not its code.
    const roll = await secretariatPage.locator('fieldset.attendance').innerText();
    expect(roll).toContain('(China)');
    expect(roll).not.toMatch(/\([A-Z]{2}\)/);
    await expectAccessible(secretariatPage);
    await screenshot(secretariatPage, 'secretariat-session');

    // On the agenda, and the ballot opens with its live turnout.
    await secretariatPage.goto(applicationPath);
    await secretariatPage.getByLabel('Session', { exact: true }).selectOption(sessionId);
    await secretariatPage.getByRole('button', { name: 'Place on the agenda' }).click();
    await stateIs(secretariatPage, 'On the agenda');
    await secretariatPage.getByRole('button', { name: 'Open the ballot' }).click();
    await stateIs(secretariatPage, 'Voting');
    await secretariatPage.getByText(/^0 of \d+ governments have voted\.$/).waitFor();
    const [{ name_en: applicantName }] = await hall.api.dataSource.query('SELECT name_en FROM governments WHERE id = $1', [
      applicant.governmentId,
    ]);
    await secretariatPage.goto(`/app/sessions/${sessionId}`);
    await secretariatPage.locator('#agenda-title + ul', { hasText: applicantName }).waitFor();
    await secretariatPage.goto(applicationPath);

    // Three delegates vote on their phones; one changes its mind before the close.
    const delegatePages = await Promise.all(hall.delegates.map(async (delegate) => (await as(delegate, PHONE)).page));
    for (const [index, page] of delegatePages.entries()) {
      if (index === 0) {
        await page.getByRole('button', { name: 'No', exact: true }).click();
        await page.getByText("Your government's ballot: No.", { exact: false }).waitFor();
      }
      await page.getByRole('button', { name: 'Yes', exact: true }).click();
      await page.getByText("Your government's ballot: Yes.", { exact: false }).waitFor();
      await expect(page.getByRole('button', { name: 'Yes', exact: true }).getAttribute('aria-pressed')).resolves.toBe('true');
      await expect(page.getByRole('button', { name: 'No', exact: true }).getAttribute('aria-pressed')).resolves.toBe('false');
    }
    // The current choice comes from the API: a fresh page (another device) shows it too.
    const otherDevice = (await as(hall.delegates[0], PHONE)).page;
    await otherDevice.getByText("Your government's ballot: Yes.", { exact: false }).waitFor();
    await otherDevice.context().close();
    await expectAccessible(delegatePages[0]);
    await screenshot(delegatePages[0], 'delegate-ballot');

    await secretariatPage.getByText(/^3 of \d+ governments have voted\.$/).waitFor();
    await screenshot(secretariatPage, 'secretariat-turnout');
    await secretariatPage.getByRole('button', { name: 'Close the ballot' }).click();
    await secretariatPage.getByRole('dialog').getByRole('button', { name: 'Yes, close the ballot' }).click();
    await stateIs(secretariatPage, 'Approved');
    await secretariatPage.getByText('3 yes, 0 no, 0 abstaining', { exact: false }).waitFor();
    await expectAccessible(secretariatPage);

    // The delegates see the result on the agenda; the applicant sees the decision.
    await delegatePages[1].getByText('3 yes, 0 no, 0 abstaining', { exact: false }).waitFor({ timeout: 15_000 });
    await expectAccessible(delegatePages[1]);
    await applicantPage.reload();
    await stateIs(applicantPage, 'Approved');
    await applicantPage.locator('.outcome-word', { hasText: 'Approved' }).waitFor();
    await applicantPage.getByText('Ballot closed').waitFor();
    await expectAccessible(applicantPage);
    await screenshot(applicantPage, 'applicant-application');
    await applicantPage.getByRole('link', { name: 'My applications' }).click();
    await applicantPage.getByRole('heading', { name: 'My applications' }).waitFor();
    await expectAccessible(applicantPage);
    await screenshot(applicantPage, 'applicant-home');
  });

  /** A language file of the web app, for its labels: the walk below reads each language's own words. */
  const messagesOf = (locale: string) => JSON.parse(readFileSync(`apps/web/src/i18n/${locale}.json`, 'utf8')) as Record<string, string>;
  /** A government of the country whose language it is, with its name in that language's script. */
  const GOVERNMENTS: Record<string, { country: string; nameEn: string; nameLocal: string; head: string; contact: string }> = {
    en: { country: 'KR', nameEn: 'Sejong Test', nameLocal: '세종테스트', head: 'Choi Min-ho', contact: 'Lee Eun-ji' },
    ko: { country: 'KR', nameEn: 'Jeju Test', nameLocal: '제주테스트', head: '오영훈', contact: '김민지' },
    zh: { country: 'CN', nameEn: 'Qinghai Test', nameLocal: '青海测试省', head: '吴晓军', contact: '王丽' },
    ja: { country: 'JP', nameEn: 'Okinawa Test', nameLocal: '沖縄テスト県', head: '玉城デニー', contact: '佐藤花子' },
    ru: {
      country: 'RU',
      nameEn: 'Khakassia Test',
      nameLocal: 'Республика Хакасия (тест)',
      head: 'В. О. Коновалов',
      contact: 'Анна Петрова',
    },
    mn: { country: 'MN', nameEn: 'Govi-Altai Test', nameLocal: 'Говь-Алтай аймаг (тест)', head: 'Б. Өлзийбаяр', contact: 'Ү. Төмөрөө' },
  };

  it.each(['ko', 'zh', 'ja', 'ru', 'mn', 'en'])(
    'files, answers and sees the decision in %s, the language of the applicant, on a desktop and on a phone',
    async (locale) => {
      const { api, secretariat } = hall;
      const m = messagesOf(locale);
      const g = GOVERNMENTS[locale];
      const [government] = await api.dataSource.query(
        `INSERT INTO governments (name_en, name_local, country, level, kind, status) VALUES ($1, $2, $3, 'regional', 'Province', 'prospective') RETURNING id`,
        [g.nameEn, g.nameLocal, g.country],
      );
      // No language chosen: the applicant reads the language of its government (English where asked for).
      const applicant = await aUser(api, 'applicant', { governmentId: government.id, locale });
      const { page } = await as(applicant);
      await page.getByRole('heading', { name: m['applicant.title'] }).waitFor();
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe(locale);
      await expectAccessible(page);

      await page.getByRole('link', { name: m['nav.fileApplication'] }).first().click();
      // The registry's local name in its own script, marked with its language.
      const localLanguage = g.country === 'KR' ? 'ko' : locale;
      await page.locator(`.local-name[lang="${localLanguage}"]`, { hasText: g.nameLocal }).first().waitFor();
      await page.getByLabel(m['file.headOfGovernment'], { exact: true }).fill(g.head);
      await page.getByLabel(m['file.statement'], { exact: true }).fill(`${g.nameLocal}: NEAR.`);
      await page.getByLabel(m['file.contactName'], { exact: true }).fill(g.contact);
      await page.getByLabel(m['file.contactEmail'], { exact: true }).fill(`contact.${locale}@walk.test`);
      await page.getByLabel(m['letter.file']).setInputFiles(letter);
      await expectAccessible(page);
      await page.getByRole('button', { name: m['file.submit'] }).click();
      await page.waitForURL(/\/app\/applications\/[0-9a-f-]{36}$/);
      await stateIs(page, m['state.submitted']);
      await page.locator('.what', { hasText: m['event.application.letter-uploaded'] }).waitFor();
      await expectAccessible(page);
      const id = new URL(page.url()).pathname.split('/').pop()!;
      const [filed] = await api.dataSource.query(`SELECT locale FROM applications WHERE id = $1`, [id]);
      expect(filed.locale).toBe(locale);

      await act(api, secretariat, { id }, 'start-review').expect(200);
      await act(api, secretariat, { id }, 'request-information', { message: 'Please confirm the head of government.' }).expect(200);
      await page.reload();
      await stateIs(page, m['state.information_requested']);
      await page.getByLabel(m['actionInput.respond'], { exact: true }).fill(g.head);
      await page.getByRole('button', { name: m['action.respond'] }).click();
      await stateIs(page, m['state.under_review']);
      await expectAccessible(page);

      await api.http().put(`/applications/${id}/eligibility`).set(bearer(secretariat)).send(ALL_CRITERIA_PASSED).expect(200);
      await act(api, secretariat, { id }, 'declare-eligible').expect(200);
      const session = await aSession(api, secretariat);
      await api.http().post(`/assemblies/${session.id}/open`).set(bearer(secretariat)).expect(200);
      await recordPresent(api, secretariat, session.id, hall.memberIds).expect(200);
      await act(api, secretariat, { id }, 'place-on-agenda', { assemblyId: session.id }).expect(200);
      await act(api, secretariat, { id }, 'open-ballot').expect(200);
      if (locale === 'ko') {
        // One delegate signs in and votes with the keyboard alone; the others through the API.
        const keyboardOnly = await browser.newContext({ ...PHONE, baseURL: baseUrl });
        const delegatePage = await keyboardOnly.newPage();
        await delegatePage.goto('/app/');
        await tabTo(delegatePage, 'INPUT', '');
        await delegatePage.keyboard.type(hall.delegates[0].email);
        await delegatePage.keyboard.press('Tab');
        await delegatePage.keyboard.type(TEST_PASSWORD);
        await delegatePage.keyboard.press('Enter');
        await delegatePage.getByRole('heading', { name: 'Agenda and votes' }).waitFor();
        await tabTo(delegatePage, 'BUTTON', 'Yes');
        await delegatePage.keyboard.press('Space');
        await delegatePage.getByText("Your government's ballot: Yes.", { exact: false }).waitFor();
        await keyboardOnly.close();
      }
      for (const delegate of locale === 'ko' ? hall.delegates.slice(1) : hall.delegates) {
        await api.http().put(`/applications/${id}/ballot`).set(bearer(delegate)).send({ choice: 'yes' }).expect(200);
      }
      await act(api, secretariat, { id }, 'close-ballot').expect(200);

      await page.reload();
      await stateIs(page, m['state.approved']);
      await page.locator('.outcome-word', { hasText: m['outcome.approved'] }).waitFor();
      // How it was decided, in the language too, not the English sentence recorded with the vote.
      const outcome = await page.locator('.outcome').innerText();
      // English shows the sentence recorded with the vote; every other language its own.
      const ruleLine =
        locale === 'en'
          ? 'More than half of the voters'
          : `${m['quorum.more_than_half_present']}, ${m['decision.majorityRule.more_than_half_cast']}`;
      expect(outcome).toContain(ruleLine);
      expect(outcome).toContain((m['decision.quorum.met.present'] ?? 'Quorum met:').split(/[:：]/)[0]);
      expect({ locale, english: locale !== 'en' && /Quorum|ballots cast/.test(outcome) }).toEqual({ locale, english: false });
      expect(outcome).toMatch(
        locale === 'ko'
          ? /의사정족수 충족: 의결권 보유 회원 \d+개 단체 중 \d+개 단체 출석\(과반수, \d+개 단체 필요\)\. 승인: 투표 \d+표 중 찬성 \d+표/
          : /\S/,
      );
      // Its dates in the language too, where the browser's Intl has no data for it (Chromium's, for Mongolian).
      const shown = await page.locator('main').innerText();
      expect({ locale, englishMonths: locale !== 'en' && /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/.test(shown) }).toEqual({
        locale,
        englishMonths: false,
      });
      expect({ locale, mongolianDate: /\d{4} оны \d{1,2}-р сарын \d{1,2}/.test(shown) }).toEqual({
        locale,
        mongolianDate: locale === 'mn',
      });
      await expectAccessible(page);
      await screenshot(page, `applicant-${locale}`);

      // On a 390 px phone nothing is wider than the screen, in the longest language too.
      const { page: phone, context: phoneContext } = await as(applicant, PHONE);
      await phone.goto(new URL(page.url()).pathname);
      await stateIs(phone, m['state.approved']);
      await expectWithinScreen(phone);
      // Nor on the narrowest phones still sold (320 px).
      await phone.setViewportSize({ width: 320, height: 640 });
      await expectWithinScreen(phone);
      await phone.setViewportSize(PHONE.viewport);
      // Nor is a word of the header cut across two lines (로그/아웃, ログア/ウト): each item keeps to one.
      const linesOfHeaderItems = await phone.evaluate<number[]>(`[...document.querySelectorAll('.who > a, .who > button')].map((item) => {
        const range = document.createRange();
        range.selectNodeContents(item);
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
      })`);
      expect(linesOfHeaderItems).toEqual([1, 1, 1]);
      await expectAccessible(phone);
      await screenshot(phone, `applicant-${locale}-phone`);
      await phoneContext.close();

      // The language is switchable, and the choice sticks; in English the explanation is the one recorded.
      await page.getByLabel(m['nav.language']).selectOption('en');
      await stateIs(page, 'Approved');
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
      await expect(page.locator('.outcome').innerText()).resolves.toMatch(/Quorum met: \d+ of \d+ voters present/);
    },
  );

  it('reloads and says so when someone else acted first', async () => {
    const { api, secretariat } = hall;
    const applicant = await aProspectiveApplicant(api);
    const filed = await api
      .http()
      .post('/applications')
      .set(bearer(applicant))
      .send({
        governmentId: applicant.governmentId,
        category: 'member',
        headOfGovernment: 'Head',
        statementOfPurpose: 'Purpose.',
        contact: { name: 'Contact', email: 'contact@conflict.test' },
      });
    const { page } = await as(secretariat);
    await page.goto(`/app/applications/${filed.body.id}`);
    await page.getByRole('button', { name: 'Start the review' }).waitFor();
    await act(api, secretariat, filed.body, 'start-review').expect(200);
    await page.getByRole('button', { name: 'Start the review' }).click();
    await page.locator('#conflict-banner', { hasText: 'Someone else changed this application in the meantime' }).waitFor();
    await stateIs(page, 'Under review');
    // Said once, in words that fit a page already reloaded.
    await expect(page.getByText('Someone else changed this application in the meantime', { exact: false }).count()).resolves.toBe(1);
    await expect(page.locator('#conflict-banner').textContent()).resolves.not.toMatch(/reload/i);
    await expectAccessible(page);
  });

  it('gives the Secretariat its registry, notification log and audit trail, and the admin its users', async () => {
    const { page } = await as(hall.secretariat);
    await page.getByRole('link', { name: 'Registry' }).click();
    await page.getByRole('heading', { name: 'Registry of governments' }).waitFor();
    await page.getByRole('cell', { name: 'Toyama', exact: true }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'secretariat-members');
    await page.getByRole('link', { name: 'Toyama', exact: true }).click();
    await page.getByText('Fees paid for').waitFor();
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Notifications' }).click();
    await page.getByRole('heading', { name: 'Notification log' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Audit trail' }).click();
    await page.locator('tbody tr').first().waitFor();
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await page.getByText(/^The trail is intact: \d+ entries checked\.$/).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export the shown entries as CSV' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      'seq,occurredAt,actorUserId,actorRole,actorGovernmentId,action,entityType,entityId,stateBefore,stateAfter,payload,requestId,clientAddress,leafIndex',
    );
    // The API's CSV: one header, one row per entry shown.
    expect(csv.trimEnd().split('\r\n')).toHaveLength(1 + (await page.locator('tbody tr').count()));
    await expectAccessible(page);
    await screenshot(page, 'secretariat-audit');

    const admin = await aUser(hall.api, 'admin');
    const { page: adminPage } = await as(admin);
    await adminPage.getByRole('heading', { name: 'Users' }).waitFor();
    await adminPage.getByLabel('E-mail address', { exact: true }).fill('new.officer@near.test');
    await adminPage.getByLabel('Name', { exact: true }).fill('New Officer');
    await adminPage.getByLabel('Password', { exact: true }).fill('a-long-enough-password');
    await adminPage.getByLabel('Role', { exact: true }).selectOption('secretariat');
    await adminPage.getByRole('button', { name: 'Add the user' }).click();
    await adminPage.getByRole('cell', { name: 'new.officer@near.test' }).waitFor();
    await expectAccessible(adminPage);
    await screenshot(adminPage, 'admin-users');
  });

  it('serves index.html for any /app/ path, under a strict Content-Security-Policy, and keeps problem+json elsewhere', async () => {
    const page = await hall.api.http().get('/app/applications/anything').expect(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-inline');
    await hall.api.http().get('/').expect(302).expect('Location', '/app/');
    const unknown = await hall.api.http().get('/no/such/route').expect(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
  });

  it('has every English message in every language file', () => {
    const folder = 'apps/web/src/i18n';
    const english = Object.keys(JSON.parse(readFileSync(`${folder}/en.json`, 'utf8')));
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.json'))) {
      const messages = JSON.parse(readFileSync(`${folder}/${file}`, 'utf8'));
      expect({ file, missing: english.filter((key) => !(key in messages)) }).toEqual({ file, missing: [] });
    }
  });
});
