import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { setCategory } from '../../src/modules/category/testing/index.ts';
import { creditWallet } from '../../src/modules/wallet/testing/index.ts';
import { insertMember, rootDepartmentId } from '../../src/modules/directory/index.ts';
import { browserSkip, registerEnterprise, useConsole } from './browser.ts';

/** 首页 in both languages: the enterprise's figures as the overview API counts them, and the shortcuts. */
describe('首页 overview console', { skip: browserSkip, timeout: 120_000 }, () => {
  const ui = useConsole();
  let page: Page;

  before(async () => {
    page = await ui.page();
    const res = await registerEnterprise(page, { admin: 'Wang', loginName: 'wang-ov', corp: 'Banyan Pets Ltd', shortName: 'Banyan Pets' });
    const corpId = res.corpId;
    const db = ui.db();
    const now = Date.now();
    await db.transaction().execute(async (trx) => {
      const root = await rootDepartmentId(trx, corpId);
      for (const [name, userid] of [['Liu', 'liu'], ['Zhao', 'zhao']]) await insertMember({ corpId, trx, now }, { name: name!, userid: userid!, departmentIds: [root], mainDepartmentId: root });
    });
    await creditWallet(db, corpId, 123_456, now);
    await setCategory(db, corpId, 'approved', now);
  });

  const tile = (id: string) => page.getByTestId(`overview-${id}`);

  it('zh-CN: members by activation, the balance, approvals, customers against the quota, category and certification', async () => {
    await page.goto('/');
    await tile('members').getByText('已激活 1 人').waitFor();
    await tile('members').getByText('未激活 2 人').waitFor();
    await tile('departments').getByText('1 个部门').waitFor();
    await tile('balance').getByText('¥1,234.56').waitFor();
    await tile('balance').getByText('未设置余额预警').waitFor();
    await tile('approvals').getByText('待我处理 0 条').waitFor();
    await tile('customers').getByText('已服务 0 / 100 位').waitFor();
    await tile('category').getByText('已通过').waitFor();
    await tile('category').getByText('企业认证: 未认证').waitFor();
    await page.getByRole('link', { name: '企业充值' }).click();
    await page.waitForURL('**/wallet');
  });

  it('English: the same figures in English', async () => {
    await page.evaluate(() => localStorage.setItem('banyan.lang', 'en'));
    await page.goto('/');
    await tile('members').getByText('Activated: 1').waitFor();
    await tile('members').getByText('Not activated: 2').waitFor();
    await tile('departments').getByText('Departments: 1').waitFor();
    await tile('balance').getByText('No balance alert set').waitFor();
    await tile('approvals').getByText('Waiting for me: 0').waitFor();
    await tile('customers').getByText('0 of 100 served').waitFor();
    await tile('category').getByText('Approved').waitFor();
    await tile('category').getByText('Certification: Not certified').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Wallet' }).count(), 1);
  });
});
