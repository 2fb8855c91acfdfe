import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type Client, type TestApp, keepSessions } from '../../../test/support/app.ts';
import { DAY } from '../../platform/clock.ts';
import { departMember } from '../directory/testing/index.ts';
import { certify, errorCode, newCorp, seedCustomers, signedInMember, topUp, balanceOf, type Corp } from './testing/index.ts';
import { recountServed, servedCount } from './quota.service.ts';

interface Overview {
  served: number;
  todayNew: number;
  limit: number;
  freeQuota: number;
  certified: boolean;
  tier: { size: number; endsAt: string } | null;
}
interface Friend {
  id: string;
  state: string;
  oneWayReason: string | null;
}

describeEachDialect('customers and the quota (外部联系人规模)', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  const add = (client: Client, externalId: string, addedBack = true) => client.post<Friend>('/api/v1/customers/friends', { externalId, name: `客户${externalId}`, addedBack });
  const overview = async (corp: Corp) => (await corp.client.get<Overview>('/api/v1/customers/overview')).body;

  async function assertCounterMatches(corpId: string): Promise<void> {
    assert.equal(await servedCount(t.deps.db, corpId), await recountServed(t.deps.db, corpId));
  }

  it('seed rule 计费人数计算方法: served counts distinct customers of every member and group, deduplicated', async () => {
    const corp = await newCorp(t);
    const b = await signedInMember(t, corp.corpId, '成员B');
    const c = await signedInMember(t, corp.corpId, '成员C');
    await add(b.client, 'wx-a');
    await add(c.client, 'wx-a');
    await add(c.client, 'wx-b');
    const group = await corp.client.post<{ id: string }>('/api/v1/customer-groups', { name: '客户群D' });
    await corp.client.post(`/api/v1/customer-groups/${group.body.id}/customers`, { externalId: 'wx-a', name: '客户A' });
    await corp.client.post(`/api/v1/customer-groups/${group.body.id}/customers`, { externalId: 'wx-g', name: '群里的客户' });
    assert.equal((await overview(corp)).served, 3);
    await assertCounterMatches(corp.corpId);
  });

  it('seed rule 删除的客户: A added B and C; the place is released only when both B and C deleted A', async () => {
    const corp = await newCorp(t);
    const b = await signedInMember(t, corp.corpId);
    const c = await signedInMember(t, corp.corpId);
    const added = await add(b.client, 'wx-a');
    await add(c.client, 'wx-a');
    const first = await b.client.delete<{ released: boolean }>(`/api/v1/customers/friends/${added.body.id}`);
    assert.deepEqual(first.body, { released: false });
    assert.equal((await overview(corp)).served, 1);
    const second = await c.client.delete<{ released: boolean }>(`/api/v1/customers/friends/${added.body.id}`);
    assert.deepEqual(second.body, { released: true });
    assert.equal((await overview(corp)).served, 0);
    // Deleting cannot be undone: there is nothing left to delete or restore.
    const again = await c.client.delete(`/api/v1/customers/friends/${added.body.id}`);
    assert.equal(errorCode(again.body), 'customers.not_friend');
    await assertCounterMatches(corp.corpId);
  });

  it('seed rule 删除的客户: a customer deleting the member one-sidedly does not release; the friendship becomes one-way', async () => {
    const corp = await newCorp(t);
    const b = await signedInMember(t, corp.corpId);
    const added = await add(b.client, 'wx-one-sided');
    const res = await corp.client.post(`/api/v1/customers/${added.body.id}/members/${b.memberId}/events`, { event: 'deleted_member' });
    assert.equal(res.status, 204);
    assert.equal((await overview(corp)).served, 1);
    const oneWay = await b.client.get<{ items: Friend[]; oneWayTerm: string }>('/api/v1/customers/friends?oneWay=true');
    assert.deepEqual(oneWay.body.items.map((f) => [f.id, f.state, f.oneWayReason]), [[added.body.id, 'one_way', 'deleted_by_customer']]);
    assert.equal(oneWay.body.oneWayTerm, 'customer');
  });

  it('seed rule 删除的客户: a member leaving the company does not release their customers', async () => {
    const corp = await newCorp(t);
    const b = await signedInMember(t, corp.corpId);
    await add(b.client, 'wx-left-1');
    await add(b.client, 'wx-left-2');
    await t.deps.db.transaction().execute((trx) =>
      departMember({ corpId: corp.corpId, trx, now: t.clock.now(), log: t.deps.log, registry: t.deps.registry, actor: { kind: 'member', id: corp.creatorId, name: 'x', accountId: corp.client.me.account.id } }, b.memberId),
    );
    await t.deps.outbox.drain();
    assert.equal((await overview(corp)).served, 2);
    await assertCounterMatches(corp.corpId);
  });

  it('seed rule 删除的客户: a customer in groups D and F is released only when out of both (left, or dissolved)', async () => {
    const corp = await newCorp(t);
    const d = await corp.client.post<{ id: string }>('/api/v1/customer-groups', { name: '群D' });
    const f = await corp.client.post<{ id: string }>('/api/v1/customer-groups', { name: '群F' });
    const joined = await corp.client.post<{ customerId: string; newlyCounted: boolean }>(`/api/v1/customer-groups/${d.body.id}/customers`, { externalId: 'wx-g1', name: '甲' });
    assert.equal(joined.body.newlyCounted, true);
    const again = await corp.client.post<{ newlyCounted: boolean }>(`/api/v1/customer-groups/${f.body.id}/customers`, { externalId: 'wx-g1', name: '甲' });
    assert.equal(again.body.newlyCounted, false);
    const left = await corp.client.delete<{ released: boolean }>(`/api/v1/customer-groups/${d.body.id}/customers/${joined.body.customerId}`);
    assert.deepEqual(left.body, { released: false });
    assert.equal((await overview(corp)).served, 1);
    const dissolved = await corp.client.delete<{ released: number }>(`/api/v1/customer-groups/${f.body.id}`);
    assert.deepEqual(dissolved.body, { released: 1 });
    assert.equal((await overview(corp)).served, 0);
    const late = await corp.client.post(`/api/v1/customer-groups/${f.body.id}/customers`, { externalId: 'wx-g2', name: '乙' });
    assert.equal(errorCode(late.body), 'customers.group_dissolved');
    await assertCounterMatches(corp.corpId);
  });

  it('seed rule 温馨提示 1: an uncertified enterprise holds at most 100; the 101st new customer is refused, re-adding a counted one is not', async () => {
    const corp = await newCorp(t, { certified: false });
    const b = await signedInMember(t, corp.corpId);
    await seedCustomers(t.deps.db, corp.corpId, corp.creatorId, 100, t.clock.now(), `u${corp.corpId.slice(-6)}`);
    const refused = await add(b.client, 'wx-new-101');
    assert.equal(refused.status, 409);
    assert.deepEqual((refused.body as unknown as { error: unknown }).error, { code: 'customers.uncertified_limit', message: 'An uncertified enterprise can add at most 100 customers; certify the enterprise first.', details: { limit: 100 } });
    const readd = await add(b.client, `u${corp.corpId.slice(-6)}-7`);
    assert.equal(readd.status, 201);
    assert.equal((await overview(corp)).served, 100);
    // Certified, the free 2,000 apply.
    await certify(t, corp.corpId, t.clock.now() + DAY);
    assert.equal((await add(b.client, 'wx-new-101')).status, 201);
    assert.deepEqual(await overview(corp), { served: 101, todayNew: 101, limit: 2_000, freeQuota: 2_000, certified: true, tier: null });
    await assertCounterMatches(corp.corpId);
  });

  it('seed rule 免费提供2000人: the 2,001st new customer is refused; a customer already counted can still be added by another member', async () => {
    const corp = await newCorp(t);
    const b = await signedInMember(t, corp.corpId);
    const prefix = `f${corp.corpId.slice(-6)}`;
    await seedCustomers(t.deps.db, corp.corpId, corp.creatorId, 2_000, t.clock.now(), prefix);
    assert.equal(errorCode((await add(b.client, 'wx-2001')).body), 'customers.quota_exceeded');
    assert.equal((await add(b.client, `${prefix}-1999`)).status, 201);
    // A group cannot slip a new customer past the quota either.
    const g = await corp.client.post<{ id: string }>('/api/v1/customer-groups', { name: '满员群' });
    assert.equal(errorCode((await corp.client.post(`/api/v1/customer-groups/${g.body.id}/customers`, { externalId: 'wx-2002', name: '新' })).body), 'customers.quota_exceeded');
    assert.equal((await overview(corp)).served, 2_000);
    await assertCounterMatches(corp.corpId);
  });

  it('concurrent adds at the edge of the quota: exactly the places left are taken, and the counter equals the recount', async () => {
    const corp = await newCorp(t, { certified: false });
    const members = await Promise.all([1, 2, 3].map(() => signedInMember(t, corp.corpId)));
    await seedCustomers(t.deps.db, corp.corpId, corp.creatorId, 90, t.clock.now(), `c${corp.corpId.slice(-6)}`);
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => add(members[i % 3]!.client, `wx-race-${i}`)));
    assert.equal(results.filter((r) => r.status === 201).length, 10);
    assert.equal(results.filter((r) => errorCode(r.body) === 'customers.uncertified_limit').length, 20);
    assert.equal(await servedCount(t.deps.db, corp.corpId), 100);
    await assertCounterMatches(corp.corpId);
  });

  it("today's new customers count from midnight China time, at exact instants", async () => {
    t.clock.set('2026-03-01T23:59:59.999+08:00');
    const corp = await newCorp(t);
    const b = await signedInMember(t, corp.corpId);
    await add(b.client, 'wx-yesterday');
    t.clock.set('2026-03-02T00:00:00.000+08:00');
    await add(b.client, 'wx-today');
    assert.equal((await overview(corp)).todayNew, 1);
    assert.equal((await overview(corp)).served, 2);
  });

  it('seed rule 单向学员: one-way contacts (not added back) are filtered and deleted one by one; 单向学员 in the education edition', async () => {
    const corp = await newCorp(t, { industry: 'education' });
    const b = await signedInMember(t, corp.corpId);
    const one = await add(b.client, 'wx-ow-1', false);
    const two = await add(b.client, 'wx-ow-2', false);
    await add(b.client, 'wx-mutual', true);
    // Adding back makes the second mutual again.
    await corp.client.post(`/api/v1/customers/${two.body.id}/members/${b.memberId}/events`, { event: 'added_back' });
    const list = await b.client.get<{ items: Friend[]; oneWayTerm: string }>('/api/v1/customers/friends?oneWay=true');
    assert.equal(list.body.oneWayTerm, 'student');
    assert.deepEqual(list.body.items.map((f) => [f.id, f.oneWayReason]), [[one.body.id, 'not_added_back']]);
    assert.equal((await b.client.delete(`/api/v1/customers/friends/${one.body.id}`)).status, 200);
    assert.deepEqual((await b.client.get<{ items: Friend[] }>('/api/v1/customers/friends?oneWay=true')).body.items, []);
    assert.equal((await b.client.get<{ items: Friend[] }>('/api/v1/customers/friends')).body.items.length, 2);
  });

  it('seed rule 增购: tiers cost per year; an upgrade costs y/365·(365−n) − x/365·(365−n) half-up and keeps the end date', async () => {
    t.clock.set('2026-04-01T10:00:00+08:00');
    const corp = await newCorp(t, { balanceFen: 1_000_000 });
    await keepSessions(t);
    const bought = await corp.client.post<{ kind: string; priceFen: number; endsAt: string }>('/api/v1/customers/quota/purchases', { size: 5_000, quotedFen: 50_000, idempotencyKey: 'tier-0001' });
    assert.equal(bought.status, 201);
    assert.deepEqual([bought.body.kind, bought.body.priceFen, bought.body.endsAt], ['new', 50_000, '2027-04-01T02:00:00.000Z']);
    assert.equal((await overview(corp)).limit, 5_000);
    // n = 100 whole days used: (200000 − 50000)·265/365 = 108904.1… → 108904 fen.
    t.clock.set('2026-07-10T15:00:00+08:00');
    const quote = await corp.client.get<{ priceFen: number; daysUsed: number; endsAt: string; quote: unknown }>('/api/v1/customers/quota/quote?size=20000');
    assert.deepEqual([quote.body.daysUsed, quote.body.priceFen, quote.body.endsAt], [100, 108_904, '2027-04-01T02:00:00.000Z']);
    assert.deepEqual(quote.body.quote, { item: 'customer_quota', quantity: 20_000, unitFen: 10, totalFen: 108_904, validUntil: '2027-04-01T02:00:00.000Z', balanceFen: 950_000, balanceAfterFen: 841_096 });
    // A quote is for its moment: a day later the upgrade costs less, and yesterday's price is refused with nothing charged.
    t.clock.set('2026-07-11T15:00:00+08:00');
    const stale = await corp.client.post('/api/v1/customers/quota/purchases', { size: 20_000, quotedFen: 108_904, idempotencyKey: 'tier-stale' });
    assert.deepEqual([stale.status, errorCode(stale.body)], [409, 'wallet.price_changed']);
    assert.equal(await balanceOf(t, corp.corpId), 950_000);
    // n = 364: 150000·1/365 = 410.96 → 411 fen (half-up).
    t.clock.set('2027-03-31T10:00:00+08:00');
    const late = await corp.client.get<{ priceFen: number; daysUsed: number }>('/api/v1/customers/quota/quote?size=20000');
    assert.deepEqual([late.body.daysUsed, late.body.priceFen], [364, 411]);
    const up = await corp.client.post<{ kind: string; priceFen: number }>('/api/v1/customers/quota/purchases', { size: 20_000, quotedFen: 411, idempotencyKey: 'tier-0002' });
    assert.deepEqual([up.body.kind, up.body.priceFen], ['upgrade', 411]);
    // Replaying the same key pays nothing more.
    await corp.client.post('/api/v1/customers/quota/purchases', { size: 20_000, quotedFen: 411, idempotencyKey: 'tier-0002' });
    assert.equal(await balanceOf(t, corp.corpId), 1_000_000 - 50_000 - 411);
    assert.deepEqual((await overview(corp)).tier, { size: 20_000, endsAt: '2027-04-01T02:00:00.000Z' });
    const lower = await corp.client.post('/api/v1/customers/quota/purchases', { size: 5_000, quotedFen: 50_000, idempotencyKey: 'tier-0003' });
    assert.equal(errorCode(lower.body), 'customers.tier_not_higher');
    // A year after the first purchase, to the millisecond, the tier is over: back to the free 2,000.
    t.clock.set(Date.parse('2027-04-01T02:00:00.000Z') - 1);
    assert.equal((await overview(corp)).limit, 20_000);
    t.clock.set('2027-04-01T02:00:00.000Z');
    assert.deepEqual([(await overview(corp)).limit, (await overview(corp)).tier], [2_000, null]);
    const unknown = await corp.client.post('/api/v1/customers/quota/purchases', { size: 3_000_000, quotedFen: 0, idempotencyKey: 'tier-0004' });
    assert.equal(errorCode(unknown.body), 'customers.unknown_tier');
  });

  it('a quota tier ordered through the enterprise orders page costs the ladder price; an unprorated upgrade there is refused', async () => {
    const corp = await newCorp(t, { balanceFen: 1_000_000 });
    await keepSessions(t);
    const order = await corp.client.post<{ id: string; amountFen: number }>('/api/v1/wallet/orders', { item: 'customer_quota', quantity: 5_000 });
    assert.equal(order.body.amountFen, 50_000);
    const paid = await corp.client.post(`/api/v1/wallet/orders/${order.body.id}/pay`, { method: 'balance', idempotencyKey: 'generic-quota-1' });
    assert.equal(paid.status, 200);
    assert.equal((await overview(corp)).limit, 5_000);
    t.clock.advance(100 * 24 * 3600_000);
    const upgrade = await corp.client.post<{ id: string; amountFen: number }>('/api/v1/wallet/orders', { item: 'customer_quota', quantity: 20_000 });
    assert.equal(upgrade.body.amountFen, 200_000);
    const refused = await corp.client.post(`/api/v1/wallet/orders/${upgrade.body.id}/pay`, { method: 'balance', idempotencyKey: 'generic-quota-2' });
    assert.equal(errorCode(refused.body), 'customers.quota_price_mismatch');
    assert.equal(await balanceOf(t, corp.corpId), 1_000_000 - 50_000);
    assert.equal((await overview(corp)).limit, 5_000);
  });

  it('two upgrades to the same tier at once: one is bought, the other refused and not charged', async () => {
    const corp = await newCorp(t, { balanceFen: 1_000_000 });
    await corp.client.post('/api/v1/customers/quota/purchases', { size: 5_000, quotedFen: 50_000, idempotencyKey: 'race-tier-0' });
    const results = await Promise.all([1, 2, 3].map((i) => corp.client.post('/api/v1/customers/quota/purchases', { size: 20_000, quotedFen: 150_000, idempotencyKey: `race-tier-${i}` })));
    assert.deepEqual(results.map((r) => r.status).sort(), [201, 409, 409]);
    const paid = (results.find((r) => r.status === 201)!.body as { priceFen: number }).priceFen;
    assert.equal(paid, 150_000);
    assert.equal(await balanceOf(t, corp.corpId), 1_000_000 - 50_000 - 150_000);
  });

  it('buying a tier without enough balance writes nothing', async () => {
    const corp = await newCorp(t, { balanceFen: 10_000 });
    const res = await corp.client.post('/api/v1/customers/quota/purchases', { size: 5_000, quotedFen: 50_000, idempotencyKey: 'tier-poor-01' });
    assert.equal(errorCode(res.body), 'wallet.insufficient_balance');
    assert.equal((await overview(corp)).tier, null);
    assert.equal(await balanceOf(t, corp.corpId), 10_000);
  });

  it('a member without a spending right cannot buy a tier', async () => {
    const corp = await newCorp(t, { balanceFen: 100_000 });
    await topUp(t, corp.corpId, 1);
    const b = await signedInMember(t, corp.corpId);
    const res = await b.client.post('/api/v1/customers/quota/purchases', { size: 5_000, quotedFen: 50_000, idempotencyKey: 'tier-member-1' });
    assert.equal(errorCode(res.body), 'wallet.no_balance_permission');
  });
});
