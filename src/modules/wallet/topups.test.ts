import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { tablesOf } from '../../../test/support/tables.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { enterprise, newAccount, signedIn } from '../../../test/support/enterprise.ts';
import { paymentSecret, signCallback } from './channels.ts';
import { markSandbox } from './sandbox.ts';
import { checkInvariants } from './ledger.service.ts';
import { balanceOf, codeOf, credit, key, operatorClient, topUp, type TopupResponse } from './testing/index.ts';

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
    const owner = await t.register({ name: '陈出纳' });
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
        ['topup', 10_000, 30_000, '网银支付充值', '陈出纳'],
        ['topup', 10_000, 20_000, 'QQ 钱包支付充值', '陈出纳'],
        ['topup', 10_000, 10_000, '微信支付充值', '陈出纳'],
      ],
    );
    const inv = await checkInvariants(t.deps.db, owner.me.currentCorp!.id);
    assert.deepEqual({ ...inv, consumed: 0, invoiced: 0 }, { balance: 30_000, ledgerSum: 30_000, walletEntries: 30_000, unbalancedTxns: 0, chainBreaks: 0, consumed: 0, invoiced: 0 });
  });

  it('a forged, stale or amount-mismatched callback credits nothing; a duplicate credits once', async () => {
    const owner = await t.register();
    const corpId = owner.me.currentCorp!.id;
    const created = await owner.post<TopupResponse>('/api/v1/wallet/topups', { channel: 'wechat_pay', amountFen: 5_000, idempotencyKey: key(), agreementVersion: 1 });
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
    const a = await owner.post<TopupResponse>('/api/v1/wallet/topups', { channel: 'qq_wallet', amountFen: 100, idempotencyKey: k, agreementVersion: 1 });
    const b = await owner.post<TopupResponse>('/api/v1/wallet/topups', { amountFen: 100, channel: 'qq_wallet', idempotencyKey: k, agreementVersion: 1 });
    assert.equal(a.status, 201);
    assert.equal(b.body.id, a.body.id);
    const c = await owner.post('/api/v1/wallet/topups', { channel: 'qq_wallet', amountFen: 200, idempotencyKey: k, agreementVersion: 1 });
    assert.equal(c.status, 422);
    assert.equal(codeOf(c.body), 'idempotency.key_reused');
    const list = await owner.get<{ items: unknown[] }>('/api/v1/wallet/topups');
    assert.equal(list.body.items.length, 1);
  });

  it('seed rule 对公转账: pending until the operator confirms; code, amount and the full enterprise name must all match', async () => {
    const owner = await t.register({ corpName: '榕树网络科技有限公司' });
    const created = await owner.post<TopupResponse>('/api/v1/wallet/topups', { channel: 'bank_transfer', amountFen: 1_000_000, idempotencyKey: key(), agreementVersion: 1 });
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
    const a = await owner.post<TopupResponse>('/api/v1/wallet/topups', { channel: 'bank_transfer', amountFen: 200_000, idempotencyKey: key(), agreementVersion: 1 });
    const b = await owner.post<TopupResponse>('/api/v1/wallet/topups', { channel: 'bank_transfer', amountFen: 300_000, idempotencyKey: key(), agreementVersion: 1 });
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

  it('seed rule 充值入口: the creator and the super admins (internal and external) top up; a member a spending rule lets spend, and a hierarchical admin, may not', async () => {
    const e = await enterprise(t);
    const sup = await e.member('超管');
    assert.equal((await e.owner.post('/api/v1/admins/super', { memberId: sup.memberId })).status, 204);
    const outsider = await newAccount(t, '代运营');
    assert.equal((await e.owner.post('/api/v1/admins/external', { loginName: outsider.loginName })).status, 201);
    const external = await signedIn(t, outsider.id, e.corpId);
    const spender = await e.member('黄磊');
    assert.equal((await e.owner.post('/api/v1/wallet/spending-rules', { memberIds: [spender.memberId], items: ['mail', 'acquisition'] })).status, 201);
    const hierarchical = await e.member('分级');
    assert.equal((await e.owner.post('/api/v1/admins/hierarchical', { memberId: hierarchical.memberId, rights: { departmentIds: [e.root], apps: [], deviceBind: false, deviceIds: [] } })).status, 204);

    for (const client of [e.owner, sup.client, external]) await topUp(client, 10_000);
    assert.equal(await balanceOf(e.owner), 30_000);
    const overview = await e.owner.get<{ mayTopUp: boolean; sandboxPayments: boolean }>('/api/v1/wallet');
    assert.deepEqual([overview.body.mayTopUp, overview.body.sandboxPayments], [true, true]);

    const pending = await e.owner.post<TopupResponse>('/api/v1/wallet/topups', { channel: 'wechat_pay', amountFen: 10_000_000_000, idempotencyKey: key(), agreementVersion: 1 });
    for (const client of [spender.client, hierarchical.client]) {
      const started = await client.post('/api/v1/wallet/topups', { channel: 'wechat_pay', amountFen: 10_000_000_000, idempotencyKey: key(), agreementVersion: 1 });
      assert.deepEqual([started.status, codeOf(started.body)], [403, 'forbidden']);
      const free = await client.post(`/api/v1/wallet/topups/${pending.body.id}/sandbox-pay`);
      assert.deepEqual([free.status, codeOf(free.body)], [403, 'forbidden']);
    }
    assert.equal((await e.owner.get<TopupResponse>(`/api/v1/wallet/topups/${pending.body.id}`)).body.status, 'pending');
    assert.equal(await balanceOf(e.owner), 30_000);
    // The spending rule still lets the member spend.
    const order = await spender.client.post<{ id: string }>('/api/v1/wallet/orders', { item: 'mail', quantity: 1 });
    assert.equal((await spender.client.post(`/api/v1/wallet/orders/${order.body.id}/pay`, { method: 'balance', idempotencyKey: key() })).status, 200);
    assert.equal(await balanceOf(e.owner), 24_000);
    // A super admin who loses the role loses the top-up entry on the next request.
    assert.equal((await e.owner.delete(`/api/v1/admins/super/${sup.accountId}`)).status, 204);
    const after = await sup.client.post('/api/v1/wallet/topups', { channel: 'wechat_pay', amountFen: 100, idempotencyKey: key(), agreementVersion: 1 });
    assert.deepEqual([after.status, codeOf(after.body)], [403, 'forbidden']);
    const ledger = await e.owner.get<{ items: { type: string; amountFen: number }[] }>('/api/v1/wallet/ledger');
    assert.deepEqual(ledger.body.items.map((r) => [r.type, r.amountFen]), [['purchase', -6_000], ['topup', 10_000], ['topup', 10_000], ['topup', 10_000]]);
  });

  it('a top-up is shown to those who see the wallet and to the member who started it, not to other members', async () => {
    const e = await enterprise(t);
    await credit(t, e.corpId, 100_000);
    const buyer = await e.member('赵裕');
    const other = await e.member('李天志');
    const order = await buyer.client.post<{ id: string }>('/api/v1/wallet/orders', { item: 'docs', quantity: 1 });
    const online = await buyer.client.post<{ topup: TopupResponse }>(`/api/v1/wallet/orders/${order.body.id}/pay`, { method: 'channel', channel: 'qq_wallet' });
    assert.equal(online.status, 200, JSON.stringify(online.body));
    const url = `/api/v1/wallet/topups/${online.body.topup.id}`;
    assert.equal((await buyer.client.get<TopupResponse>(url)).body.status, 'pending');
    assert.equal((await e.owner.get<TopupResponse>(url)).body.amountFen, 6_000);
    const hidden = await other.client.get(url);
    assert.deepEqual([hidden.status, codeOf(hidden.body)], [404, 'not_found']);
  });
});

