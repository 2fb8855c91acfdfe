import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { createOperator } from '../../src/modules/operator/index.ts';
import { TEST_SCRYPT } from '../support/app.ts';
import { browserSkip, csrfHeaders, PASSWORD, registerEnterprise, useConsole } from './browser.ts';

/** Every page of the admin console and the member pages, and a path that does not exist. */
const CORP_PAGES = [
  '/',
  '/contacts',
  '/contacts/joining',
  '/admins',
  '/apps',
  '/devices',
  '/audit',
  '/api-tokens',
  '/attendance',
  '/attendance/anti-cheat',
  '/attendance/records',
  '/approvals',
  '/approvals/data',
  '/customers',
  '/customers/one-way',
  '/category',
  '/acquisition',
  '/features/customer-quota',
  '/features/security',
  '/corp',
  '/corp/sso',
  '/security/ip',
  '/security/watermark',
  '/security/decode',
  '/security/screen-capture',
  '/security/share-external',
  '/security/devices',
  '/security/leak',
  '/wallet',
  '/wallet/orders',
  '/app',
  '/app/approvals',
  '/app/approvals/data',
  '/app/attendance',
  '/app/attendance/records',
  '/app/files',
  '/no-such-page',
  // The link pages, with links that are no longer valid: the one-sentence refusal.
  '/activate/corp_0.inv_0.gone',
  '/join/corp_0.jnl_0.gone',
];
const OPERATOR_PAGES = ['/operator', '/operator/wallet/transfers', '/operator/wallet/invoices', '/operator/wallet/refunds', '/operator/category-reviews'];

const CJK = /[\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/**
 * The page's text once it has loaded, without the language switch (which names 中文 in Chinese, as
 * every language switch names each language in itself).
 */
async function shownText(page: Page, path: string): Promise<string> {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  await page.locator('.ant-spin-spinning, .ant-skeleton').first().waitFor({ state: 'detached' });
  return page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const node of body.querySelectorAll('[data-testid="language-switch"]')) node.remove();
    return body.innerText;
  });
}

async function useLanguage(page: Page, language: 'en' | 'zh-CN'): Promise<void> {
  await page.goto('/login');
  await page.evaluate((lng) => localStorage.setItem('banyan.lang', lng), language);
}

/**
 * Every page in English shows no Chinese outside user-entered data, and in zh-CN no key without its
 * text. The enterprise, its people and the operator have ASCII names, so any CJK character on an
 * English page is the console's own.
 */
describe('console language: every page in English and in Chinese', { skip: browserSkip, timeout: 300_000 }, () => {
  const ui = useConsole();
  let corp: Page;
  let operator: Page;

  before(async () => {
    await createOperator(ui.db(), Date.now(), TEST_SCRYPT, { loginName: 'ops_lang', name: 'Olga Operator', password: PASSWORD });
    corp = await ui.page();
    const registered = await registerEnterprise(corp, { admin: 'Ada Admin', loginName: 'ada_lang', corp: 'Acme Learning Ltd', shortName: 'Acme', industry: 'education' });
    const csrf = (await csrfHeaders(corp))['x-csrf-token'];
    // A category under review, so both the enterprise's page and the operator's reviews show one.
    assert.equal((await corp.request.put('/api/v1/category', { data: { code: '05-02' }, headers: { 'x-csrf-token': csrf } })).status(), 200);
    // A clock-in rule naming the admin, so the attendance pages and the member's 打卡 show one.
    const memberId = registered.memberId;
    const rule = { name: 'HQ', members: { memberIds: [memberId], departmentIds: [], tagIds: [] }, workDays: [1, 2, 3, 4, 5], shift: { start: '09:00', end: '18:00', lateGraceMinutes: 5, earlyGraceMinutes: 5 }, holidays: [], places: [{ name: 'Main Office', lat: 39.9, lng: 116.4, radiusM: 200 }], wifi: [{ ssid: 'Acme', bssid: 'a4:5e:60:c2:3b:01' }], photo: true, face: true, machines: true, usualDeviceLimit: 1, overLimit: 'photo_note' };
    assert.equal((await corp.request.post('/api/v1/attendance/rules', { data: rule, headers: { 'x-csrf-token': csrf } })).status(), 201);
    operator = await ui.page();
    const signedIn = await operator.request.post('/api/v1/operator/auth/sign-in', { data: { login: 'ops_lang', password: PASSWORD } });
    assert.equal(signedIn.status(), 200, await signedIn.text());
  });

  it('English: no Chinese character on any page', async () => {
    const offending: string[] = [];
    for (const [page, paths] of [[corp, CORP_PAGES], [operator, OPERATOR_PAGES]] as const) {
      await useLanguage(page, 'en');
      for (const path of paths) {
        const text = await shownText(page, path);
        // Signed in and on the page asked for, not sent to a sign-in page.
        assert.equal(new URL(page.url()).pathname, path);
        for (const line of text.split('\n')) if (CJK.test(line)) offending.push(`${path}: ${line.trim()}`);
      }
    }
    assert.deepEqual(offending, []);
  });

  it('zh-CN: every key the pages ask for has its text', async () => {
    const missing: string[] = [];
    for (const [page, paths] of [[corp, CORP_PAGES], [operator, OPERATOR_PAGES]] as const) {
      await useLanguage(page, 'zh-CN');
      for (const path of paths) {
        await shownText(page, path);
        const keys = await page.evaluate(() => (window as unknown as { banyanMissingKeys?: string[] }).banyanMissingKeys);
        assert.ok(Array.isArray(keys), 'the console records missing keys');
        for (const key of keys) missing.push(`${path}: ${key}`);
      }
    }
    assert.deepEqual(missing, []);
  });
});
