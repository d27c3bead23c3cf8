import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { generateSignerKey, parseSignerKey, verifierKeyOf } from '@near/audit';
import { TEST_PASSWORD } from './fixtures/users.js';
import { aVotingHall, type VotingHall } from './fixtures/voting.js';
import { DESKTOP, expectAccessible, launchChromium, listen, PHONE, signedIn } from './utils/browser.js';
import { createTestWorker } from './utils/create-test-worker.js';
import { aDecidedApplication } from './utils/record-scenes.js';

/*
 * Official documents in the browser (issue 21): the applicant downloads its certificate from the application's
 * page; anyone then opens the verification address printed on it, without signing in, and checks the file there.
 */
describe('The web app: official documents and the public verification page', () => {
  let hall: VotingHall;
  let worker: INestApplicationContext;
  let baseUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    // A log key whose public half's base64 holds a '+', which the page must not take for a field separator.
    const origin = 'near.test/documents-log';
    let signingKey: string;
    do signingKey = generateSignerKey(origin);
    while (!verifierKeyOf(parseSignerKey(signingKey)).split('+').slice(2).join('+').includes('+'));
    const log = { LOG_ORIGIN: origin, LOG_SIGNING_KEY: signingKey };
    hall = await aVotingHall(1, log);
    worker = await createTestWorker(hall.api, log);
    [baseUrl, browser] = await Promise.all([listen(hall.api), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await hall?.api.close();
  });

  it('downloads a certificate, and checks it and the decision on the verification page, on a phone', async () => {
    const { applicant, application } = await aDecidedApplication(hall.api, hall.secretariat, hall.memberIds, hall.delegates[0]);
    const { page } = await signedIn(browser, baseUrl, applicant.email, TEST_PASSWORD, DESKTOP);
    await page.goto(`/app/applications/${application.id}`);
    // The worker makes them a moment after the decision (the decision records once the decision is in a signed
    // checkpoint): the page shows them once they are there.
    const documents = page.getByRole('region', { name: 'Official documents' });
    const listed = async (kind: string) => (await documents.getByRole('cell', { name: kind }).count()) > 0;
    for (let attempt = 0; !(await listed('Certificate of admission')) || !(await listed('Decision record')); attempt++) {
      if (attempt > 80) throw new Error('no certificate or decision record listed on the application page');
      await page.waitForTimeout(250);
      await page.reload();
    }
    await expectAccessible(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      documents.getByRole('button', { name: 'Download the Certificate of admission in Chinese' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${application.reference}-certificate-zh.pdf`);
    const file = join(tmpdir(), `near-certificate-${process.pid}.pdf`);
    await download.saveAs(file);
    const certificate = readFileSync(file);
    expect(certificate.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const [stored] = await hall.api.dataSource.query(
      `SELECT encode(sha256, 'hex') AS sha256 FROM documents WHERE kind = 'certificate' AND application_id = $1`,
      [application.id],
    );
    expect(createHash('sha256').update(certificate).digest('hex')).toBe(stored.sha256);
    await page.context().close();

    // Anyone, on a phone, at the address the certificate prints.
    const visitor = await (await browser.newContext({ ...PHONE, baseURL: baseUrl, locale: 'en-GB', timezoneId: 'UTC' })).newPage();
    await visitor.goto(`/verify/${application.reference}`);
    await visitor.getByRole('heading', { name: `Decision on ${application.reference}`, level: 1 }).waitFor();
    await visitor.getByText('Approved', { exact: true }).waitFor();
    await visitor.getByText(/^Checked in this browser: the decision is entry \d+ of NEAR's public log/).waitFor();
    await visitor.getByText(stored.sha256, { exact: true }).waitFor();
    await expectAccessible(visitor);

    await visitor.getByLabel('PDF file').setInputFiles(file);
    await visitor.getByText(/^This file is the Certificate of admission in Chinese, made .*, exactly as recorded\.$/).waitFor();
    // One byte changed: no longer any document of the decision.
    const altered = Buffer.from(certificate);
    altered[altered.length - 2] ^= 0x01;
    await visitor.getByLabel('PDF file').setInputFiles({ name: 'certificate.pdf', mimeType: 'application/pdf', buffer: altered });
    await visitor.getByText("This file matches none of this decision's documents", { exact: false }).waitFor();
    await expectAccessible(visitor);
    await visitor.context().close();
  });

  it('says plainly when a reference has no decision', async () => {
    const visitor = await (await browser.newContext({ ...DESKTOP, baseURL: baseUrl, locale: 'en-GB', timezoneId: 'UTC' })).newPage();
    await visitor.goto('/verify/NEAR-1999-0001');
    await visitor.getByRole('alert').waitFor();
    await expect(visitor.getByRole('alert').textContent()).resolves.toMatch(/decision/i);
    await expectAccessible(visitor);
    await visitor.context().close();
  });
});
