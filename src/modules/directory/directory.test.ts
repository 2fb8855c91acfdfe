import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeEachDialect, openTestDatabase } from '../../../test/support/db.ts';
import { createTestApp, type RegisteredClient, type TestApp } from '../../../test/support/app.ts';
import { enterprise as makeEnterprise } from '../../../test/support/enterprise.ts';
import { departmentChain, departmentHeads, expandRecipients, getMember, membersOfTag } from './directory.service.ts';
import { tablesOf } from '../../../test/support/tables.ts';
import { afterCommit } from '../../platform/events.ts';
import { defineModule } from '../../platform/module.ts';
import { manifests } from '../index.ts';
import { DirectoryEvents } from './directory.events.ts';

interface Dept {
  id: string;
  parentId: string | null;
  name: string;
  sortOrder: number;
  depth: number;
  memberCount: number;
  heads: { id: string; name: string }[];
  manageable: boolean;
}
interface Member {
  id: string;
  userid: string;
  name: string;
  phone: string | null;
  status: string;
  mainDepartmentId: string;
  departments: { id: string; name: string }[];
  headOf: string[];
  departedAt: string | null;
  editable: boolean;
  removable: boolean;
}
interface Page {
  items: Member[];
  nextCursor: string | null;
}
const code = (res: { body: unknown }) => (res.body as { error?: { code: string } }).error?.code;
const rights = (departmentIds: string[]) => ({ departmentIds, apps: [], deviceBind: false, deviceIds: [] });

/** What a listener outside the directory hears of deleted members (a webhook, later). */
const deletions: unknown[] = [];
const listener = defineModule({ name: 'listener', tables: {}, subscribers: [afterCommit(DirectoryEvents['member.deleted'], 'listener.deleted', async (_ctx, payload) => void deletions.push(payload))] });

