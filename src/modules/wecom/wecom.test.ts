import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { enterprise, type Enterprise } from '../../../test/support/enterprise.ts';
import { WecomClient } from './testing/index.ts';
import { tablesOf } from '../../../test/support/tables.ts';

const SECOND = 1000;

async function syncClient(t: TestApp, e: Enterprise): Promise<{ wx: WecomClient; secret: string }> {
  const secret = (await e.owner.post<{ secret: string }>('/api/v1/wecom/sync-secret')).body.secret;
  const wx = new WecomClient(t.app);
  assert.equal((await wx.signIn(e.corpId, secret)).errcode, 0);
  return { wx, secret };
}

async function customApp(e: Enterprise, visibleRange: { memberIds?: string[]; departmentIds?: string[] }) {
  const res = await e.owner.post<{ app: { id: string }; secret: string }>('/api/v1/apps', { name: '同步助手', description: '', visibleRange: { memberIds: [], departmentIds: [], tagIds: [], ...visibleRange } });
  return { appId: res.body.app.id, secret: res.body.secret };
}

describeEachDialect('WeCom-compatible API: tokens and envelope', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  it('gettoken: one live token per (enterprise, secret) with the remaining expires_in; expired at exactly 7200 s; a new one after', async () => {
    const e = await enterprise(t);
    const secret = (await e.owner.post<{ secret: string }>('/api/v1/wecom/sync-secret')).body.secret;
    const wx = new WecomClient(t.app);
    const first = await wx.signIn(e.corpId, secret);
    assert.deepEqual(Object.keys(first).sort(), ['access_token', 'errcode', 'errmsg', 'expires_in']);
    assert.equal(first.errmsg, 'ok');
    assert.equal(first.expires_in, 7200);
    assert.ok((first.access_token as string).length <= 512);
    t.clock.advance(1000 * SECOND);
    const again = await new WecomClient(t.app).signIn(e.corpId, secret);
    assert.equal(again.access_token, first.access_token);
    assert.equal(again.expires_in, 6200);
    t.clock.advance(6199 * SECOND + 999);
    assert.equal((await wx.get('department/simplelist')).errcode, 0);
    t.clock.advance(1);
    assert.deepEqual(await wx.get('department/simplelist'), { errcode: 42001, errmsg: 'access_token expired' });
    const renewed = await wx.signIn(e.corpId, secret);
    assert.notEqual(renewed.access_token, first.access_token);
    assert.equal(renewed.expires_in, 7200);
    assert.equal((await wx.get('department/simplelist')).errcode, 0);
  });

  it('resetting the contacts-sync secret kills its token at once; the old secret no longer gets one', async () => {
    const e = await enterprise(t);
    const { wx, secret } = await syncClient(t, e);
    assert.deepEqual((await e.owner.get('/api/v1/wecom/sync-secret')).body, { configured: true, createdAt: new Date(t.clock.now()).toISOString() });
    const next = (await e.owner.post<{ secret: string }>('/api/v1/wecom/sync-secret')).body.secret;
    assert.notEqual(next, secret);
    assert.equal((await wx.get('department/list')).errcode, 40014);
    assert.equal((await new WecomClient(t.app).signIn(e.corpId, secret)).errcode, 40001);
    assert.equal((await new WecomClient(t.app).signIn(e.corpId, next)).errcode, 0);
    // Never shown again, never in the status.
    assert.equal(JSON.stringify((await e.owner.get('/api/v1/wecom/sync-secret')).body).includes(next), false);
  });

  it('an app secret gets its own token; rotating the secret or deleting the app invalidates it', async () => {
    const e = await enterprise(t);
    const app = await customApp(e, { departmentIds: [e.root] });
    const wx = new WecomClient(t.app);
    assert.equal((await wx.signIn(e.corpId, app.secret)).errcode, 0);
    assert.equal((await wx.get('department/list')).errcode, 0);
    const rotated = (await e.owner.post<{ secret: string }>(`/api/v1/apps/${app.appId}/secret`)).body.secret;
    assert.equal((await wx.get('department/list')).errcode, 40014);
    assert.equal((await wx.signIn(e.corpId, rotated)).errcode, 0);
    assert.equal((await e.owner.delete(`/api/v1/apps/${app.appId}`)).status, 204);
    assert.equal((await wx.get('department/list')).errcode, 40014);
    assert.equal((await wx.signIn(e.corpId, rotated)).errcode, 40001);
  });

  it('gettoken and token errors: 41002, 41004, 40013, 40001, 41001, 40014, all as HTTP 200', async () => {
    const e = await enterprise(t);
    const other = await enterprise(t);
    const { secret } = await syncClient(t, other);
    const wx = new WecomClient(t.app);
    const raw = await wx.call('GET', 'gettoken', { corpsecret: 'x' });
    assert.equal(raw.status, 200);
    assert.equal(raw.body.errcode, 41002);
    assert.equal((await wx.get('gettoken', { corpid: e.corpId })).errcode, 41004);
    assert.equal((await wx.get('gettoken', { corpid: 'corp_nope', corpsecret: secret })).errcode, 40013);
    // Another enterprise's secret is no secret of this one.
    assert.equal((await wx.get('gettoken', { corpid: e.corpId, corpsecret: secret })).errcode, 40001);
    const missing = await wx.call('POST', 'department/create', {}, { name: 'x', parentid: 1 });
    assert.deepEqual([missing.status, missing.body.errcode], [200, 41001]);
    wx.token = 'wct_forged';
    assert.equal((await wx.get('user/get', { userid: 'a' })).errcode, 40014);
  });

  it('a JSON body is read with or without a Content-Type; bad JSON is 40058', async () => {
    const e = await enterprise(t);
    const { wx } = await syncClient(t, e);
    const created = await wx.post('department/create', { name: '无类型', parentid: 1 }, { contentType: false });
    assert.equal(created.errcode, 0);
    assert.equal(created.errmsg, 'created');
    const res = await t.app.inject({ method: 'POST', url: `/cgi-bin/department/create?access_token=${wx.token}`, payload: '{"name":' });
    assert.deepEqual([res.statusCode, JSON.parse(res.body).errcode], [200, 40058]);
  });
});

