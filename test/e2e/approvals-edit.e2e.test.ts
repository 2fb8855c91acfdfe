import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { settings, type TemplateInput } from '../../src/modules/approval/testing/index.ts';
import { browserSkip, registerEnterprise, useConsole } from './browser.ts';

/** Draws a zigzag stroke across the signature pad with the mouse. */
async function sign(page: Page): Promise<void> {
  const pad = page.getByTestId('signature-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 3, box.y + 20, { steps: 5 });
  await page.mouse.move(box.x + (box.width * 2) / 3, box.y + box.height - 20, { steps: 5 });
  await page.mouse.move(box.x + box.width - 20, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
}

describe('approvals in the browser: signature pad and edit after approval', { skip: browserSkip, timeout: 180_000 }, () => {
  const ui = useConsole();

  it('the approver signs on the pad to approve; the applicant edits the approved request, which takes effect once the approver consents', async () => {
    const page = await ui.page();
    const { memberId, headers } = await registerEnterprise(page, { admin: '李四', loginName: 'lisi_sign', corp: '榕树签名科技有限公司' });
    // 电子签名 and 通过后允许编辑 on; the applicant is also the one approver (and so the one to consent).
    const input: TemplateInput = {
      name: '付款申请',
      form: [
        { id: 'reason', type: 'text', label: '付款事由', required: true },
        { id: 'amount', type: 'money', label: '金额', required: true },
      ],
      flow: [{ id: 'finance', kind: 'approver', name: '财务审批', assignee: { type: 'members', memberIds: [memberId], mode: 'all' } }],
      settings: settings({ requireSignature: true, allowEditAfterApproval: true }),
    };
    const created = await page.request.post('/api/v1/approvals/templates', { headers, data: input });
    assert.equal(created.status(), 201);
    const { id: templateId } = (await created.json()) as { id: string };

    // Submit.
    await page.goto(`/app/approvals/new/${templateId}`);
    await page.getByLabel('付款事由').fill('支付供应商货款');
    await page.getByLabel('金额').fill('100');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    const status = page.getByTestId('request-status');
    await status.getByText('审批中').waitFor();

    // Approve: the button waits for a signature drawn on the pad.
    const box = page.getByTestId('action-box');
    const unsigned = box.getByRole('button', { name: '同意', exact: true, disabled: true });
    await unsigned.waitFor();
    await sign(page);
    await unsigned.waitFor({ state: 'detached' });
    await box.getByRole('button', { name: '清除重签' }).click();
    await unsigned.waitFor();
    await sign(page);
    await box.getByRole('button', { name: '同意', exact: true, disabled: false }).click();
    await status.getByText('已通过').waitFor();
    const trail = page.getByTestId('trail-entry');
    await trail.filter({ hasText: '李四 · 同意' }).getByText('已签名').waitFor();

    // Edit: the form opens with the current values (money back in yuan).
    await page.getByRole('button', { name: '修改', exact: true }).click();
    const editForm = page.getByTestId('edit-form');
    assert.equal(await editForm.getByLabel('付款事由').inputValue(), '支付供应商货款');
    assert.equal(await editForm.getByLabel('金额').inputValue(), '100.00');
    await editForm.getByLabel('付款事由').fill('支付供应商货款及运费');
    await editForm.getByLabel('金额').fill('120');
    await editForm.getByRole('button', { name: '提交修改' }).click();

    // The edit waits for the approver's consent: the request stays approved with its old values.
    const pending = page.getByTestId('pending-edit');
    await pending.getByText('支付供应商货款及运费').waitFor();
    await pending.getByText('¥120.00', { exact: true }).waitFor();
    await pending.getByText('待处理').waitFor();
    const form = page.getByTestId('request-form');
    await form.getByText('¥100.00', { exact: true }).waitFor();
    await status.getByText('已通过').waitFor();
    await trail.filter({ hasText: '申请修改' }).getByText('付款事由：支付供应商货款及运费；金额：¥120.00', { exact: true }).waitFor();
    assert.equal(await page.getByRole('button', { name: '修改', exact: true }).count(), 0);

    // The approver agrees: the new values are the request's.
    await box.getByRole('button', { name: '同意修改' }).click();
    await form.getByText('支付供应商货款及运费').waitFor();
    await form.getByText('¥120.00', { exact: true }).waitFor();
    await pending.waitFor({ state: 'detached' });
    await trail.filter({ hasText: '同意修改' }).waitFor();
    await trail.filter({ hasText: '修改已生效' }).waitFor();

    // The same page in English.
    await page.evaluate(() => localStorage.setItem('banyan.lang', 'en'));
    await page.reload();
    await trail.filter({ hasText: 'Agreed to the edit' }).waitFor();
    await trail.filter({ hasText: 'Edit applied' }).getByText('Edit applied').waitFor();
    await trail.filter({ hasText: 'Approved' }).getByText('Signed').first().waitFor();
    await page.getByRole('button', { name: 'Edit', exact: true }).waitFor();
  });
});
