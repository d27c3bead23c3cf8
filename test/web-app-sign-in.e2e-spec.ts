import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { aProspectiveApplicant, fileApplication } from './fixtures/applications.js';
import { aUser, TEST_PASSWORD } from './fixtures/users.js';
import { aVotingHall, type VotingHall } from './fixtures/voting.js';
import { DESKTOP, expectAccessible, launchChromium, listen, PHONE, signedIn } from './utils/browser.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';
import { base32Decode, totpCode } from './utils/rfc6238.js';
import { anApplicationBeingVoted } from './utils/record-scenes.js';
import { waitFor } from './utils/spawn-app.js';

/*
 * Signing in as people do: the sign-ins a user can see and end, a sign-in that outlives its access token while
 * the delegate votes, a role that must enrol a second factor first, the page an e-mail's link asked for, and an idle
 * tab. Two-step sign-in from an invitation onwards is walked in web-app-accounts.
 */

async function signInForm(page: Page, email: string): Promise<void> {
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('where a user is signed in', () => {
  let api: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    api = await createTestApp();
    [baseUrl, browser] = await Promise.all([listen(api), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const ANDROID_CHROME =
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.104 Mobile Safari/537.36';

  it('lists where the user is signed in, and ends another sign-in', async () => {
    const user = await aUser(api, 'delegate', { government: 'Toyama' });
    const phone = (await signedIn(browser, baseUrl, user.email, TEST_PASSWORD, { ...PHONE, userAgent: ANDROID_CHROME } as typeof DESKTOP))
      .page;
    const { page } = await signedIn(browser, baseUrl, user.email, TEST_PASSWORD, DESKTOP);
    await page.goto('/app/account');
    const table = page.getByRole('table', { name: 'Where you are signed in' });
    // Three: the fixture's own sign-in through the API, the phone's and this one.
    await table.locator('tbody tr').nth(2).waitFor();
    await expect(table.locator('tbody tr').count()).resolves.toBe(3);
    await table.getByText('(this browser)').waitFor();
    await expectAccessible(page);
    // Browsers as their users know them, not the strings they send.
    const phoneRow = table.locator('tbody tr', { hasText: 'Chrome 131 on Android' });
    await expect(table.textContent()).resolves.not.toContain('Mozilla/5.0');
    await phoneRow.getByRole('button', { name: /^Sign out there/ }).click();
    await page.getByRole('dialog', { name: 'Sign out there?' }).getByRole('button', { name: 'Yes, sign out there' }).click();
    await page.getByText('Signed out there.').waitFor();
    await table.locator('tbody tr').nth(2).waitFor({ state: 'detached' });
    await expect(phoneRow.count()).resolves.toBe(0);
    // The phone's next request finds its session ended: back to sign-in.
    await phone.reload();
    await phone.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
  });
});

describe('a sign-in that outlives its access token', () => {
  let hall: VotingHall;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    // Access tokens of 10 seconds: a four-hour meeting in miniature.
    hall = await aVotingHall(1, { JWT_TTL_SECONDS: '10' });
    [baseUrl, browser] = await Promise.all([listen(hall.api), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await hall?.api.close();
  });

  it('lets a delegate whose access token expired while the ballot was open cast without seeing the sign-in page', async () => {
    const officer = await aUser(hall.api, 'secretariat');
    const { application } = await anApplicationBeingVoted(hall.api, officer, hall.memberIds);
    const { page } = await signedIn(browser, baseUrl, hall.delegates[0].email, TEST_PASSWORD, PHONE);
    const renewals: number[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/auth/refresh') renewals.push(response.status());
    });
    const tokenNow = () => page.evaluate<string>("JSON.parse(sessionStorage.getItem('near.sign-in')).token");
    const first = await tokenNow();
    const item = page.locator('.agenda-item', { hasText: application.reference });
    await item.getByRole('button', { name: 'Yes', exact: true }).waitFor();
    // The delegate reads the papers, touching the screen now and then, well past the token's lifetime.
    for (let second = 0; second < 24; second += 4) {
      await page.keyboard.press('Shift');
      await page.waitForTimeout(4000);
    }
    await item.getByRole('button', { name: 'Yes', exact: true }).click();
    await item.getByText("Your government's ballot: Yes.", { exact: false }).waitFor();
    await expect(page.getByRole('heading', { name: 'Sign in' }).count()).resolves.toBe(0);
    expect(renewals.length).toBeGreaterThan(0);
    expect(renewals.every((status) => status === 200)).toBe(true);
    expect(await tokenNow()).not.toBe(first);
    const [ballot] = await hall.api.dataSource.query(`SELECT choice FROM ballots WHERE cast_by = $1`, [hall.delegates[0].id]);
    expect(ballot.choice).toBe('yes');
    await expectAccessible(page);
  });
});

describe('a role that must sign in with a second factor, the page a link asked for, and an idle tab', () => {
  let api: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    api = await createTestApp({ MFA_REQUIRED_ROLES: 'secretariat', SESSION_IDLE_TIMEOUT_SECONDS: '60' });
    [baseUrl, browser] = await Promise.all([listen(api), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('shows a Secretariat officer without a second factor only the enrolment, then the whole app once enrolled', async () => {
    const officer = await aUser(api, 'secretariat');
    const context = await browser.newContext({ ...DESKTOP, baseURL: baseUrl, locale: 'en-GB', timezoneId: 'UTC' });
    const page = await context.newPage();
    await page.goto('/app/sessions');
    await signInForm(page, officer.email);
    await page.getByRole('heading', { name: 'My account', level: 1 }).waitFor();
    await page.getByText('Your role signs in with two steps. Add an authenticator app to continue.').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Add an authenticator app' }).click();
    const secret = base32Decode((await page.locator('.totp-secret').innerText()).replace(/\s/g, ''));
    await page.getByLabel('Code').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByRole('heading', { name: 'Work queue', level: 1 }).waitFor();
  });

  it("opens the page an e-mail's link asked for once the user has signed in there", async () => {
    const applicant = await aProspectiveApplicant(api);
    const application = await fileApplication(api, applicant);
    const context = await browser.newContext({ ...PHONE, baseURL: baseUrl, locale: 'en-GB', timezoneId: 'UTC' });
    const page = await context.newPage();
    await page.goto(`/app/applications/${application.id}`);
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await signInForm(page, applicant.email);
    await page.getByRole('heading', { level: 1, name: new RegExp(application.reference) }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/app/applications/${application.id}`);
    await context.close();
  });

  it('signs an idle tab out after the idle timeout', async () => {
    const delegate = await aUser(api, 'delegate', { government: 'Toyama' });
    const context = await browser.newContext({ ...PHONE, baseURL: baseUrl, locale: 'en-GB', timezoneId: 'UTC' });
    // The tab's clock, so that the minute passes for the app without the test waiting for it.
    await context.clock.install();
    const page = await context.newPage();
    await page.goto('/app/');
    await signInForm(page, delegate.email);
    await page.locator('nav').waitFor();
    // Untouched for longer than the 60-second idle timeout (the app looks every 15 s): still signed in at 45 s.
    await page.clock.runFor(45_000);
    await expect(page.locator('nav').count()).resolves.toBe(1);
    await page.clock.runFor(30_000);
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Your session has ended. Please sign in again.' }).waitFor();
    // It stays while the page does, in the language chosen there.
    await page.locator('#language').selectOption('ko');
    await page.getByRole('alert').filter({ hasText: '세션이 끝났습니다. 다시 로그인하십시오.' }).waitFor();
    await page.locator('#language').selectOption('en');
    // The tab sends its sign-out without waiting for the answer: the server records it a moment later.
    const endReason = await waitFor(
      async () => {
        const [session] = await api.dataSource.query(
          `SELECT end_reason FROM sign_in_sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1`,
          [delegate.id],
        );
        return session.end_reason ?? undefined;
      },
      10_000,
      'the idle session to end',
    );
    expect(endReason).toBe('signed-out');
  });
});