describeEachDialect('WeCom-compatible API: departments', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  it('create / update / get / list / simplelist / delete with integer ids stable per enterprise, the root being 1', async () => {
    const e = await enterprise(t);
    const { wx } = await syncClient(t, e);
    const sales = await wx.post('department/create', { name: '销售部', parentid: 1 });
    assert.deepEqual(sales, { errcode: 0, errmsg: 'created', id: 2 });
    assert.deepEqual(await wx.post('department/create', { name: '华东', parentid: 2, id: 20 }), { errcode: 0, errmsg: 'created', id: 20 });
    assert.deepEqual(await wx.post('department/create', { name: '研发部', parentid: 1, order: 5 }), { errcode: 0, errmsg: 'created', id: 21 });
    const list = await wx.get('department/list');
    assert.deepEqual(
      (list.department as { id: number; parentid: number; name: string }[]).map((d) => [d.id, d.parentid, d.name]),
      [
        [1, 0, (list.department as { name: string }[])[0]!.name],
        [2, 1, '销售部'],
        [21, 1, '研发部'],
        [20, 2, '华东'],
      ],
    );
    assert.deepEqual(Object.keys((list.department as object[])[1]!).sort(), ['department_leader', 'id', 'name', 'name_en', 'order', 'parentid']);
    assert.deepEqual((await wx.get('department/list', { id: 2 })).department, [
      { id: 2, name: '销售部', name_en: '', department_leader: [], parentid: 1, order: 100000000 },
      { id: 20, name: '华东', name_en: '', department_leader: [], parentid: 2, order: 100000000 },
    ]);
    assert.deepEqual((await wx.get('department/simplelist', { id: 2 })).department_id, [
      { id: 2, parentid: 1, order: 100000000 },
      { id: 20, parentid: 2, order: 100000000 },
    ]);
    assert.deepEqual(await wx.post('department/update', { id: 20, name: '华南', parentid: 21 }), { errcode: 0, errmsg: 'updated' });
    assert.deepEqual((await wx.get('department/get', { id: 20 })).department, { id: 20, name: '华南', name_en: '', department_leader: [], parentid: 21, order: 100000000 });
    assert.deepEqual(await wx.get('department/delete', { id: 20 }), { errcode: 0, errmsg: 'deleted' });
    assert.equal((await wx.get('department/get', { id: 20 })).errcode, 60003);
    // A department made through REST gets the next integer, never a deleted one's.
    const rest = await e.owner.post<{ id: string }>('/api/v1/contacts/departments', { parentId: e.root, name: '行政部' });
    assert.equal(rest.status, 201);
    assert.deepEqual(((await wx.get('department/simplelist')).department_id as { id: number }[]).map((d) => d.id), [1, 2, 21, 22]);
  });

  it('department error codes: 60001, 60009, 60125, 60003, 60004, 60005, 60006, 60007, 60008', async () => {
    const e = await enterprise(t);
    const { wx } = await syncClient(t, e);
    const code = async (p: Promise<{ errcode: number }>) => (await p).errcode;
    assert.equal(await code(wx.post('department/create', { name: ' ', parentid: 1 })), 60001);
    assert.equal(await code(wx.post('department/create', { name: '长'.repeat(65), parentid: 1 })), 60009);
    assert.equal(await code(wx.post('department/create', { name: 'a:b', parentid: 1 })), 60125);
    assert.equal(await code(wx.post('department/create', { name: '孤儿', parentid: 99 })), 60004);
    assert.equal(await code(wx.post('department/update', { id: 99, name: '无' })), 60003);
    assert.equal(await code(wx.get('department/get', { id: 99 })), 60123);
    await wx.post('department/create', { name: '父', parentid: 1, id: 5 });
    await wx.post('department/create', { name: '子', parentid: 5, id: 6 });
    assert.equal(await code(wx.post('department/create', { name: '子', parentid: 5 })), 60008);
    assert.equal(await code(wx.post('department/create', { name: '另', parentid: 1, id: 6 })), 60008);
    assert.equal(await code(wx.get('department/delete', { id: 5 })), 60006);
    await wx.post('user/create', { userid: 'zhangsan', name: '张三', department: [6], mobile: '13800000001' });
    assert.equal(await code(wx.get('department/delete', { id: 6 })), 60005);
    assert.equal(await code(wx.get('department/delete', { id: 1 })), 60007);
  });

  it('an app secret reads departments within its visible range and writes nothing (48002)', async () => {
    const e = await enterprise(t);
    const sales = await e.dept(e.root, '销售部');
    await e.dept(sales, '华东');
    await e.dept(e.root, '研发部');
    const app = await customApp(e, { departmentIds: [sales] });
    const wx = new WecomClient(t.app);
    await wx.signIn(e.corpId, app.secret);
    const names = ((await wx.get('department/list')).department as { name: string }[]).map((d) => d.name);
    assert.deepEqual(names, ['销售部', '华东']);
    assert.equal((await wx.get('department/get', { id: 1 })).errcode, 60011);
    assert.equal((await wx.post('department/create', { name: '新', parentid: 1 })).errcode, 48002);
    assert.equal((await wx.post('user/create', { userid: 'x1', name: '某' })).errcode, 48002);
    assert.equal((await wx.post('tag/create', { tagname: '某' })).errcode, 48002);
  });
});

