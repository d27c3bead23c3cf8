import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { aUser, bearer, TEST_PASSWORD, type TestUser } from './fixtures/users.js';
import { DESKTOP, expectAccessible, launchChromium, PHONE, signedIn } from './utils/browser.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';
import { createTestWorker } from './utils/create-test-worker.js';
import { linkIn, mailsTo } from './utils/e-mailed-link.js';
import { freePort } from './utils/free-port.js';
import { Mailbox } from './utils/mailbox.js';
import { base32Decode, totpCode } from './utils/rfc6238.js';

/*
 * Accounts as officials live with them (issue 16), in the browser: invited by e-mail, a password chosen and
 * changed, two-step sign-in enrolled and used (codes computed by the test's own RFC 6238 implementation), a
 * forgotten one reset, and a user edited and disabled by the admin. Every link is read from the
 * e-mail the test's SMTP server received.
 */

describe('The web app for accounts', () => {
  const mailbox = new Mailbox();
  let api: TestApp;
  let worker: INestApplicationContext;
  let browser: Browser;
  let baseUrl: string;
  let admin: TestUser;

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    await mailbox.start();
    api = await createTestApp({ APP_URL: baseUrl });
    await api.app.listen({ port, host: '127.0.0.1' });
    [worker, browser] = await Promise.all([createTestWorker(api, { SMTP_URL: mailbox.url }), launchChromium()]);
    admin = await aUser(api, 'admin');
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
    await mailbox.stop();
  });

  const as = async (user: { email: string }, password = TEST_PASSWORD, options = DESKTOP) =>
    (await signedIn(browser, baseUrl, user.email, password, options)).page;
  const signIn = async (page: Page, email: string, password: string) => {
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };
  const enterCode = async (page: Page, code: string) => {
    await page.getByRole('heading', { name: 'Two-step sign-in', level: 1 }).waitFor();
    await page.getByLabel('Code').fill(code);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };
  const anonymous = async (options = DESKTOP): Promise<Page> =>
    (await browser.newContext({ ...options, baseURL: baseUrl, locale: 'en-GB', timezoneId: 'UTC' })).newPage();

  it('invites a user by e-mail, who chooses a password (a weak one refused with the reason), signs in and changes it', async () => {
    const adminPage = await as(admin);
    await adminPage.getByLabel('E-mail address', { exact: true }).fill('invited.officer@busan.test');
    await adminPage.getByLabel('Name', { exact: true }).fill('Kim Minji');
    await adminPage.getByLabel('Role', { exact: true }).selectOption('delegate');
    // A delegate without a government: told so under the field, in words.
    await adminPage.getByRole('button', { name: 'Add the user' }).click();
    const government = adminPage.getByLabel('Government', { exact: true });
    await adminPage.locator('.field-error', { hasText: 'Choose the government this user acts for.' }).waitFor();
    await expect(government.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(adminPage.getByText('governmentId').count()).resolves.toBe(0);
    await government.selectOption({ label: 'Busan · 부산광역시 (member)' });
    await adminPage.locator('#main').getByLabel('Language', { exact: true }).selectOption({ label: 'English' });
    // The notice is a live region that clears itself after 8 s: every sentence it shows is kept, so that a slow
    // machine cannot miss it between two polls.
    await adminPage.evaluate(`(() => {
      const region = document.getElementById('notice');
      window.noticesSaid = [];
      new MutationObserver(() => window.noticesSaid.push(region.textContent)).observe(region, { childList: true, characterData: true, subtree: true });
    })()`);
    await adminPage.getByRole('button', { name: 'Add the user' }).click();
    await adminPage.locator('tbody tr', { hasText: 'invited.officer@busan.test' }).getByText('Invited, no password yet').waitFor();
    await expect(adminPage.evaluate<string[]>('window.noticesSaid')).resolves.toContain(
      'invited.officer@busan.test has been e-mailed an invitation to choose a password.',
    );
    await expectAccessible(adminPage);
    await adminPage.context().close();

    const [mail] = await mailsTo(mailbox, 'invited.officer@busan.test', /Your account/);
    const { link } = linkIn(mail, 'invitation', baseUrl);
    const page = await anonymous();
    await page.goto(link);
    await page.getByRole('heading', { name: 'Choose your password', level: 1 }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('New password').fill('password1234');
    await page.getByRole('button', { name: 'Set my password' }).click();
    await page.getByText('It is one of the passwords most often used or found in breaches. Choose another.').waitFor();
    await expect(page.getByLabel('New password').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(page);
    await page.getByLabel('New password').fill('Haeundae beach at first light');
    await page.getByRole('button', { name: 'Set my password' }).click();
    await page.getByText('Your password is set. Sign in with your e-mail address and your new password.').waitFor();
    // The agenda, the page after signing in, answers slowly: the user moves on before it has.
    const slowAgenda = /\/assemblies\?status=in_session/;
    await page.route(slowAgenda, async (route) => {
      await new Promise((done) => setTimeout(done, 1_500));
      await route.continue().catch(() => undefined);
    });
    const agendaAnswered = page.waitForResponse((response) => slowAgenda.test(response.url()));
    await page.getByLabel('E-mail address').fill('invited.officer@busan.test');
    await page.getByLabel('Password', { exact: true }).fill('Haeundae beach at first light');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Kim Minji · Delegate').waitFor();

    // Signed in, the user changes the password chosen; the agenda arriving late does not take the page back.
    await page.getByRole('link', { name: 'Change password' }).click();
    await page.getByRole('heading', { name: 'Change your password', level: 1 }).waitFor();
    await agendaAnswered;
    await page.waitForLoadState('networkidle');
    await expect(page.getByRole('heading', { name: 'Change your password', level: 1 }).isVisible()).resolves.toBe(true);
    await page.getByLabel('Current password').fill('Haeundae beach at first light');
    await page.getByLabel('New password').fill('Gwangalli bridge by night');
    await page.getByRole('button', { name: 'Change the password' }).click();
    await page.getByText('Your password is changed; an e-mail says so too.').waitFor();
    await expectAccessible(page);
    await mailsTo(mailbox, 'invited.officer@busan.test', /Your password was changed/);
    await page.context().close();
    await (await as({ email: 'invited.officer@busan.test' }, 'Gwangalli bridge by night')).context().close();
  });

  it('takes an invited officer from the e-mailed link through two-step sign-in: a code, then a recovery code once', async () => {
    await api
      .http()
      .post('/users')
      .set(bearer(admin))
      .send({ email: 'two.step@secretariat.test', displayName: 'Lee Jiwoo', role: 'secretariat', locale: 'en' })
      .expect(201);
    const [mail] = await mailsTo(mailbox, 'two.step@secretariat.test', /Your account/);
    const page = await anonymous();
    await page.goto(linkIn(mail, 'invitation', baseUrl).link);
    await page.getByLabel('New password').fill('Namsan tower in the rain');
    await page.getByRole('button', { name: 'Set my password' }).click();
    await signIn(page, 'two.step@secretariat.test', 'Namsan tower in the rain');
    await page.locator('nav').waitFor();

    await page.getByRole('link', { name: 'My account' }).click();
    await page.getByRole('button', { name: 'Add an authenticator app' }).click();
    const qr = page.getByRole('img', { name: 'QR code for your authenticator app' });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await expectAccessible(page);
    // What a person types into an app that cannot scan: the key, in groups of four.
    const secret = base32Decode((await page.locator('.totp-secret').innerText()).replace(/\s/g, ''));
    await page.getByLabel('Code').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Confirm' }).click();
    const recoveryCodes = page.getByRole('list', { name: 'Recovery codes' }).locator('li');
    await recoveryCodes.first().waitFor();
    const codes = await recoveryCodes.allInnerTexts();
    expect(codes).toHaveLength(10);
    await expect(page.getByRole('link', { name: 'Download' }).getAttribute('download')).resolves.toBe('near-recovery-codes.txt');
    await page.getByRole('button', { name: 'Print' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByRole('button', { name: 'Turn off two-step sign-in' }).waitFor();
    await mailsTo(mailbox, 'two.step@secretariat.test', /two-step sign-in/i);

    // Sign out ends the session; signing in now asks for a code (the step used at enrolment is spent: the next one).
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await signIn(page, 'two.step@secretariat.test', 'Namsan tower in the rain');
    await enterCode(page, totpCode(secret, 1));
    await page.getByText('Lee Jiwoo · Secretariat').waitFor();
    await expectAccessible(page);

    // A recovery code signs in once; the second time it is refused.
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await signIn(page, 'two.step@secretariat.test', 'Namsan tower in the rain');
    await enterCode(page, codes[0]);
    await page.locator('nav').waitFor();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await signIn(page, 'two.step@secretariat.test', 'Namsan tower in the rain');
    await enterCode(page, codes[0]);
    await page.getByRole('alert').filter({ hasText: 'The code is wrong or was used already.' }).waitFor();
    await expect(page.locator('nav').count()).resolves.toBe(0);
    await expectAccessible(page);
    await page.context().close();
  });

  it('lets the admin edit a user and disable it after confirming, after which the user is refused at once', async () => {
    const delegate = await aUser(api, 'delegate', { government: 'Toyama' });
    const delegatePage = await as(delegate);
    const adminPage = await as(admin);
    // Among many users, the one wanted is found by typing part of its e-mail.
    await adminPage.getByLabel('Find a user by name, e-mail or government').fill(delegate.email.slice(0, 18));
    await expect(adminPage.locator('tbody tr:visible').count()).resolves.toBe(1);
    await adminPage.getByRole('link', { name: 'Edit Test delegate' }).click();
    await adminPage.getByRole('heading', { name: 'Test delegate', level: 1 }).waitFor();
    await expectAccessible(adminPage);
    await adminPage.getByLabel('Name', { exact: true }).fill('Sato Hanako');
    await adminPage.locator('#main').getByLabel('Language', { exact: true }).selectOption({ label: '日本語' });
    await adminPage.getByRole('button', { name: 'Save the changes' }).click();
    await adminPage.getByRole('heading', { name: 'Sato Hanako', level: 1 }).waitFor();
    await adminPage.getByText('The changes are saved.').waitFor();

    // Disabling asks first; going back changes nothing.
    await adminPage.getByRole('button', { name: 'Disable this user' }).click();
    const dialog = adminPage.getByRole('dialog', { name: 'Disable Sato Hanako?' });
    await dialog.waitFor();
    await expectAccessible(adminPage);
    await dialog.getByRole('button', { name: 'Go back' }).click();
    await expect(adminPage.locator('dt:text-is("Status") + dd').textContent()).resolves.toBe('Active');
    await adminPage.getByRole('button', { name: 'Disable this user' }).click();
    await dialog.getByRole('button', { name: 'Yes, disable' }).click();
    await adminPage.getByText('Sato Hanako is disabled.').waitFor();
    // The page shows the user again once the change is saved (the notice comes first).
    await adminPage.locator('dt:text-is("Status") + dd', { hasText: /^Disabled$/ }).waitFor();
    await adminPage.getByRole('button', { name: 'Enable this user' }).waitFor();

    // The delegate's open tab is sent to sign-in at its next request.
    await delegatePage.reload();
    await delegatePage.getByText('Your session has ended. Please sign in again.').waitFor();
    await delegatePage.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await adminPage.goto('/app/users');
    await adminPage.locator('tbody tr', { hasText: delegate.email }).getByText('Disabled').waitFor();
    await expectAccessible(adminPage);
    await Promise.all([adminPage.context().close(), delegatePage.context().close()]);
  });

  it('resets a forgotten password through the e-mailed link, on a phone', async () => {
    const user = await aUser(api, 'delegate', { government: 'Busan' });
    const page = await anonymous(PHONE);
    await page.goto('/app/');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Forgotten password', level: 1 }).waitFor();
    await page.getByLabel('E-mail address').fill(user.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText(`If ${user.email} belongs to an account, a link is on its way. Check your mailbox.`).waitFor();
    await expectAccessible(page);

    const { link } = linkIn((await mailsTo(mailbox, user.email, /Choosing a new password/))[0], 'password-reset', baseUrl);
    await page.goto(link);
    await page.getByRole('heading', { name: 'Choose a new password', level: 1 }).waitFor();
    await page.getByLabel('New password').fill(`${user.email.split('@')[0]} forever`);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByText('It must not contain your e-mail address or the part before the @.').waitFor();
    await page.getByLabel('New password').fill('Tumen river ferry at dawn');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByText('Your password is changed. Sign in with your new password.').waitFor();
    await page.getByLabel('E-mail address').fill(user.email);
    await page.getByLabel('Password', { exact: true }).fill('Tumen river ferry at dawn');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('nav').waitFor();
    await expectAccessible(page);
    await page.context().close();
  });

  it('lets the owner of an account slowed by a stranger sign in at once through an e-mailed unlock link, on a phone', async () => {
    const user = await aUser(api, 'delegate', { government: 'Toyama' });
    await api.dataSource.query(`INSERT INTO login_failures (email, address) SELECT $1, '203.0.113.9' FROM generate_series(1, 12)`, [
      user.email,
    ]);
    const page = await anonymous(PHONE);
    await page.goto('/app/');
    await page.getByLabel('E-mail address').fill(user.email);
    await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(/After failed sign-ins on this account, the next attempt waits/).waitFor();
    await page.getByRole('link', { name: 'Slowed by failed sign-ins that were not yours?' }).click();
    await page.getByRole('heading', { name: 'Sign in past the delays', level: 1 }).waitFor();
    await page.getByLabel('E-mail address').fill(user.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText(`If ${user.email} belongs to an account being slowed, a link is on its way. Open it in this browser.`).waitFor();
    await expectAccessible(page);

    const { link } = linkIn((await mailsTo(mailbox, user.email, /Signing in past the delays/))[0], 'unlock', baseUrl);
    await page.goto(link);
    await page.getByRole('heading', { name: 'Sign in past the delays', level: 1 }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Unlock sign-in on this browser' }).click();
    await page.getByText('This browser may now sign in at once. Sign in with your password.').waitFor();
    await page.getByLabel('E-mail address').fill(user.email);
    await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('nav').waitFor();
    await expectAccessible(page);
    await page.context().close();
  });
});
