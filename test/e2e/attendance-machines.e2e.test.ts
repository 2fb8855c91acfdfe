import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSkip, openedDialog, registerEnterprise, useConsole } from './browser.ts';

/**
 * 考勤机 in the console: a machine added (打卡 and 门禁: 配套使用) shows its secret once, and the machine
 * pushes with it; pairing switched off leaves one use, both off is refused with the server's sentence;
 * a rotated secret replaces the old one at once. In zh-CN, then the same in English.
 */
describe('attendance machines console (考勤机)', { skip: browserSkip, timeout: 180_000 }, () => {
  const ui = useConsole();
  let page: Page;
  let corpId: string;

  before(async () => {
    page = await ui.page();
    const res = await registerEnterprise(page, { admin: '郑考勤', loginName: 'zhengkq', corp: '榕树考勤科技有限公司', shortName: '榕树考勤' });
    corpId = res.corpId;
  });

  const push = (secret: string, deviceId: string, punchId: string) =>
    page.request.post('/api/v1/attendance/machine-punches', { data: { corpId, deviceId, punches: [{ punchId, memberId: 'mem_nobody' }] }, headers: { authorization: `Bearer ${secret}` } });
  const deviceIdOf = async (name: string) => {
    const list = (await (await page.request.get('/api/v1/attendance/machines')).json()) as { items: { deviceId: string; name: string }[] };
    return list.items.find((m) => m.name === name)!.deviceId;
  };
  async function shownSecret(): Promise<string> {
    const dialog = await openedDialog(page);
    const secret = (await dialog.getByTestId('machine-secret').innerText()).trim();
    assert.match(secret, /^bym_/);
    await dialog.getByRole('button', { name: /^(确\s*定|OK)$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    return secret;
  }

  it('zh-CN: 添加考勤机 (配套使用), the secret shown once works; pairing off serves one; both off is refused; 重置密钥', async () => {
    await page.goto('/attendance/machines');
    const main = page.getByRole('main');
    await main.getByRole('heading', { name: '考勤机' }).waitFor();
    await main.getByRole('button', { name: '添加考勤机' }).click();
    const dialog = await openedDialog(page);
    await dialog.getByLabel('考勤机名称').fill('前台考勤机');
    await dialog.getByLabel('序列号').fill('SN-E2E-1');
    await dialog.getByLabel('型号').fill('K1');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    const secret = await shownSecret();
    const row = main.getByRole('row').filter({ hasText: '前台考勤机' });
    await row.getByText('配套使用').waitFor();
    await row.getByText('0 名成员、1 个部门、0 个标签').waitFor();
    const deviceId = await deviceIdOf('前台考勤机');
    assert.equal((await push(secret, deviceId, 'p1')).status(), 200);

    // Pairing off: 门禁 off leaves 打卡 only; then 打卡 off too is refused, and the switch stays on.
    await row.getByRole('switch', { name: '前台考勤机 用于门禁' }).click();
    await row.getByText('仅打卡').waitFor();
    await row.getByRole('switch', { name: '前台考勤机 用于打卡' }).click();
    await page.getByText('考勤机至少需用于打卡或门禁之一').waitFor();
    assert.equal(await row.getByRole('switch', { name: '前台考勤机 用于打卡' }).getAttribute('aria-checked'), 'true');
    await row.getByText('仅打卡').waitFor();

    await row.getByRole('button', { name: '重置密钥' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: /确\s*定|OK/ }).click();
    const rotated = await shownSecret();
    assert.notEqual(rotated, secret);
    assert.equal((await push(secret, deviceId, 'p2')).status(), 401);
    assert.equal((await push(rotated, deviceId, 'p3')).status(), 200);
  });

  it('English: the same page, in English', async () => {
    await page.evaluate(() => localStorage.setItem('banyan.lang', 'en'));
    await page.goto('/attendance/machines');
    const main = page.getByRole('main');
    await main.getByRole('heading', { name: 'Attendance machines' }).waitFor();
    const row = main.getByRole('row').filter({ hasText: '前台考勤机' });
    await row.getByText('Clock-in only').waitFor();
    await row.getByText('0 members, 1 departments, 0 tags').waitFor();
    await row.getByRole('switch', { name: '前台考勤机 serves door access' }).click();
    await row.getByText('Both (paired)').waitFor();
    await row.getByRole('switch', { name: '前台考勤机 serves clock-in' }).click();
    await row.getByText('Door access only').waitFor();
    await row.getByRole('switch', { name: '前台考勤机 serves door access' }).click();
    await page.getByText('A machine serves clock-in, door access or both: switch at least one on.').waitFor();
    await main.getByRole('button', { name: 'Add machine' }).click();
    const dialog = await openedDialog(page);
    await dialog.getByLabel('Machine name').fill('Side door');
    await dialog.getByLabel('Serial number').fill('SN-E2E-2');
    await dialog.getByLabel('Model').fill('D1');
    await dialog.getByRole('switch', { name: 'Serves clock-in' }).click();
    await dialog.getByRole('button', { name: 'OK' }).click();
    await shownSecret();
    await main.getByRole('row').filter({ hasText: 'Side door' }).getByText('Door access only').waitFor();
  });
});
