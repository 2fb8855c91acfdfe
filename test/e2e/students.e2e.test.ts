import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { DAY } from '../../src/platform/clock.ts';
import { setCategory } from '../../src/modules/category/testing/index.ts';
import { browserSkip, openedDialog, registerEnterprise, useConsole } from './browser.ts';
import { tablesOf } from '../support/tables.ts';

/**
 * The education edition (教育 / 家校 industries): the customer pages read 学员 / 我的学员 / 全部学员,
 * 单向学员 is a filter of the list, selecting a student opens its profile with its parents (家长), and
 * 删除 there ("…" at the top right) removes it and frees its place. The student deleting the member is
 * reported by the messaging connector, so the test posts that event itself.
 */
describe('students of the education edition', { skip: browserSkip, timeout: 180_000 }, () => {
  const ui = useConsole();
  let page: Page;
  let csrf: string;
  let memberId: string;

  before(async () => {
    page = await ui.page();
    const registered = await registerEnterprise(page, { admin: '陈老师', loginName: 'chenls', corp: '榕树教育科技有限公司', shortName: '榕树教育', industry: 'education' });
    memberId = registered.memberId;
    await tablesOf(ui.db()).updateTable('corps').set({ certified_until: Date.now() + 365 * DAY }).where('id', '=', registered.corpId).execute();
    await setCategory(ui.db(), registered.corpId, 'approved', Date.now());
    csrf = registered.headers['x-csrf-token'];
  });

  const served = (count: number) => page.getByTestId('served').getByText(String(count), { exact: true }).waitFor();

  it('zh-CN: 我的学员 with 全部学员 / 单向学员 (both causes), a profile with a parent, and 删除 freeing the place', async () => {
    await page.goto('/customers');
    await page.getByText('我的学员').waitFor();
    // The side menu follows the pages: 学员 and 单向学员, not 客户 and 单向客户.
    const menu = page.locator('.ant-layout-sider');
    await menu.getByText('学员', { exact: true }).waitFor();
    await menu.getByText('单向学员', { exact: true }).waitFor();
    assert.equal(await menu.getByText(/客户/).count(), 0);
    for (const [externalId, name, addedBack] of [['wx-xm', '小明', false], ['wx-xh', '小红', true], ['wx-xg', '小刚', true]] as const) {
      await page.getByRole('button', { name: '添加学员' }).click();
      const dialog = await openedDialog(page);
      await dialog.getByLabel('客户微信号').fill(externalId);
      await dialog.getByLabel('学员名称').fill(name);
      await dialog.getByLabel('学员已添加我为好友').setChecked(addedBack);
      await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
      await dialog.waitFor({ state: 'hidden' });
    }
    await served(3);
    // 小红 deletes the member: one-way, and still counted.
    const xh = await page.request.get('/api/v1/customers/friends?limit=50');
    const xhId = ((await xh.json()) as { items: { id: string; name: string }[] }).items.find((f) => f.name === '小红')!.id;
    assert.equal((await page.request.post(`/api/v1/customers/${xhId}/members/${memberId}/events`, { data: { event: 'deleted_member' }, headers: { 'x-csrf-token': csrf } })).status(), 204);
    await page.reload();
    await served(3);

    await page.locator('.ant-segmented').getByText('单向学员', { exact: true }).click();
    // Filtered: the mutual 小刚 goes, both one-way students stay.
    await page.getByRole('row', { name: /小刚/ }).waitFor({ state: 'detached' });
    await page.getByRole('row', { name: /小明/ }).waitFor();
    await page.getByRole('row', { name: /小红/ }).waitFor();
    await page.locator('.ant-segmented').getByText('全部学员', { exact: true }).click();
    await page.getByRole('row', { name: /小刚/ }).waitFor();

    await page.getByRole('button', { name: '小明' }).click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByText('学员资料').waitFor();
    await drawer.getByText('免验证添加且对方未添加').waitFor();
    await drawer.getByRole('button', { name: '添加家长' }).click();
    const dialog = await openedDialog(page);
    await dialog.getByLabel('家长姓名').fill('王妈妈');
    await dialog.getByLabel('手机号').fill('13800000001');
    // The drawer is a dialog too: the modal is the one with the OK button.
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.locator('.ant-modal[role="dialog"]').waitFor({ state: 'hidden' });
    const parent = drawer.getByRole('row', { name: /王妈妈/ });
    await parent.getByText('母亲').waitFor();
    await parent.getByText('13800000001').waitFor();

    await drawer.getByRole('button', { name: '操作' }).click();
    await page.getByRole('menuitem', { name: '删除' }).click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.locator('.ant-modal-confirm-title').getByText('删除学员后不支持恢复，确定删除？').waitFor();
    await confirm.getByRole('button', { name: /确\s*定|OK/ }).click();
    await drawer.waitFor({ state: 'detached' });
    await served(2);
    assert.equal(await page.getByRole('row', { name: /小明/ }).count(), 0);

    // The 单向学员 page: the one left, opened from its name.
    await page.goto('/customers/one-way');
    await page.getByRole('heading', { name: '单向学员' }).waitFor();
    await page.getByRole('row', { name: /小红/ }).getByText('被对方单方面删除').waitFor();
    await page.getByRole('button', { name: '小红' }).click();
    await page.locator('.ant-drawer-open').getByText('学员资料').waitFor();
  });

  it('English: My students, All students / One-way students, the student profile and its parents', async () => {
    await page.evaluate(() => localStorage.setItem('banyan.lang', 'en'));
    await page.goto('/customers');
    await page.getByText('My students').waitFor();
    const menu = page.locator('.ant-layout-sider');
    await menu.getByText('Students', { exact: true }).waitFor();
    await menu.getByText('One-way students', { exact: true }).waitFor();
    await page.getByRole('row', { name: /小刚/ }).waitFor();
    await page.locator('.ant-segmented').getByText('One-way students', { exact: true }).click();
    await page.getByRole('row', { name: /小刚/ }).waitFor({ state: 'detached' });
    await page.getByRole('row', { name: /小红/ }).waitFor();
    await page.getByRole('button', { name: '小红' }).click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByText('Student profile').waitFor();
    await drawer.getByText('They deleted you').waitFor();
    await drawer.getByRole('button', { name: 'Add parent' }).waitFor();
    await drawer.getByText('No parents yet').waitFor();
  });
});
