import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { settings, type TemplateInput } from '../../src/modules/approval/testing/index.ts';
import type { Db } from '../../src/platform/db/tables.ts';
import { DirectoryFixture } from '../../src/modules/directory/testing/index.ts';
import { createAccount } from '../../src/modules/account/index.ts';
import { TEST_SCRYPT } from '../support/app.ts';
import { browserSkip, PASSWORD, pickOption, registerEnterprise, useConsole, type RegisteredEnterprise } from './browser.ts';

type Template = { visibility: unknown; assistantIds: string[]; settings: { withdrawRunning: boolean; withdrawApproved: string; withdrawApprovedDays: number } };

/** An enterprise with a template the admin approves, and a member to make assistant. */
async function enterprise(page: Page, db: Db, loginName: string): Promise<RegisteredEnterprise & { templateId: string; helperId: string }> {
  const e = await registerEnterprise(page, { admin: 'Ada', loginName, corp: `${loginName} Ltd`, shortName: loginName.slice(0, 4) });
  const account = await db.transaction().execute((trx) => createAccount(trx, Date.now(), TEST_SCRYPT, { name: 'Bob', loginName: `${loginName}_bob`, password: PASSWORD }));
  const helperId = await (await DirectoryFixture.open(db, e.corpId, Date.now)).member('Bob', undefined, { userid: `${loginName}_bob`, accountId: account.id });
  const input: TemplateInput = {
    name: 'Travel',
    form: [{ id: 'reason', type: 'text', label: 'Reason', required: true }],
    flow: [{ id: 'boss', kind: 'approver', name: 'Boss', assignee: { type: 'members', memberIds: [e.memberId], mode: 'all' } }],
    settings: settings(),
  };
  const created = await page.request.post('/api/v1/approvals/templates', { headers: e.headers, data: input });
  assert.equal(created.status(), 201);
  return { ...e, helperId, templateId: ((await created.json()) as { id: string }).id };
}

/** Submits a request as the admin and approves it, through the API: what the data page then lists. */
async function approvedRequest(page: Page, e: RegisteredEnterprise & { templateId: string }): Promise<string> {
  const submitted = await page.request.post('/api/v1/approvals/requests', { headers: e.headers, data: { templateId: e.templateId, form: { reason: 'Trip' } } });
  assert.equal(submitted.status(), 201);
  const { instanceId } = (await submitted.json()) as { instanceId: string };
  const detail = (await (await page.request.get(`/api/v1/approvals/requests/${instanceId}`)).json()) as { tasks: { id: string }[] };
  assert.equal((await page.request.post(`/api/v1/approvals/tasks/${detail.tasks[0]!.id}/actions`, { headers: e.headers, data: { action: 'approve' } })).status(), 200);
  return instanceId;
}

const texts = async (page: Page, selector: string) => (await page.locator(selector).allInnerTexts()).map((x) => x.trim());

