import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSkip, openedDialog, registerEnterprise, useConsole } from './browser.ts';

const CORP_NAME = '榕树通讯录科技有限公司';

const registerVia = (page: Page, loginName: string) => registerEnterprise(page, { admin: '林森', loginName, corp: CORP_NAME, shortName: '榕树' });

describe('contacts console', { skip: browserSkip, timeout: 180_000 }, () => {
  const ui = useConsole();

  it('creates a department, adds a member, finds them by pinyin and marks them departed (zh-CN), then reads in English', async () => {
    const page = await ui.page();
    await registerVia(page, 'contacts_e2e');
    await page.goto('/contacts');
    await page.getByRole('heading', { name: '通讯录' }).waitFor();

    // A department under the root.
    await page.getByRole('button', { name: `${CORP_NAME} 操作` }).click();
    await page.getByRole('menuitem', { name: '添加子部门' }).click();
    let deptDialog = await openedDialog(page);
    await deptDialog.getByLabel('部门名称').fill('研发中心');
    await deptDialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByTestId('dept-研发中心').waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // A second department, dragged above the first.
    await page.getByRole('button', { name: `${CORP_NAME} 操作` }).click();
    await page.getByRole('menuitem', { name: '添加子部门' }).click();
    deptDialog = await openedDialog(page);
    await deptDialog.getByLabel('部门名称').fill('市场部');
    await deptDialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const order = () => page.locator('.ant-tree-treenode [data-testid^="dept-"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')));
    assert.deepEqual(await order(), [`dept-${CORP_NAME}`, 'dept-研发中心', 'dept-市场部']);
    const target = page.getByTestId('dept-研发中心');
    await page.getByTestId('dept-市场部').getByText('市场部').dragTo(target, { targetPosition: { x: 10, y: 2 } });
    await page.waitForFunction(() => document.querySelectorAll('.ant-tree-treenode [data-testid^="dept-"]')[1]?.getAttribute('data-testid') === 'dept-市场部');
    assert.deepEqual(await order(), [`dept-${CORP_NAME}`, 'dept-市场部', 'dept-研发中心']);
    await page.getByTestId('dept-研发中心').getByText('研发中心').click();
    await page.locator('.ant-tree-treenode-selected').getByText('研发中心').waitFor();

    // A member in it.
    await page.getByRole('button', { name: '添加成员' }).click();
    const drawer = page.locator('.ant-drawer');
    // The drawer fills in the selected department as it opens: typed before that, a field is reset.
    await drawer.locator('.ant-select-selection-item').getByText('研发中心').waitFor();
    await drawer.getByLabel('姓名').fill('王小明');
    await drawer.getByLabel('账号').fill('wangxiaoming');
    await drawer.getByLabel('手机').fill('13800001234');
    await drawer.getByLabel('职务').fill('工程师');
    await drawer.getByRole('button', { name: '保 存' }).or(drawer.getByRole('button', { name: '保存' })).click();
    const table = page.locator('.ant-table');
    await table.getByText('王小明').waitFor();
    // WeCom's 研发部（12）: the count of the department with its sub-departments.
    const count = (name: string) => page.getByTestId(`members-of-${name}`);
    await count('研发中心').getByText('（1）', { exact: true }).waitFor();
    await count(CORP_NAME).getByText('（2）', { exact: true }).waitFor();

    // A department name already taken under the same parent: the refusal shows under the name, and only there.
    await page.getByRole('button', { name: `${CORP_NAME} 操作` }).click();
    await page.getByRole('menuitem', { name: '添加子部门' }).click();
    deptDialog = await openedDialog(page);
    await deptDialog.getByLabel('部门名称').fill('研发中心');
    await deptDialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await deptDialog.locator('.ant-form-item-explain-error').getByText('同一上级部门下已有同名部门', { exact: true }).waitFor();
    assert.equal(await deptDialog.locator('.ant-alert').count(), 0);
    // A new name clears it.
    await deptDialog.getByLabel('部门名称').fill('前端组');
    await deptDialog.locator('.ant-form-item-explain-error').waitFor({ state: 'detached' });
    await deptDialog.getByRole('button', { name: /取\s*消|Cancel/ }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // A sub-department of 研发中心, with a member of its own.
    await page.getByRole('button', { name: '研发中心 操作' }).click();
    await page.getByRole('menuitem', { name: '添加子部门' }).click();
    deptDialog = await openedDialog(page);
    await deptDialog.getByLabel('部门名称').fill('前端组');
    await deptDialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByTestId('dept-前端组').getByText('前端组').click();
    await page.locator('.ant-tree-treenode-selected').getByText('前端组').waitFor();

    // A member the server refuses: the userid, then the phone, each under its own field.
    await page.getByRole('button', { name: '添加成员' }).click();
    await drawer.locator('.ant-select-selection-item').getByText('前端组').waitFor();
    await drawer.getByLabel('姓名').fill('李四');
    await drawer.getByLabel('账号').fill('wangxiaoming');
    await drawer.getByLabel('手机').fill('13800001234');
    const save = drawer.getByRole('button', { name: '保 存' }).or(drawer.getByRole('button', { name: '保存' }));
    await save.click();
    const fieldErrors = drawer.locator('.ant-form-item-explain-error');
    await drawer.locator('.ant-form-item').filter({ has: page.getByLabel('账号') }).getByText('该账号已被企业内其他成员使用', { exact: true }).waitFor();
    assert.deepEqual(await fieldErrors.allInnerTexts(), ['该账号已被企业内其他成员使用']);
    assert.equal(await drawer.locator('.ant-alert').count(), 0);
    await drawer.getByLabel('账号').fill('lisi');
    await save.click();
    await drawer.locator('.ant-form-item').filter({ has: page.getByLabel('手机') }).getByText('该手机号已被企业内其他成员使用', { exact: true }).waitFor();
    assert.deepEqual(await fieldErrors.allInnerTexts(), ['该手机号已被企业内其他成员使用']);
    await drawer.getByLabel('手机').fill('13800005678');
    await save.click();
    await drawer.waitFor({ state: 'hidden' });
    await table.getByText('李四').waitFor();
    await count('前端组').getByText('（1）', { exact: true }).waitFor();
    await count('研发中心').getByText('（2）', { exact: true }).waitFor();
    await count(CORP_NAME).getByText('（3）', { exact: true }).waitFor();
    await page.getByTestId('dept-研发中心').getByText('研发中心').click();
    await table.getByText('王小明').waitFor();
    await page.getByTestId('members-total').getByText('共 2 人', { exact: true }).waitFor();

    // Found by pinyin initials, not by an unrelated word, and by userid.
    const search = page.getByPlaceholder('搜索姓名、拼音、手机号或账号');
    await search.fill('wxm');
    await search.press('Enter');
    await table.getByText('王小明').waitFor();
    await search.fill('zhangsan');
    await search.press('Enter');
    await table.getByText('王小明').waitFor({ state: 'detached' });
    await search.fill('wangxiaoming');
    await search.press('Enter');

    // Departure.
    await table.getByText('王小明').click();
    await drawer.getByRole('button', { name: '办理离职' }).click();
    const departure = page.waitForResponse((response) => response.url().endsWith('/depart'));
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    assert.equal((await departure).status(), 204);
    // The drawer closes and the member leaves the current list; the toast may already be gone on a busy machine.
    await drawer.waitFor({ state: 'hidden' });
    await table.getByText('王小明').waitFor({ state: 'detached' });
    await page.getByText('已离职', { exact: true }).first().click();
    await table.getByText('王小明').waitFor();

    // English.
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByRole('heading', { name: 'Contacts' }).waitFor();
    await page.getByText('Include sub-departments').waitFor({ state: 'detached' });
    await table.getByText('Departed').waitFor();
  });
  it('imports a members file: every bad row is listed and nothing is written; a good file shows progress to the end', async () => {
    const page = await ui.page();
    await registerVia(page, 'contacts_import_e2e');
    await page.goto('/contacts');
    await page.getByRole('heading', { name: '通讯录' }).waitFor();
    const upload = async (lines: string[]) => {
      await page.getByRole('button', { name: '导入' }).click();
      const dialog = await openedDialog(page);
      await dialog.locator('input[type=file]').setInputFiles({ name: 'members.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`) });
      await dialog.getByRole('button', { name: '开始导入' }).click();
      return dialog;
    };

    // The limit is stated, and a file over it is refused before anything is sent.
    await page.getByRole('button', { name: '导入' }).click();
    let dialog = await openedDialog(page);
    await dialog.getByTestId('import-limit').getByText('文件大小不超过 20 MB，超过请拆分成多个文件分别导入。', { exact: true }).waitFor();
    let sent = 0;
    const count = (request: { url(): string }) => void (request.url().endsWith('/api/v1/contacts/imports') && sent++);
    page.on('request', count);
    // Made inside the page: sending 20 MB through the browser's debugging protocol takes seconds.
    await dialog.locator('input[type=file]').evaluate((input: HTMLInputElement) => {
      const files = new DataTransfer();
      files.items.add(new File([new Uint8Array(20 * 1024 * 1024 + 1)], 'big.csv', { type: 'text/csv' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await dialog.getByTestId('import-too-large').getByText('该文件超过 20 MB，无法导入，请拆分成多个文件后分别导入', { exact: true }).waitFor();
    assert.equal(await dialog.getByRole('button', { name: '开始导入' }).isDisabled(), true);
    page.off('request', count);
    assert.equal(sent, 0);
    await dialog.locator('.ant-modal-close').click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    dialog = await upload(['姓名,账号,手机,部门', '赵一,zhaoyi,13600000001,' + CORP_NAME, '钱二,qianer,136,不存在的部门']);
    await dialog.getByText('文件中有错误，未导入任何数据').waitFor();
    const errors = dialog.locator('.ant-table-tbody tr');
    await errors.first().waitFor();
    assert.deepEqual(await errors.allInnerTexts(), ['3\tphone\t格式错误', '3\tdepartments\t部门不存在']);
    await dialog.getByRole('button', { name: 'OK' }).click();
    await page.locator('.ant-table').getByText('赵一').waitFor({ state: 'detached' });

    dialog = await upload(['姓名,账号,手机,部门', '赵一,zhaoyi,13600000001,' + CORP_NAME, '钱二,qianer,13600000002,' + CORP_NAME]);
    await dialog.getByText('导入完成，共导入 2 条', { exact: true }).waitFor();
    await dialog.getByTestId('import-progress').and(page.locator('.ant-progress-status-success')).waitFor();
    await dialog.getByRole('button', { name: 'OK' }).click();
    await page.locator('.ant-table').getByText('钱二').waitFor();
  });

  it('pages the members with their total and a page size changer, in zh-CN and in English', async () => {
    const page = await ui.page();
    const corp = await registerVia(page, 'contacts_pages_e2e');
    const departments = await page.request.get('/api/v1/contacts/departments');
    const root = ((await departments.json()) as { items: { id: string }[] }).items[0]!.id;
    for (let i = 1; i <= 25; i++) {
      const n = String(i).padStart(2, '0');
      const res = await page.request.post('/api/v1/contacts/members', { headers: corp.headers, data: { name: `成员${n}`, userid: `member${n}`, departmentIds: [root] } });
      assert.equal(res.status(), 201, await res.text());
    }
    await page.goto('/contacts');
    const table = page.locator('.ant-table');
    const names = () => table.locator('tbody tr td:first-child').allInnerTexts();
    const total = page.getByTestId('members-total');
    await total.getByText('共 26 人', { exact: true }).waitFor();
    await page.getByTestId(`members-of-${CORP_NAME}`).getByText('（26）', { exact: true }).waitFor();
    assert.deepEqual(await names(), Array.from({ length: 20 }, (_, i) => `成员${String(i + 1).padStart(2, '0')}`));
    // Page 2: the rest, in pinyin order (chengyuan… before linsen).
    await page.locator('.ant-pagination-item-2').click();
    await table.getByText('林森').waitFor();
    assert.deepEqual(await names(), ['成员21', '成员22', '成员23', '成员24', '成员25', '林森']);
    // 50 a page: everyone on the first page.
    await page.locator('.ant-pagination-options').getByRole('combobox').click();
    await page.locator('.ant-select-item-option').getByText('50 条/页', { exact: true }).click();
    await table.getByText('成员01').waitFor();
    assert.equal((await names()).length, 26);
    assert.equal(await page.locator('.ant-pagination-item-active').innerText(), '1');
    // A search counts only what it finds.
    const search = page.getByPlaceholder('搜索姓名、拼音、手机号或账号');
    await search.fill('member2');
    await search.press('Enter');
    await total.getByText('共 6 人', { exact: true }).waitFor();
    assert.deepEqual(await names(), ['成员20', '成员21', '成员22', '成员23', '成员24', '成员25']);

    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByRole('heading', { name: 'Contacts' }).waitFor();
    await total.getByText('6 members', { exact: true }).waitFor();
    await page.getByTestId(`members-of-${CORP_NAME}`).getByText('(26)', { exact: true }).waitFor();
    const searchEn = page.getByPlaceholder('Search name, pinyin, phone or userid');
    await searchEn.fill('member25');
    await searchEn.press('Enter');
    await total.getByText('1 member', { exact: true }).waitFor();
    // The refusal under its field, in English.
    await page.getByRole('button', { name: 'Add member' }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.locator('.ant-select-selection-item').getByText(CORP_NAME).waitFor();
    await drawer.getByLabel('Name').fill('Extra');
    await drawer.getByLabel('User ID').fill('member25');
    await drawer.getByRole('button', { name: 'Save' }).click();
    await drawer.locator('.ant-form-item').filter({ has: page.getByLabel('User ID') }).getByText('This userid is already used in the enterprise', { exact: true }).waitFor();
    assert.deepEqual(await drawer.locator('.ant-form-item-explain-error').allInnerTexts(), ['This userid is already used in the enterprise']);
  });
});
