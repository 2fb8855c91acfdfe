import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { enterprise, type Enterprise } from '../../../test/support/enterprise.ts';
import { CallbackReceiver } from './testing/receiver.ts';
import { act, simpleTemplate, submit, taskOf, template, world } from '../approval/testing/index.ts';

const TOKEN = 'BanyanToken1';
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const range = (departmentIds: string[]) => ({ memberIds: [], departmentIds, tagIds: [] });

/** The plaintext XML of an event as a record of its elements. */
function fields(xml: string): Record<string, string> {
  const inner = /^<xml>(.*)<\/xml>$/s.exec(xml)![1]!;
  return Object.fromEntries([...inner.matchAll(/<(\w+)>(?:<!\[CDATA\[(.*?)\]\]>|([^<]*))<\/\1>/g)].map((m) => [m[1]!, m[2] ?? m[3]!]));
}

interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: { n: number; at: string; code: number | null; error: string | null }[];
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}

describeEachDialect('callbacks (回调): 接收消息 and its deliveries', (use) => {
  let t: TestApp;
  const receivers: CallbackReceiver[] = [];
  before(async () => {
    t = await createTestApp(use());
  });
  after(async () => {
    for (const receiver of receivers) await receiver.stop();
    await t.close();
  });

  const receiver = async (e: Enterprise) => {
    const rx = await new CallbackReceiver(e.corpId, TOKEN, AES_KEY).start();
    receivers.push(rx);
    return rx;
  };
  const newApp = async (e: Enterprise, name: string, departmentIds: string[]) =>
    (await e.owner.post<{ app: { id: string } }>('/api/v1/apps', { name, description: '', visibleRange: range(departmentIds) })).body.app.id;
  const setCallback = (e: Enterprise, appId: string, url: string, body: Record<string, unknown> = {}) => e.owner.put<{ error: { code: string; details?: unknown } }>(`/api/v1/apps/${appId}/callback`, { url, token: TOKEN, aesKey: AES_KEY, ...body });
  const deliver = async () => {
    await t.deps.outbox.drain();
    await t.deps.jobs.runDue();
  };
  const log = async (e: Enterprise, appId: string) => (await e.owner.get<{ items: Delivery[] }>(`/api/v1/apps/${appId}/callback/deliveries`)).body.items;

  it('issue rule 接收消息: saving verifies the URL with the GET handshake (encrypted echostr, answered decrypted) and refuses to save when it fails', async () => {
    const e = await enterprise(t);
    const appId = await newApp(e, 'HR 同步', [e.root]);
    const rx = await receiver(e);
    rx.wrongEcho = true;
    const refused = await setCallback(e, appId, rx.url);
    assert.deepEqual([refused.status, refused.body.error.code, refused.body.error.details], [400, 'hooks.url_verification_failed', { reason: 'echo_mismatch' }]);
    const closed = await setCallback(e, appId, 'http://127.0.0.1:1/closed');
    assert.deepEqual([closed.status, closed.body.error.code, closed.body.error.details], [400, 'hooks.url_verification_failed', { reason: 'unreachable' }]);
    assert.deepEqual((await e.owner.get(`/api/v1/apps/${appId}/callback`)).body, { callback: null });

    const shortKey = await setCallback(e, appId, rx.url, { aesKey: AES_KEY.slice(1) });
    assert.deepEqual([shortKey.status, shortKey.body.error.code], [400, 'request.invalid']);

    rx.wrongEcho = false;
    const saved = await setCallback(e, appId, rx.url);
    assert.equal(saved.status, 200);
    assert.deepEqual((await e.owner.get(`/api/v1/apps/${appId}/callback`)).body, { callback: { url: rx.url, token: TOKEN, aesKey: AES_KEY, updatedAt: new Date(t.clock.now()).toISOString() } });
    assert.deepEqual(rx.problems, []);
  });

  it('only the admins who manage the app set its callback or read its log; another enterprise’s app is not found', async () => {
    const e = await enterprise(t);
    const other = await enterprise(t);
    const appId = await newApp(e, '考勤机', [e.root]);
    const rx = await receiver(e);
    const member = await e.member('普通成员');
    const asMember = await member.client.put<{ error: { code: string } }>(`/api/v1/apps/${appId}/callback`, { url: rx.url, token: TOKEN, aesKey: AES_KEY });
    assert.deepEqual([asMember.status, asMember.body.error.code], [403, 'forbidden']);
    assert.equal((await member.client.get(`/api/v1/apps/${appId}/callback/deliveries`)).status, 403);
    const foreign = await other.owner.put<{ error: { code: string } }>(`/api/v1/apps/${appId}/callback`, { url: rx.url, token: TOKEN, aesKey: AES_KEY });
    assert.deepEqual([foreign.status, foreign.body.error.code], [404, 'hooks.app_not_found']);
    assert.equal(rx.received.length, 0);
  });

  it('issue rule a callback receiver that fails twice then succeeds: delivered once, logged three times, on the retry schedule (10 s, then 60 s)', async () => {
    const e = await enterprise(t);
    const sales = await e.dept(e.root, '销售部');
    const appId = await newApp(e, 'HR 同步', [sales]);
    const rx = await receiver(e);
    assert.equal((await setCallback(e, appId, rx.url)).status, 200);
    rx.answers = [500, 503];
    const createdAt = t.clock.now();
    const created = await e.owner.post<{ id: string }>('/api/v1/contacts/members', { name: '张三', userid: 'zhangsan', departmentIds: [sales], position: '销售', phone: '13800000001' });
    assert.equal(created.status, 201);

    await deliver();
    assert.equal(rx.received.length, 1);
    t.clock.advance(9_999);
    await t.deps.jobs.runDue();
    assert.equal(rx.received.length, 1, 'the first retry waits 10 s');
    t.clock.advance(1);
    await t.deps.jobs.runDue();
    assert.equal(rx.received.length, 2);
    t.clock.advance(59_999);
    await t.deps.jobs.runDue();
    assert.equal(rx.received.length, 2, 'the second retry waits 60 s');
    t.clock.advance(1);
    await t.deps.jobs.runDue();
    t.clock.advance(3600_000);
    await deliver();
    assert.equal(rx.received.length, 3);
    assert.deepEqual(rx.problems, []);

    const [first] = rx.received;
    const eventId = fields(first!.xml).BanyanEventId!;
    assert.match(eventId, /^evt_/);
    assert.deepEqual(
      rx.received.map((r) => [r.xml, r.eventId, r.agentId]),
      [0, 1, 2].map(() => [first!.xml, eventId, '1000002']),
    );
    assert.deepEqual(fields(first!.xml), {
      ToUserName: e.corpId,
      FromUserName: 'sys',
      CreateTime: String(Math.floor(createdAt / 1000)),
      MsgType: 'event',
      Event: 'change_contact',
      ChangeType: 'create_user',
      UserID: 'zhangsan',
      Name: '张三',
      Department: '2',
      MainDepartment: '2',
      Position: '销售',
      Mobile: '13800000001',
      Email: '',
      Status: '4',
      BanyanEventId: eventId,
    });

    const iso = (ms: number) => new Date(ms).toISOString();
    assert.deepEqual(await log(e, appId), [
      {
        id: (await log(e, appId))[0]!.id,
        eventId,
        eventType: 'change_contact/create_user',
        status: 'delivered',
        attempts: [
          { n: 1, at: iso(createdAt), code: 500, error: 'HTTP 500' },
          { n: 2, at: iso(createdAt + 10_000), code: 503, error: 'HTTP 503' },
          { n: 3, at: iso(createdAt + 70_000), code: 200, error: null },
        ],
        nextAttemptAt: null,
        createdAt: iso(createdAt),
        deliveredAt: iso(createdAt + 70_000),
      },
    ]);
  });

  it('issue rule only events within the app’s visible range go to that app: departments and members of 销售部 reach the 销售部 app only', async () => {
    const e = await enterprise(t);
    const sales = await e.dept(e.root, '销售部');
    const rd = await e.dept(e.root, '研发部');
    const salesApp = await newApp(e, '销售助手', [sales]);
    const rdApp = await newApp(e, '研发助手', [rd]);
    const salesRx = await receiver(e);
    const rdRx = await receiver(e);
    assert.equal((await setCallback(e, salesApp, salesRx.url)).status, 200);
    assert.equal((await setCallback(e, rdApp, rdRx.url)).status, 200);

    const south = (await e.owner.post<{ id: string }>('/api/v1/contacts/departments', { parentId: sales, name: '华南区' })).body.id;
    await deliver();
    assert.equal((await e.owner.patch(`/api/v1/contacts/departments/${south}`, { name: '华南大区' })).status, 204);
    await deliver();
    const member = (await e.owner.post<{ id: string }>('/api/v1/contacts/members', { name: '李四', userid: 'lisi', departmentIds: [south] })).body.id;
    await deliver();
    assert.equal((await e.owner.patch(`/api/v1/contacts/members/${member}`, { position: '经理' })).status, 200);
    await deliver();
    assert.equal((await e.owner.post(`/api/v1/contacts/members/${member}/depart`)).status, 204);
    await deliver();
    assert.equal((await e.owner.delete(`/api/v1/contacts/departments/${south}`)).status, 204);
    await deliver();

    const seen = salesRx.received.map((r) => fields(r.xml));
    assert.deepEqual(
      seen.map((f) => [f.ChangeType, f.Id ?? f.UserID, f.Name ?? null, f.ParentId ?? f.Position ?? null]),
      [
        ['create_party', '2', '华南区', '3'],
        ['update_party', '2', '华南大区', '3'],
        ['create_user', 'lisi', '李四', ''],
        ['update_user', 'lisi', '李四', '经理'],
        ['delete_user', 'lisi', null, null],
        ['delete_party', '2', null, null],
      ],
    );
    assert.equal(rdRx.received.length, 0);

    await e.owner.post('/api/v1/contacts/members', { name: '王五', userid: 'wangwu', departmentIds: [rd] });
    await deliver();
    assert.deepEqual(rdRx.received.map((r) => fields(r.xml).UserID), ['wangwu']);
    assert.equal(salesRx.received.length, 6);
    assert.deepEqual([...salesRx.problems, ...rdRx.problems], []);
  });

  it('issue rule replay: an admin sends a delivered event again from the log, with the same event id; a delivery still being tried is refused', async () => {
    const e = await enterprise(t);
    const appId = await newApp(e, '同步', [e.root]);
    const rx = await receiver(e);
    assert.equal((await setCallback(e, appId, rx.url)).status, 200);
    rx.answers = [500];
    await e.owner.post('/api/v1/contacts/departments', { parentId: e.root, name: '市场部' });
    await deliver();
    const [pending] = await log(e, appId);
    assert.deepEqual([pending!.status, pending!.nextAttemptAt], ['pending', new Date(t.clock.now() + 10_000).toISOString()]);
    const early = await e.owner.post<{ error: { code: string } }>(`/api/v1/apps/${appId}/callback/deliveries/${pending!.id}/replay`);
    assert.deepEqual([early.status, early.body.error.code], [409, 'hooks.delivery_pending']);
    t.clock.advance(10_000);
    await t.deps.jobs.runDue();
    assert.equal((await log(e, appId))[0]!.status, 'delivered');

    t.clock.advance(60_000);
    assert.equal((await e.owner.post(`/api/v1/apps/${appId}/callback/deliveries/${pending!.id}/replay`)).status, 204);
    await t.deps.jobs.runDue();
    assert.equal(rx.received.length, 3);
    assert.deepEqual(new Set(rx.received.map((r) => r.eventId)).size, 1);
    const [replayed] = await log(e, appId);
    assert.deepEqual(
      replayed!.attempts.map((a) => a.code),
      [500, 200, 200],
    );
    const unknown = await e.owner.post<{ error: { code: string } }>(`/api/v1/apps/${appId}/callback/deliveries/dlv_nothing/replay`);
    assert.deepEqual([unknown.status, unknown.body.error.code], [404, 'hooks.delivery_not_found']);
    const audit = await e.owner.get<{ items: { action: string }[] }>('/api/v1/audit?limit=5');
    assert.ok(audit.body.items.some((i) => i.action === 'hooks.delivery.replay'));
  });

  it('issue rule sys_approval_change: the 审批 app’s callback hears a request submitted (StatuChangeEvent 1) and agreed (2), with its ApprovalInfo and SpRecord', async () => {
    const w = await world(t);
    const applicant = await w.org.member('申请人');
    const boss = await w.org.member('老板');
    const templateId = await template(w, simpleTemplate([{ id: 'a', kind: 'approver', name: '审批', assignee: { type: 'members', memberIds: [boss], mode: 'any' } }]));
    const rx = await new CallbackReceiver(w.corpId, TOKEN, AES_KEY).start();
    receivers.push(rx);
    const saved = await w.client.put('/api/v1/apps/approvals/callback', { url: rx.url, token: TOKEN, aesKey: AES_KEY });
    assert.equal(saved.status, 200);
    const submittedAt = t.clock.now();
    const request = await submit(w, applicant, { templateId, form: { reason: '出差' } });
    await deliver();
    t.clock.advance(60_000);
    await act(w, boss, await taskOf(w, request.instanceId, boss), { action: 'approve', comment: '同意' });
    await deliver();

    const infos = rx.received.map((r) => /<ApprovalInfo>(.*)<\/ApprovalInfo>/s.exec(r.xml)![1]!);
    assert.deepEqual(
      rx.received.map((r) => [fields(r.xml).Event, fields(r.xml).MsgType]),
      [
        ['sys_approval_change', 'event'],
        ['sys_approval_change', 'event'],
      ],
    );
    const [bossUserid] = /<Approver><UserId><!\[CDATA\[(.*?)\]\]><\/UserId>/.exec(infos[0]!)!.slice(1);
    const [applicantUserid] = /<Applyer><UserId><!\[CDATA\[(.*?)\]\]><\/UserId>/.exec(infos[0]!)!.slice(1);
    const expected = (spStatus: number, nodeStatus: number, speech: string, spTime: number, change: number) =>
      `<SpNo><![CDATA[${request.instanceId}]]></SpNo><SpName><![CDATA[通用审批]]></SpName><SpStatus>${spStatus}</SpStatus><TemplateId><![CDATA[${templateId}]]></TemplateId><ApplyTime>${Math.floor(submittedAt / 1000)}</ApplyTime>` +
      `<Applyer><UserId><![CDATA[${applicantUserid}]]></UserId><Party><![CDATA[]]></Party></Applyer>` +
      `<SpRecord><SpStatus>${nodeStatus}</SpStatus><ApproverAttr>1</ApproverAttr><Details><Approver><UserId><![CDATA[${bossUserid}]]></UserId></Approver><Speech><![CDATA[${speech}]]></Speech><SpStatus>${nodeStatus}</SpStatus><SpTime>${spTime}</SpTime></Details></SpRecord>` +
      `<StatuChangeEvent>${change}</StatuChangeEvent>`;
    assert.deepEqual(infos, [expected(1, 1, '', 0, 1), expected(2, 2, '同意', Math.floor(submittedAt / 1000) + 60, 2)]);
    assert.ok(applicantUserid && bossUserid && applicantUserid !== bossUserid);
    assert.deepEqual(rx.problems, []);
  });

  it('issue rule change_external_contact: add_external_contact, add_half_external_contact, del_external_contact and del_follow_user reach the apps that see the member', async () => {
    const e = await enterprise(t);
    const appId = await newApp(e, '客户助手', [e.root]);
    const rx = await receiver(e);
    assert.equal((await setCallback(e, appId, rx.url)).status, 200);
    const seller = await e.member('销售员');
    const half = (await seller.client.post<{ id: string }>('/api/v1/customers/friends', { externalId: 'wx_half', name: '单向客户', addedBack: false })).body.id;
    const full = (await seller.client.post<{ id: string }>('/api/v1/customers/friends', { externalId: 'wx_full', name: '双向客户' })).body.id;
    await deliver();
    assert.equal((await e.owner.post(`/api/v1/customers/${full}/members/${seller.memberId}/events`, { event: 'deleted_member' })).status, 204);
    await deliver();
    assert.equal((await seller.client.delete(`/api/v1/customers/friends/${half}`)).status, 200);
    await deliver();
    const userid = seller.client.me.account.loginName;
    assert.deepEqual(
      rx.received.map((r) => {
        const f = fields(r.xml);
        return [f.Event, f.ChangeType, f.UserID, f.ExternalUserID, f.State ?? null];
      }),
      [
        ['change_external_contact', 'add_half_external_contact', userid, half, ''],
        ['change_external_contact', 'add_external_contact', userid, full, ''],
        ['change_external_contact', 'del_follow_user', userid, full, null],
        ['change_external_contact', 'del_external_contact', userid, half, null],
      ],
    );
    assert.deepEqual(rx.problems, []);
  });
});
