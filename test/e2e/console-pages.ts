import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before } from 'node:test';
import type { Page } from 'playwright-core';
import { settings } from '../../src/modules/approval/testing/index.ts';
import { createOperator } from '../../src/modules/operator/index.ts';
import { TEST_SCRYPT } from '../support/app.ts';
import { csrfHeaders, PASSWORD, registerEnterprise, useConsole } from './browser.ts';

/**
 * Every page of the console, for the language tests (language.e2e: English; language-zh.e2e: zh-CN).
 * The enterprise, its people and the operator have ASCII names, so any CJK character on an English
 * page is the console's own.
 */

/** Every page of the admin console and the member pages, and a path that does not exist. */
export const CORP_PAGES = [
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
  '/attendance/machines',
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
  '/certification',
  '/data-migrations',
  '/data-migrations/apply',
  '/security/ip',
  '/security/watermark',
  '/security/decode',
  '/security/screen-capture',
  '/security/share-external',
  '/security/devices',
  '/security/leak',
  '/security/handover',
  '/security/file-usage',
  '/tools/contacts-sync',
  '/tools/webhooks',
  '/wallet',
  '/wallet/orders',
  '/app',
  '/app/approvals',
  '/app/approvals/data',
  '/app/attendance',
  '/app/attendance/records',
  '/app/files',
  '/app/docs',
  '/no-such-page',
  // The link pages, with links that are no longer valid: the one-sentence refusal.
  '/activate/corp_0.inv_0.gone',
  '/join/corp_0.jnl_0.gone',
];
export const OPERATOR_PAGES = ['/operator', '/operator/wallet/transfers', '/operator/wallet/invoices', '/operator/wallet/refunds', '/operator/wallet/agreement', '/operator/category-reviews', '/operator/certification-reviews', '/operator/data-migrations', '/operator/data-migration-templates'];
/** The pages a visitor sees before signing in; a reset link or a 获客链接 that is no longer valid gives its refusal. */
export const PUBLIC_PAGES = ['/login', '/register', '/forgot-password', '/operator/login', '/reset/gone', '/c/no-such-link-0'];
/** The pages of one thing: visited with what `before` creates (`:id` replaced). */
export const ITEM_PAGES = ['/apps/:appId/callback', '/wallet/pay/:topupId', '/app/docs/:fileId', '/app/approvals/new/:templateId', '/app/approvals/templates/:templateId', '/app/approvals/requests/:requestId'];

/**
 * Every route the console declares (`path: '…'` in web/src), so that a new page cannot stay out of
 * this test. Relative paths are children of the operator console in a file exporting `operator…Routes`,
 * else of the member area (/app).
 */
export function declaredPages(): string[] {
  const paths = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.tsx')) {
        const source = readFileSync(file, 'utf8');
        const parent = /export const operator\w*Routes\b/.test(source) ? '/operator' : '/app';
        for (const [, path] of source.matchAll(/\bpath: '([^']+)'/g)) if (path !== '*' && path !== '/*') paths.add(path!.startsWith('/') ? path! : `${parent}/${path!}`);
      }
    }
  };
  walk(join(import.meta.dirname, '../../web/src'));
  return [...paths].sort();
}

export const CJK = /[\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/**
 * The page's text once it has loaded, without the language switch (which names 中文 in Chinese, as
 * every language switch names each language in itself) and without text marked as Chinese
 * (`lang="zh-CN"`: the Chinese version of what an operator writes in both languages).
 */
export async function shownText(page: Page, path: string): Promise<string> {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  await page.locator('.ant-spin-spinning, .ant-skeleton').first().waitFor({ state: 'detached' });
  return page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const node of body.querySelectorAll('[data-testid="language-switch"], [lang="zh-CN"]:not(html)')) node.remove();
    return body.innerText;
  });
}

export async function useLanguage(page: Page, language: 'en' | 'zh-CN'): Promise<void> {
  await page.goto('/login');
  await page.evaluate((lng) => localStorage.setItem('banyan.lang', lng), language);
}

/**
 * Call inside a `describe`: a console on a fresh database with one of each thing that has a page,
 * the enterprise's admin, the operator and a visitor signed out. `everyPage()` (after `before`)
 * gives each browser page with the paths it visits.
 */
export function useEveryPage(): { everyPage(): [Page, readonly string[]][] } {
  const ui = useConsole();
  let corp: Page;
  let operator: Page;
  let guest: Page;
  /** ITEM_PAGES with the ids of what `before` created. */
  let itemPages: string[];

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
    // One of each thing that has a page of its own, with ASCII names.
    const headers = { 'x-csrf-token': csrf };
    const created = async (path: string, data: object): Promise<Record<string, unknown>> => {
      const response = await corp.request.post(path, { data, headers });
      assert.equal(response.status(), 201, await response.text());
      return (await response.json()) as Record<string, unknown>;
    };
    const departments = (await (await corp.request.get('/api/v1/contacts/departments')).json()) as { items: { id: string }[] };
    const app = (await created('/api/v1/apps', { name: 'HR Sync', description: '', visibleRange: { memberIds: [], departmentIds: [departments.items[0]!.id], tagIds: [] } })) as { app: { id: string } };
    const topup = await created('/api/v1/wallet/topups', { channel: 'wechat_pay', amountFen: 10_000, idempotencyKey: 'lang-topup-0001', agreementVersion: 1 });
    const doc = await created('/api/v1/docs/files', { kind: 'document', title: 'Plan' });
    const template = await created('/api/v1/approvals/templates', {
      name: 'Seal',
      form: [{ id: 'reason', type: 'text', label: 'Reason', required: true }],
      flow: [{ id: 'first', kind: 'approver', name: 'Review', assignee: { type: 'members', memberIds: [memberId], mode: 'all' } }],
      settings: settings(),
    });
    const submitted = await created('/api/v1/approvals/requests', { templateId: template.id, form: { reason: 'Contract' } });
    const ids: Record<string, unknown> = { appId: app.app.id, topupId: topup.id, fileId: doc.id, templateId: template.id, requestId: submitted.instanceId };
    itemPages = ITEM_PAGES.map((path) => path.replace(/:(\w+)/g, (_, name: string) => String(ids[name])));
    guest = await ui.page();
    operator = await ui.page();
    const signedIn = await operator.request.post('/api/v1/operator/auth/sign-in', { data: { login: 'ops_lang', password: PASSWORD } });
    assert.equal(signedIn.status(), 200, await signedIn.text());
  });

  return { everyPage: () => [[corp, [...CORP_PAGES, ...itemPages]], [operator, OPERATOR_PAGES], [guest, PUBLIC_PAGES]] };
}
