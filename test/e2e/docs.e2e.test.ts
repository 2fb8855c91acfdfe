import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { createAccount } from '../../src/modules/account/index.ts';
import { DirectoryFixture } from '../../src/modules/directory/testing/index.ts';
import { xlsxFixture } from '../../src/modules/docs/testing/index.ts';
import { TEST_SCRYPT } from '../support/app.ts';
import { browserSkip, csrfHeaders, PASSWORD, registerEnterprise, useConsole } from './browser.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';


/**
 * 文档/表格 in Chromium: an .xlsx with notes imported from the docs page shows them as comments;
 * 50 cells edited in the sheet editor make a revision in 修订记录; with 禁止仅浏览成员发表动态 on, a
 * view-only member is refused commenting — in zh-CN and in English.
 */
describe('docs console', { skip: browserSkip, timeout: 300_000 }, () => {
  const ui = useConsole();
  let admin: Page;
  let corpId: string;

  before(async () => {
    admin = await ui.page();
    const res = await registerEnterprise(admin, { admin: '林文档', loginName: 'lin_docs', corp: '榕树文档科技有限公司', shortName: '榕树文档' });
    corpId = res.corpId;
  });

  async function memberPage(name: string, loginName: string): Promise<{ page: Page; memberId: string }> {
    const account = await ui.db().transaction().execute((trx) => createAccount(trx, Date.now(), TEST_SCRYPT, { name, loginName, password: PASSWORD }));
    const contacts = await DirectoryFixture.open(ui.db(), corpId, Date.now);
    const memberId = await contacts.member(name, undefined, { userid: loginName, accountId: account.id });
    const page = await ui.page();
    assert.equal((await page.request.post('/api/v1/auth/sign-in', { data: { login: loginName, password: PASSWORD } })).status(), 200);
    assert.equal((await page.request.put('/api/v1/me/current-corp', { headers: await csrfHeaders(page), data: { corpId } })).status(), 200);
    return { page, memberId };
  }

  it('zh-CN 批注会以评论的形式存在: an imported sheet shows its notes and threaded comments as comments on their cells', async () => {
    await admin.goto('/app/docs');
    await admin.getByRole('heading', { name: '文档' }).waitFor();
    const content = await xlsxFixture([
      {
        name: '预算',
        dimension: 'A1:B2',
        cells: [
          { ref: 'A1', value: '项目' },
          { ref: 'B2', value: 1200 },
        ],
        notes: [{ ref: 'B2', author: '王会计', text: '含税金额' }],
        threaded: [
          { ref: 'A1', person: '李经理', text: '请核对项目名称' },
          { ref: 'A1', person: '王会计', text: '已核对' },
        ],
      },
    ]);
    await admin.locator('input[type=file]').setInputFiles({ name: '预算表.xlsx', mimeType: XLSX, buffer: content });
    await admin.getByText('已导入：2 个单元格，3 条评论').waitFor();
    await admin.getByRole('link', { name: '预算表' }).click();
    const threads = admin.getByTestId('comment-thread');
    await threads.filter({ hasText: '含税金额' }).waitFor();
    assert.deepEqual(await threads.allInnerTexts(), ['单元格 A1\n李经理：请核对项目名称\n王会计：已核对\n解决\n回复', '单元格 B2\n王会计：含税金额\n解决\n回复']);
    assert.equal(await admin.getByLabel('B2', { exact: true }).inputValue(), '1200');
  });

  it('zh-CN 修改 50 个单元格生成历史记录: 49 cells leave them pending, the 50th makes a revision in 修订记录', async () => {
    await admin.goto('/app/docs');
    await admin.getByRole('button', { name: '新建表格' }).click();
    await admin.getByLabel('标题').fill('销售台账');
    await admin.getByRole('button', { name: /确\s*定|OK/ }).click();
    await admin.getByRole('link', { name: '销售台账' }).click();
    await admin.getByTestId('sheet-grid').waitFor();
    const cols = ['A', 'B', 'C', 'D', 'E'];
    for (let i = 0; i < 50; i++) {
      const cell = admin.getByLabel(`${cols[i % 5]}${Math.floor(i / 5) + 1}`, { exact: true });
      await cell.fill(`值${i + 1}`);
      const saved = admin.waitForResponse((r) => r.url().includes('/cells') && r.request().method() === 'PATCH');
      await cell.press('Enter');
      await saved;
      if (i === 48) {
        await admin.getByRole('tab', { name: '修订记录' }).click();
        await admin.getByText('林文档 有 49 个单元格的修改尚未生成修订').waitFor();
        assert.equal(await admin.getByTestId('revision').count(), 0);
      }
    }
    const revision = admin.getByTestId('revision');
    await revision.filter({ hasText: '修改了 50 个单元格' }).waitFor();
    assert.match(await revision.innerText(), /^林文档 · \d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})? · 修改了 50 个单元格/);
  });

  it('zh-CN 禁止仅浏览成员发表动态: with the switch on, a view-only member cannot comment; an editor still can', async () => {
    const viewer = await memberPage('周只读', 'zhou_view');
    const created = await admin.request.post('/api/v1/docs/files', { headers: await csrfHeaders(admin), data: { kind: 'document', title: '季度计划' } });
    const fileId = ((await created.json()) as { id: string }).id;
    await admin.request.put(`/api/v1/docs/files/${fileId}/shares`, { headers: await csrfHeaders(admin), data: { shares: [{ kind: 'member', id: viewer.memberId, access: 'view' }], linkAccess: 'off' } });
    await admin.goto('/app/docs');
    const ban = admin.getByRole('switch', { name: '禁止仅浏览成员发表动态' });
    await ban.click();
    await admin.getByText('已保存').waitFor();
    assert.equal(await ban.getAttribute('aria-checked'), 'true');
    await viewer.page.goto(`/app/docs/${fileId}`);
    await viewer.page.getByText('管理员已开启“禁止仅浏览成员发表动态”，你不能评论').waitFor();
    assert.equal(await viewer.page.getByLabel('写下评论').count(), 0);
    const refused = await viewer.page.request.post(`/api/v1/docs/files/${fileId}/comments`, { headers: await csrfHeaders(viewer.page), data: { body: '试试' } });
    assert.equal(refused.status(), 403);
    await admin.goto(`/app/docs/${fileId}`);
    await admin.getByLabel('写下评论').fill('编辑者照常评论');
    await admin.getByRole('button', { name: '发表评论' }).click();
    await admin.getByTestId('comment-thread').filter({ hasText: '编辑者照常评论' }).waitFor();

    await viewer.page.evaluate(() => localStorage.setItem('banyan.lang', 'en'));
    await viewer.page.reload();
    await viewer.page.getByText('Your admin turned on “view-only members may not post”: you cannot comment').waitFor();
    await viewer.page.getByText('View only', { exact: true }).waitFor();
  });

  it('English: the docs page, an imported sheet’s comments and the history', async () => {
    await admin.evaluate(() => localStorage.setItem('banyan.lang', 'en'));
    await admin.goto('/app/docs');
    await admin.getByRole('heading', { name: 'Docs' }).waitFor();
    await admin.getByRole('switch', { name: 'View-only members may not post' }).waitFor();
    await admin.getByRole('link', { name: '预算表' }).click();
    await admin.getByTestId('comment-thread').filter({ hasText: 'Cell B2' }).waitFor();
    await admin.getByRole('tab', { name: 'History' }).click();
    await admin.getByText('No revisions yet').waitFor();
    await admin.goto('/app/docs');
    await admin.getByRole('link', { name: '销售台账' }).click();
    await admin.getByRole('tab', { name: 'History' }).click();
    await admin.getByTestId('revision').filter({ hasText: 'changed 50 cells' }).waitFor();
  });
});
