import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { createOperator } from '../../src/modules/operator/index.ts';
import { certifyUntil } from '../../src/modules/corp/testing/index.ts';
import { follow, seedCustomers } from '../../src/modules/customers/testing/index.ts';
import { DirectoryFixture } from '../../src/modules/directory/testing/index.ts';
import { TEST_SCRYPT } from '../support/app.ts';
import { browserSkip, csrfHeaders, PASSWORD, pickOption, registerEnterprise, useConsole } from './browser.ts';
import { CJK, shownText, useLanguage } from './console-pages.ts';

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
    // For the English pages: every name ASCII, so any CJK character shown is the console's own.
    await createOperator(ui.db(), Date.now(), TEST_SCRYPT, { loginName: 'ops_mig_en', name: 'Olga Ops', password: PASSWORD });
  });

  interface PairNames {
    source: string;
    target: string;
    sourceShort?: string;
    targetShort?: string;
    admin?: string;
  }

  /** Two certified enterprises of one admin: 榕树科技有限公司 (signed in, the source) and 榕树网络有限公司, unless named otherwise. */
  async function certifiedPair(page: Page, loginName: string, names: PairNames = { source: '榕树科技有限公司', target: '榕树网络有限公司' }): Promise<{ sourceId: string; targetId: string }> {
    const source = await registerEnterprise(page, { admin: names.admin ?? '唐经理', loginName, corp: names.source, shortName: names.sourceShort ?? '榕树科技' });
    const created = await page.request.post('/api/v1/corps', { data: { name: names.target, shortName: names.targetShort ?? '榕树', industry: 'general' }, headers: source.headers });
    assert.equal(created.status(), 201, await created.text());
    const targetId = ((await created.json()) as { me: { currentCorp: { id: string } } }).me.currentCorp.id;
    assert.equal((await page.request.put('/api/v1/me/current-corp', { data: { corpId: source.corpId }, headers: await csrfHeaders(page) })).status(), 200);
    await certifyUntil(ui.db(), source.corpId, Date.now() + YEAR);
    await certifyUntil(ui.db(), targetId, Date.now() + YEAR);
    return { sourceId: source.corpId, targetId };
  }

  /** An application (网站 relationship) of a certified pair, built through the API. */
  async function applied(page: Page, loginName: string, names?: PairNames): Promise<{ sourceId: string; targetId: string; migrationId: string }> {
    const { sourceId, targetId } = await certifiedPair(page, loginName, names);
    const materials: Record<string, string> = {};
    for (const [i, k] of ['entrustment_letter', 'business_licence', 'icp_screenshot', 'name_authorization'].entries()) {
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`e2e-material-${i}`)]);
      const up = await page.request.post('/api/v1/certification/files', { multipart: { file: { name: `${k}.png`, mimeType: 'image/png', buffer: png } }, headers: await csrfHeaders(page) });
      assert.equal(up.status(), 201, await up.text());
      materials[k] = ((await up.json()) as { id: string }).id;
    }
    const response = await page.request.post('/api/v1/data-migrations', { data: { targetCorpId: targetId, relation: 'website', materials }, headers: await csrfHeaders(page) });
    assert.equal(response.status(), 201, await response.text());
    return { sourceId, targetId, migrationId: ((await response.json()) as { id: string }).id };
  }

  /** An application (网站 relationship) built through the API; 赵六, only in the source, has `zhaoCustomers` customers that cannot move. */
  async function application(page: Page, loginName = 'tang_mig', zhaoCustomers = 1, names?: PairNames): Promise<{ sourceId: string; targetId: string; migrationId: string }> {
    const { sourceId, targetId, migrationId } = await applied(page, loginName, names);
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
    return { sourceId, targetId, migrationId };
  }

  async function operatorSignIn(page: Page, loginName = 'ops_mig'): Promise<void> {
    await page.goto('/operator/login');
    await page.getByLabel('手机号或登录名').fill(loginName);
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

  /** The page's lines with a CJK character: on an English page whose names are all ASCII, the console's own. */
  async function chineseLines(page: Page, path: string): Promise<string[]> {
    await page.evaluate(() => localStorage.setItem('banyan.lang', 'en'));
    return (await shownText(page, path)).split('\n').filter((line) => CJK.test(line));
  }

  it('迁移模版: the operator replaces the entrustment letter with a PDF, enterprises download the newest; too large or not PDF/.docx is refused; the page in English', async () => {
    const admin = await ui.page();
    await registerEnterprise(admin, { admin: 'Tess Admin', loginName: 'tess_tpl', corp: 'Banyan Templates Ltd', shortName: 'Banyan' });
    const page = await ui.page();
    await operatorSignIn(page, 'ops_mig_en');
    await page.getByRole('menuitem', { name: '迁移模版' }).click();
    await page.getByRole('heading', { name: '数据迁移模版' }).waitFor();
    const table = page.getByTestId('migration-templates');
    const row = (name: string) => table.getByRole('row', { name: new RegExp(name) });
    await row('数据迁移委托函').getByText('内置模版（纯文本）').waitFor();
    await row('名称使用授权书').getByText('内置模版（纯文本）').waitFor();

    const pdf = Buffer.from('%PDF-1.4 e2e entrustment letter 2026');
    await row('数据迁移委托函').locator('input[type="file"]').setInputFiles({ name: 'letter-2026.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByText('模版已更新，企业将下载新文件').waitFor();
    await row('数据迁移委托函').getByText('letter-2026.pdf').waitFor();
    await row('数据迁移委托函').getByText(/^Olga Ops · /).waitFor();
    const served = await admin.request.get('/api/v1/data-migration-templates/entrustment_letter');
    assert.deepEqual([served.status(), served.headers()['content-type'], (await served.body()).toString()], [200, 'application/pdf', pdf.toString()]);

    // Too large is refused before it is sent; a file that is not a PDF or .docx, by the server.
    await row('名称使用授权书').locator('input[type="file"]').setInputFiles({ name: 'big.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(5 * 1024 * 1024 + 1) });
    await page.getByText('文件过大，模版最大 5 MB').waitFor();
    await row('名称使用授权书').locator('input[type="file"]').setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('plain text, not a PDF') });
    await page.getByText('模版需为 PDF 或 Word（.docx）文件').waitFor();
    await row('名称使用授权书').getByText('内置模版（纯文本）').waitFor();

    assert.deepEqual(await chineseLines(page, '/operator/data-migration-templates'), []);
    await page.getByRole('heading', { name: 'Data migration templates' }).waitFor();
    await row('Data migration entrustment letter').getByText('letter-2026.pdf').waitFor();
    await row('Name use authorisation').getByText('Built-in template (plain text)').waitFor();
  });

  it('reasons in the reader’s language: a lapsed target halts the application at 审核通过, worded in zh-CN and English (page and inbox, no Chinese in English); an operator’s typed reason shows as typed', async () => {
    const admin = await ui.page();
    const { targetId } = await applied(admin, 'hal_mig', { source: 'Banyan Halt Tech Ltd', target: 'Banyan Halt Net Ltd', sourceShort: 'Banyan Tech', targetShort: 'Banyan', admin: 'Hal Admin' });
    await certifyUntil(ui.db(), targetId, Date.now() - 1000);

    const page = await ui.page();
    await operatorSignIn(page, 'ops_mig_en');
    await page.getByRole('menuitem', { name: '数据迁移审核' }).click();
    const card = page.locator('.ant-card').filter({ hasText: 'Banyan Halt Tech Ltd → Banyan Halt Net Ltd' }).first();
    await card.getByRole('button', { name: '审核通过' }).click();
    // Halted, it leaves the open queue.
    await card.waitFor({ state: 'detached' });

    await admin.goto('/data-migrations');
    const mine = admin.locator('.ant-card').filter({ hasText: 'Banyan Halt Tech Ltd → Banyan Halt Net Ltd' }).first();
    await mine.locator('.ant-card-head').getByText('已中止').waitFor();
    await mine.getByTestId('migration-reason').getByText('迁入企业「Banyan Halt Net Ltd」不在认证有效期内', { exact: true }).waitFor();
    await mine.locator('.ant-timeline').getByText(/已中止 · Olga Ops · .* · 迁入企业「Banyan Halt Net Ltd」不在认证有效期内/).waitFor();

    assert.deepEqual(await chineseLines(admin, '/data-migrations'), []);
    await mine.locator('.ant-card-head').getByText('Halted').waitFor();
    const halted = 'The target enterprise "Banyan Halt Net Ltd" is not within its certification validity';
    await mine.getByTestId('migration-reason').getByText(halted, { exact: true }).waitFor();
    await mine.locator('.ant-timeline').getByText(new RegExp(`Halted · Olga Ops · .* · ${halted}`)).waitFor();
    // The notice the admins got, in the member area's inbox (delivered by the server's workers).
    await admin.goto('/app');
    await admin.getByText(`Reason: the target enterprise "Banyan Halt Net Ltd" is not within its certification validity`).first().waitFor({ timeout: 30_000 });
    await admin.getByText('Data migration halted').first().waitFor();
    assert.deepEqual(await chineseLines(admin, '/app'), []);

    // What the operator types is shown as typed, in either language.
    const other = await ui.page();
    await applied(other, 'rej_mig', { source: 'Banyan Reject Tech Ltd', target: 'Banyan Reject Net Ltd', sourceShort: 'Banyan Tech', targetShort: 'Banyan', admin: 'Rae Admin' });
    await page.reload();
    const rejecting = page.locator('.ant-card').filter({ hasText: 'Banyan Reject Tech Ltd → Banyan Reject Net Ltd' }).first();
    await rejecting.getByRole('button', { name: '驳回' }).click();
    await page.getByRole('dialog').getByLabel('原因').fill('纸质材料与扫描件不一致');
    await page.getByRole('dialog').getByRole('button', { name: /驳\s*回/ }).click();
    await rejecting.waitFor({ state: 'detached' });
    await useLanguage(other, 'en');
    await other.goto('/data-migrations');
    const rejected = other.locator('.ant-card').filter({ hasText: 'Banyan Reject Tech Ltd → Banyan Reject Net Ltd' }).first();
    await rejected.locator('.ant-card-head').getByText('Rejected').waitFor();
    await rejected.getByTestId('migration-reason').getByText('纸质材料与扫描件不一致', { exact: true }).waitFor();
  });
});
