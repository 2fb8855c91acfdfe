import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { settings, type TemplateInput } from '../../src/modules/approval/testing/index.ts';
import { DirectoryFixture } from '../../src/modules/directory/testing/index.ts';
import { browserSkip, PASSWORD, pickOption, registerEnterprise, useConsole } from './browser.ts';

async function register(page: Page): Promise<void> {
  await page.goto('/register');
  await page.getByLabel('你的姓名').fill('张三');
  await page.getByLabel('登录名', { exact: true }).fill('zhangsan');
  await page.getByLabel('登录密码').fill(PASSWORD);
  await page.getByLabel('确认密码').fill(PASSWORD);
  await page.getByLabel('企业全称').fill('榕树审批科技有限公司');
  await page.getByLabel('对外简称').fill('榕树审批');
  await page.getByLabel('行业类型').click();
  await page.getByTitle('教育').click();
  await page.getByRole('button', { name: '注册', exact: true }).click();
  // Registered: the console opens on 首页.
  await page.getByRole('heading', { name: '首页' }).waitFor();
}

/** Adds a node after position `index` of the main chain and sets its one member. */
async function addNode(page: Page, index: number, kind: '审批人' | '办理人' | '抄送人'): Promise<void> {
  await page.getByTestId(`flow-add-${index}`).click();
  await page.getByRole('menuitem', { name: kind, exact: true }).click();
  const panel = page.getByTestId('node-panel');
  await panel.getByLabel('选择成员').click();
  await page.getByTitle('张三', { exact: true }).last().click();
  await panel.locator('.ant-select-selection-item').getByText('张三', { exact: true }).waitFor();
  await page.keyboard.press('Escape');
  await panel.locator('.ant-drawer-close').click();
  await panel.waitFor({ state: 'hidden' });
}

