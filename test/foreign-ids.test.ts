import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from './support/db.ts';
import { createTestApp, importForm, type RegisteredClient, type TestApp } from './support/app.ts';
import { enterprise, type Enterprise } from './support/enterprise.ts';
import { tablesOf } from './support/tables.ts';
import { setCategory } from '../src/modules/category/testing/index.ts';

/**
 * Every id in a request is checked against the caller's enterprise (issue 11). Two enterprises, ours
 * and theirs: each route is called by our creator with one of theirs. An id in a body or a query is
 * a 422 `request.unknown_id` naming its place; an id in the path is that route's 404. Either way
 * nothing is written: every table is compared before and after.
 */

type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const UNKNOWN_ID = 'An id in the request names nothing in this enterprise; details.field says which.';
interface Rights {
  departmentIds: string[];
  apps: { appId: string; level: string }[];
  deviceBind: boolean;
  deviceIds: string[];
}
const NO_RIGHTS: Rights = { departmentIds: [], apps: [], deviceBind: false, deviceIds: [] };

describeEachDialect('ids of another enterprise', (use) => {
  let t: TestApp;
  let ours: Enterprise;
  let theirs: Enterprise;
  /** Our integration with the right to report customer-side events (a token right only). */
  let ourEvents: RegisteredClient;
  /** Our ids. */
  const mine = { dept: '', member: '', other: '', admin: '', tag: '', app: '', group: '' };
  /** Their ids. */
  const their = { dept: '', member: '', tag: '', app: '', device: '', group: '', admin: '', link: '', customer: '', customerGroup: '', token: '', message: '', importId: '', creatorAccount: '' };

  const created = async (client: RegisteredClient, method: Method, url: string, body?: unknown): Promise<{ [key: string]: unknown }> => {
    const res = await client.request<{ [key: string]: unknown }>(method, url, body);
    assert.ok(res.status < 300, `${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  before(async () => {
    t = await createTestApp(use());
    ours = await enterprise(t, '我方创建者');
    theirs = await enterprise(t, '对方创建者');
    for (const e of [ours, theirs]) await setCategory(t.deps.db, e.corpId, 'approved', t.clock.now());

    mine.dept = await ours.dept(ours.root, '我方部门');
    mine.member = await ours.bareMember('我方成员', [mine.dept]);
    mine.other = (await ours.member('我方同事', [mine.dept])).memberId;
    mine.admin = (await ours.member('我方分级', [mine.dept])).memberId;
    mine.tag = String((await created(ours.owner, 'POST', '/api/v1/contacts/tags', { name: '我方标签' })).id);
    mine.app = String(((await created(ours.owner, 'POST', '/api/v1/apps', { name: '我方应用', description: '', visibleRange: { memberIds: [], departmentIds: [ours.root], tagIds: [] } })).app as { id: string }).id);
    mine.group = String((await created(ours.owner, 'POST', '/api/v1/admin-groups', { name: '我方管理组', rights: NO_RIGHTS })).id);
    await created(ours.owner, 'POST', '/api/v1/admins/hierarchical', { memberId: mine.admin, rights: { ...NO_RIGHTS, departmentIds: [mine.dept] } });

    their.dept = await theirs.dept(theirs.root, '对方部门');
    const theirMember = await theirs.member('对方成员', [their.dept]);
    their.member = theirMember.memberId;
    their.admin = (await theirs.member('对方分级', [their.dept])).memberId;
    their.tag = String((await created(theirs.owner, 'POST', '/api/v1/contacts/tags', { name: '对方标签' })).id);
    their.app = String(((await created(theirs.owner, 'POST', '/api/v1/apps', { name: '对方应用', description: '', visibleRange: { memberIds: [], departmentIds: [theirs.root], tagIds: [] } })).app as { id: string }).id);
    their.device = String((await created(theirs.owner, 'POST', '/api/v1/devices', { name: '对方考勤机', serial: 'SN-THEIRS-1', model: 'K1' })).id);
    their.group = String((await created(theirs.owner, 'POST', '/api/v1/admin-groups', { name: '对方管理组', rights: NO_RIGHTS })).id);
    await created(theirs.owner, 'POST', '/api/v1/admins/hierarchical', { memberId: their.admin, rights: NO_RIGHTS });
    their.link = String((await created(theirs.owner, 'POST', '/api/v1/acquisition/links', { name: '对方链接', memberIds: [their.member] })).id);
    their.customer = String((await created(theirMember.client, 'POST', '/api/v1/customers/friends', { externalId: 'wx-their-customer', name: '对方客户' })).id);
    their.customerGroup = String((await created(theirMember.client, 'POST', '/api/v1/customer-groups', { name: '对方客户群' })).id);
    const token = async (e: Enterprise) => {
      const client = t.client() as RegisteredClient;
      client.bearer = String((await created(e.owner, 'POST', '/api/v1/api-tokens', { name: '客户事件', rights: ['customers.events'] })).secret);
      return client;
    };
    await created(await token(theirs), 'POST', `/api/v1/customer-groups/${their.customerGroup}/customers`, { externalId: 'wx-their-customer', name: '对方客户' });
    ourEvents = await token(ours);
    // A token notes its first use (then once a minute at most): used once here, so that the refusals
    // below are the only thing that could write.
    assert.equal((await ourEvents.get('/api/v1/customer-groups')).status, 403);
    their.token = String(((await created(theirs.owner, 'POST', '/api/v1/api-tokens', { name: '对方令牌', rights: ['contacts.read'] })).token as { id: string }).id);
    await created(theirs.owner, 'POST', `/api/v1/apps/${their.app}/messages`, { recipients: { memberIds: [their.member] }, title: '通知', body: '对方的消息', idempotencyKey: 'their-message' });
    await t.deps.outbox.drain();
    their.message = (await tablesOf(t.deps.db).selectFrom('inbox_messages').select('id').where('corp_id', '=', theirs.corpId).executeTakeFirstOrThrow()).id;
    const upload = await theirs.owner.postForm<{ id: string }>('/api/v1/contacts/imports', importForm('members', 'csv', '姓名,账号,部门\r\n'));
    their.importId = upload.body.id;
    await t.deps.jobs.runDue();
    their.creatorAccount = theirs.owner.me.account.id;
  });
  after(() => t.close());

  /**
   * Every row of every table, to show that a refused request wrote nothing anywhere. The one row a
   * refusal may leave is its own record in the audit log (outcome `refused`: refused admin changes
   * are audited), which is left out here.
   */
  async function everything(): Promise<Map<string, string>> {
    const db = tablesOf(t.deps.db);
    const dump = new Map<string, string>();
    for (const table of [...t.deps.registry.tables.keys()].sort()) {
      const all: Record<string, unknown>[] = await db.selectFrom(table as 'members').selectAll().execute();
      const rows = table === 'audit_log' ? all.filter((r) => r.outcome !== 'refused') : all;
      dump.set(table, JSON.stringify(rows.map((r) => JSON.stringify(r)).sort()));
    }
    return dump;
  }
  const changedTables = (before: Map<string, string>, after: Map<string, string>) => [...before.keys()].filter((table) => before.get(table) !== after.get(table));

  async function refused(method: Method, url: string, body: unknown, expected: { status: number; code: string; details?: Record<string, unknown> }, caller: RegisteredClient = ours.owner) {
    const before = await everything();
    const res = await caller.request<ErrorBody>(method, url, body);
    const what = `${method} ${url} ${JSON.stringify(body) ?? ''}`;
    assert.equal(res.status, expected.status, `${what}: ${JSON.stringify(res.body)}`);
    assert.equal(res.body.error.code, expected.code, what);
    if (expected.details) assert.deepEqual(res.body.error.details, expected.details, what);
    assert.deepEqual(changedTables(before, await everything()), [], `${what} wrote to these tables`);
    return res.body;
  }

  /** A body or query naming their id: 422 with the field's path. */
  const unknown = async (method: Method, url: string, body: unknown, field: string, id: string, where: 'body' | 'querystring' = 'body') => {
    const res = await refused(method, url, body, { status: 422, code: 'request.unknown_id', details: { in: where, field, id } });
    assert.equal(res.error.message, UNKNOWN_ID);
  };

  it('apps: a visible range or a message naming their members, departments or tags', async () => {
    const range = (part: Partial<Record<'memberIds' | 'departmentIds' | 'tagIds', string[]>>) => ({ memberIds: [], departmentIds: [], tagIds: [], ...part });
    const app = (visibleRange: unknown) => ({ name: '新应用', description: '', visibleRange });
    await unknown('POST', '/api/v1/apps', app(range({ memberIds: [mine.member, their.member] })), '/visibleRange/memberIds/1', their.member);
    await unknown('POST', '/api/v1/apps', app(range({ departmentIds: [their.dept] })), '/visibleRange/departmentIds/0', their.dept);
    await unknown('POST', '/api/v1/apps', app(range({ tagIds: [mine.tag, their.tag] })), '/visibleRange/tagIds/1', their.tag);
    await unknown('POST', '/api/v1/apps', app(range({ memberIds: ['mem_01J00000000000000000000000'] })), '/visibleRange/memberIds/0', 'mem_01J00000000000000000000000');
    await unknown('PATCH', `/api/v1/apps/${mine.app}`, { visibleRange: range({ departmentIds: [mine.dept, their.dept] }) }, '/visibleRange/departmentIds/1', their.dept);
    const message = (recipients: unknown) => ({ recipients, title: '通知', body: '内容', idempotencyKey: `k-${Math.random()}` });
    await unknown('POST', `/api/v1/apps/${mine.app}/messages`, message({ memberIds: [their.member] }), '/recipients/memberIds/0', their.member);
    await unknown('POST', `/api/v1/apps/${mine.app}/messages`, message({ departmentIds: [their.dept] }), '/recipients/departmentIds/0', their.dept);
    await unknown('POST', '/api/v1/apps/approvals/messages', message({ tagIds: [their.tag] }), '/recipients/tagIds/0', their.tag);
  });

  it('contacts: a department filter, a parent, department heads, member departments and tag holders of theirs', async () => {
    await unknown('GET', `/api/v1/contacts/members?departmentId=${their.dept}`, undefined, '/departmentId', their.dept, 'querystring');
    await unknown('GET', `/api/v1/contacts/members?departmentId=${their.dept}&includeSub=true`, undefined, '/departmentId', their.dept, 'querystring');
    await unknown('POST', '/api/v1/contacts/departments', { parentId: their.dept, name: '新部门' }, '/parentId', their.dept);
    await unknown('POST', `/api/v1/contacts/departments/${mine.dept}/move`, { parentId: their.dept }, '/parentId', their.dept);
    await unknown('PUT', `/api/v1/contacts/departments/${mine.dept}/heads`, { memberIds: [mine.member, their.member] }, '/memberIds/1', their.member);
    await unknown('POST', '/api/v1/contacts/members', { name: '新人', userid: 'newcomer', departmentIds: [mine.dept, their.dept] }, '/departmentIds/1', their.dept);
    await unknown('POST', '/api/v1/contacts/members', { name: '新人', userid: 'newcomer', departmentIds: [mine.dept], mainDepartmentId: their.dept }, '/mainDepartmentId', their.dept);
    await unknown('PATCH', `/api/v1/contacts/members/${mine.member}`, { departmentIds: [their.dept] }, '/departmentIds/0', their.dept);
    await unknown('PATCH', `/api/v1/contacts/members/${mine.member}`, { mainDepartmentId: their.dept }, '/mainDepartmentId', their.dept);
    await unknown('POST', `/api/v1/contacts/tags/${mine.tag}/holders`, { add: { memberIds: [mine.member, their.member] } }, '/add/memberIds/1', their.member);
    await unknown('POST', `/api/v1/contacts/tags/${mine.tag}/holders`, { add: { departmentIds: [their.dept] } }, '/add/departmentIds/0', their.dept);
    await unknown('POST', `/api/v1/contacts/tags/${mine.tag}/holders`, { remove: { memberIds: [their.member] } }, '/remove/memberIds/0', their.member);
    await unknown('POST', `/api/v1/contacts/tags/${mine.tag}/holders`, { remove: { departmentIds: [their.dept] } }, '/remove/departmentIds/0', their.dept);
  });

  it("admins: rights on their departments, apps or devices; their members; their groups", async () => {
    const rights = (part: Partial<Rights>): Rights => ({ ...NO_RIGHTS, ...part });
    await unknown('POST', '/api/v1/admin-groups', { name: '新组', rights: rights({ departmentIds: [their.dept] }) }, '/rights/departmentIds/0', their.dept);
    await unknown('POST', '/api/v1/admin-groups', { name: '新组', rights: rights({ apps: [{ appId: 'approvals', level: 'send' }, { appId: their.app, level: 'send' }] }) }, '/rights/apps/1/appId', their.app);
    await unknown('POST', '/api/v1/admin-groups', { name: '新组', rights: rights({ deviceIds: [their.device] }) }, '/rights/deviceIds/0', their.device);
    await unknown('PATCH', `/api/v1/admin-groups/${mine.group}`, { name: '改名', rights: rights({ departmentIds: [mine.dept, their.dept] }) }, '/rights/departmentIds/1', their.dept);
    await unknown('POST', '/api/v1/admins/hierarchical', { memberId: their.member }, '/memberId', their.member);
    await unknown('POST', '/api/v1/admins/hierarchical', { memberId: mine.other, groupId: their.group }, '/groupId', their.group);
    await unknown('POST', '/api/v1/admins/hierarchical', { memberId: mine.other, rights: rights({ deviceIds: [their.device] }) }, '/rights/deviceIds/0', their.device);
    await unknown('PATCH', `/api/v1/admins/hierarchical/${mine.admin}`, { groupId: their.group }, '/groupId', their.group);
    await unknown('PATCH', `/api/v1/admins/hierarchical/${mine.admin}`, { rights: rights({ apps: [{ appId: their.app, level: 'manage' }] }) }, '/rights/apps/0/appId', their.app);
    await unknown('POST', '/api/v1/admins/super', { memberId: their.member }, '/memberId', their.member);
    await unknown('POST', '/api/v1/admins/creator/transfer', { memberId: their.member }, '/memberId', their.member);
  });

  it('acquisition: a link for their members', async () => {
    await unknown('POST', '/api/v1/acquisition/links', { name: '新链接', memberIds: [mine.member, their.member] }, '/memberIds/1', their.member);
  });

  it('their ids in a path are not found, whatever the route, and nothing is written', async () => {
    const notFound = (method: Method, url: string, body: unknown, code: string, caller?: RegisteredClient) => refused(method, url, body, { status: 404, code }, caller);
    // Contacts.
    await notFound('PATCH', `/api/v1/contacts/departments/${their.dept}`, { name: '改名' }, 'directory.department_not_found');
    await notFound('POST', `/api/v1/contacts/departments/${their.dept}/move`, { parentId: mine.dept }, 'directory.department_not_found');
    await notFound('DELETE', `/api/v1/contacts/departments/${their.dept}`, undefined, 'directory.department_not_found');
    await notFound('PUT', `/api/v1/contacts/departments/${their.dept}/heads`, { memberIds: [] }, 'directory.department_not_found');
    await notFound('GET', `/api/v1/contacts/members/${their.member}`, undefined, 'directory.member_not_found');
    await notFound('PATCH', `/api/v1/contacts/members/${their.member}`, { name: '改名' }, 'directory.member_not_found');
    await notFound('POST', `/api/v1/contacts/members/${their.member}/status`, { status: 'disabled' }, 'directory.member_not_found');
    await notFound('POST', `/api/v1/contacts/members/${their.member}/depart`, undefined, 'directory.member_not_found');
    await notFound('DELETE', `/api/v1/contacts/members/${their.member}`, undefined, 'directory.member_not_found');
    await notFound('PATCH', `/api/v1/contacts/tags/${their.tag}`, { name: '改名' }, 'directory.tag_not_found');
    await notFound('DELETE', `/api/v1/contacts/tags/${their.tag}`, undefined, 'directory.tag_not_found');
    await notFound('GET', `/api/v1/contacts/tags/${their.tag}/holders`, undefined, 'directory.tag_not_found');
    await notFound('POST', `/api/v1/contacts/tags/${their.tag}/holders`, { add: { memberIds: [mine.member] } }, 'directory.tag_not_found');
    await notFound('GET', `/api/v1/contacts/imports/${their.importId}`, undefined, 'directory.import_not_found');
    // Apps and devices.
    await notFound('PATCH', `/api/v1/apps/${their.app}`, { name: '改名' }, 'app.not_found');
    await notFound('POST', `/api/v1/apps/${their.app}/secret`, undefined, 'app.not_found');
    await notFound('DELETE', `/api/v1/apps/${their.app}`, undefined, 'app.not_found');
    await notFound('POST', `/api/v1/apps/${their.app}/messages`, { recipients: { memberIds: [mine.member] }, title: '通知', body: '内容', idempotencyKey: 'foreign-app' }, 'app.not_found');
    await notFound('PATCH', `/api/v1/devices/${their.device}`, { name: '改名' }, 'device.not_found');
    await notFound('DELETE', `/api/v1/devices/${their.device}`, undefined, 'device.not_found');
    // Admins.
    await notFound('PATCH', `/api/v1/admin-groups/${their.group}`, { name: '改名' }, 'admin.group_not_found');
    await notFound('DELETE', `/api/v1/admin-groups/${their.group}`, undefined, 'admin.group_not_found');
    await notFound('PATCH', `/api/v1/admins/hierarchical/${their.admin}`, { rights: NO_RIGHTS }, 'admin.not_hierarchical_admin');
    await notFound('DELETE', `/api/v1/admins/hierarchical/${their.admin}`, undefined, 'admin.not_hierarchical_admin');
    await notFound('DELETE', `/api/v1/admins/super/${their.creatorAccount}`, undefined, 'not_found');
    // Tokens, inbox, category owners.
    await notFound('DELETE', `/api/v1/api-tokens/${their.token}`, undefined, 'not_found');
    await notFound('POST', `/api/v1/inbox/${their.message}/read`, undefined, 'not_found');
    await notFound('PUT', `/api/v1/category/owners/${their.member}`, undefined, 'not_found');
    await notFound('DELETE', `/api/v1/category/owners/${their.member}`, undefined, 'not_found');
    await notFound('GET', `/api/v1/category/external-profile/${their.member}`, undefined, 'not_found');
    // Customers and acquisition.
    await notFound('DELETE', `/api/v1/customers/friends/${their.customer}`, undefined, 'customers.not_friend');
    await notFound('POST', `/api/v1/customers/${their.customer}/members/${their.member}/events`, { event: 'deleted_member' }, 'customers.not_friend', ourEvents);
    await notFound('POST', `/api/v1/customers/${their.customer}/members/${mine.member}/events`, { event: 'added_back' }, 'customers.not_friend', ourEvents);
    await notFound('POST', `/api/v1/customer-groups/${their.customerGroup}/customers`, { externalId: 'wx-our-side', name: '我方客户' }, 'not_found', ourEvents);
    await notFound('DELETE', `/api/v1/customer-groups/${their.customerGroup}/customers/${their.customer}`, undefined, 'not_found', ourEvents);
    await notFound('DELETE', `/api/v1/customer-groups/${their.customerGroup}`, undefined, 'not_found', ourEvents);
    await notFound('DELETE', `/api/v1/acquisition/links/${their.link}`, undefined, 'not_found');
    await notFound('PUT', `/api/v1/features/security/seats/${their.member}`, undefined, 'not_found');
  });
});
