// The console's first load in real Chromium: bytes transferred and time to the sign-in form and to
// the contacts rows, cold (empty cache) and warm (the same browser again), with the console's
// build-time br/gzip copies against the same build served uncompressed, in the same run. The network
// is emulated (40 ms round trip, 10 Mbit/s down, 5 up: a decent office or 4G line), since loopback
// hides what compression saves. Needs the console built (`npm run build:web`) and /usr/bin/chromium.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startTestServer } from '../test/support/server.ts';
import { assertConsoleBuilt, CHROMIUM_PATH } from '../test/e2e/browser.ts';
import type { BenchResult } from './types.ts';
import { percentile, round } from './types.ts';

const RUNS = 5;
const MEMBERS = 60;
const NETWORK = { offline: false, latency: 40, downloadThroughput: (10_000_000 / 8), uploadThroughput: (5_000_000 / 8) };

interface Load {
  ms: number;
  bytes: number;
}

/** Navigates and waits for `ready`, counting what came over the (emulated) network. */
async function measure(page: Page, url: string, ready: (page: Page) => Promise<unknown>): Promise<Load> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
    bytes += event.encodedDataLength;
  });
  const started = performance.now();
  await page.goto(url);
  await ready(page);
  const ms = performance.now() - started;
  await cdp.detach();
  return { ms, bytes };
}

const signInForm = (page: Page) => page.locator('input[type="password"]').waitFor();
const contactRows = (page: Page) => page.locator('.ant-table-row').nth(9).waitFor();

async function signedInContext(browser: Awaited<ReturnType<typeof chromium.launch>>, baseURL: string, login: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN' });
  const res = await context.request.post('/api/v1/auth/sign-in', { data: { login, password: 'Banyan-2024!' } });
  if (!res.ok()) throw new Error(`sign-in: ${res.status()} ${await res.text()}`);
  return context;
}

export async function run(): Promise<BenchResult> {
  assertConsoleBuilt();
  // The same build without its .br/.gz copies: what the server sent before them.
  const plainDir = mkdtempSync(join(tmpdir(), 'banyan-web-plain-'));
  cpSync(resolve('dist/web'), plainDir, { recursive: true });
  for (const name of readdirSync(plainDir, { recursive: true }) as string[]) if (/\.(br|gz)$/.test(name)) rmSync(join(plainDir, name));
  const servers = { compressed: await startTestServer(), uncompressed: await startTestServer({ webDir: plainDir }) };
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH });
  const results: Record<string, Load[]> = {};
  const add = (key: string, load: Load) => (results[key] ??= []).push(load);
  try {
    for (const [variant, server] of Object.entries(servers)) {
      // One enterprise with enough members to fill the first page of contacts.
      const setup = await browser.newContext({ baseURL: server.url });
      const reg = await setup.request.post('/api/v1/register', { data: { account: { name: '基准', loginName: `bench_${variant}`, password: 'Banyan-2024!' }, corp: { name: '基准企业', shortName: '基准', industry: 'general' } } });
      if (reg.status() !== 201) throw new Error(`register: ${reg.status()}`);
      const csrf = (await setup.cookies()).find((c) => c.name === 'banyan_csrf')!.value;
      const depts = (await (await setup.request.get('/api/v1/contacts/departments')).json()) as { items: { id: string; parentId: string | null }[] };
      const root = depts.items.find((d) => d.parentId === null)!.id;
      for (let i = 0; i < MEMBERS; i++) await setup.request.post('/api/v1/contacts/members', { headers: { 'x-csrf-token': csrf }, data: { name: `成员${i}`, userid: `m${i}`, departmentIds: [root] } });
      await setup.close();
    }
    // Interleaved, so a change in the machine's load touches both variants alike.
    for (let i = 0; i < RUNS; i++) {
      for (const [variant, server] of Object.entries(servers)) {
        const anonymous = await browser.newContext({ baseURL: server.url, locale: 'zh-CN' });
        const page = await anonymous.newPage();
        add(`${variant}|sign-in form|cold`, await measure(page, '/login', signInForm));
        add(`${variant}|sign-in form|warm`, await measure(page, '/login', signInForm));
        await anonymous.close();
        const member = await signedInContext(browser, server.url, `bench_${variant}`);
        const contacts = await member.newPage();
        add(`${variant}|contacts rows|cold`, await measure(contacts, '/contacts', contactRows));
        add(`${variant}|contacts rows|warm`, await measure(contacts, '/contacts', contactRows));
        await member.close();
      }
    }
  } finally {
    await browser.close();
    await servers.compressed.close();
    await servers.uncompressed.close();
    rmSync(plainDir, { recursive: true, force: true });
  }
  const median = (key: string, field: keyof Load) => percentile(results[key]!.map((load) => load[field]), 50);
  const rows = Object.keys(results)
    .filter((key) => key.startsWith('compressed|'))
    .map((key) => {
      const [, target, cache] = key.split('|');
      const plain = key.replace('compressed|', 'uncompressed|');
      return {
        load: `${target} (${cache})`,
        'compressed KB': round(median(key, 'bytes') / 1024),
        'uncompressed KB': round(median(plain, 'bytes') / 1024),
        'bytes ratio': round(median(key, 'bytes') / median(plain, 'bytes'), 2),
        'compressed ms': round(median(key, 'ms')),
        'uncompressed ms': round(median(plain, 'ms')),
        'time ratio': round(median(key, 'ms') / median(plain, 'ms'), 2),
      };
    });
  return { name: 'console', rows, notes: [`medians of ${RUNS} runs each; network emulated at 40 ms RTT, 10 Mbit/s down; warm = the same page loaded again (hashed assets from the browser cache)`] };
}
