import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { act } from './fixtures/applications.js';
import { TEST_PASSWORD } from './fixtures/users.js';
import { anApplicationOnTheAgenda, aVotingHall, recordPresent, type VotingHall } from './fixtures/voting.js';
import { DESKTOP, expectAccessible, launchChromium, listen, PHONE, signedIn } from './utils/browser.js';
import { integrateLog } from './utils/integrate-log.js';

interface Receipt {
  voteId: string;
  governmentId: string;
  choice: string;
  nonce: string;
  commitment: string;
}

describe('The web app keeps a ballot receipt, and anyone checks it on "Check my ballot"', () => {
  let hall: VotingHall;
  let baseUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    hall = await aVotingHall(1);
    [baseUrl, browser] = await Promise.all([listen(hall.api), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await hall?.api.close();
  });

  /** Clicks a choice and downloads the receipt the page then offers. */
  const castAndDownload = async (page: Page, choice: 'Yes' | 'No', file: string): Promise<Receipt> => {
    await page.getByRole('button', { name: choice, exact: true }).click();
    await page.getByText(`Ballot recorded: ${choice}.`).first().waitFor();
    await page.getByText('Keep this receipt: with it you can check later').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the receipt' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^near-ballot-receipt-NEAR-\d{4}-\d{4}-[0-9a-f]{8}\.json$/);
    await download.saveAs(file);
    return JSON.parse(readFileSync(file, 'utf8')) as Receipt;
  };

  it('offers the receipt of every cast on the phone, and checks it without signing in', async () => {
    const { api, secretariat, memberIds, delegates } = hall;
    const { application, session } = await anApplicationOnTheAgenda(api, secretariat);
    await recordPresent(api, secretariat, session.id, memberIds).expect(200);
    await act(api, secretariat, application, 'open-ballot').expect(200);

    const { page } = await signedIn(browser, baseUrl, delegates[0].email, TEST_PASSWORD, PHONE);
    await page.getByRole('button', { name: 'Yes', exact: true }).waitFor();
    const dir = (await import('node:os')).tmpdir();
    const first = await castAndDownload(page, 'Yes', `${dir}/receipt-first-${process.pid}.json`);
    await expectAccessible(page);
    const last = await castAndDownload(page, 'No', `${dir}/receipt-last-${process.pid}.json`);
    expect([first.choice, last.choice]).toEqual(['yes', 'no']);
    expect(first.commitment).not.toBe(last.commitment);
    const [row] = await api.dataSource.query(`SELECT commitment FROM ballots WHERE government_id = $1 AND vote_id = $2`, [
      delegates[0].governmentId,
      last.voteId,
    ]);
    expect(row.commitment).toBe(last.commitment);

    await act(api, secretariat, application, 'close-ballot').expect(200);
    await integrateLog(api.database.url);

    // Anyone, signed in or not: a fresh browser with no session.
    const context = await browser.newContext({ ...DESKTOP, baseURL: baseUrl, locale: 'en-GB', timezoneId: 'UTC' });
    const checker = await context.newPage();
    await checker.goto('/app/');
    await checker.getByRole('link', { name: 'Check my ballot with a receipt' }).click();
    await checker.getByRole('heading', { name: 'Check my ballot', level: 1 }).waitFor();
    await expectAccessible(checker);

    const check = async (file: string) => {
      await checker.getByLabel('Receipt file').setInputFiles(file);
      await checker.getByRole('button', { name: 'Check', exact: true }).click();
      return checker.locator('.check-verdict, .form-error').first();
    };
    const counted = await check(`${dir}/receipt-last-${process.pid}.json`);
    await counted.waitFor();
    // The verdict itself, so that a failure says what the page found instead.
    expect(await counted.textContent()).toMatch(/^Your ballot was counted.*entry \d+ of the signed record/);
    await expectAccessible(checker);

    await check(`${dir}/receipt-first-${process.pid}.json`);
    await checker.getByText('This ballot was replaced by a later ballot of your government').waitFor();
    await checker.getByText(`Code of the later ballot: ${last.commitment}`).waitFor();

    const forged = `${dir}/receipt-forged-${process.pid}.json`;
    writeFileSync(forged, JSON.stringify({ ...last, choice: 'yes' }));
    await check(forged);
    await checker.getByText('This receipt does not match itself').waitFor();

    writeFileSync(forged, '{"not": "a receipt"}');
    await check(forged);
    await checker.getByText('This file is not a ballot receipt.').waitFor();
    await context.close();
  });
});
