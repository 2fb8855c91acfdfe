import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { DAY } from '../../src/platform/clock.ts';
import { createAccount } from '../../src/modules/account/index.ts';
import { certifyUntil } from '../../src/modules/corp/testing/index.ts';
import { DirectoryFixture } from '../../src/modules/directory/testing/index.ts';
import { creditWallet } from '../../src/modules/wallet/testing/index.ts';
import { TEST_SCRYPT } from '../support/app.ts';
import { browserSkip, csrfHeaders, openedDialog, PASSWORD, registerEnterprise, useConsole } from './browser.ts';

const texts = {
  'zh-CN': {
    title: '设备管理',
    enabled: '启用',
    save: '保存',
    saved: '已保存',
    login: '手机号或登录名',
    password: '密码',
    submit: /^登\s*录$/,
    pending: '这是一台新设备，需企业管理员审批通过后才能登录',
    awaiting: '待审批',
    approve: '批准',
    revoke: '吊销',
    revoked: '已吊销，结束了 1 个登录',
    signIns: '登录记录',
    refused: '被拒绝',
    ended: '已结束',
  },
  en: {
    title: 'Device management',
    enabled: 'On',
    save: 'Save',
    saved: 'Saved',
    login: 'Phone or login name',
    password: 'Password',
    submit: /^Sign in$/,
    pending: 'This device is new: an administrator must approve it before you can sign in from it',
    awaiting: 'Awaiting approval',
    approve: 'Approve',
    revoke: 'Revoke',
    revoked: 'Revoked; sessions ended: 1',
    signIns: 'Sign-ins',
    refused: 'Refused',
    ended: 'Ended',
  },
} as const;

/**
 * 设备管理 in the console, in zh-CN and English: the admin turns the login restriction on; a member's
 * first sign-in from a new browser waits for approval; the admin approves it on the page, the member
 * signs in; the admin revokes the device, which ends the member's session; the sign-ins of the device
 * show each attempt.
 */
describe('设备管理 console', { skip: browserSkip, timeout: 240_000 }, () => {
  const ui = useConsole();
  let admin: Page;
  let corpId: string;

  before(async () => {
    admin = await ui.page();
    const res = await registerEnterprise(admin, { admin: '郑管理', loginName: 'zhengdev', corp: '榕树设备科技有限公司', shortName: '榕树设备' });
    corpId = res.corpId;
    await certifyUntil(ui.db(), corpId, Date.now() + 365 * DAY);
    await creditWallet(ui.db(), corpId, 100_000, Date.now());
    const csrf = (await csrfHeaders(admin))['x-csrf-token'];
    const bought = await admin.request.post('/api/v1/features/security/purchases', { data: { seats: 1, quotedFen: 12_000, idempotencyKey: 'e2e-devices-1' }, headers: { 'x-csrf-token': csrf } });
    assert.equal(bought.status(), 201, await bought.text());
  });

  async function memberWithAccount(name: string, loginName: string): Promise<void> {
    const db = ui.db();
    const account = await db.transaction().execute((trx) => createAccount(trx, Date.now(), TEST_SCRYPT, { name, loginName, password: PASSWORD }));
    await (await DirectoryFixture.open(db, corpId, () => Date.now())).member(name, undefined, { userid: loginName, accountId: account.id });
  }

  async function useLanguage(page: Page, language: keyof typeof texts): Promise<void> {
    await page.goto('/login');
    await page.evaluate((lng) => localStorage.setItem('banyan.lang', lng), language);
  }

  async function signIn(page: Page, language: keyof typeof texts, loginName: string): Promise<void> {
    const x = texts[language];
    await page.goto('/login');
    await page.getByLabel(x.login).fill(loginName);
    await page.getByLabel(x.password, { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: x.submit }).click();
  }

  for (const language of ['zh-CN', 'en'] as const) {
    const x = texts[language];
    const suffix = language === 'en' ? 'en' : 'zh';
    it(`${language}: a new device waits for approval, signs in once approved, and revoking it ends the member's session`, async () => {
      const memberName = language === 'en' ? 'Lei Li' : '李雷';
      await memberWithAccount(memberName, `dev_member_${suffix}`);
      await useLanguage(admin, language);
      await admin.goto('/security/devices');
      await admin.getByRole('heading', { name: x.title }).waitFor();
      const restriction = admin.getByRole('switch', { name: x.enabled });
      if (!(await restriction.isChecked())) await restriction.click();
      await admin.getByRole('button', { name: x.save }).click();
      await admin.getByText(x.saved).first().waitFor();

      const member = await ui.page();
      await useLanguage(member, language);
      await signIn(member, language, `dev_member_${suffix}`);
      await member.getByText(x.pending).waitFor();

      await admin.reload();
      const row = admin.locator('tr', { hasText: memberName });
      await row.getByText(x.awaiting).waitFor();
      await row.getByRole('button', { name: new RegExp(`^${x.approve} `) }).click();
      await row.getByRole('button', { name: new RegExp(`^${x.revoke} `) }).waitFor();

      await signIn(member, language, `dev_member_${suffix}`);
      await member.waitForURL((url) => url.pathname !== '/login');
      assert.equal((await member.request.get('/api/v1/me')).status(), 200);

      await row.getByRole('button', { name: new RegExp(`^${x.revoke} `) }).click();
      const dialog = await openedDialog(admin);
      await dialog.getByRole('button', { name: x.revoke }).click();
      await admin.getByText(x.revoked).waitFor();
      assert.equal((await member.request.get('/api/v1/me')).status(), 401);
      await member.reload();
      await member.waitForURL((url) => url.pathname === '/login');

      await row.getByRole('button', { name: new RegExp(`^${x.signIns} `) }).click();
      const signIns = await openedDialog(admin);
      await signIns.getByRole('cell', { name: x.refused, exact: true }).waitFor();
      await signIns.getByRole('cell', { name: x.ended, exact: true }).waitFor();
      await member.context().close();
    });
  }
});
