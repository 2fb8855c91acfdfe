import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, keepSessions, type TestApp } from '../../../test/support/app.ts';
import { enterprise } from '../../../test/support/enterprise.ts';
import { DomainError } from '../../platform/errors.ts';
import { systemActor } from '../../platform/context.ts';
import { inTransaction } from '../../platform/events.ts';
import { defineModule } from '../../platform/module.ts';
import { manifests } from '../index.ts';
import { WalletEvents, autoDeduct, isAutoDeductOn, payWithBalance } from './index.ts';
import { checkInvariants } from './ledger.service.ts';
import { approveCategory, balanceOf, buy, codeOf, key, topUp } from './testing/index.ts';
import { tablesOf } from '../../../test/support/tables.ts';

type Rule = { id: string; isDefault: boolean; allSuperAdmins: boolean; memberIds: string[]; items: string[] };

/** Stands for the modules that own 'mail' and 'drive': grants one, fails to grant the other. */
const granted: string[] = [];
const itemOwner = defineModule({
  name: 'test-item-owner',
  tables: {},
  subscribers: [
    inTransaction(WalletEvents['order.paid'], 'test.grant-item', async (ctx, order) => {
      if (order.item === 'mail') granted.push(`${ctx.corpId}:${order.id}:${order.quantity}`);
      if (order.item === 'drive') throw new DomainError('conflict', { reason: 'the entitlement could not be granted' });
    }),
  ],
});