describeEachDialect('WeCom-compatible API: users and tags', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  it('user create / get / update / list / simplelist / list_id / getuserid / convert_to_openid / delete / batchdelete with WeCom field names', async () => {
    const e = await enterprise(t);
    const { wx } = await syncClient(t, e);
    await wx.post('department/create', { name: '销售部', parentid: 1, id: 2 });
    await wx.post('department/create', { name: '华东', parentid: 2, id: 3 });
    const created = await wx.post('user/create', {
      userid: 'zhangsan',
      name: '张三',
      alias: 'Sam',
      mobile: '+86-13800000001',
      email: 'zhangsan@example.com',
      position: '经理',
      department: [2, 3],
      order: [10, 20],
      is_leader_in_dept: [1, 0],
      main_department: 3,
      gender: 0,
      tel: 'ignored unknown key',
      extattr: { attrs: [{ type: 0, name: '工号', text: { value: 'A01' } }] },
    });
    assert.deepEqual(created, { errcode: 0, errmsg: 'created' });
    const user = await wx.get('user/get', { userid: 'zhangsan' });
    assert.equal(user.errcode, 0);
    assert.equal(user.userid, 'zhangsan');
    assert.equal(user.name, '张三');
    assert.deepEqual(user.department, [2, 3]);
    assert.deepEqual(user.order, [10, 20]);
    assert.deepEqual(user.is_leader_in_dept, [1, 0]);
    assert.equal(user.main_department, 3);
    assert.equal(user.mobile, '+86-13800000001');
    assert.equal(user.email, 'zhangsan@example.com');
    assert.equal(user.position, '经理');
    assert.equal(user.alias, 'Sam');
    assert.equal(user.gender, '0');
    // status 4: not yet activated (no account claimed the member).
    assert.equal(user.status, 4);
    assert.deepEqual(user.extattr, { attrs: [{ type: 0, name: '工号', text: { value: 'A01' } }] });
    assert.deepEqual((await wx.get('department/get', { id: 2 })).department, { id: 2, name: '销售部', name_en: '', department_leader: ['zhangsan'], parentid: 1, order: 100000000 });

    assert.deepEqual(await wx.post('user/update', { userid: 'zhangsan', position: '总监', department: [3], enable: 0 }), { errcode: 0, errmsg: 'updated' });
    const updated = await wx.get('user/get', { userid: 'zhangsan' });
    assert.deepEqual([updated.position, updated.department, updated.status, updated.name, updated.alias], ['总监', [3], 2, '张三', 'Sam']);

    await wx.post('user/create', { userid: 'lisi', name: '李四', department: [2], mobile: '13800000002' });
    assert.deepEqual((await wx.get('user/simplelist', { department_id: 2, fetch_child: 1 })).userlist, [
      { userid: 'lisi', name: '李四', department: [2], open_userid: (await wx.get('user/get', { userid: 'lisi' })).open_userid },
      { userid: 'zhangsan', name: '张三', department: [3], open_userid: updated.open_userid },
    ]);
    assert.deepEqual(((await wx.get('user/simplelist', { department_id: 2 })).userlist as { userid: string }[]).map((u) => u.userid), ['lisi']);
    assert.deepEqual(((await wx.get('user/list', { department_id: 3 })).userlist as { userid: string; position: string }[]).map((u) => [u.userid, u.position]), [['zhangsan', '总监']]);
    const ids = await wx.post('user/list_id', { limit: 10000 });
    assert.equal(ids.next_cursor, '');
    assert.deepEqual(
      (ids.dept_user as { userid: string; department: number }[]).filter((r) => ['zhangsan', 'lisi'].includes(r.userid)),
      [
        { userid: 'lisi', department: 2 },
        { userid: 'zhangsan', department: 3 },
      ],
    );
    assert.deepEqual(await wx.post('user/getuserid', { mobile: '13800000002' }), { errcode: 0, errmsg: 'ok', userid: 'lisi' });
    assert.equal((await wx.post('user/getuserid', { mobile: '13900000000' })).errcode, 46004);
    const openid = await wx.post('user/convert_to_openid', { userid: 'lisi' });
    assert.equal(openid.openid, (await wx.get('user/get', { userid: 'lisi' })).open_userid);

    assert.deepEqual(await wx.get('user/delete', { userid: 'lisi' }), { errcode: 0, errmsg: 'deleted' });
    assert.equal((await wx.get('user/get', { userid: 'lisi' })).errcode, 60111);
    await wx.post('user/create', { userid: 'w1', name: '王一', department: [2] });
    await wx.post('user/create', { userid: 'w2', name: '王二', department: [2] });
    assert.deepEqual(await wx.post('user/batchdelete', { useridlist: ['w1', 'w2'] }), { errcode: 0, errmsg: 'deleted' });
    assert.deepEqual((await wx.get('user/simplelist', { department_id: 2 })).userlist, []);
  });

  it('user error codes: 40003, 60102, 60104, 60111, 60112, 60103, 60123, 301005, 40032', async () => {
    const e = await enterprise(t);
    const { wx } = await syncClient(t, e);
    const code = async (p: Promise<{ errcode: number }>) => (await p).errcode;
    assert.equal(await code(wx.post('user/create', { userid: '-bad', name: '坏' })), 40003);
    assert.equal(await code(wx.post('user/create', { userid: 'ok1', name: '' })), 60112);
    assert.equal(await code(wx.post('user/create', { userid: 'ok1', name: '某', mobile: 'abc' })), 60103);
    assert.equal(await code(wx.post('user/create', { userid: 'ok1', name: '某', department: [77] })), 60123);
    assert.equal(await code(wx.post('user/create', { userid: 'ok1', name: '某', mobile: '13800000009' })), 0);
    assert.equal(await code(wx.post('user/create', { userid: 'ok1', name: '又' })), 60102);
    assert.equal(await code(wx.post('user/create', { userid: 'ok2', name: '又', mobile: '13800000009' })), 60104);
    assert.equal(await code(wx.get('user/get', { userid: 'nobody' })), 60111);
    assert.equal(await code(wx.post('user/update', { userid: 'nobody', name: '无' })), 60111);
    assert.equal(await code(wx.post('user/batchdelete', { useridlist: [] })), 40032);
    const creator = (await e.owner.get<{ userid: string }>(`/api/v1/contacts/members/${e.owner.me.member!.id}`)).body.userid;
    assert.equal(await code(wx.get('user/delete', { userid: creator })), 301005);
  });

  it('an app secret reads members only within its visible range (60011 outside)', async () => {
    const e = await enterprise(t);
    const sales = await e.dept(e.root, '销售部');
    const rnd = await e.dept(e.root, '研发部');
    await e.bareMember('销售甲', [sales]);
    await e.bareMember('研发乙', [rnd]);
    const named = await e.bareMember('研发丙', [rnd]);
    const { wx: sync } = await syncClient(t, e);
    const users = (await sync.get('user/simplelist', { department_id: 1, fetch_child: 1 })).userlist as { userid: string; name: string }[];
    const useridOf = (name: string) => users.find((u) => u.name === name)!.userid;
    const app = await customApp(e, { departmentIds: [sales], memberIds: [named] });
    const wx = new WecomClient(t.app);
    await wx.signIn(e.corpId, app.secret);
    assert.equal((await wx.get('user/get', { userid: useridOf('销售甲') })).errcode, 0);
    assert.equal((await wx.get('user/get', { userid: useridOf('研发丙') })).errcode, 0);
    assert.equal((await wx.get('user/get', { userid: useridOf('研发乙') })).errcode, 60011);
    assert.deepEqual(((await wx.get('user/simplelist', { department_id: 1, fetch_child: 1 })).userlist as { name: string }[]).map((u) => u.name).sort(), ['研发丙', '销售甲'].sort());
    assert.equal((await wx.post('user/list_id', {})).errcode, 48002);
  });

  it('tags: create / update / list / get / addtagusers / deltagusers / delete, with invalidlist and 40070', async () => {
    const e = await enterprise(t);
    const { wx } = await syncClient(t, e);
    await wx.post('department/create', { name: '销售部', parentid: 1, id: 2 });
    await wx.post('user/create', { userid: 'zhangsan', name: '张三', department: [2] });
    assert.deepEqual(await wx.post('tag/create', { tagname: '经理' }), { errcode: 0, errmsg: 'created', tagid: 2 });
    assert.deepEqual(await wx.post('tag/create', { tagname: '骨干', tagid: 9 }), { errcode: 0, errmsg: 'created', tagid: 9 });
    assert.equal((await wx.post('tag/create', { tagname: '经理' })).errcode, 40071);
    assert.deepEqual(await wx.post('tag/update', { tagid: 9, tagname: '核心' }), { errcode: 0, errmsg: 'updated' });
    const taglist = (await wx.get('tag/list')).taglist as { tagid: number; tagname: string }[];
    assert.deepEqual([...taglist].sort((a, b) => a.tagid - b.tagid), [
      { tagid: 2, tagname: '经理' },
      { tagid: 9, tagname: '核心' },
    ]);
    assert.deepEqual(await wx.post('tag/addtagusers', { tagid: 2, userlist: ['zhangsan', 'ghost'], partylist: [2, 404] }), { errcode: 0, errmsg: 'ok', invalidlist: 'ghost', invalidparty: [404] });
    assert.deepEqual(await wx.get('tag/get', { tagid: 2 }), { errcode: 0, errmsg: 'ok', tagname: '经理', userlist: [{ userid: 'zhangsan', name: '张三' }], partylist: [2] });
    assert.equal((await wx.post('tag/addtagusers', { tagid: 2, userlist: ['ghost'] })).errcode, 40070);
    assert.equal((await wx.post('tag/addtagusers', { tagid: 2 })).errcode, 40035);
    assert.deepEqual(await wx.post('tag/deltagusers', { tagid: 2, userlist: ['zhangsan'] }), { errcode: 0, errmsg: 'deleted' });
    assert.deepEqual((await wx.get('tag/get', { tagid: 2 })).userlist, []);
    assert.deepEqual(await wx.get('tag/delete', { tagid: 9 }), { errcode: 0, errmsg: 'deleted' });
    assert.equal((await wx.get('tag/get', { tagid: 9 })).errcode, 40068);
  });
});

