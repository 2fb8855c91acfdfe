import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { newCorp, signedInMember } from '../customers/testing/index.ts';
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
});