describe('approvals in the browser: 可见范围, 撤销权限, 协助管理 and 审批数据', { skip: browserSkip, timeout: 180_000 }, () => {
  const ui = useConsole();

  for (const lang of ['zh-CN', 'en'] as const) {
    const l = lang === 'zh-CN'
      ? { edit: '编辑', basics: '基础设置', limited: '指定成员、部门或标签', members: '成员', rules: '规则设置', withinDays: '通过后指定天数内可撤销', days: '天数', assistants: '协助管理', save: '保存', withdraw: '撤销', withdrawn: '已撤销', status: '状态', search: '查询', export: '导出', headers: ['审批模板', '申请人', '提交人', '状态', '提交时间', '完成时间', '详情'], assisted: '我协助管理的模板', data: '审批数据', back: '返回模板列表' }
      : { edit: 'Edit', basics: 'Basics', limited: 'Chosen members, departments or tags', members: 'Members', rules: 'Rule settings', withinDays: 'Withdrawable for a number of days', days: 'Days', assistants: 'Assistant managers', save: 'Save', withdraw: 'Withdraw', withdrawn: 'Withdrawn', status: 'Status', search: 'Search', export: 'Export', headers: ['Template', 'Applicant', 'Submitted by', 'Status', 'Submitted at', 'Finished at', 'Details'], assisted: 'Templates I help manage', data: 'Approval data', back: 'Back to templates' };

    it(`${lang}: the admin sets the visible range, the withdrawal right and an assistant on the template page; the applicant withdraws the approved request; 审批数据 filters and exports it`, async () => {
      const page = await ui.page();
      const e = await enterprise(page, ui.db(), `appr_manage_${lang === 'en' ? 'en' : 'zh'}`);
      await page.goto('/');
      await page.evaluate((lng) => localStorage.setItem('banyan.lang', lng), lang);

      // Template page: 可见范围 (only Ada), 撤销权限 (5 days after approval), 协助管理 (Bob).
      await page.goto(`/approvals?edit=${e.templateId}`);
      await page.getByRole('tab', { name: l.basics }).waitFor();
      const visibility = page.getByTestId('visibility');
      await visibility.getByText(l.limited, { exact: true }).click();
      await pickOption(visibility.getByLabel(l.members, { exact: true }), 'Ada');
      await page.getByRole('tab', { name: l.rules }).click();
      await page.getByTestId('rule-withdraw').getByText(l.withinDays, { exact: true }).click();
      await page.getByRole('spinbutton', { name: l.days }).fill('5');
      await pickOption(page.getByTestId('assistants').getByLabel(l.assistants), 'Bob');
      await page.getByRole('button', { name: l.save, exact: true }).click();
      await page.getByRole('button', { name: l.edit, exact: true }).waitFor();
      const saved = (await (await page.request.get(`/api/v1/approvals/templates/${e.templateId}`)).json()) as Template;
      assert.deepEqual(saved.visibility, { memberIds: [e.memberId], departmentIds: [], tagIds: [] });
      assert.deepEqual(saved.assistantIds, [e.helperId]);
      assert.deepEqual([saved.settings.withdrawRunning, saved.settings.withdrawApproved, saved.settings.withdrawApprovedDays], [true, 'within_days', 5]);

      // The applicant withdraws the approved request within the 5 days, after a confirmation.
      const requestId = await approvedRequest(page, e);
      await page.goto(`/app/approvals/requests/${requestId}`);
      await page.getByRole('button', { name: l.withdraw, exact: true }).click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: /OK|确\s*定/ }).click();
      await page.getByTestId('request-status').getByText(l.withdrawn, { exact: true }).waitFor();
      assert.equal(await page.getByRole('button', { name: l.withdraw, exact: true }).count(), 0);

      // 审批数据: every request, filtered by status, with the export of the same filter.
      await approvedRequest(page, e);
      await page.goto('/approvals/data');
      const table = page.getByTestId('data-table');
      await table.locator('tbody tr.ant-table-row').nth(1).waitFor();
      assert.deepEqual(await texts(page, '[data-testid="data-table"] thead th'), l.headers);
      await pickOption(page.getByTestId('data-status').locator('input'), l.withdrawn);
      await page.getByRole('button', { name: l.search, exact: true }).click();
      await table.locator('tbody tr.ant-table-row').nth(1).waitFor({ state: 'detached' });
      // The filtered table may be between its loading state and its one row.
      await table.locator('tbody tr.ant-table-row').getByText(l.withdrawn, { exact: true }).waitFor();
      const row = await texts(page, '[data-testid="data-table"] tbody tr.ant-table-row td');
      assert.deepEqual([row[0], row[1], row[2], row[3]], ['Travel', 'Ada', 'Ada', l.withdrawn]);
      const href = await page.getByTestId('data-export').getAttribute('href');
      assert.equal(href, `/api/v1/approvals/data/export?lang=${lang}&status=withdrawn`);
      const file = await page.request.get(href!);
      assert.equal(file.status(), 200);
      assert.equal(file.headers()['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

      // 协助管理: Bob, no admin, finds the template and its 审批数据 in the member area; the assistant list is not his to change.
      const bob = await ui.page();
      assert.equal((await bob.request.post('/api/v1/auth/sign-in', { data: { login: `appr_manage_${lang === 'en' ? 'en' : 'zh'}_bob`, password: PASSWORD } })).status(), 200);
      await bob.goto('/login');
      await bob.evaluate((lng) => localStorage.setItem('banyan.lang', lng), lang);
      await bob.goto('/app/approvals');
      const assisted = bob.getByTestId('assisted');
      await assisted.getByText(l.assisted, { exact: true }).waitFor();
      await assisted.getByRole('link', { name: 'Travel', exact: true }).click();
      await bob.getByRole('tab', { name: l.rules }).click();
      assert.equal(await bob.getByTestId('assistants').locator('.ant-select-disabled').count(), 1);
      await bob.getByRole('button', { name: l.back, exact: true }).click();
      await assisted.getByRole('link', { name: l.data, exact: true }).click();
      await bob.getByTestId('data-table').locator('tbody tr.ant-table-row').nth(1).waitFor();
      assert.deepEqual((await bob.getByTestId('data-table').locator('tbody tr.ant-table-row td:first-child').allInnerTexts()).map((x) => x.trim()), ['Travel', 'Travel']);
    });
  }
});
