import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { browserSkip, openedDialog, PASSWORD, pickOption, registerEnterprise, useConsole } from './browser.ts';
import { createOperator } from '../../src/modules/operator/index.ts';
import { TEST_SCRYPT } from '../support/app.ts';
import { channelCallback } from '../../src/modules/wallet/testing/index.ts';

/**
 * 企业充值 in the console: a top-up through the WeChat Pay sandbox (QR code page, signed callback) after
 * agreeing to the 充值服务协议 and confirming the amount, a bank transfer kept in the top-up list and
 * closed there, a balance alert, and the fund ledger (操作者 by name) exported as .csv.
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
    await dialog.getByText('对公转账/汇款', { exact: true }).waitFor();
    await dialog.getByText('QQ 钱包支付').waitFor();
    await dialog.getByText('网银支付').waitFor();
    await dialog.getByLabel('微信支付').check();
    await dialog.getByLabel('充值金额（元）').fill('100');
    // 充值服务协议: its text (the operator's version 1) is shown; nothing starts before 我已阅读并同意.
    await dialog.getByText('《充值服务协议》（第 1 版）').waitFor();
    await dialog.getByTestId('agreement-text').getByText(/^一、充值款项仅可用于为本企业购买高级功能/).waitFor();
    await dialog.getByRole('button', { name: '下一步' }).click();
    await dialog.getByText('请先阅读并同意《充值服务协议》').waitFor();
    assert.equal(page.url().includes('/wallet/pay/'), false);
    await dialog.getByLabel('我已阅读并同意《充值服务协议》').check();
    await dialog.getByRole('button', { name: '下一步' }).click();
    // The amount is confirmed once more before the top-up starts.
    const confirmTopup = page.getByTestId('topup-confirm');
    await confirmTopup.getByTestId('topup-confirm-amount').getByText('¥100.00', { exact: true }).waitFor();
    await confirmTopup.getByText('微信支付', { exact: true }).waitFor();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '确认充值' }).click();
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
    // 操作者 is the person who topped up, not the channel.
    const ledgerRow = main.getByRole('row').filter({ hasText: '微信支付充值' });
    await ledgerRow.getByRole('cell', { name: '钱会计', exact: true }).waitFor();
    assert.equal(await ledgerRow.getByRole('cell', { name: '微信支付', exact: true }).count(), 0);

    // A bank transfer: its 识别码 stays in the top-up list after the dialog closes, 待到账, and can be closed.
    await main.getByRole('button', { name: '充值', exact: true }).click();
    const bankDialog = await openedDialog(page);
    await bankDialog.getByLabel('对公转账/汇款').check();
    await bankDialog.getByLabel('充值金额（元）').fill('500');
    await bankDialog.getByLabel('我已阅读并同意《充值服务协议》').check();
    await bankDialog.getByRole('button', { name: '下一步' }).click();
    await page.getByTestId('topup-confirm').getByTestId('topup-confirm-amount').getByText('¥500.00', { exact: true }).waitFor();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '确认充值' }).click();
    const code = (await page.getByTestId('transfer-code').textContent())!;
    assert.match(code, /^[A-HJ-NP-Z2-9]{8}$/);
    await page.getByRole('dialog').getByRole('button', { name: 'OK' }).or(page.getByRole('dialog').getByRole('button', { name: '确 定' })).or(page.getByRole('dialog').getByRole('button', { name: '确定' })).click();
    await page.getByTestId('transfer-code').waitFor({ state: 'detached' });
    const topups = main.getByTestId('topups');
    const bankRow = topups.getByRole('row').filter({ hasText: code });
    await bankRow.getByRole('cell', { name: '¥500.00', exact: true }).waitFor();
    await bankRow.getByText('待到账', { exact: true }).waitFor();
    await bankRow.getByRole('cell', { name: '对公转账/汇款', exact: true }).waitFor();
    const paidRow = topups.getByRole('row').filter({ hasText: '微信支付' });
    await paidRow.getByText('已到账', { exact: true }).waitFor();
    await paidRow.getByRole('cell', { name: '¥100.00', exact: true }).waitFor();
    // 查看 shows the transfer details again.
    await bankRow.getByRole('button', { name: '查看' }).click();
    await page.getByTestId('transfer-code').getByText(code, { exact: true }).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'OK' }).or(page.getByRole('dialog').getByRole('button', { name: '确 定' })).or(page.getByRole('dialog').getByRole('button', { name: '确定' })).click();
    await page.getByTestId('transfer-code').waitFor({ state: 'detached' });
    // Closing asks first, with the amount.
    await bankRow.getByRole('button', { name: '关 闭' }).or(bankRow.getByRole('button', { name: '关闭' })).click();
    const pop = page.locator('.ant-popover').filter({ hasText: '关闭这笔 ¥500.00 的充值？' });
    await pop.waitFor();
    await pop.getByRole('button', { name: 'OK' }).or(pop.getByRole('button', { name: '确 定' })).or(pop.getByRole('button', { name: '确定' })).click();
    await bankRow.getByText('已关闭', { exact: true }).waitFor();
    assert.equal(await bankRow.getByRole('button', { name: /关\s?闭/ }).count(), 0);

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
    assert.match(text, /,充值,微信支付充值,100\.00,100\.00,钱会计,\d{8}-000001\r\n$/);

    // The alert card in English.
    await page.evaluate(() => localStorage.setItem('banyan.lang', 'en'));
    await page.reload();
    await main.getByTestId('alert-summary').getByText('Below ¥200.00, daily · notify 钱会计', { exact: true }).waitFor();
    await main.getByTestId('alert-below').getByText('The balance is already below the alert amount').waitFor();
    // The export in English: the console asks for its own language.
    const englishDownload = page.waitForEvent('download');
    await main.getByTestId('export-csv').click();
    const englishText = readFileSync(await (await englishDownload).path(), 'utf8');
    assert.ok(englishText.startsWith('\uFEFFTime,Type,Details,Amount (yuan),Balance (yuan),Operator,Serial number'));
    assert.match(englishText, /,Top-up,Top-up by WeChat Pay,100\.00,100\.00,钱会计,\d{8}-000001\r\n$/);
    await main.getByTestId('topups').getByRole('row').filter({ hasText: code }).getByText('Closed', { exact: true }).waitFor();
    await main.getByTestId('topups').getByRole('row').filter({ hasText: 'WeChat Pay' }).getByText('Credited', { exact: true }).waitFor();
    await main.getByRole('button', { name: 'Top up', exact: true }).click();
    const english = await openedDialog(page);
    await english.getByText('Top-up service agreement (version 1)').waitFor();
    await english.getByTestId('agreement-text').getByText(/^1\. Top-ups may only pay for this enterprise's advanced features/).waitFor();
    await english.getByLabel('I have read and agree to the top-up service agreement').waitFor();
    // A bank transfer's details in English: the payee and the bank too.
    await english.getByLabel('Bank transfer').check();
    await english.getByLabel('Amount (yuan)').fill('10');
    await english.getByLabel('I have read and agree to the top-up service agreement').check();
    await english.getByRole('button', { name: 'Next' }).click();
    await page.getByTestId('topup-confirm').getByTestId('topup-confirm-amount').getByText('¥10.00', { exact: true }).waitFor();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Confirm top-up' }).click();
    await page.getByTestId('transfer-code').waitFor();
    const details = page.getByRole('dialog');
    await details.getByText('Banyan platform operator', { exact: true }).waitFor();
    await details.getByText('China Merchants Bank, Shenzhen Branch', { exact: true }).waitFor();
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
    await dialog.getByLabel('我已阅读并同意《充值服务协议》').check();
    await dialog.getByRole('button', { name: '下一步' }).click();
    await page.getByTestId('topup-confirm').getByTestId('topup-confirm-amount').getByText('¥50.00', { exact: true }).waitFor();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '确认充值' }).click();
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

describe('operator console: the top-up service agreement (充值服务协议)', { skip: browserSkip, timeout: 120_000 }, () => {
  const ui = useConsole();

  it('the operator publishes a new version after a confirmation; the enterprise then agrees to it and its top-up records it', async () => {
    await createOperator(ui.db(), Date.now(), TEST_SCRYPT, { loginName: 'ops_wallet', name: '平台运营', password: PASSWORD });
    const op = await ui.page();
    await op.goto('/operator/login');
    await op.getByLabel('手机号或登录名').fill('ops_wallet');
    await op.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await op.getByRole('button', { name: '登录', exact: true }).click();
    await op.getByRole('menuitem', { name: '充值服务协议' }).click();
    await op.getByRole('heading', { name: '充值服务协议' }).waitFor();
    await op.getByTestId('agreement-current').getByText(/^当前版本：第 1 版/).waitFor();
    await op.getByLabel('中文文本').fill('第二版：充值款项仅用于本企业。');
    await op.getByLabel('英文文本').fill('Version two: top-ups serve this enterprise only.');
    await op.getByRole('button', { name: '发布新版本' }).click();
    const confirm = op.locator('.ant-modal-confirm');
    await confirm.getByText('发布第 2 版？此后的充值须同意新版本。').filter({ visible: true }).waitFor();
    await confirm.getByRole('button', { name: '发布新版本' }).click();
    await op.getByTestId('agreement-current').getByText(/^当前版本：第 2 版/).waitFor();
    await op.getByRole('cell', { name: '平台运营', exact: true }).waitFor();
    await op.evaluate(() => localStorage.setItem('banyan.lang', 'en'));
    await op.reload();
    await op.getByRole('heading', { name: 'Top-up service agreement' }).waitFor();
    await op.getByTestId('agreement-current').getByText(/^In force: version 2 \(/).waitFor();
    assert.equal(await op.getByLabel('English text').inputValue(), 'Version two: top-ups serve this enterprise only.');

    const page = await ui.page();
    await registerEnterprise(page, { admin: '何出纳', loginName: 'hechuna', corp: '榕树协议测试有限公司', shortName: '协议测试' });
    await page.goto('/wallet');
    const main = page.getByRole('main');
    await main.getByRole('button', { name: '充值', exact: true }).click();
    const dialog = await openedDialog(page);
    await dialog.getByText('《充值服务协议》（第 2 版）').waitFor();
    await dialog.getByTestId('agreement-text').getByText('第二版：充值款项仅用于本企业。', { exact: true }).waitFor();
    await dialog.getByLabel('对公转账/汇款').check();
    await dialog.getByLabel('充值金额（元）').fill('88');
    await dialog.getByLabel('我已阅读并同意《充值服务协议》').check();
    await dialog.getByRole('button', { name: '下一步' }).click();
    await page.getByTestId('topup-confirm').getByTestId('topup-confirm-amount').getByText('¥88.00', { exact: true }).waitFor();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '确认充值' }).click();
    await page.getByTestId('transfer-code').waitFor();
    await page.getByRole('dialog').getByText('Banyan 平台运营方', { exact: true }).waitFor();
    const list = (await (await page.request.get('/api/v1/wallet/topups')).json()) as { items: { amountFen: number; agreementVersion: number | null }[] };
    assert.deepEqual(list.items.map((i) => [i.amountFen, i.agreementVersion]), [[8_800, 2]]);
  });
});