describe('approvals in the browser', { skip: browserSkip, timeout: 180_000 }, () => {
  const ui = useConsole();

  it('designs a template with an approver, a handler and a CC node, then submits, approves and handles a request', async () => {
    const page = await ui.page();
    await register(page);

    // Admin: a new template with one text field and the chain approver → handler → CC.
    await page.goto('/approvals');
    await page.getByRole('button', { name: '新建模板' }).click();
    await page.getByLabel('模板名称').fill('付款申请');
    await page.getByRole('button', { name: '添加控件' }).click();
    await page.getByLabel('控件名称').fill('付款事由');
    await page.getByRole('tab', { name: '审批流程设置' }).click();
    await addNode(page, 0, '审批人');
    await addNode(page, 1, '办理人');
    await addNode(page, 2, '抄送人');
    await page.getByTestId('flow-node-approver').getByText('张三').waitFor();
    await page.getByRole('tab', { name: '规则设置' }).click();
    await page.getByText('办理人提交办理结果时，必须填写办理意见').click();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('cell', { name: '付款申请' }).waitFor();

    // Member area: submit a request, see the path, approve, then handle with the required comment.
    await page.goto('/app');
    await page.getByRole('button', { name: /审批$/ }).click();
    await page.getByRole('button', { name: '发起申请' }).click();
    await page.getByRole('menuitem', { name: '付款申请' }).click();
    await page.getByLabel('付款事由').fill('支付供应商货款');
    await page.getByRole('button', { name: '预览流程' }).click();
    // A node still named after its kind is titled once: 办理人, not 办理人（办理人）.
    await page.getByTestId('preview').getByText('办理人', { exact: true }).waitFor();
    assert.equal(await page.getByTestId('preview').getByText('办理人（办理人）').count(), 0);
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.getByTestId('request-status').getByText('审批中').waitFor();

    const box = page.getByTestId('action-box');
    await box.getByLabel('意见').fill('同意付款');
    await box.getByRole('button', { name: '同意' }).click();
    await box.getByRole('button', { name: '确认办理' }).waitFor();
    await box.getByRole('button', { name: '确认办理' }).click();
    await page.getByText('请填写意见').waitFor();
    await box.getByLabel('意见').fill('已打款');
    await box.getByRole('button', { name: '确认办理' }).click();
    await page.getByTestId('request-status').getByText('已通过').waitFor();
    await page.getByText('“已打款”').waitFor();
    // The flow's own closing line names who recorded it: the system, not a blank.
    await page.getByTestId('trail-entry').filter({ hasText: '系统 · 审批通过' }).waitFor();

    // The trail says why each task went to whom.
    await page.getByText('为什么是 TA').first().click();
    await page.getByText('指定成员（或签（一人同意即可））').first().waitFor();

    // The handler's to-do list is empty again; the request shows under 已处理.
    await page.goto('/app/approvals');
    await page.getByRole('tab', { name: '已处理' }).click();
    await page.getByTestId('approval-item').first().waitFor();
  });

  it('offers no 转交, 加签 or 申请人自选 of the applicant; a 退回 ends the 加签 step, which the flow marks as ended (zh-CN and English)', async () => {
    const page = await ui.page();
    const { corpId, memberId, headers } = await registerEnterprise(page, { admin: '王五', loginName: 'wangwu_return', corp: '榕树退回科技有限公司', shortName: '榕树退回' });
    const contacts = await DirectoryFixture.open(ui.db(), corpId, Date.now);
    const applicant = await contacts.member('赵六');
    await contacts.member('钱七');
    // 王五 approves twice (初审, 复审) a request submitted on behalf of 赵六.
    const input: TemplateInput = {
      name: '用章申请',
      form: [{ id: 'reason', type: 'text', label: '用章事由', required: true }],
      flow: [
        { id: 'first', kind: 'approver', name: '初审', assignee: { type: 'members', memberIds: [memberId], mode: 'all' } },
        { id: 'second', kind: 'approver', name: '复审', assignee: { type: 'members', memberIds: [memberId], mode: 'all' } },
      ],
      settings: settings({ allowAddApprovers: true, allowOnBehalf: true }),
    };
    const created = await page.request.post('/api/v1/approvals/templates', { headers, data: input });
    assert.equal(created.status(), 201);
    const submitted = await page.request.post('/api/v1/approvals/requests', { headers, data: { templateId: ((await created.json()) as { id: string }).id, applicantId: applicant, form: { reason: '合同盖章' } } });
    assert.equal(submitted.status(), 201);
    const requestUrl = `/app/approvals/requests/${((await submitted.json()) as { instanceId: string }).instanceId}`;
    await page.goto(requestUrl);

    const box = page.getByTestId('action-box');
    await box.getByRole('button', { name: '同意', exact: true }).click();
    await page.getByTestId('trail-entry').filter({ hasText: '王五 · 同意' }).waitFor();

    // The pickers offer neither the approver themselves nor the applicant.
    const offered = async (label: string): Promise<string[]> => {
      const dropdown = page.locator('.ant-select-dropdown').filter({ visible: true });
      await dropdown.first().waitFor({ state: 'hidden' });
      await box.getByLabel(label).click();
      await dropdown.locator('.ant-select-item-option').getByText('钱七', { exact: true }).waitFor();
      const texts = await dropdown.locator('.ant-select-item-option').allInnerTexts();
      await page.keyboard.press('Escape');
      await dropdown.first().waitFor({ state: 'hidden' });
      return texts;
    };
    assert.deepEqual(await offered('转交'), ['钱七']);
    assert.deepEqual(await offered('加签'), ['钱七']);
    await pickOption(box.getByLabel('加签'), '钱七');
    await box.getByRole('button', { name: '加签', exact: true }).click();
    const steps = page.getByTestId('request-step');
    await steps.filter({ hasText: '加签审批人' }).getByText('临时审批人，由审批人加签（会签（需所有人同意））').waitFor();

    // 王五 returns 复审 to 初审: the temporary approver's step ends.
    await box.getByRole('button', { name: '退回', exact: true }).click();
    const added = steps.filter({ hasText: '加签审批人' });
    await added.getByTestId('step-dropped').getByText('已结束（退回）', { exact: true }).waitFor();
    await added.getByText('审批单已退回到之前的节点：此临时审批人节点不再需要审批').waitFor();
    await page.getByTestId('trail-entry').filter({ hasText: '王五 · 退回' }).waitFor();
    await box.getByRole('button', { name: '同意', exact: true }).waitFor();

    // 申请人自选: the applicant is not offered for their own approval step, whoever the applicant is.
    const pickTemplate = await page.request.post('/api/v1/approvals/templates', {
      headers,
      data: { ...input, name: '采购申请', flow: [{ id: 'pa', kind: 'approver', name: '自选审批人', assignee: { type: 'pick', range: null, max: 1, mode: 'any' } }] },
    });
    assert.equal(pickTemplate.status(), 201);
    await page.goto(`/app/approvals/new/${((await pickTemplate.json()) as { id: string }).id}`);
    const form = page.getByRole('main');
    const offeredFor = async (): Promise<string[]> => {
      const dropdown = page.locator('.ant-select-dropdown').filter({ visible: true });
      // No other dropdown still open (or closing): only the pick's options are read.
      await dropdown.first().waitFor({ state: 'hidden' });
      await form.getByLabel('选择自选审批人').click();
      await dropdown.locator('.ant-select-item-option').getByText('钱七', { exact: true }).waitFor();
      const texts = await dropdown.locator('.ant-select-item-option').allInnerTexts();
      await page.keyboard.press('Escape');
      await dropdown.first().waitFor({ state: 'hidden' });
      return texts;
    };
    assert.deepEqual(await offeredFor(), ['赵六', '钱七']);
    await pickOption(form.getByLabel('代谁提交（可选）'), '赵六');
    assert.deepEqual(await offeredFor(), ['王五', '钱七']);

    await page.goto(requestUrl);
    await page.evaluate(() => localStorage.setItem('banyan.lang', 'en'));
    await page.reload();
    await page.getByTestId('step-dropped').getByText('Ended by a return', { exact: true }).waitFor();
  });
});
