import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { DAY } from '../../src/platform/clock.ts';
import { certifyUntil } from '../../src/modules/corp/testing/index.ts';
import { creditWallet } from '../../src/modules/wallet/testing/index.ts';
import { browserSkip, csrfHeaders, pickOption, registerEnterprise, useConsole } from './browser.ts';

/**
 * 安全管理 in the console: IP 访问限制 (a range with host bits refused naming it, then saved), 水印
 * (turned on for contacts, then drawn over the contacts page with the admin's name), 截屏/录屏管控
 * (turned on, and a client's report listed), in zh-CN and in English. The purchase is made over the
 * API, as the seats page (another area) does it.
 */
describe('security console', { skip: browserSkip, timeout: 180_000 }, () => {
  const ui = useConsole();
  let page: Page;
  let csrf: string;

  before(async () => {
    page = await ui.page();
    const res = await registerEnterprise(page, { admin: '周安全', loginName: 'zhouaq', corp: '榕树安全科技有限公司', shortName: '榕树安全' });
    const corpId = res.corpId;
    await certifyUntil(ui.db(), corpId, Date.now() + 365 * DAY);
    await creditWallet(ui.db(), corpId, 100_000, Date.now());
    csrf = (await csrfHeaders(page))['x-csrf-token'];
    const bought = await page.request.post('/api/v1/features/security/purchases', { data: { seats: 1, quotedFen: 12_000, idempotencyKey: 'e2e-security-1' }, headers: { 'x-csrf-token': csrf } });
    assert.equal(bought.status(), 201, await bought.text());
  });

  it('zh-CN IP 访问限制: 203.0.113.5/24 is refused naming it; 203.0.113.0/24 is saved', async () => {
    await page.goto('/security/ip');
    await page.getByRole('heading', { name: 'IP 访问限制' }).waitFor();
    await page.getByRole('switch', { name: '启用' }).click();
    await page.getByLabel('邮件：允许的 IP/IP 段').fill('203.0.113.5/24');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('IP 段的主机位必须为 0（例如 203.0.113.0/24）: 203.0.113.5/24').waitFor();
    await page.getByLabel('邮件：允许的 IP/IP 段').fill('203.0.113.0/24\n2001:db8:abcd::/48');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存').waitFor();
    await page.reload();
    assert.equal(await page.getByLabel('邮件：允许的 IP/IP 段').inputValue(), '203.0.113.0/24\n2001:db8:abcd::/48');
  });

  it('zh-CN 水印设置: turned on for contacts, the contacts page carries the admin’s name', async () => {
    await page.goto('/security/watermark');
    await page.getByRole('heading', { name: '水印设置' }).waitFor();
    await page.getByRole('switch', { name: '通讯录 启用' }).click();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存').waitFor();
    await page.goto('/contacts');
    const mark = page.getByTestId('surface-watermark');
    await mark.waitFor();
    assert.equal(await mark.getAttribute('data-text'), '周安全');
  });

  it('zh-CN 暗水印: on for contacts, text copied from the contacts page decodes back to the admin', async () => {
    await page.goto('/security/watermark');
    await page.getByRole('switch', { name: '通讯录 暗水印' }).click();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存').waitFor();
    await page.goto('/contacts');
    const hidden = page.getByTestId('hidden-watermark');
    await hidden.waitFor({ state: 'attached' });
    const mark = (await hidden.textContent())!;
    assert.match(mark, /^[\u2060\u200b\u200c]+$/);
    await page.goto('/security/decode');
    await page.getByRole('heading', { name: '暗水印解析' }).waitFor();
    await page.getByLabel('待解析的文字').fill(`通讯录 ${mark}周安全`);
    await page.getByRole('button', { name: '解析' }).click();
    await page.getByRole('cell', { name: '周安全' }).waitFor();
  });

  it('zh-CN 截屏/录屏管控: turned on; a client’s report is listed', async () => {
    await page.goto('/security/screen-capture');
    await page.getByRole('heading', { name: '截屏/录屏管控' }).waitFor();
    await page.getByRole('switch', { name: '启用' }).click();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存').waitFor();
    const mine = await page.request.get('/api/v1/security/my-client-policies');
    assert.deepEqual(await mine.json(), { screenCaptureRestricted: true, shareExternalRestricted: false });
    const reported = await page.request.post('/api/v1/security/violations', { data: { kind: 'screen_capture', detail: '审批详情页截屏' }, headers: { 'x-csrf-token': csrf } });
    assert.equal(reported.status(), 201);
    await page.reload();
    await page.getByRole('cell', { name: '审批详情页截屏' }).waitFor();
  });

  it('zh-CN scope pickers take departments and tags: a department and a tag in the scope, a tag in the whitelist, kept after a reload', async () => {
    const tag = await page.request.post('/api/v1/contacts/tags', { data: { name: '外勤' }, headers: { 'x-csrf-token': csrf } });
    assert.equal(tag.status(), 201);
    const tagId = ((await tag.json()) as { id: string }).id;
    await page.goto('/security/screen-capture');
    await page.getByRole('heading', { name: '截屏/录屏管控' }).waitFor();
    await page.getByLabel('生效范围（不选表示全部成员） 部门（含子部门）').click();
    await page.locator('.ant-select-tree').getByTitle('榕树安全科技有限公司').click();
    await page.locator('.ant-select-selection-item').getByText('榕树安全科技有限公司').waitFor();
    await page.getByRole('heading', { name: '截屏/录屏管控' }).click();
    await pickOption(page.getByLabel('生效范围（不选表示全部成员） 标签'), '外勤');
    await pickOption(page.getByLabel('白名单 标签'), '外勤');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存').first().waitFor();
    const saved = (await (await page.request.get('/api/v1/security/client-policies/screen_capture')).json()) as { policy: { scope: { departmentIds: string[]; tagIds: string[] }; whitelist: { tagIds: string[] } } };
    assert.equal(saved.policy.scope.departmentIds.length, 1);
    assert.deepEqual([saved.policy.scope.tagIds, saved.policy.whitelist.tagIds], [[tagId], [tagId]]);
    await page.reload();
    const scopeTags = page.locator('.ant-select', { has: page.getByLabel('生效范围（不选表示全部成员） 标签') });
    await scopeTags.locator('.ant-select-selection-item[title="外勤"]').waitFor();
  });

  it('English: the same pages, in English', async () => {
    await page.evaluate(() => localStorage.setItem('banyan.lang', 'en'));
    await page.goto('/security/ip');
    await page.getByRole('heading', { name: 'IP access restriction' }).waitFor();
    await page.getByLabel('Drive: allowed addresses and networks').fill('198.51.100.7/24');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('An IP range must have its host bits zero (for example 203.0.113.0/24): 198.51.100.7/24').waitFor();
    await page.goto('/security/watermark');
    await page.getByRole('heading', { name: 'Watermarks' }).waitFor();
    assert.equal(await page.getByRole('switch', { name: 'Contacts On' }).isChecked(), true);
    await page.goto('/security/decode');
    await page.getByRole('heading', { name: 'Decode hidden watermark' }).waitFor();
    await page.getByLabel('Text to decode').fill('nothing hidden here');
    await page.getByRole('button', { name: 'Decode' }).click();
    await page.getByText('No hidden watermark of a member of this enterprise found').waitFor();
    await page.goto('/security/share-external');
    await page.getByRole('heading', { name: 'Share to external' }).waitFor();
    await page.getByText('Reported violations').waitFor();
  });
});
