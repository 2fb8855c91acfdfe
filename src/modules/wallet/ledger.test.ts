import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type Client, type TestApp } from '../../../test/support/app.ts';
import { HOUR } from '../../platform/clock.ts';
import { approveCategory, buy, codeOf, key, topUp } from './testing/index.ts';

type Row = { serialNo: string; at: string; type: string; item: string | null; description: string; amountFen: number; balanceAfterFen: number; quantity: number | null; operator: string; operatorKind: string; channel: string | null; seq: number };

describeEachDialect('wallet fund ledger (资金明细)', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  const raw = (client: Client, url: string) => client.raw(url);

  async function filled() {
    t.clock.set('2026-04-01T09:00:00+08:00');
    const owner = await t.register({ name: '王会计' });
    await topUp(owner, 100_000);
    t.clock.advance(HOUR);
    await buy(owner, 'mail');
    t.clock.advance(HOUR);
    await buy(owner, 'security', 2);
    t.clock.advance(HOUR);
    await topUp(owner, 1_234, 'qq_wallet');
    return owner;
  }

  it('seed rule 资金明细: time, type, details, amount, balance after, operator, unique serial number; each balance-after is the previous plus the amount', async () => {
    const owner = await filled();
    const res = await owner.get<{ items: Row[]; nextCursor: string | null }>('/api/v1/wallet/ledger');
    assert.equal(res.status, 200);
    assert.deepEqual(
      res.body.items.map((r) => [r.at, r.type, r.description, r.amountFen, r.balanceAfterFen, r.operator, r.operatorKind]),
      [
        ['2026-04-01T04:00:00.000Z', 'topup', 'QQ 钱包支付充值', 1_234, 71_234, '王会计', 'member'],
        ['2026-04-01T03:00:00.000Z', 'purchase', '安全高级功能 × 2', -24_000, 70_000, '王会计', 'member'],
        ['2026-04-01T02:00:00.000Z', 'purchase', '邮件高级功能 × 1', -6_000, 100_000 - 6_000, '王会计', 'member'],
        ['2026-04-01T01:00:00.000Z', 'topup', '微信支付充值', 100_000, 100_000, '王会计', 'member'],
      ],
    );
    const oldestFirst = [...res.body.items].reverse();
    oldestFirst.reduce((previous, r) => {
      assert.equal(r.balanceAfterFen, previous + r.amountFen);
      return r.balanceAfterFen;
    }, 0);
    // The codes the console words the rows with, in either language.
    assert.deepEqual(
      res.body.items.map((r) => [r.item, r.quantity, r.channel]),
      [
        [null, null, 'qq_wallet'],
        ['security', 2, null],
        ['mail', 1, null],
        [null, null, 'wechat_pay'],
      ],
    );
    // 交易流水号 in a human form: the China date, then the enterprise's ledger position.
    assert.deepEqual(res.body.items.map((r) => r.serialNo), ['20260401-000004', '20260401-000003', '20260401-000002', '20260401-000001']);
  });

  it('交易流水号: 50 charges at once get 50 distinct, consecutive serial numbers of the enterprise', async () => {
    t.clock.set('2026-12-02T10:00:00+08:00');
    const owner = await t.register();
    await topUp(owner, 10_000);
    await approveCategory(t, owner);
    assert.equal((await owner.put('/api/v1/wallet/auto-deduction/acquisition', { enabled: true, quotedFen: 100 })).status, 200);
    const charges = await Promise.all(
      Array.from({ length: 50 }, (_, i) => owner.post<{ serialNo: string }>('/api/v1/wallet/deductions', { item: 'acquisition', amountFen: 100, idempotencyKey: key(`c${i}`), description: '获客助手添加客户' })),
    );
    assert.deepEqual([...new Set(charges.map((c) => c.status))], [201]);
    const expected = Array.from({ length: 50 }, (_, i) => `20261202-${String(i + 2).padStart(6, '0')}`);
    assert.deepEqual(charges.map((c) => c.body.serialNo).sort(), expected);
    const ledger = await owner.get<{ items: Row[] }>('/api/v1/wallet/ledger?type=auto_deduct&limit=100');
    assert.deepEqual(ledger.body.items.map((r) => r.serialNo).sort(), expected);
  });

  it('filters by type and time, and pages with a cursor', async () => {
    const owner = await filled();
    const purchases = await owner.get<{ items: Row[] }>('/api/v1/wallet/ledger?type=purchase');
    assert.deepEqual(purchases.body.items.map((r) => r.amountFen), [-24_000, -6_000]);
    const window = await owner.get<{ items: Row[] }>(`/api/v1/wallet/ledger?from=${encodeURIComponent('2026-04-01T10:00:00+08:00')}&to=${encodeURIComponent('2026-04-01T12:00:00+08:00')}`);
    assert.deepEqual(window.body.items.map((r) => r.amountFen), [-24_000, -6_000]);
    const page1 = await owner.get<{ items: Row[]; nextCursor: string }>('/api/v1/wallet/ledger?limit=3');
    assert.equal(page1.body.items.length, 3);
    const page2 = await owner.get<{ items: Row[]; nextCursor: string | null }>(`/api/v1/wallet/ledger?limit=3&cursor=${page1.body.nextCursor}`);
    assert.deepEqual(page2.body.items.map((r) => r.amountFen), [100_000]);
    assert.equal(page2.body.nextCursor, null);
    const bad = await owner.get('/api/v1/wallet/ledger?type=gift');
    assert.equal(codeOf(bad.body), 'request.invalid');
  });

  it('seed rule 资金明细 导出: .csv with a UTF-8 BOM and yuan to 2 decimals, filtered like the list', async () => {
    const owner = await filled();
    const res = await raw(owner, '/api/v1/wallet/ledger/export?format=csv');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv/);
    assert.match(String(res.headers['content-disposition']), /attachment; filename="ledger.csv"/);
    const text = res.rawPayload.toString('utf8');
    assert.ok(text.startsWith('\uFEFF交易时间,交易类型,购买详情,交易金额(元),可用余额(元),操作者,交易流水号\r\n'));
    const lines = text.slice(1).trim().split('\r\n').map((l) => l.split(',').slice(0, 6));
    assert.deepEqual(lines.slice(1), [
      ['2026-04-01 09:00:00', '充值', '微信支付充值', '1000.00', '1000.00', '王会计'],
      ['2026-04-01 10:00:00', '购买', '邮件高级功能 × 1', '-60.00', '940.00', '王会计'],
      ['2026-04-01 11:00:00', '购买', '安全高级功能 × 2', '-240.00', '700.00', '王会计'],
      ['2026-04-01 12:00:00', '充值', 'QQ 钱包支付充值', '12.34', '712.34', '王会计'],
    ]);
    const topups = (await raw(owner, '/api/v1/wallet/ledger/export?format=csv&type=topup')).rawPayload.toString('utf8');
    assert.equal(topups.trim().split('\r\n').length, 3);
  });

  it('资金明细 导出 in English: headers, types and details from the codes, not a Chinese word', async () => {
    const owner = await filled();
    const res = await raw(owner, '/api/v1/wallet/ledger/export?format=csv&lang=en');
    assert.match(String(res.headers['content-disposition']), /filename\*=UTF-8''fund-ledger\.csv/);
    const lines = res.rawPayload.toString('utf8').slice(1).trim().split('\r\n').map((l) => l.split(',').slice(0, 6));
    assert.deepEqual(lines, [
      ['Time', 'Type', 'Details', 'Amount (yuan)', 'Balance (yuan)', 'Operator'],
      ['2026-04-01 09:00:00', 'Top-up', 'Top-up by WeChat Pay', '1000.00', '1000.00', '王会计'],
      ['2026-04-01 10:00:00', 'Purchase', 'Mail advanced features × 1', '-60.00', '940.00', '王会计'],
      ['2026-04-01 11:00:00', 'Purchase', 'Security advanced features × 2', '-240.00', '700.00', '王会计'],
      ['2026-04-01 12:00:00', 'Top-up', 'Top-up by QQ Wallet', '12.34', '712.34', '王会计'],
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await raw(owner, '/api/v1/wallet/ledger/export?format=xlsx&lang=en')).rawPayload as unknown as ArrayBuffer);
    assert.deepEqual((workbook.getWorksheet('Fund ledger')!.getRow(1).values as unknown[]).slice(1), ['Time', 'Type', 'Details', 'Amount (yuan)', 'Balance (yuan)', 'Operator', 'Serial number']);
  });

  it('seed rule 资金明细 导出: .xlsx with the same rows, amounts as numbers', async () => {
    const owner = await filled();
    const res = await raw(owner, '/api/v1/wallet/ledger/export?format=xlsx');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('资金明细')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1, 6)));
    assert.deepEqual(rows, [
      ['交易时间', '交易类型', '购买详情', '交易金额(元)', '可用余额(元)'],
      ['2026-04-01 09:00:00', '充值', '微信支付充值', 1000, 1000],
      ['2026-04-01 10:00:00', '购买', '邮件高级功能 × 1', -60, 940],
      ['2026-04-01 11:00:00', '购买', '安全高级功能 × 2', -240, 700],
      ['2026-04-01 12:00:00', '充值', 'QQ 钱包支付充值', 12.34, 712.34],
    ]);
  });

  it('a member without the right sees no ledger; an API token needs wallet.read', async () => {
    const owner = await filled();
    const token = await owner.post<{ secret: string }>('/api/v1/api-tokens', { name: '财务系统', rights: ['wallet.read'] });
    assert.equal(token.status, 201, JSON.stringify(token.body));
    const integration = t.client();
    integration.bearer = token.body.secret;
    const res = await integration.get<{ items: Row[] }>('/api/v1/wallet/ledger');
    assert.equal(res.body.items.length, 4);
    const cannotPay = await integration.post('/api/v1/wallet/orders', { item: 'mail', quantity: 1 });
    assert.equal(cannotPay.status, 403);
  });
});
