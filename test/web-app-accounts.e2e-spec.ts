import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { aUser, TEST_PASSWORD, type TestUser } from './fixtures/users.js';
import { DESKTOP, expectAccessible, launchChromium, PHONE, signedIn } from './utils/browser.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';
import { createTestWorker } from './utils/create-test-worker.js';
import { linkIn, mailsTo } from './utils/e-mailed-link.js';
import { freePort } from './utils/free-port.js';
import { Mailbox } from './utils/mailbox.js';

/*
 * Accounts as officials live with them (issue 16), in the browser: invited by e-mail, a password chosen and
 * changed, a forgotten one reset, and a user edited and disabled by the admin. Every link is read from the
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
  const anonymous = async (options = DESKTOP): Promise<Page> =>
    (await browser.newContext({ ...options, baseURL: baseUrl, locale: 'en-GB', timezoneId: 'UTC' })).newPage();

  it('invites a user by e-mail, who chooses a password (a weak one refused with the reason), signs in and changes it', async () => {
    const adminPage = await as(admin);
    await adminPage.getByLabel('E-mail address', { exact: true }).fill('invited.officer@busan.test');
    await adminPage.getByLabel('Name', { exact: true }).fill('Kim Minji');
    await adminPage.getByLabel('Role', { exact: true }).selectOption('delegate');
    await adminPage.getByLabel('Government', { exact: true }).selectOption({ label: 'Busan · 부산광역시 (member)' });
    await adminPage.locator('#main').getByLabel('Language', { exact: true }).selectOption({ label: 'English' });
    await adminPage.getByRole('button', { name: 'Add the user' }).click();
    await adminPage.getByText('invited.officer@busan.test has been e-mailed an invitation to choose a password.').waitFor();
    await adminPage.locator('tbody tr', { hasText: 'invited.officer@busan.test' }).getByText('Invited, no password yet').waitFor();
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
    await page.getByLabel('E-mail address').fill('invited.officer@busan.test');
    await page.getByLabel('Password', { exact: true }).fill('Haeundae beach at first light');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Kim Minji · Delegate').waitFor();

    // Signed in, the user changes the password chosen.
    await page.getByRole('link', { name: 'Change password' }).click();
    await page.getByRole('heading', { name: 'Change your password', level: 1 }).waitFor();
    await page.getByLabel('Current password').fill('Haeundae beach at first light');
    await page.getByLabel('New password').fill('Gwangalli bridge by night');
    await page.getByRole('button', { name: 'Change the password' }).click();
    await page.getByText('Your password is changed; an e-mail says so too.').waitFor();
    await expectAccessible(page);
    await mailsTo(mailbox, 'invited.officer@busan.test', /Your password was changed/);
    await page.context().close();
    await (await as({ email: 'invited.officer@busan.test' }, 'Gwangalli bridge by night')).context().close();
  });

  it('lets the admin edit a user and disable it after confirming, after which the user is refused at once', async () => {
    const delegate = await aUser(api, 'delegate', { government: 'Toyama' });
    const delegatePage = await as(delegate);
    const adminPage = await as(admin);
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
    await expect(adminPage.locator('dt:text-is("Status") + dd').textContent()).resolves.toBe('Disabled');
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
});
