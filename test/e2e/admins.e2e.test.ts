import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserSkip, openedDialog, pickOption, registerEnterprise, useConsole } from './browser.ts';

describe('admins console (权限管理)', { skip: browserSkip, timeout: 180_000 }, () => {
  const ui = useConsole();

  it('adds a super admin, creates an admin group over a department, adds a hierarchical admin in it (zh-CN), then reads in English', async () => {
    // An outside support account (代运营) exists elsewhere.
    const outside = await ui.page();
    await registerEnterprise(outside, { admin: '外包支持', loginName: 'support_e2e', corp: '外包服务有限公司' });

    const page = await ui.page();
    const { headers } = await registerEnterprise(page, { admin: '林森', loginName: 'admins_e2e', corp: '榕树权限科技有限公司' });
    const depts = (await (await page.request.get('/api/v1/contacts/departments')).json()) as { items: { id: string; parentId: string | null }[] };
    const root = depts.items.find((d) => d.parentId === null)!.id;
    const sales = await page.request.post('/api/v1/contacts/departments', { headers, data: { parentId: root, name: '销售部' } });
    assert.equal(sales.status(), 201);
    const salesId = ((await sales.json()) as { id: string }).id;
    const member = await page.request.post('/api/v1/contacts/members', { headers, data: { name: '周销售', userid: 'zhouxs', departmentIds: [salesId] } });
    assert.equal(member.status(), 201);
    const idle = await page.request.post('/api/v1/contacts/members', { headers, data: { name: '吴空', userid: 'wukong', departmentIds: [salesId] } });
    assert.equal(idle.status(), 201);

    await page.goto('/admins');
    await page.getByRole('heading', { name: '权限管理' }).waitFor();
    await page.getByTestId('creator-name').getByText('林森').waitFor();

    // 1. An external super admin (代运营), by login name.
    await page.getByRole('button', { name: '添加外部超级管理员' }).click();
    await page.getByLabel('登录名').fill('support_e2e');
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByTestId('super-admins').getByText('外包支持').waitFor();
    await page.getByTestId('super-admins').getByText('外部（代运营）').waitFor();

    // 2. An admin group over 销售部.
    await page.getByRole('button', { name: '新建管理组' }).click();
    const groupDialog = await openedDialog(page);
    await groupDialog.getByLabel('管理组名称').fill('销售管理组');
    await groupDialog.getByLabel('通讯录权限').click();
    await page.locator('.ant-select-tree').getByTitle('销售部').click();
    await groupDialog.locator('.ant-select-selection-item').getByText('销售部').waitFor();
    await groupDialog.getByLabel('管理组名称').click();
    await groupDialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByTestId('admin-groups').getByText('销售管理组').waitFor();
    await page.getByTestId('admin-groups').getByText('1 个部门，0 个应用', { exact: true }).waitFor();

    // 3. A hierarchical admin seated in the group.
    await page.getByRole('button', { name: '添加分级管理员' }).click();
    const adminDialog = await openedDialog(page);
    await pickOption(adminDialog.getByLabel('成员'), '周销售 (zhouxs)', { search: 'zhou', shownAs: '周销售' });
    await pickOption(adminDialog.getByLabel('所属管理组'), '销售管理组');
    await adminDialog.getByRole('button', { name: /确\s*定/ }).click();
    const admins = page.getByTestId('hierarchical-admins');
    await admins.getByText('周销售').waitFor();
    await admins.getByText('销售管理组').waitFor();
    await page.getByTestId('admin-groups').getByText('周销售').waitFor();
    // 周销售 is an admin now: adding another does not offer them again.
    await page.getByRole('button', { name: '添加分级管理员' }).click();
    const again = await openedDialog(page);
    await again.getByLabel('成员').fill('zhou');
    await page.locator('.ant-select-dropdown:visible').getByText('暂无数据').or(page.locator('.ant-select-dropdown:visible .ant-empty')).first().waitFor();
    assert.equal(await page.locator('.ant-select-dropdown:visible').getByText('周销售 (zhouxs)').count(), 0);
    await again.getByRole('button', { name: /取\s*消/ }).click();
    await page.locator('.ant-modal').waitFor({ state: 'detached' });

    // A hierarchical admin with no rights and no group is saved only after a warning.
    await page.getByRole('button', { name: '添加分级管理员' }).click();
    const bare = (await openedDialog(page)).filter({ hasText: '添加分级管理员' });
    await pickOption(bare.getByLabel('成员'), '吴空 (wukong)', { search: 'wukong', shownAs: '吴空' });
    await bare.getByRole('button', { name: /确\s*定/ }).click();
    const warning = page.locator('.ant-modal-confirm');
    await warning.locator('.ant-modal-confirm-title').getByText('该管理员没有任何权限').waitFor();
    await warning.getByText('未选择通讯录权限、应用权限或管理组，该分级管理员登录后看不到任何部门和应用。仍要保存吗？').waitFor();
    await warning.getByRole('button', { name: /取\s*消/ }).click();
    await warning.waitFor({ state: 'detached' });
    // Cancelled: the form stays open and nothing was saved.
    await bare.getByLabel('成员').waitFor();
    const unsaved = (await (await page.request.get('/api/v1/admins')).json()) as { admins: { name: string }[] };
    assert.deepEqual(unsaved.admins.map((a) => a.name), ['周销售']);
    await bare.getByRole('button', { name: /确\s*定/ }).click();
    await warning.getByRole('button', { name: '仍然保存' }).click();
    await admins.getByText('吴空').waitFor();
    await admins.getByRole('row').filter({ hasText: '吴空' }).getByText('0 个部门，0 个应用', { exact: true }).first().waitFor();

    // The same page in English.
    await page.evaluate(() => localStorage.setItem('banyan.lang', 'en'));
    await page.reload();
    await page.getByRole('heading', { name: 'Admins' }).waitFor();
    await page.getByTestId('super-admins').getByText('External (support)').waitFor();
    await page.getByTestId('hierarchical-admins').getByText('1 department, 0 apps', { exact: true }).first().waitFor();
  });

  it('binds a device and creates a custom app whose secret is shown once', async () => {
    const page = await ui.page();
    await registerEnterprise(page, { admin: '陈设备', loginName: 'apps_e2e', corp: '榕树硬件科技有限公司' });
    await page.goto('/devices');
    await page.getByRole('heading', { name: '硬件设备' }).waitFor();
    await page.getByRole('button', { name: '绑定新设备' }).click();
    const dialog = await openedDialog(page);
    await dialog.getByLabel('设备名称').fill('前台考勤机');
    await dialog.getByLabel('序列号').fill('SN-E2E-1');
    await dialog.getByLabel('型号').fill('K1');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByRole('main').getByText('SN-E2E-1', { exact: true }).waitFor();

    await page.goto('/apps');
    await page.getByRole('heading', { name: '应用管理' }).waitFor();
    await page.getByRole('main').getByText('审批', { exact: true }).waitFor();
    await page.getByRole('button', { name: '创建应用' }).click();
    const appDialog = await openedDialog(page);
    await appDialog.getByLabel('应用名称').fill('周报助手');
    await appDialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('请立即复制并妥善保存 Secret，关闭后将无法再次查看。').waitFor();
    const secret = await page.getByRole('dialog').locator('code').textContent();
    assert.match(secret ?? '', /^bys_/);
    await page.getByRole('main').getByText('周报助手').waitFor();
  });
});
