import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { DAY } from '../../src/platform/clock.ts';
import { certifyUntil } from '../../src/modules/corp/testing/index.ts';
import { creditWallet } from '../../src/modules/wallet/testing/index.ts';
import { assertFitsPhone, browserSkip, csrfHeaders, onPhone, pickOption, registerEnterprise, useConsole } from './browser.ts';

/**
 * 文件防泄漏 in the console: the policy form (禁止分享到外部 only once leak prevention is on), then a
 * confidential file the admin (a seated member) uploads, views and fails to download, and the records
 * table searched by action; the admin's 文件容量 page; the member's 我的文件 at 375 px with a folder,
 * the quota line and a deletion after its confirmation, a folder moved into another; in zh-CN and in English. The purchase and the
 * file's use go over the API.
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
    const row = page.getByTestId('file-item').filter({ hasText: '客户名单.txt' });
    await row.getByText('保密文件').waitFor();
    await row.getByText('仅可预览').waitFor();
    assert.equal(await row.getByRole('link', { name: '预览' }).getAttribute('href'), `/api/v1/files/${((await (await page.request.get('/api/v1/files')).json()) as { items: { id: string }[] }).items[0]!.id}/view`);
    const records = (await (await page.request.get('/api/v1/security/file-records?action=upload')).json()) as { items: { fileName: string }[] };
    assert.deepEqual(records.items.map((r) => r.fileName), ['客户名单.txt', '年度预算.txt']);
  });

  it('zh-CN 文件容量: the admin sees each member’s ordinary files against the quota (confidential ones take none)', async () => {
    // An ordinary file: uploaded while leak prevention is off, then the policy is put back as it was.
    const empty = { memberIds: [], departmentIds: [], tagIds: [] };
    const policy = (enabled: boolean) => page.request.put('/api/v1/security/leak-policy', { data: { enabled, scope: empty, whitelist: empty, blockDownload: true, blockExternalShare: enabled }, headers: { 'x-csrf-token': csrf } });
    assert.equal((await policy(false)).status(), 200);
    const plain = await page.request.post('/api/v1/files', { multipart: { file: { name: 'public.txt', mimeType: 'text/plain', buffer: Buffer.from('public!') } }, headers: { 'x-csrf-token': csrf } });
    assert.equal(((await plain.json()) as { confidential: boolean }).confidential, false);
    assert.equal((await policy(true)).status(), 200);

    await page.goto('/security/file-usage');
    await page.getByRole('heading', { name: '成员文件容量' }).waitFor();
    await page.getByTestId('usage-quota').getByText('每位成员的容量：2.0 GB').waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent))), [['陈保密', '已用 7 B / 2.0 GB', '1']]);
  });

  it('zh-CN 我的文件 at 375 px: the quota line, a new folder, an upload into it, and a deletion only after its confirmation (recorded for the confidential file)', async () => {
    await onPhone(page);
    await page.goto('/app/files');
    await page.getByRole('heading', { name: '我的文件' }).waitFor();
    await page.getByTestId('files-quota').getByText('已用 7 B / 2.0 GB').waitFor();
    await page.getByRole('button', { name: '新建文件夹' }).click();
    await page.getByRole('dialog').getByLabel('文件夹名称').fill('合同');
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    // antd spaces out a two-character Chinese button label (合 同); the folder icon names itself too.
    await page.getByRole('button', { name: /合\s*同/ }).click();
    await page.locator('.ant-breadcrumb').getByText('合同').waitFor();
    await page.getByText('这里还没有文件').waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: '草稿.txt', mimeType: 'text/plain', buffer: Buffer.from('草稿') });
    const item = page.getByTestId('file-item').filter({ hasText: '草稿.txt' });
    await item.getByText('保密文件').waitFor();
    await assertFitsPhone(page, 'My files in a folder');

    await item.getByText('删除').click();
    const confirm = page.getByRole('tooltip');
    await confirm.getByText('删除「草稿.txt」？').waitFor();
    await confirm.getByText('删除后不可恢复；这是保密文件，它的操作记录会保留，删除也会被记录。').waitFor();
    // Cancelled: nothing is deleted.
    await confirm.getByRole('button', { name: /取\s*消/ }).click();
    await item.waitFor();
    await item.getByText('删除').click();
    await page.getByRole('tooltip').getByRole('button', { name: /删\s*除/ }).click();
    await page.getByText('已删除').waitFor();
    await item.waitFor({ state: 'detached' });
    await page.getByText('这里还没有文件').waitFor();
    const records = (await (await page.request.get('/api/v1/security/file-records?action=delete')).json()) as { items: { fileName: string }[] };
    assert.deepEqual(records.items.map((r) => r.fileName), ['草稿.txt']);

    await page.locator('.ant-breadcrumb').getByText('我的文件').click();
    await page.getByTestId('folder-item').filter({ hasText: '合同' }).waitFor();
    await assertFitsPhone(page, 'My files');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('zh-CN 我的文件: a folder is moved into another with the move dialog, which does not offer the folder itself', async () => {
    await page.goto('/app/files');
    await page.getByRole('button', { name: '新建文件夹' }).click();
    await page.getByRole('dialog').getByLabel('文件夹名称').fill('归档');
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await page.getByTestId('folder-item').filter({ hasText: '归档' }).waitFor();
    await page.getByTestId('folder-item').filter({ hasText: '合同' }).getByText('移动').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('移动「合同」').waitFor();
    await dialog.getByRole('combobox').click();
    const offered = page.locator('.ant-select-item-option').filter({ visible: true });
    await offered.first().waitFor();
    assert.deepEqual(await offered.allTextContents(), ['归档']);
    await offered.getByText('归档', { exact: true }).click();
    await dialog.locator('.ant-select-selection-item[title="归档"], .ant-select-content[title="归档"]').waitFor();
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByTestId('folder-item').filter({ hasText: '合同' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /归\s*档/ }).click();
    await page.locator('.ant-breadcrumb').getByText('归档').waitFor();
    await page.getByTestId('folder-item').filter({ hasText: '合同' }).waitFor();
    await page.locator('.ant-breadcrumb').getByText('我的文件').click();
    await page.getByTestId('folder-item').filter({ hasText: '归档' }).waitFor();
  });

  it('English: the page and its records in English, and the member’s file page shows the file preview-only', async () => {
    await page.evaluate(() => localStorage.setItem('banyan.lang', 'en'));
    await page.goto('/security/leak');
    await page.getByRole('heading', { name: 'File leak prevention' }).waitFor();
    await page.getByText('File records').waitFor();
    await page.getByRole('cell', { name: 'Upload' }).first().waitFor();
    await page.goto('/app/files');
    await page.getByRole('heading', { name: 'My files' }).waitFor();
    await page.getByTestId('files-quota').getByText('7 B of 2.0 GB used').waitFor();
    const row = page.getByTestId('file-item').filter({ hasText: '年度预算.txt' });
    await row.getByText('Confidential').waitFor();
    await row.getByText('Preview only').waitFor();
    assert.equal(await row.getByRole('link', { name: 'Download' }).count(), 0);
    await page.getByTestId('file-item').filter({ hasText: 'public.txt' }).getByRole('link', { name: 'Download' }).waitFor();

    await page.goto('/security/file-usage');
    await page.getByRole('heading', { name: 'Members’ file storage' }).waitFor();
    await page.getByTestId('usage-quota').getByText('Each member’s quota: 2.0 GB').waitFor();
    await page.getByRole('cell', { name: '7 B of 2.0 GB used' }).waitFor();
  });

  it('English 375 px: a folder is made, renamed, refused deletion while it holds a file, and moved with its file into another', async () => {
    await onPhone(page);
    await page.goto('/app/files');
    await page.getByRole('heading', { name: 'My files' }).waitFor();
    await page.getByRole('button', { name: 'New folder' }).click();
    await page.getByRole('dialog').getByLabel('Folder name').fill('Drafts');
    await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
    const folder = page.getByTestId('folder-item').filter({ hasText: 'Drafts' });
    await folder.waitFor();
    await folder.getByText('Rename').click();
    await page.getByRole('dialog').getByLabel('Folder name').fill('Drafts 2026');
    await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
    await page.getByTestId('folder-item').filter({ hasText: 'Drafts 2026' }).waitFor();
    // public.txt goes into the folder through the move dialog.
    await page.getByTestId('file-item').filter({ hasText: 'public.txt' }).getByText('Move').click();
    await pickOption(page.getByRole('dialog').getByRole('combobox'), 'Drafts 2026');
    await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
    await page.getByTestId('file-item').filter({ hasText: 'public.txt' }).waitFor({ state: 'detached' });
    await page.getByTestId('folder-item').filter({ hasText: 'Drafts 2026' }).getByText('Delete').click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Delete' }).click();
    await page.getByText('The folder is not empty: move or delete its files and folders first').waitFor();
    await page.getByRole('button', { name: 'Drafts 2026' }).click();
    await page.getByTestId('file-item').filter({ hasText: 'public.txt' }).waitFor();
    await assertFitsPhone(page, 'My files in a folder');

    // The folder, with the file in it, moves into the one made in zh-CN.
    await page.locator('.ant-breadcrumb').getByText('My files').click();
    await page.getByTestId('folder-item').filter({ hasText: 'Drafts 2026' }).getByText('Move').click();
    await page.getByRole('dialog').getByText('Move “Drafts 2026”').waitFor();
    await pickOption(page.getByRole('dialog').getByRole('combobox'), '归档');
    await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
    await page.getByTestId('folder-item').filter({ hasText: 'Drafts 2026' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '归档' }).click();
    await page.getByRole('button', { name: 'Drafts 2026' }).click();
    await page.getByTestId('file-item').filter({ hasText: 'public.txt' }).waitFor();
    await assertFitsPhone(page, 'My files in a moved folder');
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
