import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSkip, PASSWORD, useConsole } from './browser.ts';

const CORP_NAME = '榕树网络科技有限公司';

async function register(page: Page): Promise<void> {
  await page.goto('/');
  await page.waitForURL('**/login');
  await page.getByRole('link', { name: '注册企业' }).click();
  await page.getByLabel('你的姓名').fill('张三');
  await page.getByLabel('登录名', { exact: true }).fill('zhangsan');
  await page.getByLabel('登录密码').fill(PASSWORD);
  await page.getByLabel('确认密码').fill(PASSWORD);
  await page.getByLabel('企业全称').fill(CORP_NAME);
  await page.getByLabel('对外简称').fill('榕树网络');
  await page.getByLabel('行业类型').click();
  await page.getByTitle('教育').click();
  await page.getByRole('button', { name: '注册', exact: true }).click();
}

async function signIn(page: Page, login: string, password: string): Promise<void> {
  await page.getByLabel('手机号或登录名').fill(login);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

describe('console shell', { skip: browserSkip, timeout: 120_000 }, () => {
  const ui = useConsole();

  it('registers an enterprise, signs out and in again, and remembers the language', async () => {
    const page = await ui.page();
    await register(page);

    const main = page.getByRole('main');
    // The first page is 首页; the enterprise's profile is under 我的企业.
    await page.getByRole('heading', { name: '首页' }).waitFor();
    await page.getByTestId('nav-tabs').getByRole('menuitem', { name: '我的企业' }).click();
    await page.waitForURL('**/corp');
    await main.getByText(CORP_NAME, { exact: true }).waitFor();
    await main.getByText('教育', { exact: true }).waitFor();
    await main.getByText('未认证').waitFor();

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL('**/login');

    await signIn(page, 'zhangsan', PASSWORD);
    await page.getByRole('heading', { name: '首页' }).waitFor();
    await page.goto('/corp');
    await main.getByText(CORP_NAME, { exact: true }).waitFor();

    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByRole('heading', { name: 'Enterprise profile' }).waitFor();
    await page.getByTestId('nav-tabs').getByRole('menuitem', { name: 'Admin tools' }).waitFor();

    await page.reload();
    await page.getByRole('heading', { name: 'Enterprise profile' }).waitFor();
    await main.getByText('Education', { exact: true }).waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('banyan.lang')), 'en');
  });

  it("WeCom's top tabs, each with its own side menu; the page's item is highlighted, also on a 404 under its path's tab", async () => {
    const page = await ui.page();
    await page.goto('/login');
    await signIn(page, 'zhangsan', PASSWORD);
    await page.getByRole('heading', { name: 'Home' }).or(page.getByRole('heading', { name: '首页' })).waitFor();
    await page.evaluate(() => localStorage.setItem('banyan.lang', 'zh-CN'));
    await page.goto('/wallet/orders');
    const tabs = page.getByTestId('nav-tabs');
    const side = page.locator('.ant-layout-sider');
    await side.getByRole('menuitem', { name: '企业订单' }).waitFor();
    assert.deepEqual(await tabs.getByRole('menuitem').allTextContents(), ['首页', '通讯录', '协作', '应用管理', '客户与上下游', '高级功能', '管理工具', '我的企业']);
    assert.deepEqual(await side.getByRole('menuitem').allTextContents(), ['外部联系人规模', '获客助手', '安全管理高级功能', '企业订单', '企业充值']);
    const selected = async () => [await tabs.locator('.ant-menu-item-selected').textContent(), await side.locator('.ant-menu-item-selected').textContent()];
    assert.deepEqual(await selected(), ['高级功能', '企业订单']);

    // 安全管理's functions are pages of 安全管理: linked from it, not in the side menu, which highlights 安全管理 on them.
    await side.getByRole('menuitem', { name: '安全管理高级功能' }).click();
    await page.getByTestId('security-functions').getByRole('link', { name: 'IP 访问限制' }).click();
    await page.waitForURL('**/security/ip');
    assert.deepEqual(await side.getByRole('menuitem').allTextContents(), ['外部联系人规模', '获客助手', '安全管理高级功能', '企业订单', '企业充值']);
    assert.deepEqual(await selected(), ['高级功能', '安全管理高级功能']);

    await tabs.getByRole('menuitem', { name: '应用管理' }).click();
    await page.waitForURL('**/apps');
    await side.getByRole('menuitem', { name: 'API 令牌' }).waitFor();
    assert.deepEqual(await side.getByRole('menuitem').allTextContents(), ['应用管理', '打卡', 'API 令牌']);
    // 防作弊管理 is a page of 打卡: linked from the rules page, which stays highlighted.
    await side.getByRole('menuitem', { name: '打卡' }).click();
    await page.getByRole('link', { name: '防作弊管理' }).click();
    await page.waitForURL('**/attendance/anti-cheat');
    assert.deepEqual(await selected(), ['应用管理', '打卡']);

    // A page that does not exist shows under the tab of its path's first segment, else under 首页.
    await page.goto('/wallet/no-such-page');
    await page.getByText('页面不存在').waitFor();
    assert.equal(await tabs.locator('.ant-menu-item-selected').textContent(), '高级功能');
    await page.goto('/no-such-page');
    await page.getByText('页面不存在').waitFor();
    assert.equal(await tabs.locator('.ant-menu-item-selected').textContent(), '首页');
  });

  it('the register form shows one message per field: 企业全称 of a space is empty, not also too short; 对外简称 of 21 spaces, not also too long', async () => {
    const page = await ui.page();
    await page.goto('/register');
    await page.getByLabel('企业全称').fill(' ');
    await page.getByLabel('对外简称').fill(' '.repeat(21));
    await page.getByRole('button', { name: '注册', exact: true }).click();
    const messages = async (label: string): Promise<string[]> => {
      const errors = page.locator('.ant-form-item', { has: page.getByLabel(label, { exact: true }) }).locator('.ant-form-item-explain-error');
      await errors.first().waitFor();
      return errors.allInnerTexts();
    };
    assert.deepEqual(await messages('企业全称'), ['企业全称不能为空字符']);
    assert.deepEqual(await messages('对外简称'), ['对外简称不能为空字符']);
    assert.deepEqual(await messages('登录名'), ['请输入登录名']);
  });

  it('says so when the password is wrong', async () => {
    const page = await ui.page();
    await page.goto('/login');
    await signIn(page, 'zhangsan', 'not-the-password');
    await page.getByRole('alert').getByText('账号或密码错误').waitFor();
    assert.equal(new URL(page.url()).pathname, '/login');
  });
});
