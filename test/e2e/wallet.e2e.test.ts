import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { browserSkip, openedDialog, pickOption, registerEnterprise, useConsole } from './browser.ts';
import { channelCallback } from '../../src/modules/wallet/testing/index.ts';

/**
 * 企业充值 in the console: a top-up through the WeChat Pay sandbox (QR code page, signed callback),
 * a balance alert, and the fund ledger exported as .csv.
 */
describe('wallet console (企业充值)', { skip: browserSkip, timeout: 120_000 }, () => {
  const ui = useConsole();

  it('tops up through a sandbox channel, sets a balance alert and exports the ledger', async () => {
    const page = await ui.page();
    await registerEnterprise(page, { admin: '钱会计', loginName: 'qiankj', corp: '榕树充值测试有限公司', shortName: '榕树充值' });

    await page.goto('/wallet');
    const main = page.getByRole('main');
    const balance = main.getByTestId('balance');
    await balance.getByText('可用余额', { exact: true }).waitFor();
    await balance.getByText('¥0.00', { exact: true }).waitFor();
    // 余额预警, 余额使用管理 and 自动扣款管理 are boxes side by side beside the balance, as in the seed.
    const tops = [];
    for (const title of ['余额预警', '余额使用管理', '自动扣款管理']) tops.push(Math.round((await main.locator('.ant-card-head-title', { hasText: title }).boundingBox())!.y));
    assert.deepEqual(tops, [tops[0], tops[0], tops[0]]);

    // Top up ¥100 with WeChat Pay: the sandbox payment page shows the QR code, then pays.
    await main.getByRole('button', { name: '充值', exact: true }).click();
    const dialog = await openedDialog(page);
    await dialog.getByText('对公转账/汇款').waitFor();
    await dialog.getByText('QQ 钱包支付').waitFor();
    await dialog.getByText('网银支付').waitFor();
    await dialog.getByLabel('微信支付').check();
    await dialog.getByLabel('充值金额（元）').fill('100');
    await dialog.getByRole('button', { name: '下一步' }).click();
    await page.waitForURL('**/wallet/pay/**');
    await main.getByText('使用微信支付扫描二维码完成支付（沙箱环境）。').waitFor();
    assert.equal(await main.locator('svg').first().isVisible(), true);
    await main.getByRole('button', { name: '模拟支付成功（沙箱）' }).click();
    await main.getByText('支付成功，已入账').waitFor();
    await main.getByRole('link', { name: '返回企业充值' }).click();
    await main.getByTestId('balance').getByText('¥100.00', { exact: true }).waitFor();
    await main.getByRole('cell', { name: '微信支付充值' }).waitFor();
    // 交易流水号 in a human form: the date, then the enterprise's first ledger position.
    await main.getByRole('cell', { name: /^\d{8}-000001$/ }).waitFor();

    // Balance alert: ¥200, daily, to the signed-in member; the balance is below it, so a message goes out.
    await main.getByRole('button', { name: '设置' }).click();
    const alert = await openedDialog(page);
    await alert.getByLabel('预警金额（元）').fill('200');
    await pickOption(alert.getByLabel('成员'), '钱会计');
    await alert.getByRole('button', { name: 'OK' }).or(alert.getByRole('button', { name: '确 定' })).or(alert.getByRole('button', { name: '确定' })).click();
    await main.getByTestId('alert-summary').getByText('余额低于 ¥200.00 时按天提醒 · 通知 钱会计', { exact: true }).waitFor();
    // ¥100.00 is already below ¥200.00: the card says so.
    await main.getByTestId('alert-below').getByText('当前余额已低于预警金额').waitFor();
    await ui.delivered();
    const inbox = (await (await page.request.get('/api/v1/inbox')).json()) as { items: { app: string; title: string }[] };
    assert.deepEqual(inbox.items.filter((m) => m.title === '余额不足提醒').map((m) => m.app), ['features']);

    // Export the ledger as .csv: UTF-8 with a BOM, yuan with 2 decimals.
    const download = page.waitForEvent('download');
    await main.getByTestId('export-csv').click();
    const file = await (await download).path();
    const text = readFileSync(file, 'utf8');
    assert.ok(text.startsWith('\uFEFF交易时间,交易类型,购买详情,交易金额(元),可用余额(元),操作者,交易流水号'));
    assert.match(text, /,充值,微信支付充值,100\.00,100\.00,微信支付,\d{8}-000001\r\n$/);

    // The alert card in English.
    await page.evaluate(() => localStorage.setItem('banyan.lang', 'en'));
    await page.reload();
    await main.getByTestId('alert-summary').getByText('Below ¥200.00, daily · notify 钱会计', { exact: true }).waitFor();
    await main.getByTestId('alert-below').getByText('The balance is already below the alert amount').waitFor();
  });
});

describe('wallet console without the payment sandbox (the default)', { skip: browserSkip, timeout: 120_000 }, () => {
  const ui = useConsole({ sandboxPayments: false });

  it('the payment page offers no simulated payment; it shows the payment once the real channel calls back', async () => {
    const page = await ui.page();
    const res = await registerEnterprise(page, { admin: '孙出纳', loginName: 'sunchuna', corp: '榕树真实支付有限公司', shortName: '真实支付' });
    const corpId = res.corpId;

    await page.goto('/wallet');
    const main = page.getByRole('main');
    await main.getByTestId('balance').getByText('¥0.00').waitFor();
    await main.getByRole('button', { name: '充值', exact: true }).click();
    const dialog = await openedDialog(page);
    await dialog.getByLabel('微信支付').check();
    await dialog.getByLabel('充值金额（元）').fill('50');
    await dialog.getByRole('button', { name: '下一步' }).click();
    await page.waitForURL('**/wallet/pay/**');
    await main.getByText('使用微信支付扫描二维码完成支付；支付成功后本页自动更新。').waitFor();
    assert.equal(await main.locator('svg').first().isVisible(), true);
    assert.equal(await main.getByRole('button', { name: '模拟支付成功（沙箱）' }).count(), 0);
    assert.equal(await main.getByText('沙箱').count(), 0);

    // WeChat Pay calls back once the payer has paid; the page sees it without a click.
    const topupId = new URL(page.url()).pathname.split('/').pop()!;
    const callback = await channelCallback(ui.db(), corpId, { id: topupId, channel: 'wechat_pay', amountFen: 5_000 }, Date.now());
    const paid = await page.request.post('/api/v1/wallet/channels/wechat_pay/callback', { data: callback });
    assert.deepEqual(await paid.json(), { result: 'credited' });
    await main.getByText('支付成功，已入账').waitFor();
    await main.getByRole('link', { name: '返回企业充值' }).click();
    await main.getByTestId('balance').getByText('¥50.00').waitFor();
  });
});
