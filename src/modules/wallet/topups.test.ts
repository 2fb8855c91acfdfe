import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { tablesOf } from '../../../test/support/tables.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { paymentSecret, signCallback } from './channels.ts';
import { checkInvariants } from './ledger.service.ts';
import { balanceOf, codeOf, key, operatorClient, topUp, type TopupResponse } from './testing/index.ts';

describeEachDialect('wallet top-ups (充值)', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  async function signed(corpId: string, topup: TopupResponse, overrides: Partial<{ amountFen: number; tradeNo: string; timestamp: number }> = {}) {
    const secret = await paymentSecret(t.deps.db, undefined, t.clock.now());
    const body = { corpId, topupId: topup.id, amountFen: topup.amountFen, tradeNo: key('trade'), timestamp: t.clock.now(), ...overrides };
    return { ...body, signature: signCallback(secret, topup.channel, body) };
  }

  it('seed rule 充值方式: the three online channels each top up through their sandbox; the ledger shows the credit', async () => {
    const owner = await t.register();
    assert.equal(await balanceOf(owner), 0);
    for (const channel of ['wechat_pay', 'qq_wallet', 'online_banking']) {
      const topup = await topUp(owner, 10_000, channel);
      assert.equal(topup.instructions.kind, 'online');
      assert.equal(topup.instructions.payPage, `/wallet/pay/${topup.id}`);
      assert.match(topup.instructions.qrText!, new RegExp(`^banyan-sandbox://${channel}/pay\\?topup=${topup.id}&amount=10000$`));
    }
    assert.equal(await balanceOf(owner), 30_000);
    const ledger = await owner.get<{ items: { type: string; amountFen: number; balanceAfterFen: number; description: string; operator: string }[] }>('/api/v1/wallet/ledger');
    assert.deepEqual(
      ledger.body.items.map((r) => [r.type, r.amountFen, r.balanceAfterFen, r.description, r.operator]),
      [
        ['topup', 10_000, 30_000, '网银支付充值', '网银支付'],
        ['topup', 10_000, 20_000, 'QQ 钱包支付充值', 'QQ 钱包支付'],
        ['topup', 10_000, 10_000, '微信支付充值', '微信支付'],
      ],
    );
    const inv = await checkInvariants(t.deps.db, owner.me.currentCorp!.id);
    assert.deepEqual({ ...inv, consumed: 0, invoiced: 0 }, { balance: 30_000, ledgerSum: 30_000, walletEntries: 30_000, unbalancedTxns: 0, chainBreaks: 0, consumed: 0, invoiced: 0 });
  });

  it('a forged, stale or amount-mismatched callback credits nothing; a duplicate credits once', async () => {
    const owner = await t.register();
    const corpId = owner.me.currentCorp!.id;
    const created = await owner.post<TopupResponse>('/api/v1/wallet/topups', { channel: 'wechat_pay', amountFen: 5_000, idempotencyKey: key() });
    const topup = created.body;
    const client = t.client();
    const url = '/api/v1/wallet/channels/wechat_pay/callback';

    const forged = await signed(corpId, topup);
    const res1 = await client.post(url, { ...forged, signature: 'f'.repeat(64) });
    assert.equal(codeOf(res1.body), 'wallet.callback_invalid');
    const tampered = await client.post(url, { ...forged, amountFen: 500_000 });
    assert.equal(codeOf(tampered.body), 'wallet.callback_invalid');
    const otherChannel = await client.post('/api/v1/wallet/channels/qq_wallet/callback', forged);
    assert.equal(codeOf(otherChannel.body), 'wallet.callback_invalid');

    const stale = await client.post(url, await signed(corpId, topup, { timestamp: t.clock.now() - 11 * 60_000 }));
    assert.equal(codeOf(stale.body), 'wallet.callback_stale');

    const mismatch = await client.post(url, await signed(corpId, topup, { amountFen: 4_999 }));
    assert.equal(mismatch.status, 409);
    assert.equal(codeOf(mismatch.body), 'wallet.callback_amount_mismatch');
    const pending = await owner.get<TopupResponse>(`/api/v1/wallet/topups/${topup.id}`);
    assert.equal(pending.body.status, 'pending');
    assert.equal(pending.body.pendingReason, 'amount_mismatch: paid 49.99, expected 50.00');
    assert.equal(await balanceOf(owner), 0);

    const good = await signed(corpId, topup);
    const results = await Promise.all([client.post(url, good), client.post(url, good), client.post(url, good)]);
    assert.deepEqual(results.map((r) => r.status), [200, 200, 200]);
    assert.deepEqual(results.map((r) => (r.body as { result: string }).result).sort(), ['credited', 'duplicate', 'duplicate']);
    const replayLater = await client.post(url, good);
    assert.deepEqual(replayLater.body, { result: 'duplicate' });
    const secondTrade = await client.post(url, await signed(corpId, topup));
    assert.equal(codeOf(secondTrade.body), 'wallet.topup_not_pending');
    assert.equal(await balanceOf(owner), 5_000);
  });

  it('the payment secret is kept in the database: the same key after a restart, never in a response', async () => {
    const first = await paymentSecret(t.deps.db, undefined, t.clock.now());
    const again = await createTestApp(use());
    try {
      const row = await tablesOf(again.deps.db).selectFrom('wallet_secrets').select('value').where('name', '=', 'payment').executeTakeFirstOrThrow();
      assert.equal(row.value, first);
      assert.equal(first.length, 64);
      assert.equal(await paymentSecret(again.deps.db, 'configured-secret', t.clock.now()), 'configured-secret');
    } finally {
      await again.close();
    }
  });

  it('idempotency: a replayed top-up returns the first one; the same key for another amount is refused', async () => {
    const owner = await t.register();
    const k = key();
    const a = await owner.post<TopupResponse>('/api/v1/wallet/topups', { channel: 'qq_wallet', amountFen: 100, idempotencyKey: k });
    const b = await owner.post<TopupResponse>('/api/v1/wallet/topups', { amountFen: 100, channel: 'qq_wallet', idempotencyKey: k });
    assert.equal(a.status, 201);
    assert.equal(b.body.id, a.body.id);
    const c = await owner.post('/api/v1/wallet/topups', { channel: 'qq_wallet', amountFen: 200, idempotencyKey: k });
    assert.equal(c.status, 422);
    assert.equal(codeOf(c.body), 'idempotency.key_reused');
    const list = await owner.get<{ items: unknown[] }>('/api/v1/wallet/topups');
    assert.equal(list.body.items.length, 1);
  });

  it('seed rule 对公转账: pending until the operator confirms; code, amount and the full enterprise name must all match', async () => {
    const owner = await t.register({ corpName: '榕树网络科技有限公司' });
    const created = await owner.post<TopupResponse>('/api/v1/wallet/topups', { channel: 'bank_transfer', amountFen: 1_000_000, idempotencyKey: key() });
    const code = created.body.code!;
    assert.match(code, /^[A-HJ-NP-Z2-9]{8}$/);
    assert.equal(created.body.instructions.kind, 'bank_transfer');
    assert.equal(created.body.instructions.code, code);
    const sandbox = await owner.post(`/api/v1/wallet/topups/${created.body.id}/sandbox-pay`);
    assert.equal(codeOf(sandbox.body), 'wallet.channel_not_online');

    const op = await operatorClient(t);
    const pendingList = await op.get<{ items: { topupId: string; code: string; corpName: string }[] }>('/api/v1/operator/wallet/bank-transfers');
    assert.ok(pendingList.body.items.some((i) => i.topupId === created.body.id && i.code === code && i.corpName === '榕树网络科技有限公司'));

    const wrongAmount = await op.post('/api/v1/operator/wallet/bank-transfers/confirm', { code, amountFen: 999_999, payerName: '榕树网络科技有限公司' });
    assert.equal(wrongAmount.status, 409);
    assert.deepEqual(wrongAmount.body, { error: { code: 'wallet.bank_transfer_mismatch', message: 'The bank transfer does not match the top-up; it stays pending.', details: { reason: 'amount_mismatch: received 9999.99, expected 10000.00' } } });
    const wrongPayer = await op.post('/api/v1/operator/wallet/bank-transfers/confirm', { code, amountFen: 1_000_000, payerName: '榕树科技' });
    assert.equal(codeOf(wrongPayer.body), 'wallet.bank_transfer_mismatch');
    const shown = await owner.get<TopupResponse>(`/api/v1/wallet/topups/${created.body.id}`);
    assert.equal(shown.body.status, 'pending');
    assert.equal(shown.body.pendingReason, 'payer_mismatch: payer "榕树科技" is not the enterprise\'s full name "榕树网络科技有限公司"');
    assert.equal(await balanceOf(owner), 0);

    const ok = await op.post('/api/v1/operator/wallet/bank-transfers/confirm', { code: code.toLowerCase(), amountFen: 1_000_000, payerName: '榕树网络科技有限公司' });
    assert.equal(ok.status, 200);
    assert.equal(await balanceOf(owner), 1_000_000);
    const twice = await op.post('/api/v1/operator/wallet/bank-transfers/confirm', { code, amountFen: 1_000_000, payerName: '榕树网络科技有限公司' });
    assert.equal(codeOf(twice.body), 'wallet.bank_transfer_mismatch');
    assert.equal(await balanceOf(owner), 1_000_000);
    const corpCannot = await owner.post('/api/v1/operator/wallet/bank-transfers/confirm', { code, amountFen: 1, payerName: 'x' });
    assert.equal(corpCannot.status, 401);
  });

  it('seed rule 对公转账: a bank statement import confirms the matching lines and explains the others', async () => {
    const owner = await t.register({ corpName: '对账测试有限公司' });
    const a = await owner.post<TopupResponse>('/api/v1/wallet/topups', { channel: 'bank_transfer', amountFen: 200_000, idempotencyKey: key() });
    const b = await owner.post<TopupResponse>('/api/v1/wallet/topups', { channel: 'bank_transfer', amountFen: 300_000, idempotencyKey: key() });
    const op = await operatorClient(t);
    const csv = `\uFEFF交易日期,付款人,金额,备注\r\n2026-01-05,对账测试有限公司,"2,000.00",充值 ${a.body.code}\r\n2026-01-05,张三,3000.00,${b.body.code}\r\n2026-01-05,某公司,10.00,货款\r\n`;
    const res = await op.post<{ lines: { line: number; code: string | null; outcome: { confirmed: boolean; reason?: string } }[] }>('/api/v1/operator/wallet/bank-statements', { csv });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.lines.map((l) => [l.line, l.code, l.outcome.confirmed, l.outcome.reason ?? null]),
      [
        [2, a.body.code, true, null],
        [3, b.body.code, false, 'payer_mismatch: payer "张三" is not the enterprise\'s full name "对账测试有限公司"'],
        [4, null, false, 'no_code'],
      ],
    );
    assert.equal(await balanceOf(owner), 200_000);
  });
});
