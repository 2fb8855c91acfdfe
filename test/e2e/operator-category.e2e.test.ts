import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { createOperator } from '../../src/modules/operator/index.ts';
import { TEST_SCRYPT } from '../support/app.ts';
import { browserSkip, csrfHeaders, openedDialog, PASSWORD, registerEnterprise, useConsole } from './browser.ts';

/**
 * 经营类目审核 in the operator console: two enterprises choose a business category through the API,
 * the operator approves one and rejects the other with a note, and each enterprise's console then
 * shows the outcome. The operator is created in the server's database, as `banyan operator create`
 * does.
 */
describe('operator console: business category reviews (经营类目审核)', { skip: browserSkip, timeout: 180_000 }, () => {
  const ui = useConsole();

  before(async () => {
    await createOperator(ui.db(), Date.now(), TEST_SCRYPT, { loginName: 'ops_e2e', name: '平台审核员', password: PASSWORD });
  });

  /** An enterprise registered in its own browser context, whose super admin chose a category through the API. */
  async function enterpriseChoosing(loginName: string, name: string, corpName: string, code: string): Promise<Page> {
    const page = await ui.page();
    const { headers } = await registerEnterprise(page, { admin: name, loginName, corp: corpName });
    const chosen = await page.request.put('/api/v1/category', { data: { code }, headers });
    assert.equal(chosen.status(), 200);
    return page;
  }

  it('approves one choice, rejects another with a note, and each enterprise sees the outcome', async () => {
    const pets = await enterpriseChoosing('pets_e2e', '王经理', '榕树宠物用品有限公司', '05-02');
    const shop = await enterpriseChoosing('shop_e2e', '李店长', '榕树综合商城有限公司', '02-01');

    const page = await ui.page();
    await page.goto('/operator/login');
    await page.getByLabel('手机号或登录名').fill('ops_e2e');
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('menuitem', { name: '经营类目审核' }).click();
    await page.getByRole('heading', { name: '经营类目审核' }).waitFor();

    const petsRow = page.getByRole('row', { name: /榕树宠物用品有限公司/ });
    await petsRow.getByText('生活服务 — 宠物服务').waitFor();
    await petsRow.getByText('提供宠物/家禽在线问诊/美容预约/宠物资讯/宠物用品/宠物寄养等服务').waitFor();
    await petsRow.getByText('王经理').waitFor();
    const shopRow = page.getByRole('row', { name: /榕树综合商城有限公司/ });
    await shopRow.getByText('电商 — 综合电商').waitFor();

    // Approve, after confirming: the row leaves the list.
    await petsRow.getByRole('button', { name: '通过' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await petsRow.waitFor({ state: 'detached' });

    // Reject with a note the enterprise will read.
    await shopRow.getByRole('button', { name: '驳回' }).click();
    const dialog = await openedDialog(page);
    await dialog.getByText('榕树综合商城有限公司').waitFor();
    await dialog.getByLabel('审核意见').fill('请选择与营业执照经营范围一致的类目');
    await dialog.getByRole('button', { name: /驳\s*回/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await shopRow.waitFor({ state: 'detached' });
    await page.getByText('没有待审核的经营类目').waitFor();

    // Each enterprise's console shows the decision.
    await pets.goto('/category');
    const petsCategory = pets.getByTestId('category-current');
    await petsCategory.getByText('生活服务 — 宠物服务').waitFor();
    await petsCategory.getByText('已通过').waitFor();
    // A change goes to review while the approved category stays in effect: both are shown.
    assert.equal((await pets.request.put('/api/v1/category', { data: { code: '05-01' }, headers: await csrfHeaders(pets) })).status(), 200);
    await pets.reload();
    const inEffect = pets.getByTestId('category-in-effect');
    await inEffect.getByText('生活服务 — 宠物服务').waitFor();
    await inEffect.getByText('已通过').waitFor();
    await pets.getByText('生效中的经营类目').waitFor();
    await pets.getByText('更换申请').waitFor();
    await petsCategory.getByText('生活服务 — 生活美容').waitFor();
    await petsCategory.getByText('审核中').waitFor();
    await shop.goto('/category');
    await shop.getByTestId('category-current').getByText('未通过').waitFor();
    await shop.getByText('请选择与营业执照经营范围一致的类目').waitFor();
    const state = (await (await shop.request.get('/api/v1/category')).json()) as { category: { status: string; reviewNote: string } };
    assert.deepEqual([state.category.status, state.category.reviewNote], ['rejected', '请选择与营业执照经营范围一致的类目']);

    // The same page in English.
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByRole('heading', { name: 'Business category reviews' }).waitFor();
    await page.getByText('No business category waits for review').waitFor();
  });
});
