import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp, keepSessions } from '../../../test/support/app.ts';
import { DAY } from '../../platform/clock.ts';
import { systemActor } from '../../platform/context.ts';
import { publish } from '../../platform/events.ts';
import { DirectoryEvents } from '../directory/index.ts';
import { refundOrder } from '../wallet/testing/index.ts';
import { addMember, balanceOf, errorCode, newCorp, signedInMember, type Corp } from '../customers/testing/index.ts';
import { hasFeature } from './features.service.ts';
import { addHierarchicalAdmin } from '../admin/testing/index.ts';
import { rootDepartmentId } from '../directory/index.ts';
import { tablesOf } from '../../../test/support/tables.ts';

interface Plan {
  seatsBought: number;
  seatsUsed: number;
  active: boolean;
  activeUntil: string | null;
  seats: { memberId: string; takeBackUntil: string }[];
}

describeEachDialect('advanced features and seats (安全管理)', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  const plan = async (corp: Corp) => (await corp.client.get<Plan>('/api/v1/features/security')).body;
  /** As the console does: the quote first, then the purchase at the quoted total. */
  const buy = async (corp: Corp, seats: number, key: string) => {
    const quoted = await corp.client.get<{ quote: { totalFen: number } }>(`/api/v1/features/security/quote?seats=${seats}`);
    return corp.client.post<{ priceFen: number; kind: string; endsAt: string }>('/api/v1/features/security/purchases', { seats, quotedFen: quoted.body.quote.totalFen, idempotencyKey: key });
  };
  const give = (corp: Corp, memberId: string) => corp.client.put(`/api/v1/features/security/seats/${memberId}`);
  const takeBack = (corp: Corp, memberId: string) => corp.client.delete(`/api/v1/features/security/seats/${memberId}`);

  it('seed rule 仅支持超级管理员购买: a member is refused even with a balance right; the super admin buys', async () => {
    const corp = await newCorp(t, { balanceFen: 100_000 });
    const { client: member } = await signedInMember(t, corp.corpId);
    const refused = await member.post('/api/v1/features/security/purchases', { seats: 1, quotedFen: 12_000, idempotencyKey: 'sec-member-1' });
    assert.equal(refused.status, 403);
    const bought = await buy(corp, 3, 'sec-admin-01');
    assert.equal(bought.status, 201);
    assert.deepEqual([bought.body.kind, bought.body.priceFen], ['new', 36_000]);
    assert.equal(await balanceOf(t, corp.corpId), 64_000);
    assert.deepEqual([(await plan(corp)).seatsBought, (await plan(corp)).active], [3, true]);
  });

  it('seed rule 仅支持超级管理员购买: a hierarchical admin managing 高级功能 gives seats but cannot buy', async () => {
    const corp = await newCorp(t, { balanceFen: 100_000 });
    await buy(corp, 1, 'sec-hier-001');
    const admin = await signedInMember(t, corp.corpId);
    await t.deps.db.transaction().execute(async (trx) => {
      const root = await rootDepartmentId(trx, corp.corpId);
      const ctx = { corpId: corp.corpId, trx, now: t.clock.now(), log: t.deps.log, registry: t.deps.registry, actor: { kind: 'member' as const, id: corp.creatorId, name: 'x', accountId: corp.client.me.account.id } };
      await addHierarchicalAdmin(ctx, { memberId: admin.memberId, rights: { departmentIds: [root], apps: [{ appId: 'features', level: 'manage' }], deviceBind: false, deviceIds: [] } });
    });
    const refused = await admin.client.post('/api/v1/features/security/purchases', { seats: 1, quotedFen: 12_000, idempotencyKey: 'sec-hier-002' });
    assert.equal(refused.status, 403);
    assert.equal(errorCode(refused.body), 'features.super_admin_only');
    assert.equal((await admin.client.put(`/api/v1/features/security/seats/${admin.memberId}`)).status, 204);
    assert.equal(await balanceOf(t, corp.corpId), 100_000 - 12_000);
  });

  it('seed rule 购买后暂不支持退款: a security order cannot be refunded', async () => {
    const corp = await newCorp(t, { balanceFen: 100_000 });
    await buy(corp, 1, 'sec-refund-1');
    const order = await tablesOf(t.deps.db).selectFrom('wallet_orders').select('id').where('corp_id', '=', corp.corpId).where('item', '=', 'security').executeTakeFirstOrThrow();
    await assert.rejects(
      t.deps.db.transaction().execute((trx) =>
        refundOrder({ corpId: corp.corpId, trx, now: t.clock.now(), log: t.deps.log, registry: t.deps.registry, actor: { kind: 'member', id: corp.creatorId, name: 'x', accountId: corp.client.me.account.id } }, order.id, { idempotencyKey: 'refund-sec-1', reason: '不想要了' }),
      ),
      (e: { code?: string; details?: { reason?: string } }) => e.code === 'wallet.refund_not_allowed' && e.details?.reason === 'non_refundable_item',
    );
    assert.equal(await balanceOf(t, corp.corpId), 100_000 - 12_000);
  });

  it('never more seats in use than bought, even when given at once', async () => {
    const corp = await newCorp(t, { balanceFen: 100_000 });
    await buy(corp, 2, 'sec-race-01');
    const members = await Promise.all(Array.from({ length: 6 }, () => addMember(t, corp.corpId)));
    const results = await Promise.all(members.map((m) => give(corp, m)));
    assert.equal(results.filter((r) => r.status === 204).length, 2);
    assert.equal(results.filter((r) => errorCode(r.body) === 'features.no_free_seat').length, 4);
    const p = await plan(corp);
    assert.deepEqual([p.seatsUsed, p.seats.length], [2, 2]);
  });

  it('seed rule 7天是从分配的那一刻开始计算的: given 14:38, removable until just before 14:38 seven days later, not after', async () => {
    t.clock.set('2026-06-01T14:38:25+08:00');
    const corp = await newCorp(t, { balanceFen: 100_000 });
    await keepSessions(t);
    await buy(corp, 2, 'sec-seven-1');
    const a = await addMember(t, corp.corpId);
    const b = await addMember(t, corp.corpId);
    await give(corp, a);
    await give(corp, b);
    assert.equal((await plan(corp)).seats[0]!.takeBackUntil, '2026-06-08T06:38:00.000Z');
    t.clock.set('2026-06-08T14:37:59.999+08:00');
    assert.equal((await takeBack(corp, a)).status, 204);
    t.clock.set('2026-06-08T14:38:00.000+08:00');
    const late = await takeBack(corp, b);
    assert.equal(errorCode(late.body), 'features.seat_locked');
    assert.equal((await plan(corp)).seatsUsed, 1);
    assert.equal(await hasFeature(t.deps.db, corp.corpId, b, 'security', t.clock.now()), true);
    assert.equal(await hasFeature(t.deps.db, corp.corpId, a, 'security', t.clock.now()), false);
  });

  it('seed rule 成员离职: a departing member frees the seat at any time', async () => {
    const corp = await newCorp(t, { balanceFen: 100_000 });
    await keepSessions(t);
    await buy(corp, 1, 'sec-depart-1');
    const a = await addMember(t, corp.corpId);
    await give(corp, a);
    t.clock.advance(30 * DAY);
    await t.deps.db.transaction().execute((trx) =>
      publish({ corpId: corp.corpId, actor: systemActor, trx, now: t.clock.now(), log: t.deps.log, registry: t.deps.registry }, DirectoryEvents['member.departed'], { memberId: a, userid: 'departed', departmentIds: [] }),
    );
    await t.deps.outbox.drain();
    assert.deepEqual([(await plan(corp)).seatsUsed, (await plan(corp)).seats], [0, []]);
    const b = await addMember(t, corp.corpId);
    assert.equal((await give(corp, b)).status, 204);
  });

  it('seed rule 逾期未购买: when the purchase lapses the features stop for everyone; settings and seats are kept for a renewal', async () => {
    t.clock.set('2026-08-01T10:00:00+08:00');
    const corp = await newCorp(t, { balanceFen: 100_000 });
    await keepSessions(t);
    await buy(corp, 1, 'sec-lapse-01');
    const a = await addMember(t, corp.corpId);
    await give(corp, a);
    const saved = await corp.client.put('/api/v1/features/security/settings', { visibleWatermark: true, screenCaptureControl: true });
    assert.equal(saved.status, 200);
    const end = Date.parse('2026-08-01T10:00:00+08:00') + 365 * DAY;
    t.clock.set(end - 1);
    assert.equal(await hasFeature(t.deps.db, corp.corpId, a, 'security', t.clock.now()), true);
    t.clock.set(end);
    assert.equal(await hasFeature(t.deps.db, corp.corpId, a, 'security', t.clock.now()), false);
    assert.equal((await plan(corp)).active, false);
    assert.deepEqual((await corp.client.get('/api/v1/features/security/settings')).body, { visibleWatermark: true, screenCaptureControl: true });
    assert.equal(errorCode((await corp.client.put('/api/v1/features/security/settings', { hiddenWatermark: true })).body), 'features.not_active');
    assert.equal(errorCode((await give(corp, await addMember(t, corp.corpId))).body), 'features.not_active');
    // Renewing brings everything back as it was.
    const renewed = await buy(corp, 1, 'sec-lapse-02');
    assert.equal(renewed.body.kind, 'new');
    assert.equal(await hasFeature(t.deps.db, corp.corpId, a, 'security', t.clock.now()), true);
  });

  it('purchases at once add up: none overwrites another', async () => {
    const corp = await newCorp(t, { balanceFen: 100_000 });
    const results = await Promise.all([1, 2, 3].map((i) => buy(corp, 1, `sec-conc-00${i}`)));
    assert.deepEqual(results.map((r) => r.status), [201, 201, 201]);
    assert.equal((await plan(corp)).seatsBought, 3);
    assert.equal(await balanceOf(t, corp.corpId), 100_000 - 3 * 12_000);
  });

  it('buying more while in force adds seats until the same end, priced for the days left', async () => {
    t.clock.set('2026-09-01T10:00:00+08:00');
    const corp = await newCorp(t, { balanceFen: 100_000 });
    await keepSessions(t);
    const first = await buy(corp, 1, 'sec-more-001');
    t.clock.advance(73 * DAY);
    const more = await buy(corp, 2, 'sec-more-002');
    // 12000 fen × 2 seats × 292 days left / 365 = 19200 fen.
    assert.deepEqual([more.body.kind, more.body.priceFen, more.body.endsAt], ['add', 19_200, first.body.endsAt]);
    assert.equal((await plan(corp)).seatsBought, 3);
  });

  it('the quote shows item, quantity, unit price, total, validity and the balance after; a stale quote is refused and nothing is charged', async () => {
    t.clock.set('2026-10-01T10:00:00+08:00');
    const corp = await newCorp(t, { balanceFen: 100_000 });
    await keepSessions(t);
    await buy(corp, 1, 'sec-stale-01');
    const quoted = await corp.client.get<{ quote: unknown }>('/api/v1/features/security/quote?seats=2');
    assert.deepEqual(quoted.body.quote, { item: 'security', quantity: 2, unitFen: 12_000, totalFen: 24_000, validUntil: '2027-10-01T02:00:00.000Z', balanceFen: 88_000, balanceAfterFen: 64_000 });
    // A day later the seats left to the end cost less: the price confirmed yesterday is no longer the price.
    t.clock.advance(DAY);
    const stale = await corp.client.post('/api/v1/features/security/purchases', { seats: 2, quotedFen: 24_000, idempotencyKey: 'sec-stale-02' });
    assert.equal(stale.status, 409);
    assert.equal(errorCode(stale.body), 'wallet.price_changed');
    assert.deepEqual((stale.body as { error: { details: unknown } }).error.details, { quotedFen: 24_000, totalFen: 23_934 });
    assert.equal(await balanceOf(t, corp.corpId), 88_000);
    assert.equal((await plan(corp)).seatsBought, 1);
  });
});