describeEachDialect('wallet orders, spending rules and auto-deduction', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use(), {}, undefined, [...manifests, itemOwner]);
  });
  after(() => t.close());

  it('seed rule 余额使用权限 a): the default rule lets every super admin pay for every balance item, and cannot be changed or deleted', async () => {
    const e = await enterprise(t);
    await topUp(e.owner, 100_000);
    const rules = await e.owner.get<{ items: Rule[] }>('/api/v1/wallet/spending-rules');
    assert.deepEqual(rules.body.items, [
      { id: 'default', isDefault: true, allSuperAdmins: true, memberIds: [], items: ['certification', 'acquisition', 'customer_quota', 'security', 'mail', 'docs', 'drive'], updatedAt: null },
    ]);
    const change = await e.owner.put('/api/v1/wallet/spending-rules/default', { memberIds: [e.owner.me.member!.id], items: ['mail'] });
    assert.equal(change.status, 409);
    assert.equal(codeOf(change.body), 'wallet.rule_default_readonly');
    const remove = await e.owner.delete('/api/v1/wallet/spending-rules/default');
    assert.equal(codeOf(remove.body), 'wallet.rule_default_readonly');
    const paid = await buy(e.owner, 'certification');
    assert.equal(paid.status, 200, JSON.stringify(paid.body));
    assert.equal(await balanceOf(e.owner), 70_000);
  });

  it('seed rule 余额使用权限 b) and 成员申请开通: a member without a rule gets 暂无余额支付的权限; a custom rule allows only its items', async () => {
    const e = await enterprise(t);
    await topUp(e.owner, 100_000);
    const huang = await e.member('黄磊');
    const denied = await buy(huang.client, 'mail');
    assert.equal(denied.status, 403);
    assert.deepEqual(denied.body, {
      error: { code: 'wallet.no_balance_permission', message: '暂无余额支付的权限，需要找管理员开通权限。 (You may not pay with the balance; ask an admin to grant it.)', details: { item: 'mail' } },
    });
    const created = await e.owner.post<Rule>('/api/v1/wallet/spending-rules', { memberIds: [huang.memberId], items: ['mail', 'acquisition'] });
    assert.equal(created.status, 201);
    assert.deepEqual(created.body.items, ['acquisition', 'mail']);
    assert.equal((await buy(huang.client, 'mail')).status, 200);
    const docs = await buy(huang.client, 'docs');
    assert.equal(codeOf(docs.body), 'wallet.no_balance_permission');
    const cannotManage = await huang.client.post('/api/v1/wallet/spending-rules', { memberIds: [huang.memberId], items: ['docs'] });
    assert.equal(cannotManage.status, 403);
    const changed = await e.owner.put<Rule>(`/api/v1/wallet/spending-rules/${created.body.id}`, { memberIds: [huang.memberId], items: ['docs'] });
    assert.equal(changed.status, 200);
    assert.equal((await buy(huang.client, 'docs')).status, 200);
    assert.equal(codeOf((await buy(huang.client, 'mail')).body), 'wallet.no_balance_permission');
    assert.equal((await e.owner.delete(`/api/v1/wallet/spending-rules/${created.body.id}`)).status, 204);
    assert.equal(codeOf((await buy(huang.client, 'docs')).body), 'wallet.no_balance_permission');
    const log = await e.owner.get<{ items: { action: string }[] }>('/api/v1/audit?action=wallet.rule');
    assert.deepEqual(log.body.items.map((i) => i.action), ['wallet.rule.delete', 'wallet.rule.update', 'wallet.rule.create']);
  });

  it('seed rule 购买对象: meetings, session archive, data protection and public phone can be ordered but never paid with the balance, and no rule can list them', async () => {
    const e = await enterprise(t);
    await topUp(e.owner, 1_000_000);
    for (const item of ['meeting', 'session_archive', 'data_protection', 'public_phone']) {
      const res = await buy(e.owner, item);
      assert.equal(res.status, 422, item);
      assert.equal(codeOf(res.body), 'wallet.not_balance_payable');
      const rule = await e.owner.post('/api/v1/wallet/spending-rules', { memberIds: [e.owner.me.member!.id], items: ['mail', item] });
      assert.equal(rule.status, 422);
      assert.deepEqual((rule.body as { error: { details: unknown } }).error.details, { items: [item] });
    }
    assert.equal(await balanceOf(e.owner), 1_000_000);
    const order = await e.owner.post<{ id: string }>('/api/v1/wallet/orders', { item: 'meeting', quantity: 2 });
    const channel = await e.owner.post<{ topup: { id: string; amountFen: number } }>(`/api/v1/wallet/orders/${order.body.id}/pay`, { method: 'channel', channel: 'wechat_pay' });
    assert.equal(channel.status, 200);
    assert.equal(channel.body.topup.amountFen, 18_000);
    await e.owner.post(`/api/v1/wallet/topups/${channel.body.topup.id}/sandbox-pay`);
    const paid = await e.owner.get<{ items: { id: string; status: string; paidBy: string }[]; pendingCount: number }>('/api/v1/wallet/orders');
    assert.deepEqual(paid.body.items.find((o) => o.id === order.body.id), { ...paid.body.items.find((o) => o.id === order.body.id), status: 'paid', paidBy: 'channel' });
    assert.equal(await balanceOf(e.owner), 1_000_000, 'a channel payment leaves the balance alone');
  });

  it('企业订单: paying with the balance debits, marks paid and grants the entitlement in one transaction; the list counts pending orders', async () => {
    const e = await enterprise(t);
    await topUp(e.owner, 50_000);
    const pending = await e.owner.post<{ id: string; amountFen: number }>('/api/v1/wallet/orders', { item: 'docs', quantity: 3 });
    assert.equal(pending.body.amountFen, 18_000);
    const { orderId } = await buy(e.owner, 'mail', 2);
    assert.ok(granted.includes(`${e.corpId}:${orderId}:2`));
    const list = await e.owner.get<{ items: { id: string; status: string }[]; pendingCount: number }>('/api/v1/wallet/orders');
    assert.equal(list.body.pendingCount, 1);
    assert.deepEqual(list.body.items.map((o) => o.status), ['paid', 'pending']);
    assert.equal(await balanceOf(e.owner), 38_000);

    // An entitlement that cannot be granted un-does the payment: nothing is half-done.
    const failing = await buy(e.owner, 'drive');
    assert.equal(failing.status, 409);
    assert.equal(await balanceOf(e.owner), 38_000);
    const drive = await e.owner.get<{ items: { item: string; status: string }[] }>('/api/v1/wallet/orders?status=pending');
    assert.ok(drive.body.items.some((o) => o.item === 'drive'));
    const again = await e.owner.post(`/api/v1/wallet/orders/${orderId}/pay`, { method: 'balance', idempotencyKey: key() });
    assert.equal(codeOf(again.body), 'wallet.order_not_pending');
    const tooMuch = await buy(e.owner, 'customer_quota', 5_000);
    assert.equal(tooMuch.status, 409);
    assert.equal(codeOf(tooMuch.body), 'wallet.insufficient_balance');
    const inv = await checkInvariants(t.deps.db, e.corpId);
    assert.equal(inv.ledgerSum, 38_000);
    assert.equal(inv.consumed, 12_000);
    assert.equal(inv.unbalancedTxns + inv.chainBreaks, 0);
  });

  it('per order, the list says which actions the server would allow: pay a pending one, refund a refundable one within 7 days, nothing on a security order', async () => {
    const e = await enterprise(t);
    await topUp(e.owner, 100_000);
    const pending = await e.owner.post<{ id: string; actions: string[] }>('/api/v1/wallet/orders', { item: 'docs', quantity: 1 });
    assert.deepEqual(pending.body.actions, ['pay']);
    const mail = await buy(e.owner, 'mail');
    const security = await buy(e.owner, 'security');
    assert.deepEqual((security.body as { order: { actions: string[] } }).order.actions, []);
    const actionsOf = async () => new Map((await e.owner.get<{ items: { id: string; actions: string[] }[] }>('/api/v1/wallet/orders')).body.items.map((o) => [o.id, o.actions]));
    assert.deepEqual(Object.fromEntries(await actionsOf()), { [pending.body.id]: ['pay'], [mail.orderId]: ['refund'], [security.orderId]: [] });
    // What the list offers is what the server does: the security order's refund is refused.
    const refused = await e.owner.post(`/api/v1/wallet/orders/${security.orderId}/refund`, { idempotencyKey: key(), reason: '不需要了' });
    assert.deepEqual([refused.status, codeOf(refused.body)], [409, 'wallet.refund_not_allowed']);
    // Seven days after payment the window is closed: no refund offered.
    await keepSessions(t);
    t.clock.advance(7 * 24 * 3600_000 + 1);
    assert.deepEqual((await actionsOf()).get(mail.orderId), []);
  });

  it('payWithBalance for other modules: checks the actor, replays by key, writes nothing when refused', async () => {
    const e = await enterprise(t);
    await topUp(e.owner, 1_000);
    await approveCategory(t, e.owner);
    const actor = { kind: 'member' as const, id: e.owner.me.member!.id, name: '创建者', accountId: e.owner.me.account.id };
    const run = (amountFen: number, k: string) =>
      t.deps.db.transaction().execute((trx) => payWithBalance({ corpId: e.corpId, actor, trx, now: t.clock.now(), log: t.app.log, registry: t.deps.registry }, { item: 'acquisition', amountFen, idempotencyKey: k, description: '获客助手使用量 100 次', quantity: 100, quotedFen: amountFen }));
    const k = key();
    const first = await run(600, k);
    const replay = await run(600, k);
    assert.deepEqual(replay, first);
    assert.equal(first.balanceAfter, 400);
    await assert.rejects(run(500, key()), (e: DomainError) => e.code === 'wallet.insufficient_balance');
    await assert.rejects(run(700, k), (e: DomainError) => e.code === 'idempotency.key_reused');
    const huang = await e.member('黄磊');
    await assert.rejects(
      t.deps.db.transaction().execute((trx) =>
        payWithBalance({ corpId: e.corpId, actor: { kind: 'member', id: huang.memberId, name: '黄磊', accountId: huang.accountId }, trx, now: t.clock.now(), log: t.app.log, registry: t.deps.registry }, { item: 'acquisition', amountFen: 1, quotedFen: 1, idempotencyKey: key(), description: 'x' }),
      ),
      (e: DomainError) => e.code === 'wallet.no_balance_permission',
    );
    const orders = await e.owner.get<{ items: unknown[] }>('/api/v1/wallet/orders');
    assert.equal(orders.body.items.length, 1);
    assert.equal(await balanceOf(e.owner), 400);
  });

  it('seed rule 自动扣款管理: only the acquisition assistant; members allowed to buy it may switch it; charges at once; too little balance fails and writes nothing', async () => {
    const e = await enterprise(t);
    await topUp(e.owner, 250);
    const li = await e.member('李天志');
    const zhao = await e.member('赵裕');
    await e.owner.post('/api/v1/wallet/spending-rules', { memberIds: [li.memberId], items: ['acquisition'] });
    await e.owner.post('/api/v1/wallet/spending-rules', { memberIds: [zhao.memberId], items: ['mail'] });
    assert.equal(await isAutoDeductOn(t.deps.db, e.corpId, 'acquisition'), false);
    const wrongItem = await e.owner.put('/api/v1/wallet/auto-deduction/mail', { enabled: true });
    assert.equal(codeOf(wrongItem.body), 'wallet.auto_deduct_unsupported');
    const byZhao = await zhao.client.put('/api/v1/wallet/auto-deduction/acquisition', { enabled: true, quotedFen: 100 });
    assert.equal(codeOf(byZhao.body), 'wallet.no_balance_permission');

    const deduct = (k: string) =>
      t.deps.db.transaction().execute((trx) => autoDeduct({ corpId: e.corpId, actor: systemActor, trx, now: t.clock.now(), log: t.deps.log, registry: t.deps.registry }, { item: 'acquisition', amountFen: 100, idempotencyKey: k, description: '获客助手添加客户 客户A' }));
    await assert.rejects(deduct(key()), (err: DomainError) => err.code === 'wallet.auto_deduct_off');

    const gated = await li.client.put('/api/v1/wallet/auto-deduction/acquisition', { enabled: true, quotedFen: 100 });
    assert.equal(codeOf(gated.body), 'category.required', 'the business-category gate is asked before switching on');
    await approveCategory(t, e.owner);
    const on = await li.client.put('/api/v1/wallet/auto-deduction/acquisition', { enabled: true, quotedFen: 100 });
    assert.deepEqual(on.body, { item: 'acquisition', enabled: true });
    assert.equal(await isAutoDeductOn(t.deps.db, e.corpId, 'acquisition'), true);
    const k = key();
    assert.equal((await deduct(k)).balanceAfter, 150);
    assert.equal((await deduct(k)).balanceAfter, 150, 'a replay is charged once');
    assert.equal((await deduct(key())).balanceAfter, 50);
    const before = await checkInvariants(t.deps.db, e.corpId);
    await assert.rejects(deduct(key()), (err: DomainError) => err.code === 'wallet.insufficient_balance');
    assert.deepEqual(await checkInvariants(t.deps.db, e.corpId), before);
    const keys = await tablesOf(t.deps.db).selectFrom('idempotency_keys').select('key').where('corp_id', '=', e.corpId).where('key', 'like', 'deduct:%').execute();
    assert.equal(keys.length, 2, 'the refused charge left no idempotency key behind');

    const off = await li.client.put('/api/v1/wallet/auto-deduction/acquisition', { enabled: false });
    assert.deepEqual(off.body, { item: 'acquisition', enabled: false });
    await assert.rejects(deduct(key()), (err: DomainError) => err.code === 'wallet.auto_deduct_off');
    const ledger = await e.owner.get<{ items: { type: string; amountFen: number; description: string }[] }>('/api/v1/wallet/ledger?type=auto_deduct');
    assert.deepEqual(ledger.body.items.map((r) => [r.type, r.amountFen, r.description]), [
      ['auto_deduct', -100, '获客助手添加客户 客户A'],
      ['auto_deduct', -100, '获客助手添加客户 客户A'],
    ]);
  });

  it('seed rule 自动扣款: not offered to home-school (家校) and government (政务) enterprises', async () => {
    for (const industry of ['home_school', 'government']) {
      const owner = await t.register({ industry });
      const res = await owner.put('/api/v1/wallet/auto-deduction/acquisition', { enabled: true, quotedFen: 100 });
      assert.equal(res.status, 403);
      assert.equal(codeOf(res.body), 'wallet.auto_deduct_unavailable');
      const wallet = await owner.get<{ autoDeduct: { acquisition: boolean; offered: boolean } }>('/api/v1/wallet');
      assert.deepEqual(wallet.body.autoDeduct, { acquisition: false, offered: false });
    }
  });

  it('concurrency: 50 concurrent paid actions with money for 10 → exactly 10 succeed, the balance ends at 0, 40 clear errors', async () => {
    const e = await enterprise(t);
    await topUp(e.owner, 10 * 6_000);
    const orders = [];
    for (let i = 0; i < 50; i++) orders.push((await e.owner.post<{ id: string }>('/api/v1/wallet/orders', { item: 'mail', quantity: 1 })).body.id);
    const results = await Promise.all(orders.map((id) => e.owner.post(`/api/v1/wallet/orders/${id}/pay`, { method: 'balance', idempotencyKey: key('race') })));
    assert.equal(results.filter((r) => r.status === 200).length, 10);
    const failed = results.filter((r) => r.status !== 200);
    assert.equal(failed.length, 40);
    assert.ok(failed.every((r) => r.status === 409 && codeOf(r.body) === 'wallet.insufficient_balance'));
    assert.equal(await balanceOf(e.owner), 0);
    const inv = await checkInvariants(t.deps.db, e.corpId);
    assert.deepEqual([inv.ledgerSum, inv.walletEntries, inv.unbalancedTxns, inv.chainBreaks, inv.consumed], [0, 0, 0, 0, 60_000]);
  });

  it('idempotency under a race: two concurrent first uses of one key charge once and both answer the winner\'s result', async () => {
    const e = await enterprise(t);
    await topUp(e.owner, 1_000);
    await approveCategory(t, e.owner);
    assert.equal((await e.owner.put('/api/v1/wallet/auto-deduction/acquisition', { enabled: true, quotedFen: 100 })).status, 200);
    const k = key('same');
    const body = { item: 'acquisition', amountFen: 100, idempotencyKey: k, description: '获客助手添加客户' };
    const results = await Promise.all(Array.from({ length: 8 }, () => e.owner.post<{ serialNo: string; balanceAfter: number }>('/api/v1/wallet/deductions', body)));
    assert.deepEqual([...new Set(results.map((r) => r.status))], [201]);
    assert.equal(new Set(results.map((r) => r.body.serialNo)).size, 1);
    assert.equal(await balanceOf(e.owner), 900);
    // Directly in separate transactions as well (no batching): PostgreSQL makes the loser wait, then replay.
    const k2 = key('same');
    const direct = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.deps.db.transaction().execute((trx) => autoDeduct({ corpId: e.corpId, actor: systemActor, trx, now: t.clock.now(), log: t.deps.log, registry: t.deps.registry }, { item: 'acquisition', amountFen: 100, idempotencyKey: k2, description: '获客助手添加客户' })),
      ),
    );
    assert.equal(new Set(direct.map((d) => d.serialNo)).size, 1);
    assert.equal(await balanceOf(e.owner), 800);
  });
});
