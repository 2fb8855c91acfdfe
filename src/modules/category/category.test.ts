import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, TEST_SCRYPT, type TestApp } from '../../../test/support/app.ts';
import { createOperator } from '../operator/index.ts';
import { newCorp, signedInMember, errorCode, topUp } from '../customers/testing/index.ts';
import { TAXONOMY } from './taxonomy.ts';
import { tablesOf } from '../../../test/support/tables.ts';

interface State {
  category: { code: string; level1: string; level2: string | null; status: string } | null;
  mayChoose: boolean;
}

describeEachDialect('business category (经营类目)', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  async function operatorClient() {
    const login = `op${process.pid}${Math.random().toString(36).slice(2, 8)}`;
    await createOperator(t.deps.db, t.clock.now(), TEST_SCRYPT, { loginName: login, name: '审核员', password: 'password123' });
    const op = t.client();
    assert.equal((await op.post('/api/v1/operator/auth/sign-in', { login, password: 'password123' })).status, 200);
    return op;
  }

  it('seed rule 经营类目适用范围: the full two-level taxonomy is data, with scope texts', async () => {
    const { client } = await newCorp(t, { category: null });
    const res = await client.get<{ items: typeof TAXONOMY }>('/api/v1/category/taxonomy');
    assert.equal(res.status, 200);
    assert.equal(res.body.items.length, 78);
    assert.deepEqual([...new Set(res.body.items.map((i) => i.level1))], [
      'IT互联网', '电商', '零售/批发', '餐饮', '生活服务', '商业服务', '文娱', '金融服务', '旅游服务', '汽车服务', '医疗服务', '房地产', '教育服务', '交通服务', '政务服务', '物流服务', '非营利机构', '其他',
    ]);
    const game = res.body.items.find((i) => i.level1 === '文娱' && i.level2 === '游戏')!;
    assert.equal(game.scope, '提供游戏运营/充值/推广等服务');
    const logistics = res.body.items.find((i) => i.level1 === '物流服务')!;
    assert.deepEqual(logistics, {
      code: '16-01',
      level1: '物流服务',
      level2: null,
      scope: '提供快递服务/装卸搬运/货物运输等服务',
      en: { level1: 'Logistics services', level2: null, scope: 'Express delivery, loading and unloading, freight and the like' },
    });
  });

  it('every category has an English name and scope beside the seed\'s Chinese, for the console\'s English mode', async () => {
    const { client } = await newCorp(t, { category: null });
    const res = await client.get<{ items: typeof TAXONOMY }>('/api/v1/category/taxonomy');
    assert.deepEqual(res.body.items.find((i) => i.code === '07-03')!.en, { level1: 'Entertainment', level2: 'Games', scope: 'Game operation, top-ups, promotion and the like' });
    const cjk = /[\u3400-\u9fff\uff00-\uffef]/;
    assert.deepEqual(res.body.items.filter((i) => cjk.test(`${i.en.level1}${i.en.level2 ?? ''}${i.en.scope}`) || i.en.scope === '').map((i) => i.code), []);
    assert.deepEqual(res.body.items.filter((i) => (i.level2 === null) !== (i.en.level2 === null)).map((i) => i.code), []);
  });

  it('seed rule 不选择经营类目: unset shows 未知 (null) and the external profile says 企业未完善', async () => {
    const { client, creatorId } = await newCorp(t, { category: null });
    const state = await client.get<State>('/api/v1/category');
    assert.deepEqual(state.body, { category: null, inEffect: null, mayChoose: true });
    const profile = await client.get(`/api/v1/category/external-profile/${creatorId}`);
    assert.deepEqual(profile.body, { memberId: creatorId, memberName: client.me.member!.name, corpShortName: client.me.currentCorp!.shortName, incomplete: true, category: null });
    await client.put('/api/v1/category', { code: '05-02' });
    const after = await client.get<{ incomplete: boolean; category: unknown }>(`/api/v1/category/external-profile/${creatorId}`);
    assert.equal(after.body.incomplete, false);
    assert.deepEqual(after.body.category, { level1: '生活服务', level2: '宠物服务' });
  });

  it('seed rule 谁可以选择经营类目: only a super admin or the business owner; a member is told 联系管理员', async () => {
    const corp = await newCorp(t, { category: null });
    const { client: member, memberId } = await signedInMember(t, corp.corpId);
    const seen = await member.get<State>('/api/v1/category');
    assert.equal(seen.body.mayChoose, false);
    const refused = await member.put('/api/v1/category', { code: '01-01' });
    assert.equal(refused.status, 403);
    assert.equal(errorCode(refused.body), 'category.contact_admin');
    // A member cannot make themselves the business owner; the super admin can.
    assert.equal((await member.put(`/api/v1/category/owners/${memberId}`)).status, 403);
    assert.equal((await corp.client.put(`/api/v1/category/owners/${memberId}`)).status, 204);
    const chosen = await member.put<State>('/api/v1/category', { code: '01-01' });
    assert.equal(chosen.status, 200);
    assert.equal(chosen.body.category?.code, '01-01');
    assert.equal(chosen.body.category?.status, 'review');
  });

  it('exactly one category: choosing again replaces it and goes back to review; an unknown code is refused', async () => {
    const { client } = await newCorp(t, { category: 'approved' });
    const changed = await client.put<State>('/api/v1/category', { code: '13-02' });
    assert.equal(changed.body.category?.level2, '教育培训机构');
    assert.equal(changed.body.category?.status, 'review');
    const rows = await tablesOf(t.deps.db).selectFrom('corp_categories').selectAll().where('corp_id', '=', client.me.currentCorp!.id).execute();
    assert.equal(rows.length, 1);
    const bad = await client.put('/api/v1/category', { code: '99-01' });
    assert.equal(errorCode(bad.body), 'category.unknown_code');
  });

  it('operator review: unset → under review → approved or rejected; a stale review is refused', async () => {
    const op = await operatorClient();
    const { client } = await newCorp(t, { category: null });
    const corpId = client.me.currentCorp!.id;
    await client.put('/api/v1/category', { code: '08-06' });
    const pending = await op.get<{ items: { corpId: string; version: number; level2: string; scope: string }[] }>('/api/v1/operator/category-reviews');
    const mine = pending.body.items.find((i) => i.corpId === corpId)!;
    assert.equal(mine.level2, '保险');
    assert.equal(mine.scope, '提供保险业务在线服务/咨询/交易等服务');
    // The enterprise changes its mind before the review: the old version is not decided.
    await client.put('/api/v1/category', { code: '08-01' });
    const stale = await op.put(`/api/v1/operator/corps/${corpId}/category-review`, { version: mine.version, decision: 'approved' });
    assert.equal(errorCode(stale.body), 'category.not_under_review');
    const rejected = await op.put<State>(`/api/v1/operator/corps/${corpId}/category-review`, { version: mine.version + 1, decision: 'rejected', note: '与认证信息不符' });
    assert.equal(rejected.body.category?.status, 'rejected');
    assert.equal((await client.get<State>('/api/v1/category')).body.category?.status, 'rejected');
    // Rejected blocks like unset, and the external profile says 企业未完善 again.
    assert.equal(errorCode((await client.get('/api/v1/customers/overview')).body), 'category.required');
    assert.equal((await client.get<{ incomplete: boolean }>(`/api/v1/category/external-profile/${client.me.member!.id}`)).body.incomplete, true);
    // An enterprise session cannot review.
    assert.equal((await client.put(`/api/v1/operator/corps/${corpId}/category-review`, { version: 2, decision: 'approved' })).status, 401);
  });

  it('seed rule 不选择经营类目 1–5: unset blocks customer stats, acquisition data, buying, authorising and auto-deduction', async () => {
    const { client, corpId } = await newCorp(t, { category: null });
    await topUp(t, corpId, 10_000);
    const blocked = [
      await client.get('/api/v1/customers/overview'),
      await client.get('/api/v1/acquisition/usage'),
      await client.post('/api/v1/acquisition/packs', { units: 10, quotedFen: 1_000, idempotencyKey: 'pack-0001' }),
      await client.post('/api/v1/acquisition/authorizations', { kind: 'custom_dev', party: '某代开发服务商', idempotencyKey: 'auth-0001' }),
    ];
    assert.deepEqual(blocked.map((r) => [r.status, errorCode(r.body)]), Array(4).fill([403, 'category.required']));
    const { setAutoDeduct } = await import('../wallet/index.ts');
    await assert.rejects(
      t.deps.db.transaction().execute((trx) =>
        setAutoDeduct({ corpId, trx, now: t.clock.now(), log: t.deps.log, registry: t.deps.registry, actor: { kind: 'member', id: client.me.member!.id, name: 'x', accountId: client.me.account.id } }, 'acquisition', true, 100),
      ),
      (e: { code?: string }) => e.code === 'category.required',
    );
    assert.equal(Number((await tablesOf(t.deps.db).selectFrom('wallets').select('balance').where('corp_id', '=', corpId).executeTakeFirstOrThrow()).balance), 10_000);
  });

  it('seed rule 审核中: while under review, customer stats and acquisition data work; buying and authorising do not', async () => {
    const { client, corpId } = await newCorp(t, { category: 'review' });
    await topUp(t, corpId, 10_000);
    assert.equal((await client.get('/api/v1/customers/overview')).status, 200);
    assert.equal((await client.get('/api/v1/acquisition/usage')).status, 200);
    const buy = await client.post('/api/v1/acquisition/packs', { units: 10, quotedFen: 1_000, idempotencyKey: 'pack-0002' });
    assert.equal(errorCode(buy.body), 'category.required');
    const auth = await client.post('/api/v1/acquisition/authorizations', { kind: 'third_party', party: '第三方应用', idempotencyKey: 'auth-0002' });
    assert.equal(errorCode(auth.body), 'category.required');
  });

  it('a change keeps the approved category in effect: under review and after a rejection it still allows everything and shows to customers; approval switches', async () => {
    const op = await operatorClient();
    const { client, corpId } = await newCorp(t, { category: 'approved' });
    await topUp(t, corpId, 10_000);
    const changed = await client.put<State & { inEffect: { code: string; level2: string | null } | null }>('/api/v1/category', { code: '13-02' });
    assert.deepEqual([changed.body.category?.code, changed.body.category?.status, changed.body.inEffect?.code, changed.body.inEffect?.level2], ['13-02', 'review', '01-02', '软件开发/运营']);
    const profile = async () => (await client.get<{ incomplete: boolean; category: { level2: string | null } | null }>(`/api/v1/category/external-profile/${client.me.member!.id}`)).body;
    assert.deepEqual([(await profile()).incomplete, (await profile()).category], [false, { level1: 'IT互联网', level2: '软件开发/运营' }]);
    const buy = await client.post('/api/v1/acquisition/packs', { units: 10, quotedFen: 1_000, idempotencyKey: 'pack-0004' });
    assert.equal(buy.status, 201);
    const rejected = await op.put<State & { inEffect: { code: string } | null }>(`/api/v1/operator/corps/${corpId}/category-review`, { version: 2, decision: 'rejected', note: '与认证信息不符' });
    assert.deepEqual([rejected.body.category?.status, rejected.body.inEffect?.code], ['rejected', '01-02']);
    assert.equal((await client.get('/api/v1/customers/overview')).status, 200);
    assert.equal((await profile()).category?.level2, '软件开发/运营');
    await client.put('/api/v1/category', { code: '13-02' });
    const approved = await op.put<State & { inEffect: { code: string } | null }>(`/api/v1/operator/corps/${corpId}/category-review`, { version: 3, decision: 'approved' });
    assert.deepEqual([approved.body.category?.status, approved.body.inEffect?.code], ['approved', '13-02']);
    assert.equal((await profile()).category?.level2, '教育培训机构');
  });

  it('approved: buying and authorising work', async () => {
    const { client, corpId } = await newCorp(t, { category: 'approved' });
    await topUp(t, corpId, 10_000);
    const buy = await client.post<{ amountFen: number }>('/api/v1/acquisition/packs', { units: 10, quotedFen: 1_000, idempotencyKey: 'pack-0003' });
    assert.equal(buy.status, 201);
    assert.equal(buy.body.amountFen, 1_000);
    const auth = await client.post<{ kind: string }>('/api/v1/acquisition/authorizations', { kind: 'custom_dev', party: '代开发', idempotencyKey: 'auth-0003' });
    assert.equal(auth.status, 201);
  });
});
