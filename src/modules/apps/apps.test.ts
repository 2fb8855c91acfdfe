import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { sha256 } from '../../platform/auth/tokens.ts';
import { enterprise } from '../../../test/support/enterprise.ts';
import { tablesOf } from '../../../test/support/tables.ts';

const rights = (r: object) => ({ departmentIds: [], apps: [], deviceBind: false, deviceIds: [], ...r });
const code = (res: { body: unknown }) => (res.body as { error?: { code: string } }).error?.code;

describeEachDialect('apps (应用权限)', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  it('system apps 审批, 打卡, 高级功能 exist; a custom app secret is shown once and stored hashed', async () => {
    const e = await enterprise(t);
    const created = await e.owner.post<{ app: { id: string; kind: string }; secret: string }>('/api/v1/apps', { name: '自建应用', description: '说明', visibleRange: { memberIds: [], departmentIds: [e.root], tagIds: [] } });
    assert.equal(created.status, 201);
    assert.match(created.body.secret, /^bys_/);
    const row = await tablesOf(t.deps.db).selectFrom('apps').select('secret_hash').where('corp_id', '=', e.corpId).executeTakeFirstOrThrow();
    assert.equal(row.secret_hash, sha256(created.body.secret));
    const list = await e.owner.get<{ items: { id: string; kind: string; myRight: string }[] }>('/api/v1/apps');
    assert.deepEqual(list.body.items.map((a) => [a.id, a.kind, a.myRight]), [
      ['approvals', 'system', 'manage'],
      ['attendance', 'system', 'manage'],
      ['features', 'system', 'manage'],
      [created.body.app.id, 'custom', 'manage'],
    ]);
    assert.equal(JSON.stringify(list.body).includes(created.body.secret), false);
  });

  it('seed rule 应用权限 a) b): manage includes send; a hierarchical admin given send alone cannot manage the app', async () => {
    const e = await enterprise(t);
    const app = (await e.owner.post<{ app: { id: string } }>('/api/v1/apps', { name: '周报', description: '', visibleRange: { memberIds: [], departmentIds: [e.root], tagIds: [] } })).body.app.id;
    const sender = await e.member('只发消息');
    const manager = await e.member('应用管理');
    await e.owner.post('/api/v1/admins/hierarchical', { memberId: sender.memberId, rights: rights({ departmentIds: [e.root], apps: [{ appId: app, level: 'send' }] }) });
    await e.owner.post('/api/v1/admins/hierarchical', { memberId: manager.memberId, rights: rights({ departmentIds: [e.root], apps: [{ appId: app, level: 'manage' }] }) });
    const msg = (key: string) => ({ recipients: { memberIds: [sender.memberId] }, title: 't', body: 'b', idempotencyKey: key });
    assert.equal((await sender.client.post(`/api/v1/apps/${app}/messages`, msg('a'))).status, 200);
    assert.equal((await manager.client.post(`/api/v1/apps/${app}/messages`, msg('b'))).status, 200);
    assert.equal((await sender.client.patch(`/api/v1/apps/${app}`, { name: '改名' })).status, 403);
    assert.equal((await manager.client.patch(`/api/v1/apps/${app}`, { name: '改名' })).status, 200);
    assert.equal((await sender.client.post('/api/v1/apps/approvals/messages', msg('c'))).status, 403);
  });

  it('seed rule 通讯录权限 b): a hierarchical admin sends app messages only to members inside its contacts rights', async () => {
    const e = await enterprise(t);
    const sales = await e.dept(e.root, '销售部');
    const rnd = await e.dept(e.root, '研发部');
    const inside = await e.bareMember('销售甲', [sales]);
    const outside = await e.bareMember('研发乙', [rnd]);
    const both = await e.bareMember('兼职丙', [rnd, sales]);
    const h = await e.member('分管销售', [sales]);
    await e.owner.post('/api/v1/admins/hierarchical', { memberId: h.memberId, rights: rights({ departmentIds: [sales], apps: [{ appId: 'approvals', level: 'send' }] }) });
    const body = { recipients: { memberIds: [inside, outside, both] }, title: '通知', body: '今天开会', idempotencyKey: 'once' };
    const res = await h.client.post('/api/v1/apps/approvals/messages', body);
    assert.deepEqual(res.body, { delivered: 2, reached: 2, outOfScope: 1 });
    await t.deps.outbox.drain();
    const inbox = await tablesOf(t.deps.db).selectFrom('inbox_messages').select(['member_id', 'app', 'title']).where('corp_id', '=', e.corpId).orderBy('member_id').execute();
    assert.deepEqual(inbox, [inside, both].sort().map((m) => ({ member_id: m, app: 'approvals', title: '通知' })));
    // The same idempotency key delivers nothing new.
    assert.deepEqual((await h.client.post('/api/v1/apps/approvals/messages', body)).body, { delivered: 0, reached: 2, outOfScope: 1 });
    // A super admin reaches everyone named.
    assert.deepEqual((await e.owner.post('/api/v1/apps/approvals/messages', { ...body, idempotencyKey: 'owner' })).body, { delivered: 3, reached: 3, outOfScope: 0 });
  });

  it('a custom app reaches only members in its visible range', async () => {
    const e = await enterprise(t);
    const sales = await e.dept(e.root, '销售部');
    const a = await e.bareMember('可见', [sales]);
    const b = await e.bareMember('不可见');
    const app = (await e.owner.post<{ app: { id: string } }>('/api/v1/apps', { name: '销售助手', description: '', visibleRange: { memberIds: [], departmentIds: [sales], tagIds: [] } })).body.app.id;
    const res = await e.owner.post(`/api/v1/apps/${app}/messages`, { recipients: { memberIds: [a, b] }, title: 't', body: 'b', idempotencyKey: 'k' });
    assert.deepEqual(res.body, { delivered: 1, reached: 1, outOfScope: 1 });
    assert.equal(code(await e.owner.patch('/api/v1/apps/approvals', { name: 'x' })), 'app.system_app');
  });
});