describeEachDialect('wallet payment sandbox, off by default', (use) => {
  it('without --sandbox-payments the sandbox route does not exist: 404 as for any unknown route, nothing credited, the console told so; a real channel still pays', async () => {
    const t = await createTestApp(use(), { sandboxPayments: false });
    try {
      const owner = await t.register();
      const topup = await owner.post<TopupResponse>('/api/v1/wallet/topups', { channel: 'wechat_pay', amountFen: 10_000_000_000, idempotencyKey: key(), agreementVersion: 1 });
      assert.equal(topup.status, 201);
      const url = `/api/v1/wallet/topups/${topup.body.id}/sandbox-pay`;
      const free = await owner.post(url);
      assert.equal(free.status, 404);
      assert.deepEqual(free.body, { error: { code: 'not_found', message: `No route POST ${url}.` } });
      assert.equal(await balanceOf(owner), 0);
      assert.equal((await owner.get<{ sandboxPayments: boolean }>('/api/v1/wallet')).body.sandboxPayments, false);
      const openapi = await t.client().get<{ paths: Record<string, unknown> }>('/api/openapi.json');
      assert.equal(Object.keys(openapi.body.paths).some((p) => p.endsWith('/sandbox-pay')), false);

      const secret = await paymentSecret(t.deps.db, undefined, t.clock.now());
      const callback = { corpId: owner.me.currentCorp!.id, topupId: topup.body.id, amountFen: 10_000_000_000, tradeNo: key('trade'), timestamp: t.clock.now() };
      const paid = await t.client().post('/api/v1/wallet/channels/wechat_pay/callback', { ...callback, signature: signCallback(secret, 'wechat_pay', callback) });
      assert.deepEqual(paid.body, { result: 'credited' });
      assert.equal(await balanceOf(owner), 10_000_000_000);
    } finally {
      await t.close();
    }
  });

  it("the demo enterprise's sandbox works without the flag; another enterprise on the same server still gets 404", async () => {
    const first = await createTestApp(use(), { sandboxPayments: false });
    let demo, plain;
    try {
      demo = await first.register();
      plain = await first.register();
      await first.deps.db.transaction().execute((trx) => markSandbox({ corpId: demo!.me.currentCorp!.id, trx, now: first.clock.now() }));
    } finally {
      await first.close();
    }
    // The route is there once a demo enterprise is (the server decides at start-up).
    const t = await createTestApp(use(), { sandboxPayments: false });
    try {
      const clients = { demo: t.client(), plain: t.client() };
      for (const [name, c] of Object.entries({ demo, plain })) for (const [k, v] of c.cookies) clients[name as 'demo' | 'plain'].cookies.set(k, v);
      assert.equal((await clients.demo.get<{ sandboxPayments: boolean }>('/api/v1/wallet')).body.sandboxPayments, true);
      assert.equal((await clients.plain.get<{ sandboxPayments: boolean }>('/api/v1/wallet')).body.sandboxPayments, false);
      for (const name of ['demo', 'plain'] as const) {
        const topup = await clients[name].post<TopupResponse>('/api/v1/wallet/topups', { channel: 'online_banking', amountFen: 5_000, idempotencyKey: key(), agreementVersion: 1 });
        const url = `/api/v1/wallet/topups/${topup.body.id}/sandbox-pay`;
        const res = await clients[name].post(url);
        if (name === 'demo') assert.deepEqual([res.status, res.body], [200, { result: 'credited' }]);
        else assert.deepEqual([res.status, res.body], [404, { error: { code: 'not_found', message: `No route POST ${url}.` } }]);
      }
      assert.equal(await balanceOf(clients.demo), 5_000);
      assert.equal(await balanceOf(clients.plain), 0);
    } finally {
      await t.close();
    }
  });
});
