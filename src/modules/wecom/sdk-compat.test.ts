import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Work } from 'node-easywechat';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { enterprise, type Enterprise } from '../../../test/support/enterprise.ts';
import { tablesOf } from '../../../test/support/tables.ts';

/**
 * The compatibility suite: a WeCom SDK written by others, node-easywechat 3.6.2, drives Banyan
 * unchanged but for `http.baseURL` (its gettoken follows the same base URL). Its own client adds
 * the token to the query and hands back whatever errcode arrives.
 */
describeEachDialect('node-easywechat against Banyan', (use) => {
  let t: TestApp;
  let e: Enterprise;
  let baseURL: string;
  const cacheDir = mkdtempSync(join(tmpdir(), 'banyan-easywechat-'));
  const sdk = (secret: string) => new Work({ corp_id: e.corpId, secret, token: '', aes_key: '', http: { baseURL }, file_cache: { path: cacheDir } } as never);

  before(async () => {
    t = await createTestApp(use());
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    baseURL = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}/`;
    e = await enterprise(t);
  });
  after(async () => {
    await t.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('gettoken, departments, users and tags through the SDK’s Work application with the contacts-sync secret', async () => {
    const secret = (await e.owner.post<{ secret: string }>('/api/v1/wecom/sync-secret')).body.secret;
    const work = sdk(secret);
    const token = await work.getAccessToken().getToken();
    assert.match(token, /^wct_/);
    const client = work.getClient();
    const json = async (p: Promise<{ toObject(): Record<string, unknown> }>) => (await p).toObject();

    assert.deepEqual(await json(client.postJson('cgi-bin/department/create', { name: '销售部', parentid: 1, id: 2 })), { errcode: 0, errmsg: 'created', id: 2 });
    assert.deepEqual(await json(client.postJson('cgi-bin/department/update', { id: 2, name: '销售中心' })), { errcode: 0, errmsg: 'updated' });
    const departments = await json(client.get('cgi-bin/department/simplelist', { params: { id: 2 } }));
    assert.deepEqual(departments.department_id, [{ id: 2, parentid: 1, order: 100000000 }]);

    assert.deepEqual(await json(client.postJson('cgi-bin/user/create', { userid: 'zhangsan', name: '张三', department: [2], mobile: '13800000001', gender: 0 })), { errcode: 0, errmsg: 'created' });
    const user = await json(client.get('cgi-bin/user/get', { params: { userid: 'zhangsan' } }));
    assert.deepEqual([user.userid, user.name, user.department, user.mobile, user.status], ['zhangsan', '张三', [2], '13800000001', 4]);
    assert.deepEqual(await json(client.postJson('cgi-bin/user/update', { userid: 'zhangsan', position: '经理' })), { errcode: 0, errmsg: 'updated' });
    const list = await json(client.get('cgi-bin/user/list', { params: { department_id: 2, fetch_child: 0 } }));
    assert.deepEqual((list.userlist as { userid: string; position: string }[]).map((u) => [u.userid, u.position]), [['zhangsan', '经理']]);

    const tag = await json(client.postJson('cgi-bin/tag/create', { tagname: '骨干' }));
    assert.deepEqual(tag, { errcode: 0, errmsg: 'created', tagid: 2 });
    assert.deepEqual(await json(client.postJson('cgi-bin/tag/addtagusers', { tagid: 2, userlist: ['zhangsan'] })), { errcode: 0, errmsg: 'ok' });
    assert.deepEqual(await json(client.get('cgi-bin/tag/get', { params: { tagid: 2 } })), { errcode: 0, errmsg: 'ok', tagname: '骨干', userlist: [{ userid: 'zhangsan', name: '张三' }], partylist: [] });
    assert.deepEqual((await json(client.get('cgi-bin/tag/list'))).taglist, [{ tagid: 2, tagname: '骨干' }]);

    // A refusal reaches the SDK as an errcode because the answer is HTTP 200 (a 4xx would lose it).
    assert.equal((await json(client.get('cgi-bin/department/delete', { params: { id: 2 } }))).errcode, 60005);
    assert.deepEqual(await json(client.get('cgi-bin/user/delete', { params: { userid: 'zhangsan' } })), { errcode: 0, errmsg: 'deleted' });
    assert.deepEqual(await json(client.get('cgi-bin/department/delete', { params: { id: 2 } })), { errcode: 0, errmsg: 'deleted' });
  });

  it('an app secret through the SDK reads, sends and recalls a message, and is refused writes with 48002', async () => {
    const app = (await e.owner.post<{ app: { id: string }; secret: string }>('/api/v1/apps', { name: '只读应用', description: '', visibleRange: { memberIds: [], departmentIds: [e.root], tagIds: [] } })).body;
    const client = sdk(app.secret).getClient();
    const root = (await client.get('cgi-bin/department/get', { params: { id: 1 } })).toObject();
    assert.equal((root.department as { id: number }).id, 1);
    assert.equal((await client.postJson('cgi-bin/department/create', { name: '不行', parentid: 1 })).toObject().errcode, 48002);

    const reader = await e.bareMember('读者', [e.root]);
    const agentid = ((await client.get('cgi-bin/agent/list')).toObject().agentlist as { agentid: number }[])[0]!.agentid;
    const sent = (await client.postJson('cgi-bin/message/send', { touser: '@all', toparty: '', totag: '', msgtype: 'markdown', agentid, markdown: { content: '# 通知\n明天放假' } })).toObject();
    assert.deepEqual([sent.errcode, sent.invaliduser], [0, '']);
    await t.deps.outbox.drain();
    const inbox = () => tablesOf(t.deps.db).selectFrom('inbox_messages').select(['member_id', 'title']).where('corp_id', '=', e.corpId).where('app', '=', app.app.id).where('member_id', '=', reader).execute();
    assert.deepEqual(await inbox(), [{ member_id: reader, title: '通知' }]);
    assert.deepEqual((await client.postJson('cgi-bin/message/recall', { msgid: sent.msgid })).toObject(), { errcode: 0, errmsg: 'ok' });
    await t.deps.outbox.drain();
    assert.deepEqual(await inbox(), []);
  });

  it('an approval submitted through the SDK with oa/applyevent and read back with oa/getapprovalinfo and oa/getapprovaldetail', async () => {
    const sales = await e.dept(e.root, '审批部');
    await e.bareMember('审批人', [sales]);
    const approver = (await tablesOf(t.deps.db).selectFrom('members').select(['id', 'userid']).where('corp_id', '=', e.corpId).where('name', '=', '审批人').executeTakeFirstOrThrow());
    const applicantId = await e.bareMember('报销人', [sales]);
    const applicant = (await tablesOf(t.deps.db).selectFrom('members').select('userid').where('corp_id', '=', e.corpId).where('id', '=', applicantId).executeTakeFirstOrThrow()).userid;
    const template = (
      await e.owner.post<{ id: string }>('/api/v1/approvals/templates', {
        name: '报销',
        form: [{ id: 'reason', type: 'text', label: '事由', required: true }, { id: 'amount', type: 'money', label: '金额', required: true }],
        flow: [{ id: 'n1', kind: 'approver', name: '审批', assignee: { type: 'members', memberIds: [approver.id], mode: 'any' } }],
      })
    ).body;
    const app = (await e.owner.post<{ secret: string }>('/api/v1/apps', { name: 'OA 连接器', description: '', visibleRange: { memberIds: [], departmentIds: [sales], tagIds: [] } })).body;
    const client = sdk(app.secret).getClient();
    const post = async (path: string, body: unknown) => (await client.postJson(`cgi-bin/${path}`, body as Record<string, unknown>)).toObject();

    const applied = await post('oa/applyevent', {
      creator_userid: applicant,
      template_id: template.id,
      use_template_approver: 1,
      apply_data: { contents: [{ control: 'Text', id: 'reason', value: { text: '出差打车' } }, { control: 'Money', id: 'amount', value: { new_money: '88.00' } }] },
    });
    assert.equal(applied.errcode, 0);
    const now = Math.floor(t.clock.now() / 1000);
    const listed = await post('oa/getapprovalinfo', { starttime: String(now - 60), endtime: String(now + 60), new_cursor: '', size: 100, filters: [{ key: 'template_id', value: template.id }] });
    assert.deepEqual(listed.sp_no_list, [applied.sp_no]);
    const info = (await post('oa/getapprovaldetail', { sp_no: applied.sp_no })).info as { sp_status: number; applyer: { userid: string }; sp_record: unknown[]; apply_data: { contents: { id: string; value: unknown }[] } };
    assert.deepEqual([info.sp_status, info.applyer.userid], [1, applicant]);
    assert.deepEqual(info.sp_record, [{ sp_status: 1, approverattr: 1, details: [{ approver: { userid: approver.userid }, speech: '', sp_status: 1, sptime: 0, media_id: [] }] }]);
    assert.deepEqual(info.apply_data.contents.map((c) => [c.id, c.value]), [['reason', { text: '出差打车' }], ['amount', { new_money: '88.00' }]]);
  });
});
