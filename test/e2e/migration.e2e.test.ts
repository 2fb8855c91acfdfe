import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { createOperator } from '../../src/modules/operator/index.ts';
import { certifyUntil } from '../../src/modules/corp/testing/index.ts';
import { follow, seedCustomers } from '../../src/modules/customers/testing/index.ts';
import { DirectoryFixture } from '../../src/modules/directory/testing/index.ts';
import { TEST_SCRYPT } from '../support/app.ts';
import { browserSkip, csrfHeaders, PASSWORD, pickOption, registerEnterprise, useConsole } from './browser.ts';

const YEAR = 365 * 24 * 3600_000;

/**
 * 数据迁移 in the consoles: an application between two certified enterprises of one admin, built
 * through the API; the operator takes it to 开始迁移, the job moves the customers (the server's
 * workers run it), the page shows moved / total and the 未迁移成功 list, offers 完成迁移 only once
 * the failure is given up; the enterprise's page then shows the same, in zh-CN and in English.
 */
describe('data migration: the operator starts the move and finishes it; both consoles show the progress', { skip: browserSkip, timeout: 180_000 }, () => {
  const ui = useConsole();

  before(async () => {
    await createOperator(ui.db(), Date.now(), TEST_SCRYPT, { loginName: 'ops_mig', name: '平台审核员', password: PASSWORD });
  });

  /** Two certified enterprises of one admin: 榕树科技有限公司 (signed in, the source) and 榕树网络有限公司. */
  async function certifiedPair(page: Page, loginName: string, names = { source: '榕树科技有限公司', target: '榕树网络有限公司' }): Promise<{ sourceId: string; targetId: string }> {
    const source = await registerEnterprise(page, { admin: '唐经理', loginName, corp: names.source, shortName: '榕树科技' });
    const created = await page.request.post('/api/v1/corps', { data: { name: names.target, shortName: '榕树', industry: 'general' }, headers: source.headers });
    assert.equal(created.status(), 201, await created.text());
    const targetId = ((await created.json()) as { me: { currentCorp: { id: string } } }).me.currentCorp.id;
    assert.equal((await page.request.put('/api/v1/me/current-corp', { data: { corpId: source.corpId }, headers: await csrfHeaders(page) })).status(), 200);
    await certifyUntil(ui.db(), source.corpId, Date.now() + YEAR);
    await certifyUntil(ui.db(), targetId, Date.now() + YEAR);
    return { sourceId: source.corpId, targetId };
  }

  /** An application (网站 relationship) built through the API; 赵六, only in the source, has `zhaoCustomers` customers that cannot move. */
  async function application(page: Page, loginName = 'tang_mig', zhaoCustomers = 1, names?: { source: string; target: string }): Promise<{ sourceId: string; targetId: string; migrationId: string }> {
    const { sourceId, targetId } = await certifiedPair(page, loginName, names);
    const materials: Record<string, string> = {};
    for (const [i, k] of ['entrustment_letter', 'business_licence', 'icp_screenshot', 'name_authorization'].entries()) {
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`e2e-material-${i}`)]);
      const up = await page.request.post('/api/v1/certification/files', { multipart: { file: { name: `${k}.png`, mimeType: 'image/png', buffer: png } }, headers: await csrfHeaders(page) });
      assert.equal(up.status(), 201, await up.text());
      materials[k] = ((await up.json()) as { id: string }).id;
    }
    const applied = await page.request.post('/api/v1/data-migrations', { data: { targetCorpId: targetId, relation: 'website', materials }, headers: await csrfHeaders(page) });
    assert.equal(applied.status(), 201, await applied.text());
    // 张三 is in both enterprises (same userid) with 5 customers; 赵六 is only in the source.
    const now = Date.now();
    const inSource = await DirectoryFixture.open(ui.db(), sourceId, () => now);
    const inTarget = await DirectoryFixture.open(ui.db(), targetId, () => now);
    const zhang = await inSource.member('张三', undefined, { userid: 'zhangsan' });
    const zhao = await inSource.member('赵六', undefined, { userid: 'zhaoliu' });
    await inTarget.member('张三', undefined, { userid: 'zhangsan' });
    await seedCustomers(ui.db(), sourceId, zhang, 5, now, 'e2e');
    if (zhaoCustomers === 1) await follow(ui.db(), sourceId, zhao, { externalId: 'zhao-e2e', name: '赵的客户' }, now);
    else await seedCustomers(ui.db(), sourceId, zhao, zhaoCustomers, now, 'zhao');
    return { sourceId, targetId, migrationId: ((await applied.json()) as { id: string }).id };
  }

  async function operatorSignIn(page: Page): Promise<void> {
    await page.goto('/operator/login');
    await page.getByLabel('手机号或登录名').fill('ops_mig');
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
  }

  it('审核通过 → 已收到纸质材料 → 开始迁移; 5 / 6 moved, 赵的客户 listed; 完成迁移 only after 放弃; then the enterprise sees it done', async () => {
    const admin = await ui.page();
    await application(admin);

    const page = await ui.page();
    await operatorSignIn(page);
    await page.getByRole('menuitem', { name: '数据迁移审核' }).click();
    await page.getByRole('heading', { name: '数据迁移审核' }).waitFor();

    const card = page.locator('.ant-card').filter({ hasText: '榕树科技有限公司 → 榕树网络有限公司' }).first();
    await card.getByText('待审核').first().waitFor();
    await card.getByText('网站持有方与被授权方或同一网站被授权方').waitFor();
    for (const [button, status] of [['审核通过', '审核通过，待邮寄纸质材料'], ['已收到纸质材料', '已收到纸质材料'], ['开始迁移', '迁移中']] as const) {
      await card.getByRole('button', { name: button }).click();
      await card.locator('.ant-card-head').getByText(status).waitFor();
    }
    // The server's workers run the move; the page polls until it is done.
    const progress = card.getByTestId('migration-progress');
    await progress.getByText('已迁移 5 / 6 位客户').waitFor({ timeout: 30_000 });
    await progress.getByText('5/6').waitFor();
    await progress.getByText('迁移成功 5，未迁移成功 1，已放弃 0，待迁移 0').waitFor();
    const failed = progress.getByRole('row', { name: /赵的客户/ });
    await failed.getByText('迁入企业中没有对应的成员：赵六').waitFor();
    assert.equal(await card.getByRole('button', { name: '完成迁移' }).count(), 0, 'finish is offered while a failure is undecided');

    await card.getByRole('button', { name: '放弃未迁移成功的客户' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await failed.getByText('已放弃').waitFor();
    await card.getByRole('button', { name: '重试未迁移成功的客户' }).waitFor({ state: 'detached' });
    await card.getByRole('button', { name: '完成迁移' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await card.waitFor({ state: 'detached' });
    await page.getByText('暂无数据迁移申请').waitFor();

    // The enterprise's page: done, with the same progress and the given-up customer.
    await admin.goto('/data-migrations');
    await admin.getByRole('heading', { name: '数据迁移' }).first().waitFor();
    const mine = admin.locator('.ant-card').filter({ hasText: '榕树科技有限公司 → 榕树网络有限公司' }).first();
    await mine.locator('.ant-card-head').getByText('迁移完成').waitFor();
    await mine.getByText('已迁移 5 / 6 位客户').waitFor();
    await mine.getByRole('row', { name: /赵的客户/ }).getByText('已放弃').waitFor();

    await admin.getByTestId('language-switch').getByText('English').click();
    await admin.getByRole('heading', { name: 'Data migration' }).first().waitFor();
    await mine.locator('.ant-card-head').getByText('Done').waitFor();
    await mine.getByText('5 / 6 customers moved').waitFor();
    await mine.getByText('Moved 5, failed 0, given up 1, pending 0').waitFor();
    await mine.getByRole('row', { name: /赵的客户/ }).getByText('No matching member in the target enterprise: 赵六').waitFor();
    await mine.getByText('Given up', { exact: true }).waitFor();
  });
  it('申请数据迁移: the target, the relationship, its checklist uploaded in place; a missing material is refused by name; then 待审核 (and the form in English)', async () => {
    const page = await ui.page();
    await certifiedPair(page, 'tang_apply', { source: '榕树申请科技有限公司', target: '榕树申请网络有限公司' });
    await page.goto('/data-migrations');
    await page.getByRole('button', { name: '申请数据迁移' }).click();
    await page.getByRole('heading', { name: '申请数据迁移' }).waitFor();
    await page.getByText('榕树申请科技有限公司').waitFor();
    await pickOption(page.getByLabel('迁入企业'), '榕树申请网络有限公司');
    await page.getByRole('radio', { name: '网站持有方与被授权方或同一网站被授权方' }).check();
    const checklist = page.getByTestId('material-checklist');
    const entry = (name: string) => checklist.locator('.ant-list-item').filter({ hasText: name });
    for (const name of ['数据迁移委托函', '主体营业执照', 'ICP备案截图', '名称使用授权书']) await entry(name).getByText('未上传').waitFor();
    assert.equal(await checklist.locator('.ant-list-item').count(), 4);
    const scan = (i: number) => ({ name: `scan-${i}.png`, mimeType: 'image/png', buffer: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`e2e-apply-${i}`)]) });
    for (const [i, name] of ['数据迁移委托函', '主体营业执照', 'ICP备案截图'].entries()) {
      await entry(name).locator('input[type="file"]').setInputFiles(scan(i));
      await entry(name).getByText('已上传').waitFor();
      await entry(name).getByText(`scan-${i}.png`).waitFor();
    }
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByTestId('apply-refusal').getByText('缺少材料：名称使用授权书').waitFor();
    await entry('名称使用授权书').locator('input[type="file"]').setInputFiles(scan(3));
    await entry('名称使用授权书').getByText('已上传').waitFor();
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.waitForURL((url) => url.pathname === '/data-migrations');
    const card = page.locator('.ant-card').filter({ hasText: '榕树申请科技有限公司 → 榕树申请网络有限公司' }).first();
    await card.locator('.ant-card-head').getByText('待审核').waitFor();
    await card.getByText('网站持有方与被授权方或同一网站被授权方').waitFor();
    await card.locator('.ant-timeline').getByText(/待审核 · 唐经理/).waitFor();

    await page.getByTestId('language-switch').getByText('English').click();
    await card.locator('.ant-card-head').getByText('Awaiting review').waitFor();
    await page.getByRole('button', { name: 'Apply for data migration' }).click();
    await page.getByRole('heading', { name: 'Apply for data migration' }).waitFor();
    await page.getByRole('radio', { name: 'Trademark holder and licensee, or licensees of one trademark' }).check();
    await checklist.getByText('One of the following').waitFor();
    for (const name of ['Data migration entrustment letter', 'Business licence', 'Trademark registration certificate', 'Trademark authorisation', 'Trademark licence filing notice']) await checklist.getByText(name, { exact: true }).waitFor();
    assert.equal(await checklist.getByText('Not uploaded').count(), 4);
  });

  it('未迁移成功 beyond 100: the operator and the enterprise page through 130 failures, 100 at a time', async () => {
    const admin = await ui.page();
    const { sourceId, migrationId } = await application(admin, 'tang_many', 130, { source: '榕树批量科技有限公司', target: '榕树批量网络有限公司' });
    const page = await ui.page();
    await operatorSignIn(page);
    await page.getByRole('menuitem', { name: '数据迁移审核' }).waitFor();
    for (const step of ['approve', 'paper_received', 'start']) {
      const res = await page.request.post(`/api/v1/operator/corps/${sourceId}/data-migrations/${migrationId}/steps`, { data: { step }, headers: { 'x-csrf-token': (await page.context().cookies()).find((c) => c.name === 'banyan_op_csrf')!.value } });
      assert.equal(res.status(), 200, await res.text());
    }
    await page.goto('/operator/data-migrations');
    const card = page.locator('.ant-card').filter({ hasText: '榕树批量科技有限公司 → 榕树批量网络有限公司' }).first();
    const failures = card.getByTestId('migration-failures');
    await card.getByText('迁移成功 5，未迁移成功 130，已放弃 0，待迁移 0').waitFor({ timeout: 30_000 });
    await failures.getByText('已显示 100 位，共 130 位').waitFor();
    assert.equal(await failures.locator('tr.ant-table-row').count(), 100);
    await failures.getByRole('button', { name: '加载更多' }).click();
    await failures.getByText('已显示 130 位，共 130 位').waitFor();
    assert.equal(await failures.locator('tr.ant-table-row').count(), 130);
    await failures.getByRole('button', { name: '加载更多' }).waitFor({ state: 'detached' });

    await admin.goto('/login');
    await admin.evaluate(() => localStorage.setItem('banyan.lang', 'en'));
    await admin.goto('/data-migrations');
    const mine = admin.locator('.ant-card').filter({ hasText: '榕树批量科技有限公司 → 榕树批量网络有限公司' }).first().getByTestId('migration-failures');
    await mine.getByText('Showing 100 of 130').waitFor();
    await mine.getByRole('button', { name: 'Load more' }).click();
    await mine.getByText('Showing 130 of 130').waitFor();
    assert.equal(await mine.getByText('No matching member in the target enterprise: 赵六').count(), 130);
  });
});
