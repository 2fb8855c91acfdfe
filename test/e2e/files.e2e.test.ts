import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { DAY } from '../../src/platform/clock.ts';
import { certifyUntil } from '../../src/modules/corp/testing/index.ts';
import { creditWallet } from '../../src/modules/wallet/testing/index.ts';
import { browserSkip, csrfHeaders, pickOption, registerEnterprise, useConsole } from './browser.ts';

/**
 * 文件防泄漏 in the console: the policy form (禁止分享到外部 only once leak prevention is on), then a
 * confidential file the admin (a seated member) uploads, views and fails to download, and the records
 * table searched by action, in zh-CN and in English. The purchase and the file's use go over the API.
 */
describe('file leak prevention console', { skip: browserSkip }, () => {
  const ui = useConsole();
  let page: Page;
  let csrf: string;
  let fileId: string;

  before(async () => {
    page = await ui.page();
    const res = await registerEnterprise(page, { admin: '陈保密', loginName: 'chenbm', corp: '榕树文件科技有限公司', shortName: '榕树文件' });
    await certifyUntil(ui.db(), res.corpId, Date.now() + 365 * DAY);
    await creditWallet(ui.db(), res.corpId, 100_000, Date.now());
    csrf = (await csrfHeaders(page))['x-csrf-token'];
    const bought = await page.request.post('/api/v1/features/security/purchases', { data: { seats: 1, quotedFen: 12_000, idempotencyKey: 'e2e-files-1' }, headers: { 'x-csrf-token': csrf } });
    assert.equal(bought.status(), 201, await bought.text());
    const seat = await page.request.put(`/api/v1/features/security/seats/${res.memberId}`, { headers: { 'x-csrf-token': csrf } });
    assert.equal(seat.status(), 204, await seat.text());
  });

  it('zh-CN 文件防泄漏: 禁止分享到外部 waits for leak prevention; 启用 and 禁止下载与导出 are saved and kept', async () => {
    await page.goto('/security/leak');
    await page.getByRole('heading', { name: '文件防泄漏' }).waitFor();
    assert.equal(await page.getByRole('switch', { name: '禁止分享到外部' }).isDisabled(), true);
    await page.getByRole('switch', { name: '启用' }).click();
    await page.getByRole('switch', { name: '禁止下载与导出' }).click();
    await page.getByRole('switch', { name: '禁止分享到外部' }).click();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: '文件防泄漏' }).waitFor();
    await page.getByRole('switch', { name: '禁止分享到外部', checked: true }).waitFor();
    assert.equal(await page.getByRole('switch', { name: '禁止下载与导出' }).isChecked(), true);
  });

  it('zh-CN 文件操作记录: a confidential file’s upload and view are listed, the refused download is not; the search by 操作 keeps the view', async () => {
    const uploaded = await page.request.post('/api/v1/files', { multipart: { file: { name: '年度预算.txt', mimeType: 'text/plain', buffer: Buffer.from('预算') } }, headers: { 'x-csrf-token': csrf } });
    assert.equal(uploaded.status(), 201, await uploaded.text());
    const file = (await uploaded.json()) as { id: string; confidential: boolean };
    assert.equal(file.confidential, true);
    fileId = file.id;
    assert.equal((await page.request.get(`/api/v1/files/${fileId}/view`)).status(), 200);
    assert.equal((await page.request.get(`/api/v1/files/${fileId}/download`)).status(), 403);

    await page.goto('/security/leak');
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.filter({ hasText: '上传' }).waitFor();
    assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(1, 5).map((td) => td.textContent))), [
      ['陈保密', '查看', '年度预算.txt', ''],
      ['陈保密', '上传', '年度预算.txt', ''],
    ]);
    await pickOption(page.getByTestId('record-action').locator('input'), '查看');
    await page.getByRole('button', { name: /搜\s*索/ }).click();
    await rows.filter({ hasText: '上传' }).waitFor({ state: 'detached' });
    assert.equal(await rows.count(), 1);
    assert.match((await page.getByTestId('records-export').getAttribute('href'))!, /^\/api\/v1\/security\/file-records\/export\?lang=zh-CN&action=view$/);
  });

  it('zh-CN 我的文件: a file uploaded on the page is confidential and preview-only, and its upload is recorded', async () => {
    await page.goto('/app/files');
    await page.getByRole('heading', { name: '我的文件' }).waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: '客户名单.txt', mimeType: 'text/plain', buffer: Buffer.from('名单') });
    await page.getByText('已上传').waitFor();
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '客户名单.txt' });
    await row.getByText('保密文件').waitFor();
    await row.getByText('仅可预览').waitFor();
    assert.equal(await row.getByRole('link', { name: '预 览' }).or(row.getByRole('link', { name: '预览' })).getAttribute('href'), `/api/v1/files/${((await (await page.request.get('/api/v1/files')).json()) as { items: { id: string }[] }).items[0]!.id}/view`);
    const records = (await (await page.request.get('/api/v1/security/file-records?action=upload')).json()) as { items: { fileName: string }[] };
    assert.deepEqual(records.items.map((r) => r.fileName), ['客户名单.txt', '年度预算.txt']);
  });

  it('English: the page and its records in English, and the member’s file page shows the file preview-only', async () => {
    await page.evaluate(() => localStorage.setItem('banyan.lang', 'en'));
    await page.goto('/security/leak');
    await page.getByRole('heading', { name: 'File leak prevention' }).waitFor();
    await page.getByText('File records').waitFor();
    await page.getByRole('cell', { name: 'Upload' }).first().waitFor();
    await page.goto('/app/files');
    await page.getByRole('heading', { name: 'My files' }).waitFor();
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '年度预算.txt' });
    await row.getByText('Confidential').waitFor();
    await row.getByText('Preview only').waitFor();
    assert.equal(await row.getByRole('link', { name: 'Download' }).count(), 0);
  });
});
