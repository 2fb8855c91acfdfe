import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type Client, type TestApp } from '../../../test/support/app.ts';
import { enterprise } from '../../../test/support/enterprise.ts';
import { tablesOf } from '../../../test/support/tables.ts';
import { rights } from './testing/index.ts';

/**
 * Who may act on an admin's member record, and what leaving the contacts takes away, over HTTP
 * through the real contacts routes (depart, delete, disable, edit).
 * Seed: 分级管理员只能管辖或设置其拥有的对应权限; super admins hold 最高管理权限;
 * 超级管理员 b) 当成员在通讯录被删除后，其超级管理员身份也将被删除; 离职 takes every admin role.
 */

const code = (res: { body: unknown }) => (res.body as { error?: { code: string } }).error?.code;

/** Every change a refused command could have made: the member rows, every admin table, the audit log. */
async function state(t: TestApp, corpId: string) {
  const db = tablesOf(t.deps.db);
  return {
    members: await db.selectFrom('members').selectAll().where('corp_id', '=', corpId).orderBy('id').execute(),
    memberDepartments: await db.selectFrom('member_departments').selectAll().where('corp_id', '=', corpId).orderBy('member_id').orderBy('department_id').execute(),
    superAdmins: await db.selectFrom('super_admins').selectAll().where('corp_id', '=', corpId).orderBy('account_id').execute(),
    admins: await db.selectFrom('hierarchical_admins').selectAll().where('corp_id', '=', corpId).orderBy('member_id').execute(),
    rights: await db.selectFrom('admin_rights').selectAll().where('corp_id', '=', corpId).orderBy('holder_id').orderBy('kind').orderBy('target_id').execute(),
    audit: await db.selectFrom('audit_log').select(['id', 'action']).where('corp_id', '=', corpId).orderBy('id').execute(),
  };
}

/** The four ways to act on a member's record, as the console calls them. */
const actions = {
  depart: (c: Client, id: string) => c.post(`/api/v1/contacts/members/${id}/depart`),
  delete: (c: Client, id: string) => c.delete(`/api/v1/contacts/members/${id}`),
  disable: (c: Client, id: string) => c.post(`/api/v1/contacts/members/${id}/status`, { status: 'disabled' }),
  edit: (c: Client, id: string) => c.patch(`/api/v1/contacts/members/${id}`, { position: '被改过' }),
};

