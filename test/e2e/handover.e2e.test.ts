import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { DAY } from '../../src/platform/clock.ts';
import { certifyUntil } from '../../src/modules/corp/testing/index.ts';
import { seedCustomers } from '../../src/modules/customers/testing/index.ts';
import { creditWallet } from '../../src/modules/wallet/testing/index.ts';
import { browserSkip, csrfHeaders, pickOption, registerEnterprise, useConsole } from './browser.ts';

/**
 * 数据资产交接 in the console: a departed member's customers are listed as waiting, the admin
 * chooses the successor and confirms, the list empties and the history shows what moved; then the
 * same in English. The purchase is made over the API, as the seats page (another area) does it.
 */
describe('data hand-over console (数据资产交接)', { skip: browserSkip, timeout: 180_000 }, () => {
  const ui = useConsole();
  let page: Page;
  let headers: Record<string, string>;
  let corpId: string;
  let root: string;

  before(async () => {
    page = await ui.page();
    corpId = (await registerEnterprise(page, { admin: '周交接', loginName: 'zhoujj', corp: '榕树交接科技有限公司', shortName: '榕树交接' })).corpId;
    await certifyUntil(ui.db(), corpId, Date.now() + 365 * DAY);
    await creditWallet(ui.db(), corpId, 100_000, Date.now());
    headers = { 'x-csrf-token': (await csrfHeaders(page))['x-csrf-token'] };
    const bought = await page.request.post('/api/v1/features/security/purchases', { data: { seats: 1, quotedFen: 12_000, idempotencyKey: 'e2e-handover-1' }, headers });
    assert.equal(bought.status(), 201, await bought.text());
    const depts = (await (await page.request.get('/api/v1/contacts/departments')).json()) as { items: { id: string; parentId: string | null }[] };
    root = depts.items.find((d) => d.parentId === null)!.id;
    await member('王芳', 'wangfang');
  });

  async function member(name: string, userid: string): Promise<string> {
    const made = await page.request.post('/api/v1/contacts/members', { headers, data: { name, userid, departmentIds: [root] } });
    assert.equal(made.status(), 201, await made.text());
    return ((await made.json()) as { id: string }).id;
  }

  /** A member with `customers` customers who then leaves. */
  async function leaver(name: string, userid: string, customers: number): Promise<void> {
    const id = await member(name, userid);
    await seedCustomers(ui.db(), corpId, id, customers, Date.now(), userid);
    assert.equal((await page.request.post(`/api/v1/contacts/members/${id}/depart`, { headers })).status(), 204);
  }

  async function handOver(page: Page, texts: { button: string; dialog: string; successor: string; confirmText: string; confirm: string }): Promise<void> {
    await page.getByRole('button', { name: texts.button }).click();
    const dialog = page.getByRole('dialog', { name: texts.dialog });
    await dialog.waitFor();
    await pickOption(dialog.getByLabel(texts.successor), '王芳');
    await dialog.getByText(texts.confirmText).waitFor();
    await dialog.getByRole('button', { name: texts.confirm }).click();
  }

  it('zh-CN: 李雷 left with 3 customers; handed to 王芳, the list empties and the record says what moved', async () => {
    await leaver('李雷', 'lilei', 3);
    await page.goto('/security/handover');
    await page.getByRole('heading', { name: '数据资产交接' }).waitFor();
    const pending = page.getByTestId('handover-pending');
    await pending.getByRole('cell', { name: '李雷', exact: true }).waitFor();
    await pending.getByText('客户 3 位').waitFor();
    await handOver(page, { button: '交接 李雷', dialog: '交接 李雷 的数据资产', successor: '继任者', confirmText: '以上数据资产将转给 王芳，交接后不可撤回。', confirm: '确认交接' });
    await page.getByText('已交接给 王芳').waitFor();
    await pending.getByText('没有待交接数据资产的离职成员').waitFor();
    const history = page.getByTestId('handover-history');
    const row = history.getByRole('row').filter({ hasText: '李雷' });
    await row.getByText('已完成').waitFor();
    assert.deepEqual(await row.getByRole('cell').allInnerTexts().then((cells) => cells.slice(1)), ['李雷', '王芳', '客户 3 位', '已完成', '周交接']);
    const recorded = (await (await page.request.get('/api/v1/security/handovers')).json()) as { items: { moved: { customers: number }; state: string }[] };
    assert.deepEqual(recorded.items.map((h) => [h.moved.customers, h.state]), [[3, 'completed']]);
  });

  it('zh-CN 离职自动交接: with the rule set to 王芳, 孙七’s departure hands her customers over by itself', async () => {
    await page.goto('/security/handover');
    await page.getByRole('radio', { name: '自动交接给指定成员' }).check();
    await pickOption(page.getByLabel('指定成员', { exact: true }), '王芳');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存').waitFor();
    const rule = (await (await page.request.get('/api/v1/security/handover-rule')).json()) as { rule: { mode: string } };
    assert.equal(rule.rule.mode, 'member');
    await leaver('孙七', 'sunqi', 2);
    // The rule runs once the departure is delivered from the outbox.
    await ui.delivered();
    await page.reload();
    const row = page.getByTestId('handover-history').getByRole('row').filter({ hasText: '孙七' });
    await row.getByText('自动交接（规则）').waitFor();
    assert.deepEqual(await row.getByRole('cell').allInnerTexts().then((cells) => cells.slice(1)), ['孙七', '王芳', '客户 2 位', '已完成', '自动交接（规则）']);
    await page.getByRole('radio', { name: '提醒管理员手动交接' }).check();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存').first().waitFor();
  });

  it('English: the same page in English', async () => {
    await leaver('赵六', 'zhaoliu', 1);
    await page.evaluate(() => localStorage.setItem('banyan.lang', 'en'));
    await page.goto('/security/handover');
    await page.getByRole('heading', { name: 'Data hand-over' }).waitFor();
    await page.getByTestId('handover-pending').getByText('Customers: 1').waitFor();
    await handOver(page, { button: 'Hand over 赵六', dialog: 'Hand over the data of 赵六', successor: 'Successor', confirmText: 'This data goes to 王芳; a hand-over cannot be undone.', confirm: 'Confirm hand-over' });
    await page.getByText('Handed over to 王芳').waitFor();
    await page.getByTestId('handover-pending').getByText('No departed member has data waiting for a hand-over').waitFor();
    await page.getByTestId('handover-history').getByRole('row').filter({ hasText: '赵六' }).getByText('Completed').waitFor();
  });
});
