import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { englishOrdinal } from '@near/common';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { act, ALL_CRITERIA_PASSED, aProspectiveApplicant, fileApplication } from './fixtures/applications.js';
import { aUser, bearer, TEST_PASSWORD, type TestUser } from './fixtures/users.js';
import { aVotingHall, recordPresent, type VotingHall } from './fixtures/voting.js';
import { DESKTOP, expectAccessible, expectWithinScreen, launchChromium, listen, PHONE, signedIn } from './utils/browser.js';
import { A_PDF, aFailedNotification, anApplicationOnAnAgenda, anApplicationUnderReview } from './utils/record-scenes.js';

/*
 * The web app's flows beyond the main admission walk (web-app.e2e-spec.ts): withdrawal, ineligibility,
 * deferral, a fee payment, a notification sent again, and a written procedure voted on a phone. Each test
 * makes its preconditions through the API and does in the browser only the step under test, then checks
 * what the user sees; axe-core checks every page on the way.
 */

const THIS_YEAR = new Date().getUTCFullYear();

describe('The web app, beyond the main walk', () => {
  let hall: VotingHall;
  let baseUrl: string;
  let browser: Browser;
  /** The Secretariat's tab, signed in once for the whole suite; each test goes to the page it needs. */
  let secretariat: Page;

  beforeAll(async () => {
    // Fees tracked from three years back, all paid (everyMemberPaidUp): a member owes only what a test removes.
    hall = await aVotingHall(1, { FEES_TRACKED_FROM: String(THIS_YEAR - 3) });
    [baseUrl, browser] = await Promise.all([listen(hall.api), launchChromium()]);
    secretariat = await as(hall.secretariat);
  });

  afterAll(async () => {
    await browser?.close();
    await hall?.api.close();
  });

  const as = async (user: TestUser, options: BrowserContextOptions = DESKTOP) =>
    (await signedIn(browser, baseUrl, user.email, TEST_PASSWORD, options)).page;
  /** Waits until the page's heading shows the application in this state (after the page reloaded it). */
  const stateIs = (page: Page, name: string) => page.locator('h1 .badge', { hasText: new RegExp(`^${name}$`) }).waitFor();

  it('lets the applicant withdraw its application with a reason, and shows it as withdrawn', async () => {
    const { applicant, application } = await anApplicationUnderReview(hall.api, hall.secretariat);
    const page = await as(applicant);
    await page.goto(`/app/applications/${application.id}`);
    await stateIs(page, 'Under review');
    await expectAccessible(page);

    // Withdrawal comes after what the application says (its letter included), not first among the actions.
    const headings = await page.locator('main h2').allTextContents();
    expect(headings.indexOf('Withdrawing the application')).toBeGreaterThan(headings.indexOf('Official letter'));
    expect(headings.indexOf('Official letter')).toBeGreaterThan(-1);
    await page.getByLabel('Reason for withdrawing', { exact: true }).fill('The provincial assembly postponed the decision to join.');
    await page.getByRole('button', { name: 'Withdraw the application' }).click();
    const dialog = page.getByRole('dialog', { name: `Withdraw application ${application.reference}?` });
    await dialog.getByText('The provincial assembly postponed the decision to join.').waitFor();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Yes, withdraw the application' }).click();
    await stateIs(page, 'Withdrawn');
    await page.getByText('Withdrawn by the applicant: The provincial assembly postponed the decision to join.').waitFor();
    await expect(page.getByRole('button', { name: 'Withdraw the application' }).count()).resolves.toBe(0);
    await expectAccessible(page);
    await page.context().close();
  });

  it('lets the applicant answer a request for information with a document, which the Secretariat finds under the answer', async () => {
    const { applicant, application } = await anApplicationUnderReview(hall.api, hall.secretariat);
    await act(hall.api, hall.secretariat, application, 'request-information', { message: 'Please send the council resolution.' }).expect(
      200,
    );
    const page = await as(applicant);
    await page.goto(`/app/applications/${application.id}`);
    await stateIs(page, 'Information requested');
    // The question comes first, right above the box its answer goes in.
    const question = page.locator('form.action .pending-question', { hasText: 'Please send the council resolution.' });
    await question.waitFor();
    const [questionBox, answerBox] = [await question.boundingBox(), await page.getByLabel('Your answer', { exact: true }).boundingBox()];
    expect(questionBox!.y).toBeLessThan(answerBox!.y);
    await page.getByLabel('Your answer', { exact: true }).fill('The resolution is attached.');
    const documents = page.getByRole('group', { name: 'Documents sent with the answer' });
    await documents.getByLabel('Title of the document').fill('Resolution of the provincial council');
    await page.getByText('Correct the application (optional)').click();
    await page.getByLabel('Head of government', { exact: true }).fill('Wu Xiaohui');
    await documents
      .getByLabel('Document (PDF, at most 10 MB)')
      .setInputFiles({ name: 'resolution.pdf', mimeType: 'application/pdf', buffer: A_PDF });
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Send the answer' }).click();
    await stateIs(page, 'Under review');
    await expectAccessible(page);
    await page.context().close();

    await secretariat.goto(`/app/applications/${application.id}`);
    await stateIs(secretariat, 'Under review');
    const answer = secretariat.locator('.message-response', { hasText: 'The resolution is attached.' });
    await answer.getByRole('list', { name: 'Documents sent with this answer' }).getByText('Resolution of the provincial council').waitFor();
    const saved = secretariat.waitForEvent('download');
    await answer.getByRole('button', { name: 'Download Resolution of the provincial council' }).click();
    expect(await (await saved).suggestedFilename()).toBe('resolution.pdf');
    await secretariat
      .locator('section', { has: secretariat.getByRole('heading', { name: 'Supporting documents', level: 2 }) })
      .getByText('Resolution of the provincial council')
      .waitFor();
    // The history says what the answer corrected and sent.
    await secretariat
      .locator('.timeline li', { hasText: 'Applicant answered' })
      .getByText('Corrected: Head of government. Documents sent: Resolution of the provincial council.')
      .waitFor();
    await expectAccessible(secretariat);

    // Three more questions and two answers later, that answer is no longer among the latest five messages the page
    // carries: its document is still not offered again.
    for (let round = 1; round <= 3; round += 1) {
      await act(hall.api, hall.secretariat, application, 'request-information', { message: `Question ${round}` }).expect(200);
      if (round < 3) await act(hall.api, applicant, application, 'respond', { message: `Answer ${round}` }).expect(200);
    }
    const again = await as(applicant);
    await again.goto(`/app/applications/${application.id}`);
    await stateIs(again, 'Information requested');
    const offered = again.getByRole('group', { name: 'Documents sent with the answer' });
    await offered.getByLabel('Title of the document').waitFor();
    await expect(offered.getByRole('checkbox').count()).resolves.toBe(0);
    await again.context().close();
  });

  it('lets the Secretariat declare an application ineligible, and shows the applicant the reasons', async () => {
    const { applicant, application } = await anApplicationUnderReview(hall.api, hall.secretariat);
    const reasons = 'The government is a city, not a regional (provincial-level) government.';
    await secretariat.goto(`/app/applications/${application.id}`);
    await stateIs(secretariat, 'Under review');
    await secretariat.getByLabel('Reasons (sent to the applicant)', { exact: true }).fill(reasons);
    await secretariat.getByRole('button', { name: 'Declare ineligible' }).click();
    await secretariat.getByRole('dialog').getByRole('button', { name: 'Yes, declare it ineligible' }).click();
    await stateIs(secretariat, 'Ineligible');
    await expectAccessible(secretariat);

    const applicantPage = await as(applicant);
    await applicantPage.goto(`/app/applications/${application.id}`);
    await stateIs(applicantPage, 'Ineligible');
    await applicantPage.getByText(`Declared ineligible: ${reasons}`).waitFor();
    await expectAccessible(applicantPage);
    await applicantPage.context().close();
  });

  it('lets the Secretariat defer an application on the agenda with a reason, back to eligible', async () => {
    const { application } = await anApplicationOnAnAgenda(hall.api, hall.secretariat);
    await secretariat.goto(`/app/applications/${application.id}`);
    await stateIs(secretariat, 'On the agenda');
    await expectAccessible(secretariat);

    await secretariat.getByLabel('Reason for deferring', { exact: true }).fill('The delegation asked for time to consult its government.');
    await secretariat.getByRole('button', { name: 'Defer to a later session' }).click();
    await stateIs(secretariat, 'Eligible');
    // Eligible again, it can be placed on a later session's agenda.
    await secretariat.getByRole('button', { name: 'Place on the agenda' }).waitFor();
    await secretariat.locator('.timeline li', { hasText: 'Deferred' }).waitFor();
    await expectAccessible(secretariat);
  });

  it('records a fee payment on the member page, which gives back the vote', async () => {
    // A member that is not the delegate's: two years unpaid, so it has lost its vote.
    const [member] = await hall.api.dataSource.query(
      `SELECT id, name_en FROM governments WHERE status = 'member' AND id <> $1 ORDER BY country DESC, name_en DESC LIMIT 1`,
      [hall.delegates[0].governmentId],
    );
    await hall.api.dataSource.query('DELETE FROM fee_payments WHERE government_id = $1 AND year IN ($2, $3)', [
      member.id,
      THIS_YEAR - 2,
      THIS_YEAR - 1,
    ]);
    await secretariat.getByRole('link', { name: 'Registry' }).click();
    await secretariat.getByRole('link', { name: member.name_en, exact: true }).click();
    await secretariat.getByRole('heading', { name: member.name_en, level: 1 }).waitFor();
    const fact = (term: string) => secretariat.locator(`dt:text-is("${term}") + dd`);
    await expect(fact('Voting rights').textContent()).resolves.toBe('No vote');
    // A founding-era member, admitted before this system kept records, is said to be so.
    await expect(fact('Member since').textContent()).resolves.toBe('Before this system’s records');
    await expect(fact('Fees owed for').textContent()).resolves.toBe(`${THIS_YEAR - 2}, ${THIS_YEAR - 1}`);
    await expectAccessible(secretariat);

    await secretariat.getByLabel('Fiscal year').fill(String(THIS_YEAR - 1));
    await secretariat.getByLabel('Paid on').fill(`${THIS_YEAR}-01-15`);
    await secretariat.getByRole('button', { name: 'Record the payment' }).click();
    await secretariat.getByText('The payment is recorded.').waitFor();
    await expect(fact('Voting rights').textContent()).resolves.toBe('May vote');
    await expect(fact('Fees owed for').textContent()).resolves.toBe(String(THIS_YEAR - 2));
    await expect(fact('Why').textContent()).resolves.toContain('one fiscal year in arrears');
    await expectAccessible(secretariat);
  });

  it('shows a failed notification in the log and sends it again', async () => {
    const { id } = await aFailedNotification(hall.api);
    const recipient = `retry.${id.slice(0, 8)}@test.example`;
    await hall.api.dataSource.query('UPDATE notifications SET recipient = $1 WHERE id = $2', [recipient, id]);
    await secretariat.getByRole('link', { name: 'Notifications' }).click();
    const row = secretariat.locator('tbody tr', { hasText: recipient });
    await row.locator('.badge', { hasText: 'Failed' }).waitFor();
    await expect(row.textContent()).resolves.toContain('550 mailbox unavailable');
    await expectAccessible(secretariat);

    await row.getByRole('button', { name: `Send again to ${recipient}` }).click();
    await secretariat.getByText('The message is queued again.').waitFor();
    await row.locator('.badge', { hasText: /^(Pending|Queued)$/ }).waitFor();
    await expect(row.getByRole('button').count()).resolves.toBe(0);
    await expectAccessible(secretariat);
  });

  it('links each application on the agenda to its dossier, and tells a government recorded absent why it cannot vote', async () => {
    const { application, session } = await anApplicationOnAnAgenda(hall.api, hall.secretariat);
    const absentId = hall.memberIds.find((id) => id !== hall.delegates[0].governmentId)!;
    await recordPresent(
      hall.api,
      hall.secretariat,
      session.id,
      hall.memberIds.filter((id) => id !== absentId),
    ).expect(200);
    await act(hall.api, hall.secretariat, application, 'open-ballot').expect(200);

    // The absent government's delegate is told why, up front, with nothing to press.
    const absent = await as(await aUser(hall.api, 'delegate', { governmentId: absentId }), PHONE);
    const absentItem = absent.locator('.agenda-item', { hasText: application.reference });
    await absentItem
      .getByText('Your government cannot vote on this application. Your government is not recorded as present at this session.')
      .waitFor();
    await expect(absentItem.getByRole('button').count()).resolves.toBe(0);
    await expectAccessible(absent);
    await absent.context().close();

    // A present government's delegate reads the dossier from the agenda: the application and the review's checklist.
    const present = await as(hall.delegates[0]);
    const item = present.locator('.agenda-item', { hasText: application.reference });
    await item.getByRole('button', { name: 'Yes', exact: true }).waitFor();
    await item.getByRole('link', { name: 'Read the application and its review' }).click();
    await present.getByRole('heading', { name: `Application ${application.reference}`, level: 1 }).waitFor();
    const checklist = present.locator('section', { has: present.getByRole('heading', { name: 'Eligibility checklist', level: 2 }) });
    await checklist.getByText('Checked against the letter.').first().waitFor();
    await expect(checklist.getByRole('button').count()).resolves.toBe(0);
    await expectAccessible(present);
    await present.context().close();
  });

  it('runs a written procedure: created with a deadline, a delegate votes on a phone, the Secretariat closes and sees the result', async () => {
    const { application } = await anApplicationUnderReview(hall.api, hall.secretariat);
    await hall.api
      .http()
      .put(`/applications/${application.id}/eligibility`)
      .set(bearer(hall.secretariat))
      .send(ALL_CRITERIA_PASSED)
      .expect(200);
    await act(hall.api, hall.secretariat, application, 'declare-eligible').expect(200);
    const number = '3';

    // The Secretariat starts the procedure, without a quorum: one answer decides it here.
    await secretariat.getByRole('link', { name: 'Sessions' }).click();
    await secretariat.getByLabel('Deciding body').selectOption('written_procedure');
    await secretariat.getByLabel('Number', { exact: true }).fill(number);
    await secretariat.getByLabel('Deadline').fill(`${THIS_YEAR + 1}-03-31T12:00`);
    await secretariat.getByLabel('Quorum').selectOption('none');
    await expectAccessible(secretariat);
    await secretariat.getByRole('button', { name: 'Schedule', exact: true }).click();
    await secretariat.waitForURL(/\/app\/sessions\/[0-9a-f-]{36}$/);
    const procedureId = new URL(secretariat.url()).pathname.split('/').pop()!;
    await secretariat.getByRole('heading', { name: `${englishOrdinal(Number(number))} written procedure In session`, level: 1 }).waitFor();
    await secretariat.locator('dt:text-is("Deadline") + dd', { hasText: `${THIS_YEAR + 1}` }).waitFor();
    await expectAccessible(secretariat);

    // It places the application on the procedure and opens the ballot: no attendance to take.
    await secretariat.goto(`/app/applications/${application.id}`);
    await secretariat.getByLabel('Session', { exact: true }).selectOption(procedureId);
    await secretariat.getByRole('button', { name: 'Place on the agenda' }).click();
    await stateIs(secretariat, 'On the agenda');
    await secretariat.getByRole('button', { name: 'Open the ballot' }).click();
    await stateIs(secretariat, 'Voting');
    await secretariat.getByText(/^0 of \d+ governments have voted\.$/).waitFor();
    await expectAccessible(secretariat);

    // A delegate answers on a phone.
    const phone = await as(hall.delegates[0], PHONE);
    const item = phone.locator('.agenda-item', { hasText: application.reference });
    await phone
      .getByRole('heading', { name: new RegExp(`^${englishOrdinal(Number(number))} written procedure · answer by `), level: 2 })
      .waitFor();
    await item.getByRole('button', { name: 'Yes', exact: true }).click();
    await item.getByText("Your government's ballot: Yes.", { exact: false }).waitFor();
    await expect(item.getByRole('button', { name: 'Yes', exact: true }).getAttribute('aria-pressed')).resolves.toBe('true');
    // The keyboard stays where it was: on the pressed button, not thrown back to the top of the page.
    await expect(
      phone.evaluate<string>('document.activeElement?.getAttribute("aria-pressed") + " " + document.activeElement?.textContent'),
    ).resolves.toBe('true Yes');
    await expectAccessible(phone);
    // The agenda fits the narrowest phones (320 px), in Russian too, the language with the longest words.
    await phone.setViewportSize({ width: 320, height: 640 });
    await expectWithinScreen(phone);
    await phone.getByLabel('Language').selectOption({ label: 'Русский' });
    await phone.locator('html[lang="ru"]').waitFor();
    await item.getByRole('button', { name: 'За', exact: true }).waitFor();
    await expectWithinScreen(phone);
    await phone.getByLabel('Язык').selectOption({ label: 'English' });
    await phone.locator('html[lang="en"]').waitFor();
    await phone.setViewportSize(PHONE.viewport);

    // The Secretariat sees the answer counted, closes the ballot and sees the result; so does the delegate.
    await secretariat.reload();
    await secretariat.getByText(/^1 of \d+ governments have voted\.$/).waitFor();
    // Before its deadline, while governments on the roll have yet to answer, it cannot be closed early.
    await secretariat.getByText(/closes by itself at its deadline/).waitFor();
    await expect(secretariat.getByRole('button', { name: 'Close the ballot' }).count()).resolves.toBe(0);
    await expectAccessible(secretariat);
    // The deadline passes; no worker runs here, so the Secretariat closes it.
    await hall.api.dataSource.query(`UPDATE assemblies SET deadline = now() - interval '1 second' WHERE id = $1`, [procedureId]);
    await secretariat.reload();
    await secretariat.getByRole('button', { name: 'Close the ballot' }).click();
    // A written procedure: every government on the roll that has not answered is named.
    await secretariat
      .getByRole('dialog')
      .getByText(/^These \d+ governments have not answered:$/)
      .waitFor();
    await secretariat.getByRole('dialog').getByRole('button', { name: 'Yes, close the ballot' }).click();
    await stateIs(secretariat, 'Approved');
    await secretariat.locator('.outcome-word', { hasText: 'Approved' }).waitFor();
    // Nobody is present at a written procedure, even one without a quorum rule: the tally counts who answered.
    await secretariat.getByText(/^1 yes, 0 no, 0 abstaining; 1 of \d+ voters answered$/).waitFor();
    await expectAccessible(secretariat);
    await phone.reload();
    await item.locator('.outcome-word', { hasText: 'Approved' }).waitFor();
    await item.getByText(/^1 yes, 0 no, 0 abstaining; 1 of \d+ voters answered$/).waitFor();
    await expectAccessible(phone);
    await phone.context().close();
  });

  it("gives the day of a filing in the list of applications as the reader's clock has it, as its page does", async () => {
    const applicant = await aProspectiveApplicant(hall.api);
    const filed = await fileApplication(hall.api, applicant);
    // 20:00 in UTC on 1 March is 05:00 on 2 March in Seoul.
    await hall.api.dataSource.query(`UPDATE applications SET submitted_at = '2026-03-01T20:00:00Z' WHERE id = $1`, [filed.id]);
    const page = await as(applicant, { ...DESKTOP, timezoneId: 'Asia/Seoul' });
    await page.getByText(`filed Mar 2, 2026`, { exact: false }).waitFor();
    await expect(page.getByText('Mar 1, 2026', { exact: false }).count()).resolves.toBe(0);
    await page.getByRole('link', { name: filed.reference }).click();
    await page.getByText('Mar 2, 2026, 5:00', { exact: false }).first().waitFor();
    await page.context().close();
  });

  it('tells a government with an application in progress, or already a member, before it fills the form', async () => {
    const applicant = await aProspectiveApplicant(hall.api);
    const filed = await fileApplication(hall.api, applicant);
    const page = await as(applicant, PHONE);
    await page.getByRole('link', { name: 'File an application' }).first().click();
    await page.getByText(`Your government's application ${filed.reference} is still in progress.`, { exact: false }).waitFor();
    await expect(page.locator('form input[type="file"]').count()).resolves.toBe(0);
    await page.getByRole('link', { name: `Open ${filed.reference}` }).click();
    await page.waitForURL(new RegExp(`/app/applications/${filed.id}$`));
    await expectAccessible(page);

    // Decided since, and admitted.
    await hall.api.dataSource.query(`UPDATE governments SET status = 'member' WHERE id = $1`, [applicant.governmentId]);
    await hall.api.dataSource.query(`UPDATE applications SET state = 'approved' WHERE id = $1`, [filed.id]);
    await page.goto('/app/applications/new');
    await page.getByText('Your government is already a member of NEAR', { exact: false }).waitFor();
    await expect(page.locator('form input[type="file"]').count()).resolves.toBe(0);
    await page.context().close();
  });
});
