import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { englishOrdinal } from '@near/common';
import { APPLICATION_ACTIONS } from '@near/admission';
import type { Browser, Page } from 'playwright-core';
import { act, ALL_CRITERIA_PASSED, aProspectiveApplicant, aSession, fileApplication } from './fixtures/applications.js';
import { aUser, bearer, TEST_PASSWORD, type TestUser } from './fixtures/users.js';
import { anApplicationOnTheAgenda, aVotingHall, recordPresent, type VotingHall } from './fixtures/voting.js';
import { DESKTOP, expectAccessible, expectWithinScreen, launchChromium, listen, PHONE, signedIn } from './utils/browser.js';
import { createTestWorker } from './utils/create-test-worker.js';
import { A_PDF, anApplicationUnderReview } from './utils/record-scenes.js';

/*
 * The web app as officials use it (issue 17): the registry, confirmations before what cannot be undone,
 * filing with the letter at once. Preconditions are made through the API; the step under test is done in
 * the browser, and axe-core checks every page on the way.
 */

describe('The web app as officials use it', () => {
  let hall: VotingHall;
  let baseUrl: string;
  let browser: Browser;
  let secretariat: Page;

  beforeAll(async () => {
    hall = await aVotingHall(0);
    [baseUrl, browser] = await Promise.all([listen(hall.api), launchChromium()]);
    secretariat = await as(hall.secretariat);
  });

  afterAll(async () => {
    await browser?.close();
    await hall?.api.close();
  });

  const as = async (user: TestUser, options = DESKTOP) => (await signedIn(browser, baseUrl, user.email, TEST_PASSWORD, options)).page;

  it('lets the Secretariat add a prospective government and correct its name, and the admin give it an applicant', async () => {
    await secretariat.getByRole('link', { name: 'Registry' }).click();
    await secretariat.getByRole('heading', { name: 'Registry of governments', level: 1 }).waitFor();
    await secretariat.getByRole('heading', { name: 'Members (70)', level: 2 }).waitFor();
    await secretariat.getByRole('heading', { name: 'Observers (5)', level: 2 }).waitFor();
    await secretariat.getByRole('heading', { name: 'Prospective governments (0)', level: 2 }).waitFor();
    await expectAccessible(secretariat);

    // The search finds a government by its name in its own language, and hides the rest.
    await secretariat.getByLabel('Search by name').fill('富山');
    await expect(secretariat.locator('tbody tr:visible').count()).resolves.toBe(1);
    await secretariat.getByRole('link', { name: 'Toyama', exact: true }).waitFor();
    await secretariat.getByLabel('Search by name').fill('');

    const form = secretariat.locator('form', { has: secretariat.getByRole('heading', { name: 'Add a prospective government' }) });
    await form.getByLabel('Name in English').fill('Jillin');
    await form.getByLabel('Name in its own language').fill('吉林');
    await form.getByLabel('Country').selectOption({ label: 'China' });
    await form.getByLabel('Level of government').selectOption('regional');
    await form.getByLabel('Kind of government (optional)').fill('Province');
    await form.getByRole('button', { name: 'Add to the registry' }).click();
    await secretariat.getByText('Jillin is now in the registry as a prospective government.').waitFor();
    await secretariat.getByRole('heading', { name: 'Prospective governments (1)', level: 2 }).waitFor();
    await expectAccessible(secretariat);

    // Its English name was misspelt: the Secretariat corrects it on the government's page.
    await secretariat.getByRole('link', { name: 'Jillin', exact: true }).click();
    await secretariat.getByRole('heading', { name: 'Jillin', level: 1 }).waitFor();
    await expect(secretariat.locator('dt:text-is("Status") + dd').textContent()).resolves.toBe('prospective');
    await expect(secretariat.getByRole('heading', { name: 'Record a fee payment' }).count()).resolves.toBe(0);
    await secretariat.getByLabel('Name in English').fill('Jilin');
    await secretariat.getByLabel('Name in its own language').fill('吉林省');
    await secretariat.getByRole('button', { name: 'Save the correction' }).click();
    await secretariat.getByRole('heading', { name: 'Jilin', level: 1 }).waitFor();
    await secretariat.getByText('The correction is saved.').waitFor();
    await expectAccessible(secretariat);

    // Its time zone came from its country; the Secretariat gives another, which its officials' deadlines then use.
    await expect(secretariat.locator('dt:text-is("Time zone") + dd').textContent()).resolves.toMatch(/\(Asia\/Shanghai\)$/);
    await secretariat.getByLabel('Time zone').selectOption('Asia/Urumqi');
    await secretariat.getByRole('button', { name: 'Save the time zone' }).click();
    await secretariat.getByText('The time zone is saved.').waitFor();
    await expect(secretariat.locator('dt:text-is("Time zone") + dd').textContent()).resolves.toMatch(/\(Asia\/Urumqi\)$/);
    const [jilin] = await hall.api.dataSource.query(`SELECT time_zone FROM governments WHERE name_en = 'Jilin'`);
    expect(jilin.time_zone).toBe('Asia/Urumqi');

    // The admin gives the new government its applicant.
    const admin = await as(await aUser(hall.api, 'admin'));
    await admin.getByRole('heading', { name: 'Users' }).waitFor();
    await admin.getByLabel('E-mail address', { exact: true }).fill('officer@jilin.test');
    await admin.getByLabel('Name', { exact: true }).fill('Jilin Officer');
    await admin.getByLabel('Password', { exact: true }).fill('a-long-enough-password');
    await admin.getByLabel('Role', { exact: true }).selectOption('applicant');
    await admin.getByLabel('Government', { exact: true }).selectOption({ label: 'Jilin · 吉林省 (prospective)' });
    await admin.getByRole('button', { name: 'Add the user' }).click();
    await admin.locator('tbody tr', { hasText: 'officer@jilin.test' }).getByRole('cell', { name: 'Jilin', exact: true }).waitFor();
    await expectAccessible(admin);
    await admin.context().close();
  });

  it('shows a stale correction as someone else’s change, and the registry on a phone', async () => {
    const [liaoning] = await hall.api.dataSource.query(`SELECT id FROM governments WHERE name_en = 'Liaoning'`);
    await secretariat.goto(`/app/members/${liaoning.id}`);
    await secretariat.getByRole('heading', { name: 'Liaoning', level: 1 }).waitFor();
    // Someone else corrects it while the page is open.
    await hall.api.dataSource.query(`UPDATE governments SET name_local = '辽宁', version = version + 1 WHERE id = $1`, [liaoning.id]);
    await secretariat.getByLabel('Name in its own language').fill('遼寧省');
    await secretariat.getByRole('button', { name: 'Save the correction' }).click();
    await secretariat.getByText('Someone else changed this government in the meantime.', { exact: false }).waitFor();
    await expect(secretariat.getByLabel('Name in its own language').inputValue()).resolves.toBe('辽宁');
    await expectAccessible(secretariat);

    const phone = await as(hall.secretariat, PHONE);
    await phone.goto('/app/members');
    await phone.getByRole('heading', { name: 'Observers (5)', level: 2 }).waitFor();
    await expectAccessible(phone);
    // Each member is a card that fits the screen, every column under its heading, not a table scrolled sideways.
    await expectWithinScreen(phone);
    // Passed as text: the tests compile without the DOM's types.
    const labelled = await phone.evaluate<string[][]>(`[...document.querySelectorAll('tbody tr')]
      .find((row) => row.innerText.startsWith('Gyeongsangbuk-do'))
      .querySelectorAll('td')
      .values()
      .map((cell) => [getComputedStyle(cell, '::before').content, cell.innerText])
      .toArray()`);
    expect(labelled).toEqual([
      ['"Name"', 'Gyeongsangbuk-do'],
      ['"Name in its language"', '경상북도'],
      // The member's country by its official name, not the browser's "South Korea".
      ['"Country"', 'Republic of Korea'],
      ['"Member since"', expect.any(String)],
      ['"Voting rights"', 'May vote'],
    ]);
    await phone
      .getByRole('row', { name: /Hamgyongbuk-do/ })
      .getByText("Democratic People's Republic of Korea")
      .waitFor();
    // A search counts what it finds.
    await phone.getByLabel('Search by name').fill('Gyeongsang');
    await phone.getByRole('heading', { name: 'Members (2)', level: 2 }).waitFor();
    await phone.getByRole('heading', { name: 'Observers (0)', level: 2 }).waitFor();
    await phone.context().close();
  });

  it('asks before closing a ballot, naming the present members that have not voted and the result it gives', async () => {
    const { application, session } = await anApplicationOnTheAgenda(hall.api, hall.secretariat);
    const present = hall.memberIds.slice(0, 40);
    await recordPresent(hall.api, hall.secretariat, session.id, present).expect(200);
    await act(hall.api, hall.secretariat, application, 'open-ballot').expect(200);
    // The first two present members vote; 38 present members have not, and 30 members are absent.
    for (const governmentId of present.slice(0, 2)) {
      const delegate = await aUser(hall.api, 'delegate', { governmentId });
      await hall.api.http().put(`/applications/${application.id}/ballot`).set(bearer(delegate)).send({ choice: 'yes' }).expect(200);
    }
    const names: { id: string; name_en: string }[] = await hall.api.dataSource.query(
      `SELECT id, name_en FROM governments WHERE id = ANY($1::uuid[])`,
      [present.slice(0, 3)],
    );
    const nameOf = (id: string) => names.find((row) => row.id === id)!.name_en;

    await secretariat.goto(`/app/applications/${application.id}`);
    await secretariat.getByText(/^2 of 70 governments have voted\.$/).waitFor();
    // The live view names the present members still to vote, and follows the votes as they come.
    const waiting = secretariat.locator('.waiting-for');
    await waiting.getByText('These 38 present members have not voted:').waitFor();
    await expect(waiting.locator('li').count()).resolves.toBe(38);
    await expect(waiting.textContent()).resolves.not.toContain(nameOf(present[0]));
    const third = await aUser(hall.api, 'delegate', { governmentId: present[2] });
    await hall.api.http().put(`/applications/${application.id}/ballot`).set(bearer(third)).send({ choice: 'yes' }).expect(200);
    await waiting.getByText('These 37 present members have not voted:').waitFor();
    await expect(waiting.textContent()).resolves.not.toContain(nameOf(present[2]));
    await expectAccessible(secretariat);
    const close = secretariat.getByRole('button', { name: 'Close the ballot' });
    await close.click();
    const dialog = secretariat.getByRole('dialog', { name: `Close the ballot on ${application.reference}?` });
    await dialog.getByText('These 37 present members have not voted:').waitFor();
    await dialog.locator('ul.not-voted li').first().waitFor();
    await expect(dialog.locator('ul.not-voted li').count()).resolves.toBe(37);
    await expect(dialog.locator('ul.not-voted').textContent()).resolves.not.toContain(nameOf(present[2]));
    await expect(dialog.locator('ul.not-voted').textContent()).resolves.not.toContain(nameOf(present[0]));
    await dialog.getByText('30 members with voting rights are not recorded present.').waitFor();
    await dialog.getByText('Closed now, the ballot gives: Approved.').waitFor();
    // Focus starts on the safe choice; Escape goes back with nothing done, and focus returns to the button.
    await expect(secretariat.evaluate<string>('document.activeElement?.textContent ?? ""')).resolves.toBe('Go back');
    await expectAccessible(secretariat);
    await secretariat.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Focus goes back once the page has enabled the button again, a moment after the dialog closes.
    await secretariat.locator('button:focus', { hasText: /^Close the ballot$/ }).waitFor();
    await secretariat.locator('h1 .badge', { hasText: /^Voting$/ }).waitFor();

    await close.click();
    await dialog.getByRole('button', { name: 'Yes, close the ballot' }).click();
    await secretariat.locator('h1 .badge', { hasText: /^Approved$/ }).waitFor();
    await expectAccessible(secretariat);
    // The worker makes the decision's documents (none runs yet here): the page says they are coming, and shows
    // them once they are made, with no reload.
    const documents = secretariat.getByRole('region', { name: 'Official documents' });
    await documents.getByRole('status').getByText('are being prepared', { exact: false }).waitFor();
    const worker = await createTestWorker(hall.api);
    try {
      await documents.getByRole('cell', { name: 'Certificate of admission' }).first().waitFor({ timeout: 30_000 });
      await expect(documents.getByRole('status').textContent()).resolves.toBe('');
    } finally {
      await worker.close();
    }

    // Closing the session asks too, saying what closing does and that its agenda is decided.
    await secretariat.goto(`/app/sessions/${session.id}`);
    await secretariat.getByRole('button', { name: 'Close the session' }).click();
    const closing = secretariat.getByRole('dialog', { name: /^Close the \d+(st|nd|rd|th) General Assembly\?$/ });
    await closing.getByText('Every application on its agenda has been decided.').waitFor();
    await expectAccessible(secretariat);
    await closing.getByRole('button', { name: 'Yes, close the session' }).click();
    await secretariat.locator('h1 .badge', { hasText: 'Closed' }).waitFor();
    await expect(secretariat.getByRole('button', { name: 'Close the session' }).count()).resolves.toBe(0);
  });

  it('files nothing when the letter is refused, and files the application with its letter once it is a PDF', async () => {
    const applicant = await aProspectiveApplicant(hall.api);
    const filedFor = async () => {
      const [row] = await hall.api.dataSource.query(
        `SELECT (SELECT count(*) FROM applications WHERE government_id = $1)::int AS applications,
                (SELECT count(*) FROM notifications)::int AS notifications`,
        [applicant.governmentId],
      );
      return row as { applications: number; notifications: number };
    };
    const before = await filedFor();
    const page = await as(applicant, PHONE);
    await page.getByRole('link', { name: 'File an application' }).first().click();
    await page.getByLabel('Head of government', { exact: true }).fill('Jing Junhai');
    await page.getByLabel('Statement of purpose', { exact: true }).fill('Jilin shares the purpose of NEAR.');
    await page.getByLabel('Name', { exact: true }).fill('Wang Li');
    await page.getByLabel('E-mail address', { exact: true }).fill('wang.li@jilin.test');
    // A scan saved as an image, named as if it were a PDF.
    const image = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    await page.getByLabel(/Official letter/).setInputFiles({ name: 'letter.pdf', mimeType: 'application/pdf', buffer: image });
    await page.getByRole('button', { name: 'File the application' }).click();
    const letterError = page.locator('.field:has(input[name="file"]) + .field-error');
    // The refusal's own sentence, once: not framed as a value refused, nor with a second full stop.
    await expect(letterError.textContent()).resolves.toMatch(/^The letter is not a PDF[^]*[^.]\.$/);
    await expect(page.getByLabel(/Official letter/).getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(page);
    expect(await filedFor()).toEqual(before);

    await page.getByLabel(/Official letter/).setInputFiles({ name: 'letter.pdf', mimeType: 'application/pdf', buffer: A_PDF });
    await page.getByRole('button', { name: 'File the application' }).click();
    await page.waitForURL(/\/app\/applications\/[0-9a-f-]{36}$/);
    await page.locator('h1 .badge', { hasText: /^Submitted$/ }).waitFor();
    await page.getByText('Official letter uploaded').waitFor();
    await expectAccessible(page);
    expect((await filedFor()).applications).toBe(1);
    await page.context().close();
  });

  it('schedules with the rule shown and the host chosen, edits a scheduled session and cancels it after saying what happens', async () => {
    await secretariat.goto('/app/sessions');
    const form = secretariat.locator('form', { has: secretariat.getByRole('heading', { name: 'Schedule a session' }) });
    // The values it will use, not "the default": the General Assembly's usual rule, and no host until one is chosen.
    await expect(form.getByLabel('Quorum').locator('option:checked').textContent()).resolves.toBe('More than half present');
    await expect(form.getByLabel('Majority').locator('option:checked').textContent()).resolves.toBe('More than half of ballots cast');
    await form.getByText('Set to the usual rule of the General Assembly.', { exact: false }).waitFor();
    await expect(form.getByLabel('Host government').inputValue()).resolves.toBe('');
    await form.getByLabel('Deciding body').selectOption({ label: 'Written procedure' });
    await expect(form.getByLabel('Quorum').locator('option:checked').textContent()).resolves.toBe('More than half answered');
    await expect(form.getByLabel('Quorum').locator('option').allTextContents()).resolves.toEqual(['More than half answered', 'No quorum']);
    await expectAccessible(secretariat);

    const session = await aSession(hall.api, hall.secretariat);
    const { application } = await anApplicationOnTheAgenda(hall.api, hall.secretariat, session);
    const [{ number }] = await hall.api.dataSource.query(`SELECT number FROM assemblies WHERE id = $1`, [session.id]);
    await secretariat.goto(`/app/sessions/${session.id}`);
    await secretariat.getByRole('heading', { name: 'Edit the session' }).waitFor();
    // An edit left unsaved: leaving asks, and leaving anyway saves nothing.
    await secretariat.getByLabel('Venue').fill('Somewhere else');
    await secretariat.getByRole('link', { name: 'Sessions' }).click();
    await secretariat.getByRole('dialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Leave without saving' }).click();
    await secretariat.waitForURL(/\/app\/sessions$/);
    await secretariat
      .getByRole('link', { name: englishOrdinal(number), exact: false })
      .first()
      .waitFor();
    await expect(hall.api.dataSource.query(`SELECT venue FROM assemblies WHERE id = $1`, [session.id])).resolves.toEqual([
      { venue: 'Toyama City' },
    ]);
    await secretariat.goto(`/app/sessions/${session.id}`);
    await secretariat.getByRole('heading', { name: 'Edit the session' }).waitFor();
    await secretariat.getByLabel('Venue').fill('Kanazawa, Ishikawa');
    await secretariat.getByRole('button', { name: 'Save the changes' }).click();
    await secretariat.getByText('The changes are saved.').waitFor();
    await expect(secretariat.locator('dt:text-is("Venue") + dd').textContent()).resolves.toBe('Kanazawa, Ishikawa');
    await expectAccessible(secretariat);

    await secretariat.getByLabel(/^Reason/).fill('The host cannot receive the Assembly on these dates.');
    const cancel = secretariat.getByRole('button', { name: 'Cancel the session' });
    await cancel.click();
    const dialog = secretariat.getByRole('dialog', { name: `Cancel the ${englishOrdinal(number)} General Assembly?` });
    await dialog.getByText('Cancelling is final', { exact: false }).waitFor();
    await dialog.getByText('These applications on its agenda (1) go back to eligible', { exact: false }).waitFor();
    await dialog.locator('ul.deferred li', { hasText: application.reference }).waitFor();
    await expectAccessible(secretariat);
    await dialog.getByRole('button', { name: 'Go back' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Focus goes back once the page has enabled the button again, a moment after the dialog closes.
    await secretariat.locator('button:focus', { hasText: /^Cancel the session$/ }).waitFor();
    await secretariat.locator('h1 .badge', { hasText: /^Scheduled$/ }).waitFor();

    await cancel.click();
    await dialog.getByRole('button', { name: 'Yes, cancel the session' }).click();
    await secretariat.locator('h1 .badge', { hasText: /^Cancelled$/ }).waitFor();
    await secretariat.getByText('The session is cancelled.').waitFor();
    await expect(secretariat.getByRole('button', { name: 'Cancel the session' }).count()).resolves.toBe(0);
    await expect(secretariat.getByRole('heading', { name: 'Edit the session' }).count()).resolves.toBe(0);
    await expectAccessible(secretariat);
    await secretariat.goto(`/app/applications/${application.id}`);
    await secretariat.locator('h1 .badge', { hasText: /^Eligible$/ }).waitFor();
  });

  it('keeps "Declare eligible" disabled, saying why, until every criterion is recorded passed, the checklist beside it', async () => {
    const { application } = await anApplicationUnderReview(hall.api, hall.secretariat);
    const phone = await as(hall.secretariat, PHONE);
    await phone.goto(`/app/applications/${application.id}`);
    const declare = phone.getByRole('button', { name: 'Declare eligible' });
    await declare.waitFor();
    await expect(declare.isDisabled()).resolves.toBe(true);
    const reason = phone.getByText('Available once every criterion is recorded as passed. Not yet passed:', { exact: false });
    await reason.waitFor();
    await expect(declare.getAttribute('aria-describedby')).resolves.toBe(await reason.getAttribute('id'));
    // On the phone the checklist comes first, then the actions that follow from it.
    await expect(
      phone.evaluate<string[]>(`[...document.querySelectorAll('.review h2')].map((heading) => heading.textContent)`),
    ).resolves.toEqual(['Eligibility checklist', 'What you can do now']);
    await expectAccessible(phone);

    await hall.api
      .http()
      .put(`/applications/${application.id}/eligibility`)
      .set(bearer(hall.secretariat))
      .send(ALL_CRITERIA_PASSED)
      .expect(200);
    await phone.reload();
    await expect(phone.getByRole('button', { name: 'Declare eligible' }).isEnabled()).resolves.toBe(true);
    await expect(phone.getByText('Not yet passed:', { exact: false }).count()).resolves.toBe(0);
    await phone.getByRole('button', { name: 'Declare eligible' }).click();
    await phone.getByRole('dialog').getByRole('button', { name: 'Yes, declare it eligible' }).click();
    await phone.locator('h1 .badge', { hasText: /^Eligible$/ }).waitFor();
    await expectAccessible(phone);
    await phone.context().close();

    // On a wide screen the checklist and the actions stand side by side.
    await secretariat.goto(`/app/applications/${(await anApplicationUnderReview(hall.api, hall.secretariat)).application.id}`);
    await secretariat.getByRole('button', { name: 'Declare eligible' }).waitFor();
    const [checklist, actions] = await Promise.all([
      secretariat.locator('.review > section').first().boundingBox(),
      secretariat.locator('.review > .actions').boundingBox(),
    ]);
    expect(actions!.x).toBeGreaterThan(checklist!.x + checklist!.width - 1);
  });

  it('marks in the work queue an application whose request for information is unanswered past its last reminder', async () => {
    const applicant = await aProspectiveApplicant(hall.api);
    const filed = await fileApplication(hall.api, applicant);
    await act(hall.api, hall.secretariat, filed, 'start-review').expect(200);
    await act(hall.api, hall.secretariat, filed, 'request-information', { message: 'Please send the map.' }).expect(200);
    // The clock this test controls: the request made 43 days ago, past the default last reminder (P42D).
    await hall.api.dataSource.query(`UPDATE application_messages SET created_at = now() - interval '43 days' WHERE application_id = $1`, [
      filed.id,
    ]);

    await secretariat.goto('/app/');
    const section = secretariat.getByRole('region', { name: 'Overdue: no response to a request for information' });
    await section.getByRole('link', { name: filed.reference }).waitFor();
    await expectAccessible(secretariat);
  });

  it('finds an application by government name, and shows the audit trail in names, filtered by reference', async () => {
    const applicant = await aProspectiveApplicant(hall.api);
    await hall.api.dataSource.query(`UPDATE governments SET name_en = 'Heilongjiang North', name_local = '黑龙江北部' WHERE id = $1`, [
      applicant.governmentId,
    ]);
    const filed = await fileApplication(hall.api, applicant);
    await act(hall.api, hall.secretariat, filed, 'start-review').expect(200);

    await secretariat.goto('/app/');
    await secretariat.getByLabel('Reference or government').fill('龙江北');
    await secretariat.getByRole('button', { name: 'Filter' }).click();
    await secretariat.waitForURL(/q=/);
    const row = secretariat.locator('tbody tr', { hasText: filed.reference });
    await row.waitFor();
    // The list settles on the one match (the search answers after the page's first list).
    await secretariat.locator('tbody tr').nth(1).waitFor({ state: 'detached' });
    await row.getByText('Heilongjiang North').waitFor();
    await secretariat.getByText('1 application shown.', { exact: true }).waitFor();
    await expectAccessible(secretariat);

    // The country is chosen by its name, as the registry writes it.
    const fromDprk = await fileApplication(hall.api, await aProspectiveApplicant(hall.api, 'KP'));
    await secretariat.goto('/app/');
    await secretariat.getByLabel('Country').selectOption({ label: "Democratic People's Republic of Korea" });
    // The page is replaced before it asks for the list: what is listed once the answer is in is the filtered list.
    const listed = secretariat.waitForResponse((response) => new URL(response.url()).searchParams.get('country') === 'KP');
    await secretariat.getByRole('button', { name: 'Filter' }).click();
    await listed;
    await secretariat.locator('tbody tr', { hasText: fromDprk.reference }).waitFor();
    await expect(secretariat.locator('tbody tr', { hasText: filed.reference }).count()).resolves.toBe(0);
    await expect(secretariat.getByLabel('Country').inputValue()).resolves.toBe('KP');

    await secretariat.goto('/app/audit');
    await secretariat.getByLabel('Application reference').fill(filed.reference.toLowerCase());
    await secretariat.getByRole('button', { name: 'Filter' }).click();
    await secretariat.waitForURL(/reference=/);
    // The unfiltered trail (more than two entries) gives way to the filtered one.
    const rows = secretariat.locator('tbody tr');
    await rows.nth(2).waitFor({ state: 'detached' });
    await rows.nth(1).waitFor();
    await expect(rows.count()).resolves.toBe(2);
    await expect(rows.nth(0).textContent()).resolves.toContain('Application filed');
    await expect(rows.nth(0).textContent()).resolves.toContain(`Test applicant · Heilongjiang North (Applicant)`);
    await expect(rows.nth(1).textContent()).resolves.toContain('Test secretariat (Secretariat)');
    await rows.nth(1).getByRole('link', { name: filed.reference }).waitFor();
    await expect(secretariat.locator('tbody').textContent()).resolves.not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    await expectAccessible(secretariat);

    // A user's state in words too: the first admin, created at the API's first start, is active.
    await secretariat.goto('/app/audit?action=user.created');
    const created = secretariat.locator('tbody tr', { hasText: 'User created' }).first();
    await expect(created.locator('td').last().textContent()).resolves.toBe('Active');
  });

  it('has words in English, and so in every language, for every action the audit trail records', () => {
    const sources = (folder: string): string[] =>
      readdirSync(folder).flatMap((name) => {
        const path = join(folder, name);
        if (statSync(path).isDirectory()) return sources(path);
        return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
      });
    // The actions written as literals (`action: 'government.corrected'`, `'ballot.cast'`), and the workflow's.
    const literal = /'((?:application|assembly|auth|ballot|government|notification|user)\.[a-z-]+)'/g;
    const recorded = new Set([
      ...sources('libs').flatMap((path) => [...readFileSync(path, 'utf8').matchAll(literal)].map((match) => match[1])),
      ...Object.keys(APPLICATION_ACTIONS).map((action) => `application.${action}`),
    ]);
    const english = JSON.parse(readFileSync('apps/web/src/i18n/en.json', 'utf8')) as Record<string, string>;
    expect([...recorded].filter((action) => !(`event.${action}` in english)).sort()).toEqual([]);
  });
});
