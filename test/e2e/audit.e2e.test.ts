import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSkip, pickOption, registerEnterprise, useConsole } from './browser.ts';

const sentences = (page: Page) => page.getByTestId('audit-sentence').allInnerTexts();

describe('audit log console (操作日志)', { skip: browserSkip, timeout: 180_000 }, () => {
  const ui = useConsole();

  it('shows each action as a sentence with the target linked and the creator as 创建者, filters by type and person, exports .xlsx (zh-CN, then English)', async () => {
    const page = await ui.page();
    const { headers } = await registerEnterprise(page, { admin: '张三', loginName: 'audit_e2e', corp: '榕树审计科技', shortName: '榕树审计' });
    const depts = (await (await page.request.get('/api/v1/contacts/departments')).json()) as { items: { id: string; parentId: string | null }[] };
    const root = depts.items.find((d) => d.parentId === null)!.id;
    const member = await page.request.post('/api/v1/contacts/members', { headers, data: { name: '李四', userid: 'lisi', departmentIds: [root] } });
    assert.equal(member.status(), 201);
    const liSi = ((await member.json()) as { id: string }).id;
    const admin = await page.request.post('/api/v1/admins/hierarchical', { headers, data: { memberId: liSi, rights: { departmentIds: [root], apps: [], deviceBind: false, deviceIds: [] } } });
    assert.equal(admin.status(), 204);

    await page.goto('/audit');
    await page.getByRole('heading', { name: '操作日志' }).waitFor();
    await page.getByText('张三 把 李四 设为分级管理员').waitFor();
    assert.deepEqual(await sentences(page), ['张三 把 李四 设为分级管理员', '张三 添加了成员 李四', '张三 注册了企业']);
    assert.deepEqual(await page.getByTestId('actor-role').allInnerTexts(), ['创建者', '创建者', '创建者']);
    assert.equal(await page.getByTestId('audit-target').first().getAttribute('href'), '/contacts');
    assert.equal(await page.locator('body').getByText('admin.add_hierarchical_admin').count(), 0);

    // By type, from the server's list.
    await pickOption(page.getByLabel('操作类型'), '添加成员', { search: '添加成员' });
    await page.getByRole('button', { name: /查\s*询|搜\s*索/ }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="audit-sentence"]').length === 1);
    assert.deepEqual(await sentences(page), ['张三 添加了成员 李四']);
    const exportHref = await page.getByTestId('audit-export').getAttribute('href');
    assert.equal(exportHref, '/api/v1/audit/export?lang=zh-CN&action=contacts.member.create');
    const file = await page.request.get(exportHref!);
    assert.equal(file.status(), 200);
    assert.equal(file.headers()['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

    // By person: 李四 did nothing.
    await page.getByRole('button', { name: /重\s*置/ }).click();
    await pickOption(page.getByLabel('操作人'), '李四 (lisi)', { search: '李四' });
    await page.getByRole('button', { name: /查\s*询|搜\s*索/ }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="audit-sentence"]').length === 0);

    // English.
    await page.evaluate(() => localStorage.setItem('banyan.lang', 'en'));
    await page.reload();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await page.getByText('张三 made 李四 a hierarchical admin').waitFor();
    assert.deepEqual(await sentences(page), ['张三 made 李四 a hierarchical admin', '张三 added the member 李四', '张三 registered the enterprise']);
    assert.deepEqual(await page.getByTestId('actor-role').allInnerTexts(), ['Creator', 'Creator', 'Creator']);
    await page.getByLabel('Action type').fill('hierarchical admin');
    assert.deepEqual(await page.locator('.ant-select-item-option').filter({ visible: true }).allInnerTexts(), ['Added a hierarchical admin', 'Changed a hierarchical admin', 'Removed a hierarchical admin']);
    assert.equal(await page.getByTestId('audit-export').getAttribute('href'), '/api/v1/audit/export?lang=en');
  });
});
