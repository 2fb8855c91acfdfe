import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { startTestServer } from '../support/server.ts';
import type { Config } from '../../src/config.ts';
import type { Db } from '../../src/platform/db/tables.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The `skip` option for browser suites: a reason when Chromium is not installed, or `false`.
 * With REQUIRE_BROWSER=1 a missing Chromium is never skipped, so `launchBrowser()` fails instead.
 */
export const browserSkip: string | false =
  existsSync(CHROMIUM_PATH) || process.env.REQUIRE_BROWSER === '1' ? false : `Chromium is not installed at ${CHROMIUM_PATH}`;

/** The server serves the console from dist/web; fail early with a hint when it was not built. */
export function assertConsoleBuilt(): void {
  if (!existsSync(resolve('dist/web/index.html'))) {
    throw new Error('The console is not built: run `npm run build:web` before the browser tests.');
  }
}

/** Chromium's stand-in camera (a moving test pattern), granted without asking: for pages that take photos. */
export const FAKE_MEDIA_ARGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

/** Headless Chromium. `launch()` gives every browser a new temporary profile and deletes it on close. */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`REQUIRE_BROWSER=1 but Chromium is not installed at ${CHROMIUM_PATH}`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/**
 * A page in a fresh context (own cookies and localStorage) whose relative URLs resolve against
 * `baseURL`. Uncaught errors in the console's scripts go to stderr, so a failing step shows its cause.
 */
export async function newPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  // Generous: CI runs on two shared cores, where one step can wait behind a busy server.
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  page.on('pageerror', (error) => process.stderr.write(`[browser] ${error.stack ?? error.message}\n`));
  // A failed API call is often why a later step waits in vain; say which one.
  page.on('response', (response) => {
    if (response.status() >= 400) process.stderr.write(`[browser] ${response.request().method()} ${response.url()} → ${response.status()}\n`);
  });
  page.on('requestfailed', (request) => process.stderr.write(`[browser] ${request.method()} ${request.url()} failed: ${request.failure()?.errorText}\n`));
  return page;
}

export interface ConsoleUnderTest {
  /** A new page in its own browser context, against the suite's server. */
  page(): Promise<Page>;
  /** The server's database, for what another console or the operator's CLI would do. */
  db(): Db;
  /** Waits until the server's outbox has delivered what was announced (inbox messages follow a commit). */
  delivered(): Promise<void>;
}

/**
 * Call inside a `describe`, before its own hooks: starts a server on a fresh database and a browser
 * before the suite, and closes both after it. `config` changes the server's settings (the test config's otherwise);
 * `browserArgs` are added to Chromium's (e.g. FAKE_MEDIA_ARGS).
 */
export function useConsole(config: Partial<Config> = {}, { browserArgs = [] }: { browserArgs?: readonly string[] } = {}): ConsoleUnderTest {
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  let browser: Browser | undefined;
  before(async () => {
    assertConsoleBuilt();
    server = await startTestServer(config);
    browser = await launchBrowser(browserArgs);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    page: () => newPage(browser!, server!.url),
    db: () => server!.deps.db,
    delivered: async () => {
      await server!.deps.outbox.drain();
    },
  };
}

/**
 * Picks `option` in an antd Select and waits until the field shows it. The console under test runs
 * without animations (test/support/server.ts), so the dropdown is there at once; should a pick still
 * be lost on a busy machine, it is tried again, three times at most (the second line of defence).
 * `search` is typed first for a select that searches (the options come from the server);
 * `shownAs` is what the field shows once picked, when it differs from the option's text.
 */
export async function pickOption(field: Locator, option: string, { search, shownAs }: { search?: string; shownAs?: string } = {}): Promise<void> {
  const select = field.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  // A multiple select shows each pick as an item, a single one as its content; both carry the pick as
  // their title, which the text being typed into the search does not.
  const shown = select.locator('.ant-select-selection-item[title], .ant-select-content[title]').filter({ hasText: shownAs ?? option }).first();
  const choice = field.page().locator('.ant-select-item-option').filter({ visible: true }).getByText(option, { exact: true });
  for (let attempt = 1; ; attempt++) {
    if (search === undefined) await field.click();
    else await field.fill(search);
    await choice.click();
    try {
      await shown.waitFor({ timeout: 5_000 });
      // A multiple select stays open after a pick, and one blurred while the pick's mouse-down is still
      // being handled stays open for good, its options over the next button (seen in CI under load).
      const open = select.locator('[aria-expanded="true"]');
      if ((await open.count()) > 0) await field.press('Escape');
      await open.waitFor({ state: 'detached' });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/**
 * The open dialog, once it no longer animates. The console under test has its animations off, so this
 * is at once; it stays as a second line: typing into a dialog still zooming in was lost once in 12
 * loaded runs before motion was turned off.
 */
export async function openedDialog(page: Page): Promise<Locator> {
  await page.locator('.ant-modal[role="dialog"]:not(.ant-zoom)').waitFor();
  return page.getByRole('dialog');
}

/** A phone's viewport: 375 px wide, as the member pages must work at. */
export async function onPhone(page: Page): Promise<void> {
  await page.setViewportSize({ width: 375, height: 812 });
}

/** No horizontal scroll at phone width: the document is no wider than the 375 px viewport. */
export async function assertFitsPhone(page: Page, what = 'the page'): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `${what} is ${width} px wide at 375 px`);
}

/**
 * No text squeezed to one character per line (a card or a column too narrow for its words): every
 * visible text of two or more characters has fewer lines than characters.
 */
export async function assertNoSqueezedText(page: Page, what = 'the page'): Promise<void> {
  const squeezed = await page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const characters = [...(node.textContent ?? '').replace(/\s/g, '')].length;
      if (characters < 2) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (lines.size >= characters) found.push(node.textContent!.trim());
    }
    return found;
  });
  assert.deepEqual(squeezed, [], `${what}: text one character per line`);
}

/** The password every browser test's accounts use. */
export const PASSWORD = 'Banyan-2024!';

/** The CSRF header a page's API requests carry, read from the page's cookie. */
export async function csrfHeaders(page: Page): Promise<{ 'x-csrf-token': string }> {
  const cookie = (await page.context().cookies()).find((c) => c.name === 'banyan_csrf');
  assert.ok(cookie, 'the page has no CSRF cookie: sign in first');
  return { 'x-csrf-token': cookie.value };
}

export interface EnterpriseToRegister {
  /** The creator's display name. */
  admin: string;
  loginName: string;
  corp: string;
  /** 对外简称; the first four characters of the name unless given. */
  shortName?: string;
  industry?: 'general' | 'education';
}

export interface RegisteredEnterprise {
  corpId: string;
  /** The creator's member id in the new enterprise. */
  memberId: string;
  headers: { 'x-csrf-token': string };
  /** The server's origin, for granting the page permissions. */
  origin: string;
}

/** Registers an enterprise through the API inside the page's browser context, so the session cookie is the page's. */
export async function registerEnterprise(page: Page, e: EnterpriseToRegister): Promise<RegisteredEnterprise> {
  const res = await page.request.post('/api/v1/register', {
    data: {
      account: { name: e.admin, loginName: e.loginName, password: PASSWORD },
      corp: { name: e.corp, shortName: e.shortName ?? e.corp.slice(0, 4), industry: e.industry ?? 'general' },
    },
  });
  assert.equal(res.status(), 201, await res.text());
  const { me } = (await res.json()) as { me: { currentCorp: { id: string }; member: { id: string } } };
  return { corpId: me.currentCorp.id, memberId: me.member.id, headers: await csrfHeaders(page), origin: new URL(res.url()).origin };
}
