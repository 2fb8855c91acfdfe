import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { chinaTime, DAY } from '../../src/platform/clock.ts';
import { setCategory } from '../../src/modules/category/testing/index.ts';
import { creditWallet } from '../../src/modules/wallet/testing/index.ts';
import { insertMember, rootDepartmentId } from '../../src/modules/directory/index.ts';
import { assertFitsPhone, browserSkip, onPhone, openedDialog, pickOption, registerEnterprise, useConsole } from './browser.ts';
import { tablesOf } from '../support/tables.ts';

/**
 * The customer business in the console: the business category (未知 → 审核中 → approved), customers
 * with the served count and one-way contacts, the acquisition assistant (link, usage, a customer
 * clicking) and security-feature seats. The operator's review, the certification and the top-up
 * are done on the server side, as their own consoles would.
 */
describe('customer business console', { skip: browserSkip, timeout: 180_000 }, () => {
  const ui = useConsole();
  const CORP_NAME = '榕树宠物用品有限公司';
  let page: Page;
  let corpId: string;

  const balance = async () => ((await (await page.request.get('/api/v1/wallet')).json()) as { balanceFen: number }).balanceFen;

  before(async () => {
    page = await ui.page();
    const res = await registerEnterprise(page, { admin: '王经理', loginName: 'wangjl', corp: CORP_NAME, shortName: '榕树宠物' });
    corpId = res.corpId;
    const db = ui.db();
    const now = Date.now();
    await tablesOf(db).updateTable('corps').set({ certified_until: now + 365 * DAY }).where('id', '=', corpId).execute();
    await db.transaction().execute(async (trx) => {
      const root = await rootDepartmentId(trx, corpId);
      return insertMember({ corpId, trx, now }, { name: '刘薇', userid: 'liuwei', departmentIds: [root], mainDepartmentId: root });
    });
    await creditWallet(db, corpId, 100_000, now);
  });

  it('the business category: 未知 with a red question mark, then chosen from the taxonomy and under review', async () => {
    await page.goto('/category');
    const current = page.getByTestId('category-current');
    await current.getByText('未知').waitFor();
    await current.getByLabel('unknown').waitFor();
    await page.getByText('提供宠物/家禽在线问诊/美容预约/宠物资讯/宠物用品/宠物寄养等服务').waitFor();
    // An empty chooser says what it is for.
    await page.getByText('选择成员设为业务负责人', { exact: true }).waitFor();
    await page.getByRole('combobox', { name: '选择经营类目' }).fill('宠物服务');
    await page.getByTitle('生活服务 — 宠物服务').click();
    await page.getByRole('button', { name: '提交审核' }).click();
    await current.getByText('审核中').waitFor();
    await current.getByText('生活服务 — 宠物服务').waitFor();
  });

  it('customers: the served count, and one-way contacts filtered and deleted one by one', async () => {
    await page.goto('/customers');
    await page.getByTestId('served').getByText('0', { exact: true }).waitFor();
    for (const [externalId, name, addedBack] of [['wx-zhao', '赵先生', true], ['wx-qian', '钱女士', false]] as const) {
      await page.getByRole('button', { name: '添加客户' }).click();
      const dialog = await openedDialog(page);
      await dialog.getByLabel('客户微信号').fill(externalId);
      await dialog.getByLabel('客户名称').fill(name);
      if (!addedBack) await dialog.getByLabel('客户已添加我为好友').uncheck();
      await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
      await dialog.waitFor({ state: 'hidden' });
    }
    await page.getByTestId('served').getByText('2', { exact: true }).waitFor();
    await page.getByTestId('limit').getByText('2,000', { exact: true }).waitFor();

    await page.goto('/customers/one-way');
    await page.getByRole('heading', { name: '单向客户' }).waitFor();
    const row = page.getByRole('row', { name: /钱女士/ });
    await row.getByText('免验证添加且对方未添加').waitFor();
    assert.equal(await page.getByRole('row', { name: /赵先生/ }).count(), 0);
    await row.getByRole('button', { name: '删除' }).click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('没有单向客户').waitFor();
  });

  it('the acquisition assistant: buying is blocked under review; once approved, a link, usage bought and a customer adding through it', async () => {
    await page.goto('/acquisition');
    await page.getByRole('button', { name: '购 买' }).or(page.getByRole('button', { name: '购买' })).click();
    await page.getByText('请先设置经营类目').first().waitFor();
    await setCategory(ui.db(), corpId, 'approved', Date.now());

    await page.reload();
    await page.getByRole('button', { name: '新建获客链接' }).click();
    const dialog = await openedDialog(page);
    await pickOption(dialog.getByLabel('成员'), '刘薇', { search: '刘薇' });
    // Named after the pick, so nothing the dialog did while opening can have cleared it.
    await dialog.getByLabel('链接名称').fill('官网');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const linkRow = page.getByRole('row', { name: /官网/ });
    await linkRow.getByText('刘薇').waitFor();

    await page.getByLabel('使用量（次）').fill('5');
    await page.getByRole('button', { name: '购 买' }).or(page.getByRole('button', { name: '购买' })).click();
    // 购买 shows the price; only 确认支付 moves money.
    const quote = page.getByTestId('payment-quote');
    await quote.waitFor();
    assert.deepEqual(await quoteLines(quote), ['项目获客助手', '数量5', '单价¥1.00', '应付¥5.00', `有效期至${dateIn(90)}`, '当前可用余额¥1,000.00', '支付后余额¥995.00']);
    assert.equal(await balance(), 100_000);
    await page.getByRole('button', { name: '确认支付' }).click();
    await page.getByTestId('units-left').getByText('5', { exact: true }).waitFor();
    assert.equal(await balance(), 99_500);

    // The full address customers open, with its QR code and a copy button.
    const link = (await linkRow.getByTestId('link-url').locator('code').textContent())!;
    assert.match(link, new RegExp(`^${new URL(page.url()).origin}/c/[\\w-]+$`));
    await linkRow.getByRole('button', { name: '二维码' }).click();
    await page.getByTestId('link-qr').locator('canvas').waitFor();
    await linkRow.getByRole('button', { name: '复制链接' }).waitFor();

    // A customer scans it on their phone (a browser of their own, no session), leaves a name and adds
    // the link's member; opening it again from that phone adds nothing.
    const customer = await ui.page();
    try {
      await onPhone(customer);
      await customer.goto(link);
      await customer.getByRole('heading', { name: `添加${CORP_NAME}的成员` }).waitFor();
      await assertFitsPhone(customer, 'the link page');
      await customer.getByRole('button', { name: /^添\s*加$/ }).click();
      await customer.getByText('请填写你的称呼').waitFor();
      await customer.getByLabel('你的称呼').fill('陈先生');
      await customer.getByRole('button', { name: /^添\s*加$/ }).click();
      assert.equal(await customer.getByTestId('link-added').textContent(), '已添加刘薇');
      await assertFitsPhone(customer, 'the added page');
      await customer.reload();
      await customer.getByLabel('你的称呼').fill('陈先生');
      await customer.getByRole('button', { name: /^添\s*加$/ }).click();
      assert.equal(await customer.getByTestId('link-added').textContent(), '你已添加过刘薇');
      await page.reload();
      await page.getByTestId('units-left').getByText('4', { exact: true }).waitFor();

      // In English, and a link that no longer exists says so, with no sign-in to offer a customer.
      await customer.evaluate(() => localStorage.setItem('banyan.lang', 'en'));
      await customer.goto(link);
      await customer.getByRole('heading', { name: `Add a member of ${CORP_NAME}` }).waitFor();
      await customer.goto('/c/no-such-link-0');
      assert.equal(await customer.getByTestId('link-refusal').textContent(), 'This link does not exist or was deleted');
      assert.equal(await customer.getByRole('link', { name: 'Go to sign-in' }).count(), 0);
    } finally {
      await customer.context().close();
    }
  });

  it('security seats: bought by the super admin, given to a member and taken back within 7 days', async () => {
    await page.goto('/features/security');
    await page.getByLabel('人数').fill('2');
    await page.getByRole('button', { name: '购 买' }).or(page.getByRole('button', { name: '购买' })).click();
    const quote = page.getByTestId('payment-quote');
    await quote.waitFor();
    assert.deepEqual(await quoteLines(quote), ['项目安全高级功能', '数量2', '单价¥120.00', '应付¥240.00', `有效期至${dateIn(365)}`, '当前可用余额¥995.00', '支付后余额¥755.00']);
    await quote.getByText('仅支持超级管理员购买；购买后暂不支持退款。').waitFor();
    assert.equal(await balance(), 99_500);
    await page.getByRole('button', { name: '确认支付' }).click();
    await page.getByTestId('seats-bought').getByText('2', { exact: true }).waitFor();
    assert.equal(await balance(), 75_500);
    await page.getByText('选择要分配账号的成员', { exact: true }).waitFor();
    await pickOption(page.getByRole('combobox', { name: '成员' }), '刘薇');
    await page.getByRole('button', { name: '分配给成员' }).click();
    await page.getByTestId('seats-used').getByText('1', { exact: true }).waitFor();
    await page.getByRole('row', { name: /刘薇/ }).getByRole('button', { name: '移除' }).click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByTestId('seats-used').getByText('0', { exact: true }).waitFor();
  });

  it('企业订单 offers 退款 only where the server would allow it: the usage pack, not the security seats', async () => {
    await page.goto('/wallet/orders');
    const pack = page.getByRole('row', { name: /获客助手/ });
    const seats = page.getByRole('row', { name: /安全高级功能/ });
    await pack.getByRole('button', { name: '退款' }).waitFor();
    await seats.getByText('已支付').waitFor();
    assert.equal(await seats.getByRole('button', { name: '退款' }).count(), 0);
  });
});

/** The quote's lines as label + value, as the admin reads them. */
async function quoteLines(quote: Locator): Promise<string[]> {
  return (await quote.locator('.ant-descriptions-row').allTextContents()).map((line) => line.replace(/\s+/g, ''));
}

/** The local calendar date `days` from now, as the console writes it. */
/** The date `days` from now as the console shows it: in China time, as the browser runs (between 16:00 and 24:00 UTC it is a day ahead of UTC). */
function dateIn(days: number): string {
  return chinaTime(new Date(Date.now() + days * DAY).toISOString()).slice(0, 10);
}
