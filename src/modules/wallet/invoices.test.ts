import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { DAY, HOUR } from '../../platform/clock.ts';
import { systemActor } from '../../platform/context.ts';
import { autoDeduct } from './index.ts';
import { checkInvariants } from './ledger.service.ts';
import { taxOf } from './invoices.service.ts';
import { signedIn } from '../../../test/support/enterprise.ts';
import { approveCategory, balanceOf, buy, certify, codeOf, key, operatorClient, topUp } from './testing/index.ts';
import { tablesOf } from '../../../test/support/tables.ts';

type Invoice = { id: string; basis: string; type: string; title: string; serviceName: string; amountFen: number; taxRatePercent: number; taxFen: number; status: string; invoiceNo: string | null };

describeEachDialect('wallet invoices (发票) and refunds (退款)', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  it('6% VAT inside a tax-inclusive amount, rounded half up', () => {
    assert.equal(taxOf(10_600), 600);
    assert.equal(taxOf(6_000), 340); // 339.62 → 340
    assert.equal(taxOf(53), 3); // 3.0 → 3
    assert.equal(taxOf(9), 1); // 0.509 → 1
    assert.equal(taxOf(8), 0); // 0.45 → 0
  });

  it('seed rule 发票: unspent top-ups cannot be invoiced; an order paid with the balance can, titled with the certified name, 6%, 信息技术服务费', async () => {
    const owner = await t.register({ corpName: '榕树发票测试有限公司' });
    const corpId = owner.me.currentCorp!.id;
    await topUp(owner, 100_000);
    const uncertified = await owner.post('/api/v1/wallet/invoices', { basis: 'range', from: '2020-01-01T00:00:00Z', to: '2030-01-01T00:00:00Z', type: 'electronic_ordinary', idempotencyKey: key() });
    assert.equal(codeOf(uncertified.body), 'wallet.invoice_requires_certification');
    await certify(t, corpId);
    const unspent = await owner.post('/api/v1/wallet/invoices', { basis: 'range', from: '2020-01-01T00:00:00Z', to: '2030-01-01T00:00:00Z', type: 'electronic_ordinary', idempotencyKey: key() });
    assert.equal(unspent.status, 409);
    assert.equal(codeOf(unspent.body), 'wallet.nothing_to_invoice');

    const { orderId } = await buy(owner, 'mail', 2);
    const res = await owner.post<Invoice>('/api/v1/wallet/invoices', { basis: 'order', orderId, type: 'electronic_special', idempotencyKey: key() });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.deepEqual(
      { ...res.body, id: undefined },
      { ...res.body, id: undefined, basis: 'order', type: 'electronic_special', title: '榕树发票测试有限公司', serviceName: '信息技术服务费', amountFen: 12_000, taxRatePercent: 6, taxFen: 679, status: 'requested', invoiceNo: null },
    );
    const again = await owner.post('/api/v1/wallet/invoices', { basis: 'order', orderId, type: 'electronic_ordinary', idempotencyKey: key() });
    assert.equal(codeOf(again.body), 'wallet.nothing_to_invoice', 'an order is invoiced once; its type cannot be changed by asking again');
    const noChange = await owner.patch(`/api/v1/wallet/invoices/${res.body.id}`, { type: 'electronic_ordinary' });
    assert.equal(noChange.status, 404);

    const op = await operatorClient(t);
    const requests = await op.get<{ items: (Invoice & { corpName: string })[] }>('/api/v1/operator/wallet/invoices');
    assert.ok(requests.body.items.some((i) => i.id === res.body.id && i.corpName === '榕树发票测试有限公司'));
    const issued = await op.post<Invoice>(`/api/v1/operator/wallet/invoices/${corpId}/${res.body.id}/issue`);
    assert.equal(issued.body.status, 'issued');
    assert.match(issued.body.invoiceNo!, /^\d{8}[0-9A-Z]{8}$/);
    const twice = await op.post(`/api/v1/operator/wallet/invoices/${corpId}/${res.body.id}/issue`);
    assert.equal(codeOf(twice.body), 'wallet.invoice_not_requested');
    const ownerCannotIssue = await owner.post(`/api/v1/operator/wallet/invoices/${corpId}/${res.body.id}/issue`);
    assert.equal(ownerCannotIssue.status, 401);
  });

  it('seed rule 发票: auto-deductions are invoiced by a chosen time range; each fen once; the total never exceeds consumption', async () => {
    t.clock.set('2026-05-01T10:00:00+08:00');
    const owner = await t.register();
    const corpId = owner.me.currentCorp!.id;
    await certify(t, corpId);
    await topUp(owner, 10_000);
    await approveCategory(t, owner);
    await owner.put('/api/v1/wallet/auto-deduction/acquisition', { enabled: true, quotedFen: 100 });
    for (let i = 0; i < 5; i++) {
      t.clock.advance(HOUR);
      await t.deps.db.transaction().execute((trx) => autoDeduct({ corpId, actor: systemActor, trx, now: t.clock.now(), log: t.deps.log, registry: t.deps.registry }, { item: 'acquisition', amountFen: 300, idempotencyKey: key(), description: '获客助手添加客户' }));
    }
    // 11:00 … 15:00; the range [11:30, 13:30) holds the 12:00 and 13:00 charges.
    const range = { basis: 'range', from: '2026-05-01T11:30:00+08:00', to: '2026-05-01T13:30:00+08:00', type: 'electronic_ordinary' };
    const k = key();
    const first = await owner.post<Invoice>('/api/v1/wallet/invoices', { ...range, idempotencyKey: k });
    assert.equal(first.body.amountFen, 600);
    const replay = await owner.post<Invoice>('/api/v1/wallet/invoices', { ...range, idempotencyKey: k });
    assert.equal(replay.body.id, first.body.id);
    const overlapping = await owner.post('/api/v1/wallet/invoices', { ...range, idempotencyKey: key() });
    assert.equal(codeOf(overlapping.body), 'wallet.nothing_to_invoice');
    const racing = await Promise.all([1, 2, 3].map(() => owner.post<Invoice>('/api/v1/wallet/invoices', { basis: 'range', from: '2026-05-01T00:00:00+08:00', to: '2026-05-02T00:00:00+08:00', type: 'electronic_ordinary', idempotencyKey: key() })));
    assert.deepEqual(racing.map((r) => r.status).sort(), [201, 409, 409]);
    assert.equal(racing.find((r) => r.status === 201)!.body.amountFen, 900);
    const inv = await checkInvariants(t.deps.db, corpId);
    assert.deepEqual([inv.consumed, inv.invoiced], [1_500, 1_500]);
    const wallet = await owner.get<{ invoiceableFen: number }>('/api/v1/wallet');
    assert.equal(wallet.body.invoiceableFen, 0);
    // The database refuses an invoiced total above consumption even if the code forgot to check.
    await assert.rejects(tablesOf(t.deps.db).updateTable('wallets').set({ invoiced: 1_501 }).where('corp_id', '=', corpId).execute());
  });

  it('refund policy: a balance-paid order comes back to the balance within 7 days, with a ledger row; security features are non-refundable', async () => {
    t.clock.set('2026-06-01T10:00:00+08:00');
    const owner = await t.register();
    const corpId = owner.me.currentCorp!.id;
    await topUp(owner, 100_000);
    const { orderId } = await buy(owner, 'docs', 1);
    const security = await buy(owner, 'security', 1);
    assert.equal(await balanceOf(owner), 100_000 - 6_000 - 12_000);
    const before = await balanceOf(owner);

    const k = key();
    const refund = await owner.post<{ serialNo: string; balanceAfter: number }>(`/api/v1/wallet/orders/${orderId}/refund`, { idempotencyKey: k, reason: '买错了' });
    assert.equal(refund.status, 200, JSON.stringify(refund.body));
    assert.equal(refund.body.balanceAfter, before + 6_000);
    const replay = await owner.post<{ serialNo: string }>(`/api/v1/wallet/orders/${orderId}/refund`, { idempotencyKey: k, reason: '买错了' });
    assert.equal(replay.body.serialNo, refund.body.serialNo);
    const twice = await owner.post(`/api/v1/wallet/orders/${orderId}/refund`, { idempotencyKey: key(), reason: '买错了' });
    assert.deepEqual((twice.body as { error: { details: unknown } }).error.details, { reason: 'not_paid' });
    const ledger = await owner.get<{ items: { type: string; amountFen: number; description: string }[] }>('/api/v1/wallet/ledger?type=refund');
    assert.deepEqual(ledger.body.items.map((r) => [r.type, r.amountFen, r.description]), [['refund', 6_000, '退款：文档高级功能 × 1']]);

    const sec = await owner.post(`/api/v1/wallet/orders/${security.orderId}/refund`, { idempotencyKey: key(), reason: '不要了' });
    assert.equal(sec.status, 409);
    assert.deepEqual((sec.body as { error: { code: string; details: unknown } }).error, { code: 'wallet.refund_not_allowed', message: 'This order cannot be refunded.', details: { reason: 'non_refundable_item' } });

    const late = await buy(owner, 'mail', 1);
    t.clock.advance(7 * DAY + 1);
    // Sessions last 7 days too: sign in again.
    const later = await signedIn(t, owner.me.account.id, corpId);
    const tooLate = await later.post(`/api/v1/wallet/orders/${late.orderId}/refund`, { idempotencyKey: key(), reason: '不要了' });
    assert.deepEqual((tooLate.body as { error: { details: unknown } }).error.details, { reason: 'refund_window_passed' });
    const inv = await checkInvariants(t.deps.db, corpId);
    assert.equal(inv.ledgerSum, inv.balance);
    assert.equal(inv.unbalancedTxns + inv.chainBreaks, 0);
  });

  it('refund policy: an invoiced order is not refunded; a refunded order is never invoiced', async () => {
    const owner = await t.register();
    const corpId = owner.me.currentCorp!.id;
    await certify(t, corpId);
    await topUp(owner, 100_000);
    const invoiced = await buy(owner, 'mail');
    await owner.post('/api/v1/wallet/invoices', { basis: 'order', orderId: invoiced.orderId, type: 'electronic_ordinary', idempotencyKey: key() });
    const refused = await owner.post(`/api/v1/wallet/orders/${invoiced.orderId}/refund`, { idempotencyKey: key(), reason: 'x' });
    assert.deepEqual((refused.body as { error: { details: unknown } }).error.details, { reason: 'invoiced' });
    const refunded = await buy(owner, 'docs');
    assert.equal((await owner.post(`/api/v1/wallet/orders/${refunded.orderId}/refund`, { idempotencyKey: key(), reason: 'x' })).status, 200);
    const noInvoice = await owner.post('/api/v1/wallet/invoices', { basis: 'order', orderId: refunded.orderId, type: 'electronic_ordinary', idempotencyKey: key() });
    assert.equal(codeOf(noInvoice.body), 'wallet.nothing_to_invoice');
    const inv = await checkInvariants(t.deps.db, corpId);
    assert.deepEqual([inv.consumed, inv.invoiced], [6_000, 6_000]);
  });

  it('seed rule 退款: unspent balance is refunded only by the operator, by hand, never online', async () => {
    const owner = await t.register({ corpName: '人工退款测试有限公司' });
    const corpId = owner.me.currentCorp!.id;
    await topUp(owner, 50_000);
    const online = await owner.post(`/api/v1/operator/wallet/corps/${corpId}/refunds`, { amountFen: 50_000, reason: '不用了', idempotencyKey: key() });
    assert.equal(online.status, 401);
    const op = await operatorClient(t);
    const tooMuch = await op.post(`/api/v1/operator/wallet/corps/${corpId}/refunds`, { amountFen: 50_001, reason: '客户申请', idempotencyKey: key() });
    assert.equal(codeOf(tooMuch.body), 'wallet.insufficient_balance');
    const k = key();
    const done = await op.post<{ serialNo: string; balanceAfter: number }>(`/api/v1/operator/wallet/corps/${corpId}/refunds`, { amountFen: 20_000, reason: '客户申请', idempotencyKey: k });
    assert.equal(done.body.balanceAfter, 30_000);
    const replay = await op.post<{ serialNo: string }>(`/api/v1/operator/wallet/corps/${corpId}/refunds`, { amountFen: 20_000, reason: '客户申请', idempotencyKey: k });
    assert.equal(replay.body.serialNo, done.body.serialNo);
    assert.equal(await balanceOf(owner), 30_000);
    const ledger = await owner.get<{ items: { type: string; amountFen: number; operator: string }[] }>('/api/v1/wallet/ledger?type=manual_refund');
    assert.deepEqual(ledger.body.items.map((r) => [r.type, r.amountFen, r.operator]), [['manual_refund', -20_000, '运营小王']]);
    const list = await op.get<{ items: { corpName: string; amountFen: number }[] }>('/api/v1/operator/wallet/refunds');
    assert.ok(list.body.items.some((r) => r.corpName === '人工退款测试有限公司' && r.amountFen === 20_000));
    const audit = await owner.get<{ items: { action: string; actor: { kind: string } }[] }>('/api/v1/audit?action=wallet.manual_refund');
    assert.deepEqual(audit.body.items.map((i) => [i.action, i.actor.kind]), [['wallet.manual_refund', 'operator']]);
  });
});
