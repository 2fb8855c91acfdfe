import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp, keepSessions } from '../../../test/support/app.ts';
import { DAY } from '../../platform/clock.ts';
import { setAutoDeduct } from '../wallet/index.ts';
import { balanceOf, errorCode, newCorp, signedInMember, addMember, type Corp } from '../customers/testing/index.ts';
import { recountServed, servedCount } from '../customers/testing/index.ts';
import { tablesOf } from '../../../test/support/tables.ts';

interface Usage {
  todayNew: number;
  totalNew: number;
  unitsLeft: number;
  packs: { units: number; remaining: number; expiresAt: string; expired: boolean }[];
  autoDeduct: { offered: boolean; on: boolean };
}
interface AddResult {
  memberId: string;
  customerId: string;
  added: boolean;
  paidBy: 'pack' | 'wallet' | null;
}

describeEachDialect('acquisition assistant (获客助手)', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  async function link(corp: Corp, memberIds: string[]): Promise<string> {
    const res = await corp.client.post<{ code: string }>('/api/v1/acquisition/links', { name: '官网获客', memberIds });
    assert.equal(res.status, 201);
    return res.body.code;
  }
  const click = (code: string, externalId: string) => t.client().post<AddResult>(`/api/v1/public/acquisition/links/${code}/add`, { externalId, name: `访客${externalId}` });
  const buy = (corp: Corp, units: number, key: string) => corp.client.post('/api/v1/acquisition/packs', { units, quotedFen: units * 100, idempotencyKey: key });
  const usage = async (corp: Corp) => (await corp.client.get<Usage>('/api/v1/acquisition/usage')).body;
  it('a link shows the full address customers open: the one the console was opened at, or --public-url when given', async () => {
    const corp = await newCorp(t);
    const memberId = await addMember(t, corp.corpId, '张三');
    const res = await corp.client.request<{ code: string; url: string }>('POST', '/api/v1/acquisition/links', { name: '官网获客', memberIds: [memberId] }, { host: 'banyan.example.cn:8443' });
    assert.equal(res.body.url, `http://banyan.example.cn:8443/c/${res.body.code}`);
    const configured = await createTestApp(use(), { publicUrl: 'https://crm.example.com', publicUrlGiven: true });
    try {
      const listed = await configured.app.inject({ method: 'GET', url: '/api/v1/acquisition/links', headers: { host: 'other.example', cookie: [...corp.client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
      assert.deepEqual((JSON.parse(listed.body) as { items: { url: string }[] }).items.map((item) => item.url), [`https://crm.example.com/c/${res.body.code}`]);
    } finally {
      await configured.close();
    }
  });

  it('the customer who opens a link sees the enterprise it leads to; an unknown or deleted link is refused as unavailable', async () => {
    const corp = await newCorp(t);
    const code = await link(corp, [await addMember(t, corp.corpId, '张三')]);
    const preview = await t.client().get<{ corpName: string }>(`/api/v1/public/acquisition/links/${code}`);
    assert.deepEqual([preview.status, preview.body], [200, { corpName: (await corp.client.get<{ name: string }>('/api/v1/corp')).body.name }]);
    const unknown = await t.client().get<{ error: { code: string } }>('/api/v1/public/acquisition/links/no-such-link-0');
    assert.deepEqual([unknown.status, unknown.body.error.code], [404, 'acquisition.link_unavailable']);
    const { items } = (await corp.client.get<{ items: { id: string; code: string }[] }>('/api/v1/acquisition/links')).body;
    assert.equal((await corp.client.delete(`/api/v1/acquisition/links/${items.find((l) => l.code === code)!.id}`)).status, 204);
    const deleted = await t.client().get<{ error: { code: string } }>(`/api/v1/public/acquisition/links/${code}`);
    assert.deepEqual([deleted.status, deleted.body.error.code], [404, 'acquisition.link_unavailable']);
  });

  async function autoDeduct(corp: Corp, on: boolean) {
    await t.deps.db.transaction().execute((trx) =>
      setAutoDeduct({ corpId: corp.corpId, trx, now: t.clock.now(), log: t.deps.log, registry: t.deps.registry, actor: { kind: 'member', id: corp.creatorId, name: '创建者', accountId: corp.client.me.account.id } }, 'acquisition', on, 100),
    );
  }

  it('a customer clicking a link becomes the friend of one of its members and uses one unit; clicking again costs nothing', async () => {
    const corp = await newCorp(t, { balanceFen: 10_000 });
    const m1 = await addMember(t, corp.corpId, '刘薇');
    const m2 = await addMember(t, corp.corpId, '王芳');
    const code = await link(corp, [m1, m2]);
    assert.equal((await buy(corp, 5, 'pack-a-0001')).status, 201);
    const first = await click(code, 'wx-visitor-1');
    assert.equal(first.status, 200);
    assert.equal(first.body.added, true);
    assert.equal(first.body.paidBy, 'pack');
    assert.ok([m1, m2].includes(first.body.memberId));
    const again = await click(code, 'wx-visitor-1');
    assert.deepEqual(again.body, { ...first.body, added: false, paidBy: null });
    const u = await usage(corp);
    assert.deepEqual([u.todayNew, u.totalNew, u.unitsLeft], [1, 1, 4]);
    assert.equal(await servedCount(t.deps.db, corp.corpId), 1);
    assert.equal(await balanceOf(t, corp.corpId), 10_000 - 500);
  });

  it('seed rule 使用量有效期为 90 天: units run from the soonest-expiring pack; expired units are lost, to the millisecond', async () => {
    t.clock.set('2026-05-01T09:00:00+08:00');
    const corp = await newCorp(t, { balanceFen: 10_000 });
    await keepSessions(t);
    const code = await link(corp, [corp.creatorId]);
    await buy(corp, 2, 'pack-b-0001');
    t.clock.set('2026-05-11T09:00:00+08:00');
    await buy(corp, 3, 'pack-b-0002');
    await click(code, 'wx-exp-1');
    let u = await usage(corp);
    assert.deepEqual(u.packs.map((p) => p.remaining), [1, 3]);
    assert.equal(u.packs[0]!.expiresAt, '2026-07-30T01:00:00.000Z');
    // One millisecond before 90 days the first pack still serves; at 90 days it is gone.
    t.clock.set(Date.parse('2026-07-30T01:00:00.000Z') - 1);
    assert.equal((await click(code, 'wx-exp-2')).body.paidBy, 'pack');
    u = await usage(corp);
    assert.deepEqual(u.packs.map((p) => p.remaining), [0, 3]);
    await buy(corp, 0 + 1, 'pack-b-0003');
    t.clock.set('2026-07-30T01:00:00.000Z');
    u = await usage(corp);
    assert.deepEqual([u.unitsLeft, u.packs.map((p) => p.expired)], [4, [true, false, false]]);
    t.clock.set(Date.parse('2026-05-11T01:00:00.000Z') + 90 * DAY);
    const u2 = await usage(corp);
    assert.equal(u2.unitsLeft, 1);
  });

  it('seed rule 自动扣款: with no units left, ¥1 per add from the balance when auto-deduction is on; packs are used first', async () => {
    const corp = await newCorp(t, { balanceFen: 350 });
    const code = await link(corp, [corp.creatorId]);
    await buy(corp, 1, 'pack-c-0001');
    await autoDeduct(corp, true);
    const paid = [];
    for (let i = 0; i < 3; i++) paid.push((await click(code, `wx-auto-${i}`)).body.paidBy);
    assert.deepEqual(paid, ['pack', 'wallet', 'wallet']);
    assert.equal(await balanceOf(t, corp.corpId), 50);
    // ¥0.50 left is not enough for one more add (暂不支持欠费).
    assert.equal(errorCode((await click(code, 'wx-auto-3')).body), 'acquisition.no_units');
    assert.equal(await balanceOf(t, corp.corpId), 50);
  });

  it('seed rule 关闭自动扣款: with auto-deduction off and no units, the customer cannot add the member and nothing is written', async () => {
    const corp = await newCorp(t, { balanceFen: 10_000 });
    const code = await link(corp, [corp.creatorId]);
    await autoDeduct(corp, true);
    await autoDeduct(corp, false);
    const res = await click(code, 'wx-refused');
    assert.equal(res.status, 409);
    assert.equal(errorCode(res.body), 'acquisition.no_units');
    assert.equal(await servedCount(t.deps.db, corp.corpId), 0);
    assert.equal((await tablesOf(t.deps.db).selectFrom('friendships').select('customer_id').where('corp_id', '=', corp.corpId).execute()).length, 0);
    assert.equal(await balanceOf(t, corp.corpId), 10_000);
    // Too little balance is the same refusal.
    await autoDeduct(corp, true);
    const poor = await newCorp(t, { balanceFen: 99 });
    const poorCode = await link(poor, [poor.creatorId]);
    await t.deps.db.transaction().execute((trx) =>
      setAutoDeduct({ corpId: poor.corpId, trx, now: t.clock.now(), log: t.deps.log, registry: t.deps.registry, actor: { kind: 'member', id: poor.creatorId, name: 'x', accountId: poor.client.me.account.id } }, 'acquisition', true, 100),
    );
    assert.equal(errorCode((await click(poorCode, 'wx-poor')).body), 'acquisition.no_units');
    assert.equal(await balanceOf(t, poor.corpId), 99);
  });

  it('seed rule 自动扣款: not offered to home–school (家校) and government (政务) enterprises', async () => {
    for (const industry of ['home_school', 'government']) {
      const corp = await newCorp(t, { industry });
      assert.deepEqual((await usage(corp)).autoDeduct, { offered: false, on: false });
      await assert.rejects(autoDeduct(corp, true), (e: { code?: string }) => e.code === 'wallet.auto_deduct_unavailable');
    }
    const general = await newCorp(t);
    assert.deepEqual((await usage(general)).autoDeduct, { offered: true, on: false });
  });

  it('the quota applies to link adds: an uncertified enterprise cannot pass 100 through a link, and no unit is spent', async () => {
    const corp = await newCorp(t, { certified: false, balanceFen: 100_000 });
    const { seedCustomers } = await import('../customers/testing/index.ts');
    await seedCustomers(t.deps.db, corp.corpId, corp.creatorId, 100, t.clock.now(), `q${corp.corpId.slice(-6)}`);
    const code = await link(corp, [corp.creatorId]);
    await buy(corp, 3, 'pack-d-0001');
    assert.equal(errorCode((await click(code, 'wx-over')).body), 'customers.uncertified_limit');
    assert.equal((await usage(corp)).unitsLeft, 3);
  });

  it('a deleted link stops working; departed members are not offered', async () => {
    const corp = await newCorp(t, { balanceFen: 10_000 });
    const { client: _c, memberId } = await signedInMember(t, corp.corpId);
    const created = await corp.client.post<{ id: string; code: string }>('/api/v1/acquisition/links', { name: '门店', memberIds: [memberId] });
    await tablesOf(t.deps.db).updateTable('members').set({ status: 'departed' }).where('corp_id', '=', corp.corpId).where('id', '=', memberId).execute();
    assert.equal(errorCode((await click(created.body.code, 'wx-x')).body), 'acquisition.no_members');
    assert.equal((await corp.client.delete(`/api/v1/acquisition/links/${created.body.id}`)).status, 204);
    assert.equal(errorCode((await click(created.body.code, 'wx-x')).body), 'acquisition.link_unavailable');
    const bad = await corp.client.post<{ error: { details: unknown } }>('/api/v1/acquisition/links', { name: '坏', memberIds: ['mem_nope'] });
    assert.deepEqual([bad.status, errorCode(bad.body), bad.body.error.details], [422, 'request.unknown_id', { in: 'body', field: '/memberIds/0', id: 'mem_nope' }]);
    const departed = await corp.client.post<{ error: { details: unknown } }>('/api/v1/acquisition/links', { name: '离职', memberIds: [memberId] });
    assert.deepEqual([errorCode(departed.body), departed.body.error.details], ['acquisition.members_invalid', { field: '/memberIds/0', memberId }]);
  });

  it('many customers at once with units for only some: exactly that many succeed, no unit or fen is spent twice', async () => {
    const corp = await newCorp(t, { balanceFen: 1_000 + 1_500 });
    const members = await Promise.all([1, 2, 3].map((i) => addMember(t, corp.corpId, `客服${i}`)));
    const code = await link(corp, members);
    await buy(corp, 4, 'pack-e-0001');
    await buy(corp, 6, 'pack-e-0002');
    await autoDeduct(corp, true);
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => click(code, `wx-crowd-${i}`)));
    const ok = results.filter((r) => r.status === 200);
    assert.deepEqual(results.filter((r) => r.status !== 200 && errorCode(r.body) !== 'acquisition.no_units').map((r) => r.body), []);
    assert.equal(ok.length, 25);
    assert.equal(results.filter((r) => errorCode(r.body) === 'acquisition.no_units').length, 15);
    assert.deepEqual([ok.filter((r) => r.body.paidBy === 'pack').length, ok.filter((r) => r.body.paidBy === 'wallet').length], [10, 15]);
    assert.equal(await balanceOf(t, corp.corpId), 0);
    const u = await usage(corp);
    assert.deepEqual([u.unitsLeft, u.totalNew], [0, 25]);
    const deductions = await tablesOf(t.deps.db).selectFrom('wallet_txns').select('amount').where('corp_id', '=', corp.corpId).where('type', '=', 'auto_deduct').execute();
    assert.equal(deductions.length, 15);
    assert.equal(await servedCount(t.deps.db, corp.corpId), 25);
    assert.equal(await recountServed(t.deps.db, corp.corpId), 25);
  });
});
