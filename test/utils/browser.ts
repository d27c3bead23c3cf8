import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { expect } from '@jest/globals';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import type { TestApp } from './create-test-app.js';

/** Debian's Chromium (`apt-get install chromium`); .ci/run installs it. No browser is downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Without the background-networking flags Chromium keeps calling Google's hosts, which this network refuses. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Playwright gives every launch a fresh, empty profile directory of its own. */
export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });

/** A delegate's phone: the viewport of a common handset, touch, and a phone's user agent. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
export const DESKTOP = { viewport: { width: 1280, height: 900 } };

/** Listens on a free port of the loopback interface and answers its base URL. */
export async function listen(api: TestApp): Promise<string> {
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = api.app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page; fails on any serious or critical violation, naming the rule and elements. */
export async function expectAccessible(page: Page): Promise<void> {
  // Evaluated through the DevTools protocol, which the page's CSP (no inline script) rightly does not let a <script> do.
  // Passed as text: the tests compile without the DOM's types.
  if (!(await page.evaluate<boolean>("typeof axe === 'object'"))) await page.evaluate(axeSource);
  const violations = await page.evaluate<AxeViolation[]>(
    "axe.run(document, { resultTypes: ['violations'] }).then((result) => result.violations)",
  );
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${page.url()}: ${violation.id} (${violation.impact}) ${violation.help}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  expect(serious).toEqual([]);
  await expectNoCodes(page);
}

/** An action's code as the audit trail records it (`ballot.cast`), and a state's (`in_session`). */
const ACTION_CODE = /\b[a-z]+\.[a-z_-]+\b/g;
const SNAKE_CASE = /\b[a-z]+_[a-z_]+\b/g;

/**
 * Fails when the page's text shows a technical code instead of words. E-mail addresses and file names
 * (`letter.pdf`) are what people typed, not codes, and are left out of the scan.
 */
export async function expectNoCodes(page: Page): Promise<void> {
  const text = await page.evaluate<string>('document.body.innerText');
  const scanned = text.replace(/\S+@\S+/g, ' ').replace(/[\w.-]+\.(pdf|csv|png|ics)\b/gi, ' ');
  const codes = [...new Set([...(scanned.match(ACTION_CODE) ?? []), ...(scanned.match(SNAKE_CASE) ?? [])])];
  expect({ page: page.url(), codes }).toEqual({ page: page.url(), codes: [] });
}

/** Fails when anything on the page reaches past the right edge of the screen, naming what does. */
export async function expectWithinScreen(page: Page): Promise<void> {
  const overflow = await page.evaluate<{ page: number; screen: number; wide: string[] }>(`(() => ({
    page: document.documentElement.scrollWidth,
    screen: document.documentElement.clientWidth,
    wide: [...document.querySelectorAll('body *')]
      // Rounded as the page's own scroll width is: a fraction of a pixel from layout is not a screen wider.
      .filter((element) => Math.round(element.getBoundingClientRect().right) > document.documentElement.clientWidth)
      .map((element) => element.tagName + '.' + element.className + ' ' + element.getBoundingClientRect().right + ': ' + (element.textContent ?? '').trim().slice(0, 40)),
  }))()`);
  expect(overflow).toEqual({ page: overflow.screen, screen: overflow.screen, wide: [] });
}

/** `SCREENSHOTS_DIR=docs/screenshots` refreshes the README's screenshots; an ordinary run leaves them alone. */
const SCREENSHOTS = process.env.SCREENSHOTS_DIR ?? 'var/screenshots';

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true, animations: 'disabled' });
}

/** A new browser context (its own storage, so its own signed-in user), signed in through the sign-in page. */
export async function signedIn(
  browser: Browser,
  baseUrl: string,
  email: string,
  password: string,
  options: BrowserContextOptions = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'UTC', ...options, baseURL: baseUrl });
  const page = await context.newPage();
  await page.goto('/app/');
  await page.getByLabel(/E-mail address|이메일 주소/).fill(email);
  await page.getByLabel(/^(Password|비밀번호)$/).fill(password);
  const signIn = page.getByRole('button', { name: /^(Sign in|로그인)$/ });
  await signIn.click();
  await page.locator('nav').waitFor();
  // The header comes first; the page replaces the sign-in form once its data is in, and a test must not fill
  // the form it is leaving (its "E-mail address" is the sign-in form's until then).
  await signIn.waitFor({ state: 'detached' });
  return { context, page };
}