describeEachDialect('acting on admins through the contacts', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  /**
   * An enterprise where 分管 (a hierarchical admin over 销售部) sees in its scope: a super admin, the
   * creator (moved to 销售部), a wider admin (销售部 plus an app right 分管 lacks) and a narrower one
   * (华东 only, inside 销售部).
   */
  async function world() {
    const e = await enterprise(t);
    const sales = await e.dept(e.root, '销售部');
    const east = await e.dept(sales, '华东');
    const h = await e.member('分管', [sales]);
    const s = await e.member('超管', [sales]);
    const w = await e.member('宽管', [east]);
    const n = await e.member('窄管', [east]);
    assert.equal((await e.owner.post('/api/v1/admins/super', { memberId: s.memberId })).status, 204);
    assert.equal((await e.owner.post('/api/v1/admins/hierarchical', { memberId: h.memberId, rights: rights({ departmentIds: [sales] }) })).status, 204);
    assert.equal((await e.owner.post('/api/v1/admins/hierarchical', { memberId: w.memberId, rights: rights({ departmentIds: [sales], apps: [{ appId: 'features', level: 'manage' }] }) })).status, 204);
    assert.equal((await e.owner.post('/api/v1/admins/hierarchical', { memberId: n.memberId, rights: rights({ departmentIds: [east] }) })).status, 204);
    const creatorMember = e.owner.me.member!.id;
    assert.equal((await e.owner.patch(`/api/v1/contacts/members/${creatorMember}`, { departmentIds: [sales] })).status, 200);
    return { e, sales, east, h, s, w, n, creatorMember };
  }

  it('seed rule 分级管理员 c): a hierarchical admin cannot depart, delete, disable or edit a super admin or the creator; nothing is written', async () => {
    const { e, h, s, creatorMember } = await world();
    for (const [name, act] of Object.entries(actions)) {
      const before = await state(t, e.corpId);
      const res = await act(h.client, s.memberId);
      assert.deepEqual([res.status, code(res)], [403, 'admin.target_super_admin'], `${name} of a super admin`);
      assert.deepEqual(await state(t, e.corpId), before, `${name} of a super admin wrote nothing`);
    }
    // The creator: nobody removes it (409), and a hierarchical admin may not edit its record either.
    const edit = await actions.edit(h.client, creatorMember);
    assert.deepEqual([edit.status, code(edit)], [403, 'admin.target_super_admin']);
    const depart = await actions.depart(h.client, creatorMember);
    assert.deepEqual([depart.status, code(depart)], [409, 'admin.creator_cannot_be_removed']);
    const overview = await e.owner.get<{ superAdmins: { accountId: string }[] }>('/api/v1/admins');
    assert.deepEqual(overview.body.superAdmins.map((x) => x.accountId), [s.accountId]);
  });

  it('seed rule 分级管理员 c): a hierarchical admin cannot act on an admin whose rights are not within its own; nothing is written', async () => {
    const { e, h, w } = await world();
    for (const [name, act] of Object.entries(actions)) {
      const before = await state(t, e.corpId);
      const res = await act(h.client, w.memberId);
      assert.deepEqual([res.status, code(res)], [403, 'admin.target_wider_admin'], `${name} of a wider admin`);
      assert.deepEqual(await state(t, e.corpId), before, `${name} of a wider admin wrote nothing`);
    }
  });

  it('seed rule 分级管理员 c): a hierarchical admin acts on an admin whose rights lie within its own (a subtree of its department)', async () => {
    const { e, h, n } = await world();
    assert.equal((await actions.edit(h.client, n.memberId)).status, 200);
    assert.equal((await actions.disable(h.client, n.memberId)).status, 204);
    assert.equal((await h.client.post(`/api/v1/contacts/members/${n.memberId}/status`, { status: 'active' })).status, 204);
    assert.equal((await actions.depart(h.client, n.memberId)).status, 204);
    const left = await tablesOf(t.deps.db).selectFrom('hierarchical_admins').select('member_id').where('corp_id', '=', e.corpId).where('member_id', '=', n.memberId).execute();
    assert.deepEqual(left, []);
  });

  it('seed rule 分级管理员 c): the member list and the member read show what the refusals say: a super admin, the creator and a wider admin are neither editable nor removable for a hierarchical admin', async () => {
    const { e, sales, h, s, w, n, creatorMember } = await world();
    type Listed = { id: string; name: string; editable: boolean; removable: boolean };
    const flags = async (c: Client) => {
      const page = await c.get<{ items: Listed[] }>(`/api/v1/contacts/members?departmentId=${sales}&includeSub=true&limit=200`);
      assert.equal(page.status, 200);
      return Object.fromEntries(page.body.items.map((m) => [m.name, [m.editable, m.removable]]));
    };
    assert.deepEqual(await flags(h.client), { 分管: [true, true], 超管: [false, false], 宽管: [false, false], 窄管: [true, true], 创建者: [false, false] });
    // The creator's super admin edits everyone and removes everyone but the creator.
    assert.deepEqual(await flags(e.owner), { 分管: [true, true], 超管: [true, true], 宽管: [true, true], 窄管: [true, true], 创建者: [true, false] });
    for (const [id, expected] of [[s.memberId, [false, false]], [w.memberId, [false, false]], [n.memberId, [true, true]], [creatorMember, [false, false]]] as const) {
      const one = await h.client.get<Listed>(`/api/v1/contacts/members/${id}`);
      assert.deepEqual([one.body.editable, one.body.removable], expected, one.body.name);
    }
  });

  it('super admins act on super admins and on every hierarchical admin', async () => {
    const { e, s, w } = await world();
    const s2 = await e.member('超管二');
    assert.equal((await e.owner.post('/api/v1/admins/super', { memberId: s2.memberId })).status, 204);
    assert.equal((await actions.edit(s2.client, s.memberId)).status, 200);
    assert.equal((await actions.edit(s2.client, w.memberId)).status, 200);
    assert.equal((await actions.depart(s2.client, s.memberId)).status, 204);
  });

  it('an API token with every right a token can hold (contacts.manage included) holds no admin role: it cannot depart, delete, disable or edit a super admin or a hierarchical admin; nothing is written', async () => {
    const { e, s, w } = await world();
    const grantable = await e.owner.get<{ items: { key: string }[] }>('/api/v1/api-tokens/rights');
    const created = await e.owner.post<{ secret: string }>('/api/v1/api-tokens', { name: '集成', rights: grantable.body.items.map((r) => r.key) });
    assert.equal(created.status, 201);
    const token = t.client();
    token.bearer = created.body.secret;
    for (const [target, refusal] of [[s.memberId, 'admin.target_super_admin'], [w.memberId, 'admin.target_wider_admin']] as const) {
      for (const [name, act] of Object.entries(actions)) {
        const before = await state(t, e.corpId);
        const res = await act(token, target);
        assert.deepEqual([res.status, code(res)], [403, refusal], `${name} by a token`);
        assert.deepEqual(await state(t, e.corpId), before, `${name} by a token wrote nothing`);
      }
    }
  });

  // ---------------------------------------------------------------------------------------------
  // What leaving the contacts takes away (issue 19: proven through the routes, not by calling the
  // admin module's function).
  // ---------------------------------------------------------------------------------------------

  /** A super admin and a grouped hierarchical admin with rights of its own. */
  async function admins() {
    const e = await enterprise(t);
    const sales = await e.dept(e.root, '销售部');
    const s = await e.member('超管');
    const h = await e.member('分管');
    const group = (await e.owner.post<{ id: string }>('/api/v1/admin-groups', { name: '销售组', rights: rights({ departmentIds: [sales] }) })).body.id;
    assert.equal((await e.owner.post('/api/v1/admins/super', { memberId: s.memberId })).status, 204);
    assert.equal((await e.owner.post('/api/v1/admins/hierarchical', { memberId: h.memberId, groupId: group, rights: rights({ apps: [{ appId: 'features', level: 'manage' }] }) })).status, 204);
    return { e, s, h, group };
  }

  async function rolesOf(corpId: string, member: { memberId: string; accountId: string }) {
    const db = tablesOf(t.deps.db);
    return {
      superAdmin: (await db.selectFrom('super_admins').select('account_id').where('corp_id', '=', corpId).where('account_id', '=', member.accountId).execute()).length,
      hierarchical: (await db.selectFrom('hierarchical_admins').select('group_id').where('corp_id', '=', corpId).where('member_id', '=', member.memberId).execute()).map((r) => r.group_id),
      ownRights: (await db.selectFrom('admin_rights').select('kind').where('corp_id', '=', corpId).where('holder_kind', '=', 'admin').where('holder_id', '=', member.memberId).execute()).length,
    };
  }

  for (const way of ['depart', 'delete'] as const) {
    it(`seed rule 超级管理员 b), 离职: ${way === 'depart' ? 'departing' : 'deleting'} a member over HTTP takes its super-admin role, its hierarchical role, its own rights and its group seat`, async () => {
      const { e, s, h, group } = await admins();
      assert.deepEqual(await rolesOf(e.corpId, h), { superAdmin: 0, hierarchical: [group], ownRights: 1 });
      assert.equal((await actions[way](e.owner, s.memberId)).status, 204);
      assert.equal((await actions[way](e.owner, h.memberId)).status, 204);
      assert.deepEqual(await rolesOf(e.corpId, s), { superAdmin: 0, hierarchical: [], ownRights: 0 });
      assert.deepEqual(await rolesOf(e.corpId, h), { superAdmin: 0, hierarchical: [], ownRights: 0 });
      const overview = await e.owner.get<{ superAdmins: unknown[]; admins: unknown[]; groups: { id: string; memberIds: string[] }[] }>('/api/v1/admins');
      assert.deepEqual([overview.body.superAdmins, overview.body.admins, overview.body.groups.map((g) => [g.id, g.memberIds])], [[], [], [[group, []]]]);
      // The former admins' sessions hold nothing any more.
      assert.equal((await s.client.get('/api/v1/admins')).status, 403);
      assert.equal((await h.client.get('/api/v1/admins')).status, 403);
    });
  }

  it('disabling an admin over HTTP (decision): its roles stay but it acts as nobody until enabled again', async () => {
    const { e, s, h, group } = await admins();
    assert.equal((await actions.disable(e.owner, s.memberId)).status, 204);
    assert.equal((await actions.disable(e.owner, h.memberId)).status, 204);
    assert.deepEqual(await rolesOf(e.corpId, s), { superAdmin: 1, hierarchical: [], ownRights: 0 });
    assert.deepEqual(await rolesOf(e.corpId, h), { superAdmin: 0, hierarchical: [group], ownRights: 1 });
    const refused = await s.client.get('/api/v1/admins');
    assert.deepEqual([refused.status, code(refused)], [403, 'auth.no_enterprise']);
    assert.deepEqual([(await h.client.get('/api/v1/admins')).status], [403]);
    assert.equal((await e.owner.post(`/api/v1/contacts/members/${s.memberId}/status`, { status: 'active' })).status, 204);
    assert.equal((await s.client.get('/api/v1/admins')).status, 200);
  });
});
