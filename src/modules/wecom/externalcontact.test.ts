import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { addMember, newCorp, signedInMember } from '../customers/testing/index.ts';
import { tablesOf } from '../../../test/support/tables.ts';
import { WecomClient } from './testing/index.ts';

const T0 = Date.parse('2026-01-05T09:00:00+08:00') / 1000;

describeEachDialect('WeCom-compatible API: customer contacts (externalcontact/*)', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  it('get_follow_user_list, list and get within the app’s visible range; a one-way customer not added back is no relationship yet (84061); 60111, 60011, 48002', async () => {
    const corp = await newCorp(t);
    const seller = await signedInMember(t, corp.corpId, '销售甲');
    const other = await signedInMember(t, corp.corpId, '销售乙');
    const outside = await signedInMember(t, corp.corpId, '范围外');
    const userid = async (memberId: string) => (await tablesOf(t.deps.db).selectFrom('members').select('userid').where('corp_id', '=', corp.corpId).where('id', '=', memberId).executeTakeFirstOrThrow()).userid;
    const add = async (client: typeof seller.client, externalId: string, name: string, addedBack = true) => (await client.post<{ id: string }>('/api/v1/customers/friends', { externalId, name, addedBack })).body.id;
    const wang = await add(seller.client, 'wx_wang', '王先生');
    t.clock.advance(60_000);
    assert.equal(await add(other.client, 'wx_wang', '王先生'), wang);
    const half = await add(other.client, 'wx_li', '李女士', false);
    await add(outside.client, 'wx_zhao', '赵总');

    const app = (await corp.client.post<{ secret: string }>('/api/v1/apps', { name: 'CRM', description: '', visibleRange: { memberIds: [seller.memberId, other.memberId], departmentIds: [], tagIds: [] } })).body;
    const wx = new WecomClient(t.app);
    await wx.signIn(corp.corpId, app.secret);

    const follow = await wx.get('externalcontact/get_follow_user_list');
    assert.deepEqual([...(follow.follow_user as string[])].sort(), [await userid(seller.memberId), await userid(other.memberId)].sort());
    assert.deepEqual(await wx.get('externalcontact/list', { userid: await userid(seller.memberId) }), { errcode: 0, errmsg: 'ok', external_userid: [wang] });
    assert.deepEqual((await wx.get('externalcontact/list', { userid: await userid(other.memberId) })).external_userid, [wang]);

    const got = await wx.get('externalcontact/get', { external_userid: wang });
    assert.deepEqual(got.external_contact, { external_userid: wang, name: '王先生', avatar: '', type: 1, gender: 0, unionid: '' });
    assert.deepEqual(
      (got.follow_user as { userid: string; createtime: number; add_way: number; oper_userid: string }[]).map((f) => [f.userid, f.createtime, f.add_way, f.oper_userid]),
      [
        [await userid(seller.memberId), T0, 0, await userid(seller.memberId)],
        [await userid(other.memberId), T0 + 60, 0, await userid(other.memberId)],
      ],
    );
    assert.equal((await wx.get('externalcontact/get', { external_userid: half })).errcode, 84061);
    assert.equal((await wx.get('externalcontact/get', { external_userid: 'cus_missing' })).errcode, 84061);
    assert.equal((await wx.get('externalcontact/list', { userid: await userid(outside.memberId) })).errcode, 60011);
    assert.equal((await wx.get('externalcontact/list', { userid: 'ghost' })).errcode, 60111);

    const secret = (await corp.client.post<{ secret: string }>('/api/v1/wecom/sync-secret')).body.secret;
    const sync = new WecomClient(t.app);
    await sync.signIn(corp.corpId, secret);
    assert.equal((await sync.get('externalcontact/get_follow_user_list')).errcode, 48002);
  });

  it('获客助手: create_link, list_link, get, customer, delete_link and customer_acquisition_quota run the acquisition module’s commands', async () => {
    const corp = await newCorp(t, { balanceFen: 10_000 });
    const now = Math.floor(t.clock.now() / 1000);
    const m1 = await addMember(t, corp.corpId, '刘薇');
    const outside = await addMember(t, corp.corpId, '范围外');
    const userid = async (memberId: string) => (await tablesOf(t.deps.db).selectFrom('members').select('userid').where('corp_id', '=', corp.corpId).where('id', '=', memberId).executeTakeFirstOrThrow()).userid;
    const app = (await corp.client.post<{ secret: string }>('/api/v1/apps', { name: '获客集成', description: '', visibleRange: { memberIds: [m1], departmentIds: [], tagIds: [] } })).body;
    const wx = new WecomClient(t.app);
    await wx.signIn(corp.corpId, app.secret);
    const acq = (path: string, body: unknown) => wx.post(`externalcontact/customer_acquisition/${path}`, body);

    assert.equal((await acq('create_link', { link_name: '官网', range: { user_list: [await userid(outside)] }, skip_verify: true })).errcode, 60011);
    assert.equal((await acq('create_link', { link_name: '官网', range: { user_list: ['ghost'] } })).errcode, 60111);
    assert.equal((await acq('create_link', { link_name: '官网', range: { user_list: [await userid(m1)], department_list: [1] } })).errcode, 40058);
    const created = await acq('create_link', { link_name: '官网', range: { user_list: [await userid(m1)] }, skip_verify: true });
    assert.equal(created.errcode, 0);
    const link = created.link as { link_id: string; link_name: string; url: string; create_time: number };
    assert.equal(link.link_name, '官网');
    assert.equal(link.create_time, now);
    const code = /\/c\/([\w-]+)$/.exec(link.url)![1]!;
    const second = (await acq('create_link', { link_name: '活动', range: { user_list: [await userid(m1)] } })).link as { link_id: string };

    assert.deepEqual(await acq('list_link', { limit: 1 }), { errcode: 0, errmsg: 'ok', link_id_list: [link.link_id], next_cursor: '1' });
    assert.deepEqual(await acq('list_link', { limit: 1, cursor: '1' }), { errcode: 0, errmsg: 'ok', link_id_list: [second.link_id], next_cursor: '' });
    const got = await acq('get', { link_id: link.link_id });
    assert.deepEqual([got.range, (got.link as { url: string }).url], [{ user_list: [await userid(m1)], department_list: [] }, link.url]);

    assert.equal((await corp.client.post('/api/v1/acquisition/packs', { units: 5, quotedFen: 500, idempotencyKey: 'wecom-pack-1' })).status, 201);
    const clicked = await t.client().post<{ customerId: string }>(`/api/v1/public/acquisition/links/${code}/add`, { externalId: 'wx-visitor-1', name: '访客' });
    assert.equal(clicked.status, 200);
    assert.deepEqual(await acq('customer', { link_id: link.link_id, limit: 10 }), { errcode: 0, errmsg: 'ok', customer_list: [{ external_userid: clicked.body.customerId, userid: await userid(m1), chat_status: 2, state: '' }], next_cursor: '' });

    const quota = await wx.get('externalcontact/customer_acquisition_quota');
    assert.deepEqual([quota.total, quota.balance, (quota.quota_list as { balance: number }[]).map((q) => q.balance)], [5, 4, [4]]);
    assert.equal((quota.quota_list as { expire_date: number }[])[0]!.expire_date, now + 90 * 86400);

    assert.deepEqual(await acq('delete_link', { link_id: second.link_id }), { errcode: 0, errmsg: 'ok' });
    assert.equal((await acq('delete_link', { link_id: second.link_id })).errcode, 40058);
    assert.equal((await acq('get', { link_id: second.link_id })).errcode, 40058);
  });

  it('获客助手: update_link renames a link and replaces its members within the visible range; statistic counts the link’s new customers per whole China day within the last 180 days', async () => {
    const corp = await newCorp(t, { balanceFen: 10_000 });
    const m1 = await addMember(t, corp.corpId, '周一');
    const m2 = await addMember(t, corp.corpId, '周二');
    const outside = await addMember(t, corp.corpId, '范围外');
    const userid = async (memberId: string) => (await tablesOf(t.deps.db).selectFrom('members').select('userid').where('corp_id', '=', corp.corpId).where('id', '=', memberId).executeTakeFirstOrThrow()).userid;
    const app = (await corp.client.post<{ secret: string }>('/api/v1/apps', { name: '获客统计', description: '', visibleRange: { memberIds: [m1, m2], departmentIds: [], tagIds: [] } })).body;
    const wx = new WecomClient(t.app);
    await wx.signIn(corp.corpId, app.secret);
    const acq = (path: string, body: unknown) => wx.post(`externalcontact/customer_acquisition/${path}`, body);
    const link = (await acq('create_link', { link_name: '官网', range: { user_list: [await userid(m1)] } })).link as { link_id: string; url: string };

    assert.equal((await acq('update_link', { link_id: link.link_id, range: { user_list: [await userid(outside)] } })).errcode, 60011);
    assert.equal((await acq('update_link', { link_id: link.link_id, range: { user_list: ['ghost'] } })).errcode, 60111);
    assert.equal((await acq('update_link', { link_id: 'alink_missing', link_name: '新' })).errcode, 40058);
    assert.deepEqual(await acq('update_link', { link_id: link.link_id, link_name: '官网二期', range: { user_list: [await userid(m2)] } }), { errcode: 0, errmsg: 'ok' });
    const got = await acq('get', { link_id: link.link_id });
    assert.deepEqual([(got.link as { link_name: string }).link_name, got.range], ['官网二期', { user_list: [await userid(m2)], department_list: [] }]);
    assert.deepEqual(await acq('update_link', { link_id: link.link_id, link_name: '官网三期' }), { errcode: 0, errmsg: 'ok' });
    assert.deepEqual((await acq('get', { link_id: link.link_id })).range, { user_list: [await userid(m2)], department_list: [] }, 'a name alone keeps the members');

    assert.equal((await corp.client.post('/api/v1/acquisition/packs', { units: 5, quotedFen: 500, idempotencyKey: 'wecom-stat-pack' })).status, 201);
    const code = /\/c\/([\w-]+)$/.exec(link.url)![1]!;
    const day1 = Math.floor(t.clock.now() / 1000);
    await t.client().post(`/api/v1/public/acquisition/links/${code}/add`, { externalId: 'wx-stat-1', name: '甲' });
    await t.client().post(`/api/v1/public/acquisition/links/${code}/add`, { externalId: 'wx-stat-2', name: '乙' });
    t.clock.advance(86_400_000);
    const day2 = Math.floor(t.clock.now() / 1000);
    await t.client().post(`/api/v1/public/acquisition/links/${code}/add`, { externalId: 'wx-stat-3', name: '丙' });
    await wx.signIn(corp.corpId, app.secret);

    const stat = (start: number, end: number) => acq('statistic', { link_id: link.link_id, start_time: start, end_time: end });
    assert.deepEqual(await stat(day1, day1), { errcode: 0, errmsg: 'ok', click_link_customer_cnt: 2, new_customer_cnt: 2 });
    assert.deepEqual(await stat(day2, day2), { errcode: 0, errmsg: 'ok', click_link_customer_cnt: 1, new_customer_cnt: 1 });
    assert.deepEqual((await stat(day1, day2)).new_customer_cnt, 3);
    assert.equal((await stat(day2, day1)).errcode, 40058);
    assert.equal((await stat(day2 - 181 * 86400, day2)).errcode, 40058);
    assert.equal((await acq('statistic', { link_id: 'alink_missing', start_time: day1, end_time: day2 })).errcode, 40058);
  });
});
