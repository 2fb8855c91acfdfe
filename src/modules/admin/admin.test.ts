import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type Me, type RegisteredClient, type TestApp } from '../../../test/support/app.ts';
import { insertMember } from '../directory/index.ts';
import { enterprise as makeEnterprise, newAccount, signedIn } from '../../../test/support/enterprise.ts';
import { tablesOf } from '../../../test/support/tables.ts';

interface Overview {
  creator: { accountId: string; name: string; memberId: string | null };
  superAdmins: { accountId: string; kind: string; memberId: string | null }[];
  superGroup: { name: string; accountIds: string[] };
  groups: { id: string; name: string; memberIds: string[]; rights: Rights }[];
  admins: { memberId: string; groupId: string | null; rights: Rights; effective: Rights }[];
}
interface Rights {
  departmentIds: string[];
  apps: { appId: string; level: 'send' | 'manage' }[];
  deviceBind: boolean;
  deviceIds: string[];
}
const rights = (r: Partial<Rights>): Rights => ({ departmentIds: [], apps: [], deviceBind: false, deviceIds: [], ...r });
const code = (res: { body: unknown }) => (res.body as { error?: { code: string } }).error?.code;

describeEachDialect('权限管理 (admins)', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  async function enterprise() {
    const e = await makeEnterprise(t);
    const overview = async (client: RegisteredClient = e.owner) => (await client.get<Overview>('/api/v1/admins')).body;
    return { ...e, overview };
  }

  it('seed rule 创建人 a) b): the registering account is the one creator and holds every right', async () => {
    const e = await enterprise();
    const o = await e.overview();
    assert.equal(o.creator.accountId, e.owner.me.account.id);
    assert.deepEqual(o.superGroup.accountIds, [e.owner.me.account.id]);
    for (const url of ['/api/v1/admins', '/api/v1/api-tokens', '/api/v1/devices', '/api/v1/apps']) assert.equal((await e.owner.get(url)).status, 200, url);
    const grantable = await e.owner.get<{ all: boolean; departments: { id: string }[] }>('/api/v1/admins/grantable');
    assert.equal(grantable.body.all, true);
    assert.deepEqual(grantable.body.departments.map((d) => d.id), [e.root]);
  });

  it('seed rule 创建人 c): the creator can be transferred but not deleted; the former creator stays a super admin', async () => {
    const e = await enterprise();
    const b = await e.member('接任者');
    assert.equal(code(await e.owner.delete(`/api/v1/admins/super/${e.owner.me.account.id}`)), 'admin.creator_cannot_be_removed');
    // Only the creator transfers: a super admin cannot.
    await e.owner.post('/api/v1/admins/super', { memberId: b.memberId });
    assert.equal(code(await b.client.post('/api/v1/admins/creator/transfer', { memberId: b.memberId })), 'admin.creator_only');
    const res = await e.owner.post('/api/v1/admins/creator/transfer', { memberId: b.memberId });
    assert.equal(res.status, 204);
    const o = await e.overview(b.client);
    assert.equal(o.creator.accountId, b.accountId);
    assert.deepEqual(
      o.superAdmins.map((s) => ({ accountId: s.accountId, kind: s.kind })),
      [{ accountId: e.owner.me.account.id, kind: 'internal' }],
    );
    const counts = await tablesOf(t.deps.db).selectFrom('accounts').select(['id', 'created_corps']).where('id', 'in', [e.owner.me.account.id, b.accountId]).execute();
    assert.deepEqual(Object.fromEntries(counts.map((c) => [c.id, c.created_corps])), { [e.owner.me.account.id]: 0, [b.accountId]: 1 });
    // The old creator, now a super admin, can no longer transfer.
    assert.equal(code(await e.owner.post('/api/v1/admins/creator/transfer', { memberId: b.memberId })), 'admin.creator_only');
  });

  it('seed rule 创建人 d): the creator role cannot go to an account already creator of 5 enterprises', async () => {
    const e = await enterprise();
    const b = await e.member('五家创建者');
    for (let i = 1; i <= 5; i++) assert.equal((await b.client.post('/api/v1/corps', { name: `别家企业${i}号`, shortName: `别${i}`, industry: 'general' })).status, 201);
    await b.client.put('/api/v1/me/current-corp', { corpId: e.corpId });
    const res = await e.owner.post('/api/v1/admins/creator/transfer', { memberId: b.memberId });
    assert.equal(res.status, 409);
    assert.equal(code(res), 'corp.creator_limit');
    assert.equal((await e.overview()).creator.accountId, e.owner.me.account.id);
  });

  it('seed rule 创建人 c): transfer only to an active member with an account', async () => {
    const e = await enterprise();
    const noAccount = await t.deps.db.transaction().execute((trx) => insertMember({ corpId: e.corpId, trx, now: t.clock.now() }, { name: '无账号', userid: `noacct${e.corpId.slice(-6)}`, departmentIds: [e.root], mainDepartmentId: e.root }));
    assert.equal(code(await e.owner.post('/api/v1/admins/creator/transfer', { memberId: noAccount })), 'admin.transfer_target_invalid');
    const b = await e.member('离职者');
    await tablesOf(t.deps.db).updateTable('members').set({ status: 'departed' }).where('corp_id', '=', e.corpId).where('id', '=', b.memberId).execute();
    assert.equal(code(await e.owner.post('/api/v1/admins/creator/transfer', { memberId: b.memberId })), 'admin.transfer_target_invalid');
  });

  it('seed rule 超级管理员 a) d): super admins, any number, hold every right and can be removed', async () => {
    const e = await enterprise();
    const a = await e.member('超管甲');
    const b = await e.member('超管乙');
    assert.equal((await a.client.get('/api/v1/admins')).status, 403);
    assert.equal((await e.owner.post('/api/v1/admins/super', { memberId: a.memberId })).status, 204);
    assert.equal((await a.client.post('/api/v1/admins/super', { memberId: b.memberId })).status, 204);
    assert.equal((await a.client.get('/api/v1/api-tokens')).status, 200);
    assert.equal((await b.client.post('/api/v1/admin-groups', { name: '组', rights: rights({}) })).status, 201);
    assert.equal((await a.client.delete(`/api/v1/admins/super/${b.accountId}`)).status, 204);
    // The very next request of the removed admin is refused.
    assert.equal((await b.client.get('/api/v1/api-tokens')).status, 403);
    assert.deepEqual((await e.overview()).superGroup.accountIds.length, 2);
  });

  it('seed rule 超级管理员 c): external super admins (代运营) are accounts outside the contacts; only the creator adds or removes them', async () => {
    const e = await enterprise();
    const sup = await e.member('内部超管');
    await e.owner.post('/api/v1/admins/super', { memberId: sup.memberId });
    const outsiderAccount = await newAccount(t, '代运营');
    const outsider = await signedIn(t, outsiderAccount.id, null);
    assert.equal(code(await sup.client.post('/api/v1/admins/external', { loginName: outsider.me.account.loginName })), 'admin.creator_only');
    assert.equal(code(await e.owner.post('/api/v1/admins/external', { loginName: sup.client.me.account.loginName })), 'admin.already_super_admin');
    const added = await e.owner.post<{ accountId: string }>('/api/v1/admins/external', { loginName: outsider.me.account.loginName });
    assert.equal(added.status, 201);
    // It enters the enterprise without being in the contacts and holds every right there.
    const entered = await outsider.put<{ me: Me }>('/api/v1/me/current-corp', { corpId: e.corpId });
    assert.equal(entered.status, 200);
    assert.deepEqual(entered.body.me.roles, { creator: false, superAdmin: true, hierarchicalAdmin: false });
    assert.equal(entered.body.me.member, null);
    assert.equal((await outsider.get('/api/v1/api-tokens')).status, 200);
    assert.equal(code(await sup.client.delete(`/api/v1/admins/super/${outsider.me.account.id}`)), 'admin.creator_only');
    assert.equal((await e.owner.delete(`/api/v1/admins/super/${outsider.me.account.id}`)).status, 204);
    assert.equal((await outsider.get('/api/v1/api-tokens')).status, 403);
  });

  it('seed rule 管理组 b): the creator and super admins belong only to the super-admin group', async () => {
    const e = await enterprise();
    const a = await e.member('超管');
    const h = await e.member('分管');
    await e.owner.post('/api/v1/admins/hierarchical', { memberId: h.memberId });
    await e.owner.post('/api/v1/admins/super', { memberId: a.memberId });
    assert.equal(code(await e.owner.post('/api/v1/admins/hierarchical', { memberId: a.memberId })), 'admin.already_super_admin');
    assert.equal(code(await e.owner.post('/api/v1/admins/hierarchical', { memberId: (await e.overview()).creator.memberId })), 'admin.already_super_admin');
    // A hierarchical admin made super admin leaves its hierarchical role and group.
    await e.owner.post('/api/v1/admins/super', { memberId: h.memberId });
    const o = await e.overview();
    assert.deepEqual(o.admins, []);
    assert.equal(o.superGroup.name, '超级管理组');
    assert.deepEqual([...o.superGroup.accountIds].sort(), [e.owner.me.account.id, a.accountId, h.accountId].sort());
  });

  it('seed rule 分级管理员 c): a hierarchical admin holds only the rights given: contacts over department subtrees', async () => {
    const e = await enterprise();
    const sales = await e.dept(e.root, '销售部');
    const east = await e.dept(sales, '华东');
    const rnd = await e.dept(e.root, '研发部');
    const h = await e.member('分管销售');
    assert.equal((await h.client.get<{ me: Me }>('/api/v1/me')).body.me.roles.hierarchicalAdmin, false);
    await e.owner.post('/api/v1/admins/hierarchical', { memberId: h.memberId, rights: rights({ departmentIds: [sales] }) });
    // The console shows the admin pages to any admin; /me says so.
    assert.deepEqual((await h.client.get<{ me: Me }>('/api/v1/me')).body.me.roles, { creator: false, superAdmin: false, hierarchicalAdmin: true });
    const grantable = await h.client.get<{ all: boolean; canGrant: boolean; departments: { id: string }[] }>('/api/v1/admins/grantable');
    // Outside every group it cannot grant, so its editor offers nothing.
    assert.deepEqual({ all: grantable.body.all, canGrant: grantable.body.canGrant, departments: grantable.body.departments }, { all: false, canGrant: false, departments: [] });
    assert.equal((await h.client.get('/api/v1/api-tokens')).status, 403);
    assert.equal((await h.client.post('/api/v1/admin-groups', { name: 'x', rights: rights({}) })).status, 403);
    // The scope is the subtree: 销售部 and 华东, not 研发部 or the root.
    const { contactsScope } = await import('../../platform/policy/index.ts');
    const scope = await contactsScope({ corpId: e.corpId, actor: { kind: 'member', id: h.memberId, name: 'h', accountId: h.accountId }, trx: t.deps.db, now: t.clock.now(), log: t.deps.log, registry: t.deps.registry });
    const paths = await tablesOf(t.deps.db).selectFrom('departments').select(['id', 'path']).where('corp_id', '=', e.corpId).execute();
    const pathOf = new Map(paths.map((p) => [p.id, p.path]));
    assert.deepEqual(scope, { kind: 'departments', paths: [pathOf.get(sales)] });
    const { authorizeDepartments } = await import('../../platform/policy/index.ts');
    const ctx = { corpId: e.corpId, actor: { kind: 'member' as const, id: h.memberId, name: 'h', accountId: h.accountId }, trx: t.deps.db, now: t.clock.now(), log: t.deps.log, registry: t.deps.registry };
    await authorizeDepartments(ctx, [pathOf.get(sales)!, pathOf.get(east)!]);
    for (const outside of [rnd, e.root]) await assert.rejects(authorizeDepartments(ctx, [pathOf.get(east)!, pathOf.get(outside)!]), { code: 'forbidden' });
  });

  it('seed rule 通讯录权限 a): the creator and super admins govern all the contacts; members who are not admins govern none', async () => {
    const e = await enterprise();
    const sup = await e.member('超管');
    const plain = await e.member('普通成员');
    await e.owner.post('/api/v1/admins/super', { memberId: sup.memberId });
    const { contactsScope } = await import('../../platform/policy/index.ts');
    const scopeOf = (memberId: string, accountId: string) => contactsScope({ corpId: e.corpId, actor: { kind: 'member', id: memberId, name: 'x', accountId }, trx: t.deps.db, now: t.clock.now(), log: t.deps.log, registry: t.deps.registry });
    const creatorMember = (await e.overview()).creator.memberId!;
    assert.deepEqual(await scopeOf(creatorMember, e.owner.me.account.id), { kind: 'all' });
    assert.deepEqual(await scopeOf(sup.memberId, sup.accountId), { kind: 'all' });
    assert.deepEqual(await scopeOf(plain.memberId, plain.accountId), { kind: 'none' });
  });

  it('seed rule 管理组 a): changing a group\'s rights changes every member\'s at once; an admin is in at most one group', async () => {
    const e = await enterprise();
    const sales = await e.dept(e.root, '销售部');
    const rnd = await e.dept(e.root, '研发部');
    const a = await e.member('组员甲');
    const b = await e.member('组员乙');
    const g1 = (await e.owner.post<{ id: string }>('/api/v1/admin-groups', { name: '销售管理组', rights: rights({ departmentIds: [sales], apps: [{ appId: 'approvals', level: 'send' }] }) })).body.id;
    const g2 = (await e.owner.post<{ id: string }>('/api/v1/admin-groups', { name: '研发管理组', rights: rights({ departmentIds: [rnd] }) })).body.id;
    await e.owner.post('/api/v1/admins/hierarchical', { memberId: a.memberId, groupId: g1 });
    await e.owner.post('/api/v1/admins/hierarchical', { memberId: b.memberId, groupId: g1 });
    await e.owner.patch(`/api/v1/admin-groups/${g1}`, { rights: rights({ departmentIds: [rnd], apps: [{ appId: 'attendance', level: 'manage' }] }) });
    let o = await e.overview();
    for (const admin of o.admins) assert.deepEqual(admin.effective, rights({ departmentIds: [rnd], apps: [{ appId: 'attendance', level: 'manage' }] }));
    // Moving to another group leaves the first: one seat only.
    await e.owner.patch(`/api/v1/admins/hierarchical/${a.memberId}`, { groupId: g2 });
    o = await e.overview();
    assert.deepEqual(o.groups.map((g) => [g.name, g.memberIds]), [
      ['销售管理组', [b.memberId]],
      ['研发管理组', [a.memberId]],
    ]);
  });

  it('seed rule 分级管理员 b): an admin in a group may give other admins part of its own contacts and app rights, never more', async () => {
    const e = await enterprise();
    const sales = await e.dept(e.root, '销售部');
    const east = await e.dept(sales, '华东');
    const rnd = await e.dept(e.root, '研发部');
    const a = await e.member('组内分管');
    const b = await e.member('被授权者');
    const g = (await e.owner.post<{ id: string }>('/api/v1/admin-groups', { name: '销售组', rights: rights({ departmentIds: [sales], apps: [{ appId: 'approvals', level: 'send' }], deviceBind: true }) })).body.id;
    await e.owner.post('/api/v1/admins/hierarchical', { memberId: a.memberId, groupId: g });
    const grantable = await a.client.get<{ canGrant: boolean; departments: { id: string }[]; apps: { appId: string; level: string }[]; deviceBind: boolean }>('/api/v1/admins/grantable');
    assert.equal(grantable.body.canGrant, true);
    assert.deepEqual(grantable.body.departments.map((d) => d.id).sort(), [sales, east].sort());
    assert.deepEqual(grantable.body.apps.map((x) => [x.appId, x.level]), [['approvals', 'send']]);
    assert.equal(grantable.body.deviceBind, false);
    // Part of its rights: yes.
    assert.equal((await a.client.post('/api/v1/admins/hierarchical', { memberId: b.memberId, rights: rights({ departmentIds: [east], apps: [{ appId: 'approvals', level: 'send' }] }) })).status, 204);
    // More than it holds: a department outside, manage where it has send, devices, a group seat.
    for (const r of [rights({ departmentIds: [rnd] }), rights({ departmentIds: [e.root] }), rights({ apps: [{ appId: 'approvals', level: 'manage' }] }), rights({ apps: [{ appId: 'attendance', level: 'send' }] }), rights({ deviceBind: true })]) {
      const res = await a.client.patch(`/api/v1/admins/hierarchical/${b.memberId}`, { rights: r });
      assert.equal(code(res), 'admin.exceeds_own_rights', JSON.stringify(r));
    }
    assert.equal((await a.client.patch(`/api/v1/admins/hierarchical/${b.memberId}`, { groupId: g })).status, 403);
    assert.equal(code(await a.client.patch(`/api/v1/admins/hierarchical/${a.memberId}`, { rights: rights({}) })), 'admin.cannot_edit_self');
    const o = await e.overview();
    assert.deepEqual(o.admins.find((x) => x.memberId === b.memberId)!.rights, rights({ departmentIds: [east], apps: [{ appId: 'approvals', level: 'send' }] }));
  });

  it('seed rule 分级管理员 c): a delegating admin changes only what it governs; rights it does not hold stay untouched', async () => {
    const e = await enterprise();
    const sales = await e.dept(e.root, '销售部');
    const rnd = await e.dept(e.root, '研发部');
    const a = await e.member('组内分管');
    const b = await e.member('双重授权者');
    const g = (await e.owner.post<{ id: string }>('/api/v1/admin-groups', { name: '销售组', rights: rights({ departmentIds: [sales], apps: [{ appId: 'approvals', level: 'send' }] }) })).body.id;
    await e.owner.post('/api/v1/admins/hierarchical', { memberId: a.memberId, groupId: g });
    await e.owner.post('/api/v1/admins/hierarchical', { memberId: b.memberId, rights: rights({ departmentIds: [sales, rnd], apps: [{ appId: 'approvals', level: 'manage' }], deviceBind: true }) });
    // Emptying what it governs leaves 研发部, approvals-manage and the device right in place.
    assert.equal((await a.client.patch(`/api/v1/admins/hierarchical/${b.memberId}`, { rights: rights({ deviceBind: true }) })).status, 204);
    const o = await e.overview();
    assert.deepEqual(o.admins.find((x) => x.memberId === b.memberId)!.rights, rights({ departmentIds: [rnd], apps: [{ appId: 'approvals', level: 'manage' }], deviceBind: true }));
  });

  it('seed rule 分级管理员 b): an admin outside every group cannot grant', async () => {
    const e = await enterprise();
    const sales = await e.dept(e.root, '销售部');
    const a = await e.member('无组分管');
    const b = await e.member('目标');
    await e.owner.post('/api/v1/admins/hierarchical', { memberId: a.memberId, rights: rights({ departmentIds: [sales] }) });
    assert.equal(code(await a.client.post('/api/v1/admins/hierarchical', { memberId: b.memberId, rights: rights({ departmentIds: [sales] }) })), 'admin.not_in_group');
    assert.equal((await e.overview()).admins.length, 1);
  });

  it('a revoked right is denied on the very next request, also when another process made the change', async () => {
    const e = await enterprise();
    const sales = await e.dept(e.root, '销售部');
    const a = await e.member('将被撤销');
    await e.owner.post('/api/v1/admins/hierarchical', { memberId: a.memberId, rights: rights({ departmentIds: [sales], apps: [{ appId: 'approvals', level: 'send' }] }) });
    assert.equal((await a.client.get('/api/v1/admins')).status, 200);
    const send = () => a.client.post('/api/v1/apps/approvals/messages', { recipients: { memberIds: [] }, title: '通知', body: '内容', idempotencyKey: `k${Math.random()}` });
    assert.equal((await send()).status, 200);
    // Another process revokes: writes the rows and a new stamp directly in the database.
    await tablesOf(t.deps.db).deleteFrom('admin_rights').where('corp_id', '=', e.corpId).where('holder_id', '=', a.memberId).where('kind', '=', 'app').execute();
    await sql`update admin_stamps set stamp = 'other-process' where corp_id = ${e.corpId}`.execute(t.deps.db);
    assert.equal((await send()).status, 403);
    await e.owner.delete(`/api/v1/admins/hierarchical/${a.memberId}`);
    assert.equal((await a.client.get('/api/v1/admins')).status, 403);
  });

  it('deleting a department takes it out of every admin\'s and group\'s rights in the same transaction, one audit row per changed holder', async () => {
    const e = await enterprise();
    const sales = await e.dept(e.root, '销售部');
    const east = await e.dept(sales, '华东');
    const a = await e.member('分管甲');
    const b = await e.member('分管乙');
    const g = (await e.owner.post<{ id: string }>('/api/v1/admin-groups', { name: '销售组', rights: rights({ departmentIds: [sales, east] }) })).body.id;
    const aRights = rights({ departmentIds: [east], apps: [{ appId: 'features', level: 'manage' }] });
    assert.equal((await e.owner.post('/api/v1/admins/hierarchical', { memberId: a.memberId, groupId: g, rights: aRights })).status, 204);
    assert.equal((await e.owner.post('/api/v1/admins/hierarchical', { memberId: b.memberId, rights: rights({ departmentIds: [sales] }) })).status, 204);
    const since = (await e.owner.get<{ items: { id: string }[] }>('/api/v1/audit?limit=1')).body.items[0]!.id;
    // A department that cannot be deleted (it has a child) changes no grant.
    assert.equal(code(await e.owner.delete(`/api/v1/contacts/departments/${sales}`)), 'directory.department_not_empty');
    assert.equal((await e.owner.delete(`/api/v1/contacts/departments/${east}`)).status, 204);
    const o = await e.overview();
    assert.deepEqual(o.groups.map((x) => [x.id, x.rights.departmentIds]), [[g, [sales]]]);
    assert.deepEqual(
      o.admins.map((x) => [x.memberId, x.rights]),
      [
        [a.memberId, rights({ apps: [{ appId: 'features', level: 'manage' }] })],
        [b.memberId, rights({ departmentIds: [sales] })],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    const log = await e.owner.get<{ items: { id: string; action: string; target: { type: string; id: string }; before: unknown; after: unknown }[] }>('/api/v1/audit?action=admin.');
    const fresh = log.body.items.filter((i) => i.id > since).map((i) => [i.action, i.target.type, i.target.id, i.before, i.after]);
    assert.deepEqual(
      fresh.sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
      [
        ['admin.update_group', 'admin_group', g, { rights: { departmentIds: [sales, east].sort() } }, { rights: { departmentIds: [sales] }, reason: { removed: 'department', id: east } }],
        ['admin.update_hierarchical_admin', 'member', a.memberId, { rights: { departmentIds: [east] } }, { rights: { departmentIds: [] }, reason: { removed: 'department', id: east } }],
      ],
    );
    // Re-saving the rights the console shows now succeeds (it failed with the deleted id left in).
    assert.equal((await e.owner.patch(`/api/v1/admins/hierarchical/${a.memberId}`, { rights: o.admins.find((x) => x.memberId === a.memberId)!.rights })).status, 204);
    assert.equal((await e.owner.patch(`/api/v1/admin-groups/${g}`, { rights: o.groups[0]!.rights })).status, 204);
  });

  it('an API token given admins.read reads the admins and nothing more', async () => {
    const e = await enterprise();
    const created = await e.owner.post<{ secret: string }>('/api/v1/api-tokens', { name: '集成', rights: ['admins.read'] });
    assert.equal(created.status, 201);
    const client = t.client();
    client.bearer = created.body.secret;
    const read = await client.get<Overview>('/api/v1/admins');
    assert.equal(read.status, 200);
    assert.equal(read.body.creator.accountId, e.owner.me.account.id);
    assert.equal((await client.get('/api/v1/admins/grantable')).status, 200);
    assert.equal((await client.post('/api/v1/admin-groups', { name: '令牌组', rights: rights({}) })).status, 403);
  });

  it('two creator transfers racing: exactly one wins and the enterprise keeps exactly one creator', async () => {
    const e = await enterprise();
    const b = await e.member('候选甲');
    const c = await e.member('候选乙');
    const results = await Promise.all([b, c].map((m) => e.owner.post('/api/v1/admins/creator/transfer', { memberId: m.memberId })));
    assert.deepEqual(results.map((r) => r.status).sort(), [204, 403]);
    const o = await e.overview();
    assert.ok([b.accountId, c.accountId].includes(o.creator.accountId));
    const slots = await tablesOf(t.deps.db).selectFrom('accounts').select(['id', 'created_corps']).where('id', 'in', [e.owner.me.account.id, b.accountId, c.accountId]).execute();
    assert.deepEqual(slots.map((s) => s.created_corps).sort(), [0, 0, 1]);
  });

  it('admin changes are audited', async () => {
    const e = await enterprise();
    const a = await e.member('审计对象');
    await e.owner.post('/api/v1/admins/super', { memberId: a.memberId });
    const log = await e.owner.get<{ items: { action: string; target: { id: string } }[] }>('/api/v1/audit?action=admin.');
    assert.deepEqual(log.body.items.map((i) => [i.action, i.target.id]), [['admin.add_super_admin', a.memberId]]);
  });
});