describeEachDialect('通讯录 (contacts directory)', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use(), {}, undefined, [...manifests, listener]);
  });
  after(() => t.close());

  async function enterprise() {
    const e = await makeEnterprise(t);
    const c = e.owner;
    const dept = async (parentId: string, name: string, client: RegisteredClient = c) => {
      const res = await client.post<{ id: string }>('/api/v1/contacts/departments', { parentId, name });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body.id;
    };
    let n = 0;
    const person = async (name: string, departmentIds: string[], extra: Record<string, unknown> = {}, client: RegisteredClient = c) => {
      n++;
      const res = await client.post<Member>('/api/v1/contacts/members', { name, userid: `m${n}_${e.corpId.slice(-6)}`, departmentIds, ...extra });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body;
    };
    const tree = async (client: RegisteredClient = c) => (await client.get<{ items: Dept[]; canManage: boolean }>('/api/v1/contacts/departments')).body;
    const list = async (query: string, client: RegisteredClient = c) => {
      const res = await client.get<Page>(`/api/v1/contacts/members?${query}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body;
    };
    const names = async (query: string, client: RegisteredClient = c) => (await list(query, client)).items.map((m) => m.name);
    return { ...e, c, dept, person, tree, list, names };
  }

  it('departments form a tree of any depth, ordered within their parent', async () => {
    const e = await enterprise();
    const a = await e.dept(e.root, '研发中心');
    const b = await e.dept(e.root, '市场部');
    let parent = a;
    for (let depth = 2; depth <= 12; depth++) parent = await e.dept(parent, `第${depth}层`);
    const { items } = await e.tree();
    assert.deepEqual(items.filter((d) => d.parentId === e.root).map((d) => [d.name, d.sortOrder]), [['研发中心', 0], ['市场部', 1]]);
    const deepest = items.find((d) => d.id === parent)!;
    assert.equal(deepest.depth, 12);
    const chain = await departmentChain(t.deps.db, e.corpId, parent);
    assert.equal(chain.length, 13);
    assert.deepEqual(chain.slice(0, 2).map((d) => d.name), ['第12层', '第11层']);
    assert.deepEqual(chain.slice(-2).map((d) => d.id), [a, e.root]);
    assert.ok(b);
  });

  it('a sibling name is unique; rename and reorder', async () => {
    const e = await enterprise();
    const a = await e.dept(e.root, '甲');
    const b = await e.dept(e.root, '乙');
    const c = await e.dept(e.root, '丙');
    assert.equal(code(await e.c.post('/api/v1/contacts/departments', { parentId: e.root, name: '甲' })), 'directory.department_name_taken');
    assert.equal(code(await e.c.patch(`/api/v1/contacts/departments/${b}`, { name: '甲' })), 'directory.department_name_taken');
    assert.equal((await e.c.patch(`/api/v1/contacts/departments/${b}`, { name: '乙二' })).status, 204);
    // Reorder: 丙 to the front.
    assert.equal((await e.c.post(`/api/v1/contacts/departments/${c}/move`, { parentId: e.root, index: 0 })).status, 204);
    const { items } = await e.tree();
    assert.deepEqual(
      items.filter((d) => d.parentId === e.root).map((d) => d.name),
      ['丙', '甲', '乙二'],
    );
    assert.ok(a);
  });

  it('moving a subtree updates every path and depth below it; not under itself, not the root', async () => {
    const e = await enterprise();
    const a = await e.dept(e.root, 'A');
    const a1 = await e.dept(a, 'A1');
    const a11 = await e.dept(a1, 'A11');
    const b = await e.dept(e.root, 'B');
    assert.equal(code(await e.c.post(`/api/v1/contacts/departments/${a}/move`, { parentId: a11 })), 'directory.department_cycle');
    assert.equal(code(await e.c.post(`/api/v1/contacts/departments/${a}/move`, { parentId: a })), 'directory.department_cycle');
    assert.equal(code(await e.c.post(`/api/v1/contacts/departments/${e.root}/move`, { parentId: b })), 'directory.department_root');
    assert.equal((await e.c.post(`/api/v1/contacts/departments/${a1}/move`, { parentId: b })).status, 204);
    const rows = await tablesOf(t.deps.db).selectFrom('departments').select(['id', 'parent_id', 'path', 'depth']).where('corp_id', '=', e.corpId).where('id', 'in', [a1, a11]).orderBy('depth').execute();
    assert.deepEqual(rows, [
      { id: a1, parent_id: b, path: `/${e.root}/${b}/${a1}/`, depth: 2 },
      { id: a11, parent_id: a1, path: `/${e.root}/${b}/${a1}/${a11}/`, depth: 3 },
    ]);
    // A member of the moved subtree is now found under B with sub-departments, no longer under A.
    const m = await e.person('林木', [a11]);
    assert.deepEqual((await e.list(`departmentId=${b}&includeSub=true`)).items.map((x) => x.id), [m.id]);
    assert.deepEqual((await e.list(`departmentId=${a}&includeSub=true`)).items, []);
  });

  it('a department is deleted only when empty, with a clear error otherwise', async () => {
    const e = await enterprise();
    const a = await e.dept(e.root, '待删');
    const child = await e.dept(a, '子部门');
    const m = await e.person('张三', [child]);
    const refused = await e.c.delete(`/api/v1/contacts/departments/${a}`);
    assert.equal(refused.status, 409);
    assert.deepEqual(refused.body, {
      error: {
        code: 'directory.department_not_empty',
        message: 'The department still has members or sub-departments; move or remove them first.',
        details: { departmentId: a, subDepartments: 1, members: 0 },
      },
    });
    assert.equal(code(await e.c.delete(`/api/v1/contacts/departments/${child}`)), 'directory.department_not_empty');
    assert.equal((await e.c.patch(`/api/v1/contacts/members/${m.id}`, { departmentIds: [e.root] })).status, 200);
    assert.equal((await e.c.delete(`/api/v1/contacts/departments/${child}`)).status, 204);
    assert.equal((await e.c.delete(`/api/v1/contacts/departments/${a}`)).status, 204);
    assert.equal(code(await e.c.delete(`/api/v1/contacts/departments/${e.root}`)), 'directory.department_root');
    assert.deepEqual((await e.tree()).items.map((d) => d.id), [e.root]);
  });

  it('members: several departments with one main; userid and phone unique in the enterprise', async () => {
    const e = await enterprise();
    const a = await e.dept(e.root, '研发');
    const b = await e.dept(e.root, '产品');
    const m = await e.person('王小明', [a, b], { mainDepartmentId: b, phone: '13900001111', email: 'xm@example.com', position: '工程师' });
    assert.equal(m.mainDepartmentId, b);
    assert.deepEqual(m.departments.map((d) => d.name).sort(), ['产品', '研发']);
    assert.equal(m.status, 'active');
    const dupUserid = await e.c.post('/api/v1/contacts/members', { name: '重复', userid: m.userid, departmentIds: [a] });
    assert.equal(code(dupUserid), 'directory.userid_taken');
    const dupPhone = await e.c.post('/api/v1/contacts/members', { name: '重复', userid: 'other1', phone: '13900001111', departmentIds: [a] });
    assert.equal(code(dupPhone), 'directory.phone_taken');
    const badMain = await e.c.post('/api/v1/contacts/members', { name: '主部门', userid: 'other2', departmentIds: [a], mainDepartmentId: b });
    assert.equal(code(badMain), 'directory.main_department_invalid');
    const badField = await e.c.post('/api/v1/contacts/members', { name: '字段', userid: 'bad userid', departmentIds: [a] });
    assert.equal(code(badField), 'request.invalid');
    // A member may exist before an account claims it.
    const stored = await getMember(t.deps.db, e.corpId, m.id);
    assert.equal(stored?.accountId, null);
    assert.deepEqual(stored?.departmentIds, [a, b].sort());
  });

  it('the same idempotency key adds a member once', async () => {
    const e = await enterprise();
    const body = { name: '幂等', userid: 'idem1', departmentIds: [e.root] };
    const first = await e.c.request<Member>('POST', '/api/v1/contacts/members', body, { 'idempotency-key': 'k-1' });
    const again = await e.c.request<Member>('POST', '/api/v1/contacts/members', body, { 'idempotency-key': 'k-1' });
    assert.equal(first.status, 201);
    assert.equal(again.status, 201);
    assert.equal(again.body.id, first.body.id);
  });

  it('two requests adding the same userid, or the same sibling department name, at once: exactly one wins', async () => {
    const e = await enterprise();
    const adds = await Promise.all([1, 2, 3].map((i) => e.c.post('/api/v1/contacts/members', { name: `并发${i}`, userid: 'race-user', departmentIds: [e.root] })));
    assert.deepEqual(adds.map((r) => r.status).sort(), [201, 409, 409]);
    assert.ok(adds.filter((r) => r.status === 409).every((r) => code(r) === 'directory.userid_taken'));
    const depts = await Promise.all([1, 2, 3].map(() => e.c.post('/api/v1/contacts/departments', { parentId: e.root, name: '并发部门' })));
    assert.deepEqual(depts.map((r) => r.status).sort(), [201, 409, 409]);
    assert.ok(depts.filter((r) => r.status === 409).every((r) => code(r) === 'directory.department_name_taken'));
  });

  it('deleting a department while a member is added to it: the department survives with its member, or is gone and the add fails', async () => {
    const e = await enterprise();
    const a = await e.dept(e.root, '竞态');
    const [del, add] = await Promise.all([e.c.delete(`/api/v1/contacts/departments/${a}`), e.c.post('/api/v1/contacts/members', { name: '竞态成员', userid: 'race-dept', departmentIds: [a] })]);
    const exists = await tablesOf(t.deps.db).selectFrom('departments').select('id').where('id', '=', a).executeTakeFirst();
    const links = await tablesOf(t.deps.db).selectFrom('member_departments').select('member_id').where('department_id', '=', a).execute();
    if (del.status === 204) {
      assert.equal(exists, undefined);
      // Gone before the add looked (an unknown id in its body), or while it waited for the lock.
      assert.ok(['request.unknown_id', 'directory.department_not_found'].includes(code(add)!), code(add));
      assert.deepEqual(links, []);
    } else {
      assert.equal(code(del), 'directory.department_not_empty');
      assert.equal(add.status, 201);
      assert.equal(links.length, 1);
    }
  });

  it('search by name, pinyin initials, full pinyin, phone and userid', async () => {
    const e = await enterprise();
    await e.person('张三', [e.root], { phone: '13811112222', userid: 'zhangsan01' });
    await e.person('李四', [e.root], { phone: '13933334444', userid: 'Lisi.Work' });
    await e.person('张三丰', [e.root]);
    assert.deepEqual(await e.names('q=张三'), ['张三', '张三丰']);
    assert.deepEqual(await e.names('q=zsf'), ['张三丰']);
    assert.deepEqual(await e.names('q=ZS'), ['张三', '张三丰']);
    assert.deepEqual(await e.names('q=zhangsanf'), ['张三丰']);
    assert.deepEqual(await e.names('q=1393333'), ['李四']);
    assert.deepEqual(await e.names('q=lisi.w'), ['李四']);
    assert.deepEqual(await e.names('q=%25'), []);
  });

  it('a department lists its own members, or with all sub-departments, in cursor pages', async () => {
    const e = await enterprise();
    const a = await e.dept(e.root, '总部');
    const a1 = await e.dept(a, '一组');
    const a11 = await e.dept(a1, '一组甲');
    const direct = await e.person('直属', [a]);
    const nested: string[] = [];
    for (let i = 0; i < 7; i++) nested.push((await e.person(`成员${i}`, [i % 2 ? a1 : a11])).id);
    // In two departments of the subtree: listed once.
    const both = await e.person('双部门', [a1, a11]);
    assert.deepEqual((await e.list(`departmentId=${a}`)).items.map((m) => m.id), [direct.id]);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page = await e.list(`departmentId=${a}&includeSub=true&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      assert.ok(page.items.length <= 3);
      seen.push(...page.items.map((m) => m.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    assert.equal(pages, 3);
    assert.deepEqual([...seen].sort(), [direct.id, both.id, ...nested].sort());
    assert.equal(new Set(seen).size, 9);
    assert.equal(code(await e.c.get('/api/v1/contacts/members?cursor=garbage')), 'request.invalid');
  });

  it('seed rule 超级管理员: a member who departs (离职) loses the super-admin role in the same transaction; history keeps the name', async () => {
    const e = await enterprise();
    const a = await e.dept(e.root, '销售');
    const m = await e.person('赵六', [a], { phone: '13700000001' });
    await tablesOf(t.deps.db).insertInto('super_admins').values({ corp_id: e.corpId, account_id: 'acct_fake', kind: 'internal', member_id: m.id, created_at: 0 }).execute();
    await tablesOf(t.deps.db).insertInto('department_heads').values({ corp_id: e.corpId, department_id: a, member_id: m.id }).execute();
    t.clock.advance(60_000);
    const res = await e.c.post(`/api/v1/contacts/members/${m.id}/depart`);
    assert.equal(res.status, 204);
    const roles = await tablesOf(t.deps.db).selectFrom('super_admins').select('member_id').where('corp_id', '=', e.corpId).where('member_id', '=', m.id).execute();
    assert.deepEqual(roles, []);
    const events = await tablesOf(t.deps.db).selectFrom('outbox').select(['type', 'payload_json']).where('corp_id', '=', e.corpId).where('type', '=', 'member.departed').execute();
    assert.deepEqual(events.map((ev) => JSON.parse(ev.payload_json)), [{ memberId: m.id, userid: m.userid, departmentIds: [a] }]);
    const after = await e.c.get<Member>(`/api/v1/contacts/members/${m.id}`);
    assert.equal(after.body.name, '赵六');
    assert.equal(after.body.status, 'departed');
    assert.equal(after.body.departedAt, new Date(t.clock.now()).toISOString());
    assert.deepEqual(await departmentHeads(t.deps.db, e.corpId, a), []);
    assert.deepEqual(await e.names(`departmentId=${a}`), []);
    assert.deepEqual(await e.names('status=departed'), ['赵六']);
    assert.equal(code(await e.c.post(`/api/v1/contacts/members/${m.id}/depart`)), 'directory.member_departed');
    assert.equal(code(await e.c.patch(`/api/v1/contacts/members/${m.id}`, { name: '改名' })), 'directory.member_departed');
    // The phone number is free again for a new member.
    await e.person('新人', [a], { phone: '13700000001' });
  });

  it('seed rule 超级管理员: a member deleted from the contacts loses the super-admin role; the creator cannot depart or be deleted', async () => {
    const e = await enterprise();
    const m = await e.person('删除者', [e.root]);
    await tablesOf(t.deps.db).insertInto('super_admins').values({ corp_id: e.corpId, account_id: 'acct_fake2', kind: 'internal', member_id: m.id, created_at: 0 }).execute();
    assert.equal((await e.c.delete(`/api/v1/contacts/members/${m.id}`)).status, 204);
    assert.deepEqual(await tablesOf(t.deps.db).selectFrom('super_admins').select('member_id').where('member_id', '=', m.id).execute(), []);
    await t.deps.outbox.drain();
    assert.deepEqual(deletions.filter((d) => (d as { memberId: string }).memberId === m.id), [{ memberId: m.id, name: '删除者', userid: m.userid, departmentIds: [e.root] }]);
    assert.equal(code(await e.c.get(`/api/v1/contacts/members/${m.id}`)), 'directory.member_not_found');
    const creator = e.owner.me.member!.id;
    assert.equal(code(await e.c.post(`/api/v1/contacts/members/${creator}/depart`)), 'admin.creator_cannot_be_removed');
    assert.equal(code(await e.c.delete(`/api/v1/contacts/members/${creator}`)), 'admin.creator_cannot_be_removed');
    assert.equal(code(await e.c.post(`/api/v1/contacts/members/${creator}/status`, { status: 'disabled' })), 'admin.creator_cannot_be_removed');
  });

  it('a disabled member stays listed but receives nothing; enabling brings them back', async () => {
    const e = await enterprise();
    const a = await e.dept(e.root, '客服');
    const m = await e.person('停用', [a]);
    assert.equal((await e.c.post(`/api/v1/contacts/members/${m.id}/status`, { status: 'disabled' })).status, 204);
    assert.deepEqual((await e.list(`departmentId=${a}`)).items.map((x) => [x.name, x.status]), [['停用', 'disabled']]);
    assert.deepEqual(await expandRecipients(t.deps.db, e.corpId, { departmentIds: [a] }), []);
    assert.equal((await e.c.post(`/api/v1/contacts/members/${m.id}/status`, { status: 'active' })).status, 204);
    assert.deepEqual(await expandRecipients(t.deps.db, e.corpId, { departmentIds: [a] }), [m.id]);
  });

  it('department heads: members of the department; departmentHeads lists the active ones', async () => {
    const e = await enterprise();
    const a = await e.dept(e.root, '财务');
    const h1 = await e.person('主管甲', [a]);
    const h2 = await e.person('主管乙', [a]);
    const outsider = await e.person('外人', [e.root]);
    assert.equal(code(await e.c.put(`/api/v1/contacts/departments/${a}/heads`, { memberIds: [outsider.id] })), 'directory.head_not_member');
    assert.equal((await e.c.put(`/api/v1/contacts/departments/${a}/heads`, { memberIds: [h1.id, h2.id] })).status, 204);
    assert.deepEqual(await departmentHeads(t.deps.db, e.corpId, a), [h1.id, h2.id].sort());
    const dept = (await e.tree()).items.find((d) => d.id === a)!;
    assert.deepEqual(dept.heads.map((h) => h.name).sort(), ['主管乙', '主管甲'].sort());
    // The members list says who heads which of their departments (read with the departments, one query).
    const b = await e.dept(e.root, '审计');
    await e.c.patch(`/api/v1/contacts/members/${h1.id}`, { departmentIds: [a, b] });
    const headsOn = async () => (await e.list(`departmentId=${a}`)).items.map((x) => [x.name, x.departments.map((d) => d.name), x.headOf]);
    assert.deepEqual(await headsOn(), [
      ['主管甲', ['财务', '审计'], [a]],
      ['主管乙', ['财务'], [a]],
    ]);
    await e.c.post(`/api/v1/contacts/members/${h2.id}/status`, { status: 'disabled' });
    assert.deepEqual(await departmentHeads(t.deps.db, e.corpId, a), [h1.id]);
    // Leaving the department ends the headship.
    await e.c.patch(`/api/v1/contacts/members/${h1.id}`, { departmentIds: [e.root] });
    assert.deepEqual(await departmentHeads(t.deps.db, e.corpId, a), []);
    assert.deepEqual(await headsOn(), [['主管乙', ['财务'], [a]]]);
  });

  it('tags hold members and departments; membersOfTag and expandRecipients reach subtrees, active members only', async () => {
    const e = await enterprise();
    const a = await e.dept(e.root, '华东');
    const a1 = await e.dept(a, '上海');
    const b = await e.dept(e.root, '华北');
    const m1 = await e.person('上海甲', [a1]);
    const m2 = await e.person('华北乙', [b]);
    const m3 = await e.person('直接丙', [e.root]);
    const gone = await e.person('离职丁', [a1]);
    const tag = (await e.c.post<{ id: string }>('/api/v1/contacts/tags', { name: '骨干' })).body.id;
    assert.equal(code(await e.c.post('/api/v1/contacts/tags', { name: '骨干' })), 'directory.tag_name_taken');
    const holders = await e.c.post<{ members: { id: string }[]; departments: { id: string }[]; reach: number }>(`/api/v1/contacts/tags/${tag}/holders`, {
      add: { memberIds: [m3.id, m1.id], departmentIds: [a] },
    });
    assert.equal(holders.status, 200);
    assert.equal(holders.body.reach, 3);
    await e.c.post(`/api/v1/contacts/members/${gone.id}/depart`);
    assert.deepEqual(await membersOfTag(t.deps.db, e.corpId, tag), [m1.id, m3.id].sort());
    assert.deepEqual(await expandRecipients(t.deps.db, e.corpId, { memberIds: [m2.id], tagIds: [tag], departmentIds: [a] }), [m1.id, m2.id, m3.id].sort());
    assert.deepEqual(await expandRecipients(t.deps.db, e.corpId, { departmentIds: [e.root] }), [e.owner.me.member!.id, m1.id, m2.id, m3.id].sort());
    assert.deepEqual(await expandRecipients(t.deps.db, 'corp_other', { departmentIds: [e.root], memberIds: [m1.id] }), []);
    const tags = await e.c.get<{ items: { name: string; memberCount: number; departmentCount: number }[] }>('/api/v1/contacts/tags');
    assert.deepEqual(tags.body.items, [{ id: tag, name: '骨干', memberCount: 2, departmentCount: 1 }]);
    await e.c.post(`/api/v1/contacts/tags/${tag}/holders`, { remove: { departmentIds: [a] } });
    assert.deepEqual(await membersOfTag(t.deps.db, e.corpId, tag), [m1.id, m3.id].sort());
    await e.c.post(`/api/v1/contacts/tags/${tag}/holders`, { remove: { memberIds: [m1.id] } });
    assert.deepEqual(await membersOfTag(t.deps.db, e.corpId, tag), [m3.id]);
    assert.equal((await e.c.delete(`/api/v1/contacts/tags/${tag}`)).status, 204);
    assert.deepEqual(await membersOfTag(t.deps.db, e.corpId, tag), []);
  });

  it('every member reads the directory; managing it needs contacts rights', async () => {
    const e = await enterprise();
    const a = await e.dept(e.root, '行政');
    const plain = await e.person('普通成员', [a]);
    await e.person('同事', [e.root]);
    const { client } = await e.member('账号成员', [a]);
    assert.ok(plain);
    const tree = await e.tree(client);
    assert.equal(tree.canManage, false);
    assert.deepEqual(tree.items.map((d) => [d.name, d.manageable]).sort(), [['行政', false], [tree.items[0]!.name, false]].sort());
    const everyone = await e.list('', client);
    assert.equal(everyone.items.length, 4);
    assert.ok(everyone.items.every((m) => !m.editable && !m.removable));
    assert.equal(code(await client.post('/api/v1/contacts/departments', { parentId: a, name: '越权' })), 'forbidden');
    assert.equal(code(await client.post(`/api/v1/contacts/members/${plain.id}/depart`)), 'forbidden');
    assert.equal(code(await client.post('/api/v1/contacts/tags', { name: '越权' })), 'forbidden');
  });

  it('authorizer rule: moving a department never leaves another admin with rights the mover could not grant', async () => {
    const e = await enterprise();
    const a = await e.dept(e.root, '甲区');
    const a1 = await e.dept(a, '甲一');
    const b = await e.dept(e.root, '乙区');
    const mover = await e.member('移动者', [a]);
    const other = await e.member('乙区管理员', [b]);
    assert.equal((await e.owner.post('/api/v1/admins/hierarchical', { memberId: mover.memberId, rights: rights([a, b]) })).status, 204);
    assert.equal((await e.owner.post('/api/v1/admins/hierarchical', { memberId: other.memberId, rights: rights([b]) })).status, 204);
    // Outside every group the mover grants nothing: 甲一 under 乙区 would become the other admin's.
    const refused = await mover.client.post(`/api/v1/contacts/departments/${a1}/move`, { parentId: b });
    assert.equal(code(refused), 'forbidden');
    assert.deepEqual((refused.body as { error: { details: unknown } }).error.details, { reason: 'the move would give other admins contacts rights you cannot grant', memberIds: [other.memberId] });
    // In a group holding both areas it may grant 甲一, so it may move it.
    const group = await e.owner.post<{ id: string }>('/api/v1/admin-groups', { name: '区域组', rights: rights([a, b]) });
    assert.equal(group.status, 201, JSON.stringify(group.body));
    assert.equal((await e.owner.patch(`/api/v1/admins/hierarchical/${mover.memberId}`, { groupId: group.body.id })).status, 204);
    assert.equal((await mover.client.post(`/api/v1/contacts/departments/${a1}/move`, { parentId: b })).status, 204);
    // A super admin grants everything.
    assert.equal((await e.owner.post(`/api/v1/contacts/departments/${a1}/move`, { parentId: a })).status, 204);
  });

  it('item 1 (activation status): the counts and the status filter cover the caller\'s contacts scope; 未激活 / 已激活 / 已禁用 / 已离职 each as its own filter', async () => {
    const e = await enterprise();
    const inside = await e.dept(e.root, '管辖部门');
    const outside = await e.dept(e.root, '外部部门');
    const admin = await e.member('分级管理员', [inside]);
    const waiting = await e.person('待激活', [inside]);
    const disabled = await e.person('被禁用', [inside]);
    const leaving = await e.person('将离职', [inside]);
    await e.person('外部未激活', [outside]);
    await e.member('外部已激活', [outside]);
    assert.equal((await e.c.post(`/api/v1/contacts/members/${disabled.id}/status`, { status: 'disabled' })).status, 204);
    assert.equal((await e.c.post(`/api/v1/contacts/members/${leaving.id}/depart`)).status, 204);
    assert.equal((await e.owner.post('/api/v1/admins/hierarchical', { memberId: admin.memberId, rights: rights([inside]) })).status, 204);

    const counts = async (client: RegisteredClient) => (await client.get('/api/v1/contacts/members/activation-counts')).body;
    // The whole enterprise: the creator and 外部已激活 are activated as well.
    assert.deepEqual(await counts(e.c), { not_activated: 2, activated: 3, disabled: 1, departed: 1 });
    // The hierarchical admin: its department only (a departed member sits in no department any more).
    assert.deepEqual(await counts(admin.client), { not_activated: 1, activated: 1, disabled: 1, departed: 0 });
    assert.deepEqual(await e.names('activation=not_activated', admin.client), [waiting.name]);
    assert.deepEqual(await e.names('activation=activated', admin.client), ['分级管理员']);
    assert.deepEqual(await e.names('activation=disabled', admin.client), ['被禁用']);
    assert.deepEqual((await e.names('activation=not_activated')).sort(), ['外部未激活', '待激活'].sort());
    assert.deepEqual(await e.names('activation=departed'), ['将离职']);
    assert.deepEqual(await e.names(`activation=not_activated&departmentId=${outside}`), ['外部未激活']);
  });

  it('authorizer rule: a hierarchical admin lists only its subtrees, in the query; a member half inside is editable inside but not removable', async () => {
    const e = await enterprise();
    const inside = await e.dept(e.root, '管辖部门');
    const insideChild = await e.dept(inside, '管辖子部门');
    const outside = await e.dept(e.root, '外部部门');
    const admin = await e.member('分级管理员', [inside]);
    const straddler = await e.person('跨部门', [insideChild, outside], { mainDepartmentId: outside });
    const stranger = await e.person('外人', [outside]);
    const granted = await e.owner.post('/api/v1/admins/hierarchical', { memberId: admin.memberId, rights: rights([inside]) });
    assert.equal(granted.status, 204, JSON.stringify(granted.body));
    const c = admin.client;

    const tree = await e.tree(c);
    assert.equal(tree.canManage, true);
    assert.deepEqual(tree.items.map((d) => d.id), [inside, insideChild]);
    const visible = await e.list('limit=200', c);
    assert.deepEqual(visible.items.map((m) => m.name).sort(), ['分级管理员', '跨部门'].sort());
    const s = visible.items.find((m) => m.id === straddler.id)!;
    assert.deepEqual([s.editable, s.removable], [true, false]);
    assert.equal(code(await c.get(`/api/v1/contacts/members/${stranger.id}`)), 'directory.member_not_found');
    // Filtering by the outside department shows only whom the admin may see there.
    assert.deepEqual(await e.names(`departmentId=${outside}`, c), ['跨部门']);

    // Editable in what lies inside: the name, and a department inside.
    const renamed = await c.patch<Member>(`/api/v1/contacts/members/${straddler.id}`, { name: '跨部门二', departmentIds: [insideChild, inside, outside] });
    assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
    assert.equal(renamed.body.name, '跨部门二');
    // Not removable from the outside department, not deletable, not departed, main department kept.
    assert.equal(code(await c.patch(`/api/v1/contacts/members/${straddler.id}`, { departmentIds: [insideChild] })), 'directory.out_of_scope');
    assert.equal(code(await c.patch(`/api/v1/contacts/members/${straddler.id}`, { mainDepartmentId: inside })), 'directory.out_of_scope');
    assert.equal(code(await c.delete(`/api/v1/contacts/members/${straddler.id}`)), 'directory.out_of_scope');
    assert.equal(code(await c.post(`/api/v1/contacts/members/${straddler.id}/depart`)), 'directory.out_of_scope');
    assert.equal(code(await c.patch(`/api/v1/contacts/members/${stranger.id}`, { name: '改' })), 'directory.out_of_scope');
    // Taking the member out of every department it governs is an edit inside its scope: it succeeds and
    // answers the member as it now is; from then on the member lies outside the admin's scope.
    const movedOut = await c.patch<Member>(`/api/v1/contacts/members/${straddler.id}`, { departmentIds: [outside] });
    assert.equal(movedOut.status, 200, JSON.stringify(movedOut.body));
    assert.deepEqual(movedOut.body.departments.map((d) => d.id), [outside]);
    assert.equal(code(await c.get(`/api/v1/contacts/members/${straddler.id}`)), 'directory.member_not_found');
    // Inside the scope: create, move, delete departments; add and depart members.
    assert.equal(code(await c.post('/api/v1/contacts/departments', { parentId: outside, name: '新' })), 'directory.out_of_scope');
    assert.equal(code(await c.post(`/api/v1/contacts/departments/${insideChild}/move`, { parentId: outside })), 'directory.out_of_scope');
    const fresh = await e.dept(inside, '新部门', c);
    assert.equal(code(await c.post('/api/v1/contacts/members', { name: '新人', userid: 'scoped-new-1', departmentIds: [fresh, outside] })), 'directory.out_of_scope');
    const newcomer = await e.person('新人', [fresh], {}, c);
    assert.equal((await c.post(`/api/v1/contacts/members/${newcomer.id}/depart`)).status, 204);
    assert.equal((await c.delete(`/api/v1/contacts/departments/${fresh}`)).status, 204);

    // A revoked right is denied on the very next request.
    assert.equal((await e.owner.delete(`/api/v1/admins/hierarchical/${admin.memberId}`)).status, 204);
    assert.equal(code(await c.post('/api/v1/contacts/departments', { parentId: inside, name: '撤销后' })), 'forbidden');
    // Now a plain member: reads the whole directory (owner, admin, straddler, stranger), manages nothing.
    assert.equal((await e.list('limit=200', c)).items.length, 4);
  });
});

it('every signed-in request finds its member (enterprise, account, active) through one index: SQLite without statistics walked all the active members through members_status (10 ms a request at 20,000)', async () => {
  const { database, close } = await openTestDatabase('sqlite');
  try {
    const plan = await sql<{ detail: string }>`explain query plan select id, name, userid, status, account_id from members where corp_id = ${'corp'} and account_id = ${'acct'} and status = ${'active'}`.execute(database.db);
    assert.deepEqual(
      plan.rows.map((r) => r.detail),
      ['SEARCH members USING INDEX members_account (account_id=? AND corp_id=? AND status=?)'],
    );
  } finally {
    await close();
  }
});
