import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import type { Browser } from 'playwright-core';
import { TEST_PASSWORD } from './fixtures/users.js';
import { anApplicationOnTheAgenda, aVotingHall, type VotingHall } from './fixtures/voting.js';
import { DESKTOP, expectAccessible, launchChromium, listen, PHONE, signedIn } from './utils/browser.js';

/** The UIDs of a calendar's events, as ical.js (an independent RFC 5545 parser) reads them. */
function eventUids(text: string): string[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe('vcalendar');
  return calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component).uid);
}

/*
 * "Add to calendar" (issue 22): a delegate, on a phone, downloads the sessions as a file, asks for a secret feed
 * address a calendar application follows without signing in, and stops it.
 */
describe('The web app adds the sessions to a calendar', () => {
  let hall: VotingHall;
  let baseUrl: string;
  let browser: Browser;
  let sessionUid: string;

  beforeAll(async () => {
    hall = await aVotingHall(1);
    [baseUrl, browser] = await Promise.all([listen(hall.api), launchChromium()]);
    const { session } = await anApplicationOnTheAgenda(hall.api, hall.secretariat);
    sessionUid = `session-${session.id}@near-admission`;
  });

  afterAll(async () => {
    await browser?.close();
    await hall?.api.close();
  });

  it('lets a delegate download the calendar, subscribe by a secret address, and stop that address', async () => {
    const { page } = await signedIn(browser, baseUrl, hall.delegates[0].email, TEST_PASSWORD, PHONE);
    await page.getByRole('link', { name: 'Add the sessions to your calendar' }).click();
    await page.getByRole('heading', { name: 'Add to calendar', level: 2 }).waitFor();
    await expectAccessible(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the calendar' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('near-sessions.ics');
    expect(eventUids(readFileSync(await download.path(), 'utf8'))).toContain(sessionUid);
    await page.getByText('The calendar is downloaded.').waitFor();

    await page.getByText('This address is secret').waitFor();
    await page.getByRole('button', { name: 'Show my calendar address' }).click();
    const address = page.getByLabel('Your calendar address');
    // Focus moves to the address, so a screen reader reads it out at once (in the task that shows it).
    await address.waitFor();
    await expect(page.evaluate<string | undefined>('document.activeElement?.id')).resolves.toBe(await address.getAttribute('id'));
    const url = await address.inputValue();
    expect(url).toMatch(new RegExp(`^${baseUrl}/calendar/feed/[A-Za-z0-9_-]+$`));
    await page.getByRole('button', { name: 'Copy the address' }).click();
    await page.getByText(/^(The address is copied\.|The address is selected)/).waitFor();
    await expectAccessible(page);

    // A calendar application, which cannot sign in, follows the address.
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(eventUids(await feed.text())).toContain(sessionUid);

    // Going back from the confirmation changes nothing.
    await page.getByRole('button', { name: 'Stop this address' }).click();
    const dialog = page.getByRole('dialog', { name: 'Stop your calendar address?' });
    await dialog.getByText('calendars subscribed to it stop updating').waitFor();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Go back' }).click();
    expect((await fetch(url)).status).toBe(200);

    await page.getByRole('button', { name: 'Stop this address' }).click();
    await dialog.getByRole('button', { name: 'Yes, stop the address' }).click();
    await page.getByText('The calendar address is stopped.').waitFor();
    await expect(address.count()).resolves.toBe(0);
    expect((await fetch(url)).status).toBe(404);
    await expectAccessible(page);
    await page.context().close();
  });

  it("is linked from the Secretariat's sessions page", async () => {
    const { page } = await signedIn(browser, baseUrl, hall.secretariat.email, TEST_PASSWORD, DESKTOP);
    await page.goto('/app/sessions');
    await page.getByRole('link', { name: 'Add the sessions to your calendar' }).click();
    await page.getByRole('button', { name: 'Download the calendar' }).waitFor();
    await expectAccessible(page);
    await page.context().close();
  });
});