describeEachDialect('WeCom-compatible API: message/send', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  it('message/send reaches members inside the app’s visible range only, answers invaliduser / invalidparty / invalidtag and a msgid; 301002, 48002, 81013, 40035', async () => {
    const e = await enterprise(t);
    const sales = await e.dept(e.root, '销售部');
    const rnd = await e.dept(e.root, '研发部');
    const inside = await e.bareMember('销售甲', [sales]);
    await e.bareMember('研发乙', [rnd]);
    const { wx: sync } = await syncClient(t, e);
    const users = (await sync.get('user/simplelist', { department_id: 1, fetch_child: 1 })).userlist as { userid: string; name: string }[];
    const useridOf = (name: string) => users.find((u) => u.name === name)!.userid;
    const app = await customApp(e, { departmentIds: [sales] });
    await customApp(e, { departmentIds: [rnd] });
    const wx = new WecomClient(t.app);
    await wx.signIn(e.corpId, app.secret);
    const agents = (await wx.get('agent/list')).agentlist as { agentid: number; name: string }[];
    assert.equal(agents.length, 1);
    const agentid = agents[0]!.agentid;
    assert.ok(agentid > 1000001);

    const sent = await wx.post('message/send', { touser: `${useridOf('销售甲')}|${useridOf('研发乙')}|ghost`, toparty: '', totag: '77', msgtype: 'text', agentid, text: { content: '今天下午开会' } }, { contentType: false });
    assert.equal(sent.errcode, 0);
    assert.equal(sent.invaliduser, `${useridOf('研发乙')}|ghost`);
    assert.equal(sent.invalidparty, '');
    assert.equal(sent.invalidtag, '77');
    assert.match(sent.msgid as string, /^[\w-]{22}$/);
    await t.deps.outbox.drain();
    const inbox = await tablesOf(t.deps.db).selectFrom('inbox_messages').select(['member_id', 'app', 'title', 'body']).where('corp_id', '=', e.corpId).execute();
    assert.deepEqual(inbox, [{ member_id: inside, app: app.appId, title: '今天下午开会', body: '今天下午开会' }]);

    // @all: the whole visible range, nobody outside it.
    assert.equal((await wx.post('message/send', { touser: '@all', msgtype: 'textcard', agentid, textcard: { title: '周报', description: '请提交', url: 'https://example.com' } })).errcode, 0);
    await t.deps.outbox.drain();
    const titles = await tablesOf(t.deps.db).selectFrom('inbox_messages').select(['member_id', 'title']).where('corp_id', '=', e.corpId).where('title', '=', '周报').execute();
    assert.deepEqual(titles, [{ member_id: inside, title: '周报' }]);

    const otherAgent = ((await sync.get('agent/list')).agentlist as { agentid: number; name: string }[]).find((a) => a.agentid !== agentid && a.agentid > agentid)!.agentid;
    assert.equal((await wx.post('message/send', { touser: '@all', msgtype: 'text', agentid: otherAgent, text: { content: 'x' } })).errcode, 301002);
    assert.equal((await wx.post('message/send', { touser: 'ghost', msgtype: 'text', agentid, text: { content: 'x' } })).errcode, 81013);
    assert.equal((await wx.post('message/send', { touser: '', toparty: '', totag: '', msgtype: 'text', agentid, text: { content: 'x' } })).errcode, 40035);
    assert.equal((await wx.post('message/send', { touser: '@all', msgtype: 'voice', agentid })).errcode, 40008);
    assert.equal((await sync.post('message/send', { touser: '@all', msgtype: 'text', agentid, text: { content: 'x' } })).errcode, 48002);
  });

  it('message/recall: the message leaves every inbox it reached; a second recall, another app’s msgid, one after 24 h and the sync secret are refused', async () => {
    const e = await enterprise(t);
    const sales = await e.dept(e.root, '销售部');
    const first = await e.bareMember('销售丙', [sales]);
    const second = await e.bareMember('销售丁', [sales]);
    const app = await customApp(e, { departmentIds: [sales] });
    const other = await customApp(e, { departmentIds: [sales] });
    const wx = new WecomClient(t.app);
    await wx.signIn(e.corpId, app.secret);
    const ox = new WecomClient(t.app);
    await ox.signIn(e.corpId, other.secret);
    const agentOf = async (client: WecomClient) => ((await client.get('agent/list')).agentlist as { agentid: number }[])[0]!.agentid;
    const inbox = () => tablesOf(t.deps.db).selectFrom('inbox_messages').select(['member_id', 'title']).where('corp_id', '=', e.corpId).orderBy('title').orderBy('member_id').execute();

    const recalled = await wx.post('message/send', { touser: '@all', msgtype: 'text', agentid: await agentOf(wx), text: { content: '发错了' } });
    const kept = await wx.post('message/send', { touser: '@all', msgtype: 'text', agentid: await agentOf(wx), text: { content: '保留' } });
    const theirs = await ox.post('message/send', { touser: '@all', msgtype: 'text', agentid: await agentOf(ox), text: { content: '别人的' } });
    await t.deps.outbox.drain();
    assert.equal((await inbox()).length, 6);

    assert.deepEqual(await wx.post('message/recall', { msgid: recalled.msgid }, { contentType: false }), { errcode: 0, errmsg: 'ok' });
    await t.deps.outbox.drain();
    const left = [first, second].sort();
    assert.deepEqual(await inbox(), [...left.map((m) => ({ member_id: m, title: '保留' })), ...left.map((m) => ({ member_id: m, title: '别人的' }))]);

    const twice = await wx.post('message/recall', { msgid: recalled.msgid });
    assert.equal(twice.errcode, 40058);
    assert.equal(twice.errmsg, 'The message was already recalled. (banyan: app.message_recalled)');
    const foreign = await wx.post('message/recall', { msgid: theirs.msgid });
    assert.equal(foreign.errcode, 40058);
    assert.match(foreign.errmsg, /banyan: app\.message_not_found/);
    assert.equal((await wx.post('message/recall', { msgid: 'never-sent' })).errcode, 40058);
    const { wx: sync } = await syncClient(t, e);
    assert.equal((await sync.post('message/recall', { msgid: kept.msgid })).errcode, 48002);

    // Past 24 hours after sending the message stays (the token, 7200 s, is renewed on the way).
    t.clock.advance(24 * 3600 * SECOND + 1);
    await wx.signIn(e.corpId, app.secret);
    const late = await wx.post('message/recall', { msgid: kept.msgid });
    assert.equal(late.errcode, 40058);
    assert.match(late.errmsg, /banyan: app\.message_too_old/);
    await t.deps.outbox.drain();
    assert.equal((await inbox()).length, 4);
  });
});
