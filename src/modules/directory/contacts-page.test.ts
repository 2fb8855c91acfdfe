import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type RegisteredClient, type TestApp } from '../../../test/support/app.ts';
import { enterprise as makeEnterprise } from '../../../test/support/enterprise.ts';

/**
 * What the 通讯录 page needs of the server (issue 12): refusals naming their field, member counts
 * of departments with their sub-departments, and page numbers with the total.
 */

interface ErrorReply {
  error: { code: string; details?: Record<string, unknown> };
}
interface Dept {
  id: string;
  memberCount: number;
  totalMemberCount: number;
}
interface Page {
  items: { name: string }[];
  nextCursor: string | null;
  total?: number;
}
const rights = (departmentIds: string[]) => ({ departmentIds, apps: [], deviceBind: false, deviceIds: [] });
const refusal = (res: { status: number; body: unknown }) => {
  const { code, details } = (res.body as ErrorReply).error;
  return { status: res.status, code, details };
};

describeEachDialect('通讯录 page support', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  async function enterprise() {
    const e = await makeEnterprise(t);
    const c = e.owner;
    const dept = async (parentId: string, name: string) => {
      const res = await c.post<{ id: string }>('/api/v1/contacts/departments', { parentId, name });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body.id;
    };
    let n = 0;
    const person = async (name: string, departmentIds: string[], extra: Record<string, unknown> = {}) => {
      n++;
      const res = await c.post<{ id: string }>('/api/v1/contacts/members', { name, userid: `p${n}_${e.corpId.slice(-6)}`, departmentIds, ...extra });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body.id;
    };
    const counts = async (client: RegisteredClient = c) => {
      const res = await client.get<{ items: Dept[] }>('/api/v1/contacts/departments');
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return Object.fromEntries(res.body.items.map((d) => [d.id, [d.memberCount, d.totalMemberCount]]));
    };
    const page = async (query: string, client: RegisteredClient = c) => {
      const res = await client.get<Page>(`/api/v1/contacts/members?${query}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return { names: res.body.items.map((m) => m.name), total: res.body.total, more: res.body.nextCursor !== null };
    };
    return { ...e, c, dept, person, counts, page };
  }

  it('decision (contacts.md, field errors): every refusal of a member or department form names its field in details.field', async () => {
    const e = await enterprise();
    const a = await e.dept(e.root, '研发部');
    const b = await e.dept(e.root, '市场部');
    const sub = await e.dept(a, '研发部');
    await e.person('王一', [a], { userid: 'wangyi', phone: '13800000001' });

    // Rules the server alone can judge.
    assert.deepEqual(refusal(await e.c.post('/api/v1/contacts/members', { name: '王二', userid: 'wangyi', departmentIds: [a] })), {
      status: 409,
      code: 'directory.userid_taken',
      details: { in: 'body', field: '/userid', userid: 'wangyi' },
    });
    assert.deepEqual(refusal(await e.c.post('/api/v1/contacts/members', { name: '王二', userid: 'wanger', phone: '13800000001', departmentIds: [a] })), {
      status: 409,
      code: 'directory.phone_taken',
      details: { in: 'body', field: '/phone', phone: '13800000001' },
    });
    assert.deepEqual(refusal(await e.c.post('/api/v1/contacts/members', { name: '王二', userid: 'wanger', departmentIds: [a], mainDepartmentId: b })), {
      status: 400,
      code: 'directory.main_department_invalid',
      details: { in: 'body', field: '/mainDepartmentId', mainDepartmentId: b },
    });
    assert.deepEqual(refusal(await e.c.post('/api/v1/contacts/departments', { parentId: e.root, name: '市场部' })), {
      status: 409,
      code: 'directory.department_name_taken',
      details: { in: 'body', field: '/name', name: '市场部' },
    });
    assert.deepEqual(refusal(await e.c.patch(`/api/v1/contacts/departments/${b}`, { name: '研发部' })), {
      status: 409,
      code: 'directory.department_name_taken',
      details: { in: 'body', field: '/name', name: '研发部' },
    });
    // Moving 研发部/研发部 under the root clashes with the root's 研发部: the parent chosen is what is wrong.
    assert.deepEqual(refusal(await e.c.post(`/api/v1/contacts/departments/${sub}/move`, { parentId: e.root })), {
      status: 409,
      code: 'directory.department_name_taken',
      details: { in: 'body', field: '/parentId', name: '研发部' },
    });
    assert.deepEqual(refusal(await e.c.post(`/api/v1/contacts/departments/${a}/move`, { parentId: sub })), {
      status: 409,
      code: 'directory.department_cycle',
      details: { in: 'body', field: '/parentId', departmentId: a, parentId: sub },
    });
    assert.equal((await e.c.post('/api/v1/contacts/tags', { name: '骨干' })).status, 201);
    assert.deepEqual(refusal(await e.c.post('/api/v1/contacts/tags', { name: '骨干' })), { status: 409, code: 'directory.tag_name_taken', details: { in: 'body', field: '/name', name: '骨干' } });

    // Rules of the schema, in the same shape.
    assert.deepEqual(refusal(await e.c.post('/api/v1/contacts/members', { name: '王二', userid: 'wanger', phone: '12', departmentIds: [a] })), {
      status: 400,
      code: 'request.invalid',
      details: { in: 'body', field: '/phone', reason: 'pattern' },
    });
    assert.deepEqual(refusal(await e.c.post('/api/v1/contacts/members', { name: '王二', userid: 'wanger', email: 'wanger@', departmentIds: [a] })).details?.field, '/email');
    assert.deepEqual(refusal(await e.c.post('/api/v1/contacts/members', { userid: 'wanger', departmentIds: [a] })), {
      status: 400,
      code: 'request.invalid',
      details: { in: 'body', field: '/name', reason: 'required' },
    });

    // A hierarchical admin adding to a department outside its scope: the place in the list.
    const admin = await e.member('分级管理员', [a]);
    assert.equal((await e.owner.post('/api/v1/admins/hierarchical', { memberId: admin.memberId, rights: rights([a]) })).status, 204);
    assert.deepEqual(refusal(await admin.client.post('/api/v1/contacts/members', { name: '王三', userid: 'wangsan', departmentIds: [a, b] })), {
      status: 403,
      code: 'directory.out_of_scope',
      details: { in: 'body', field: '/departmentIds/1', departmentId: b },
    });
  });

  it('decision (contacts.md, department counts): a department counts its members and those of its sub-departments, each once, departed members not; a hierarchical admin sees the counts of its subtree', async () => {
    const e = await enterprise();
    const rd = await e.dept(e.root, '研发部');
    const fe = await e.dept(rd, '前端组');
    const be = await e.dept(rd, '后端组');
    const mobile = await e.dept(fe, '移动端');
    const market = await e.dept(e.root, '市场部');
    await e.person('甲', [rd]);
    await e.person('乙', [fe, be]);
    await e.person('丙', [mobile]);
    await e.person('丁', [be, market]);
    const leaving = await e.person('戊', [be]);
    await e.person('己', [market]);
    assert.equal((await e.c.post(`/api/v1/contacts/members/${leaving}/depart`)).status, 204);
    const disabled = await e.person('庚', [mobile]);
    assert.equal((await e.c.post(`/api/v1/contacts/members/${disabled}/status`, { status: 'disabled' })).status, 204);

    // [directly in it, with its sub-departments]; the creator sits in the root.
    assert.deepEqual(await e.counts(), { [e.root]: [1, 7], [rd]: [1, 5], [market]: [2, 2], [fe]: [1, 3], [be]: [2, 2], [mobile]: [2, 2] });

    const admin = await e.member('前端管理员', [fe]);
    assert.equal((await e.owner.post('/api/v1/admins/hierarchical', { memberId: admin.memberId, rights: rights([fe]) })).status, 204);
    assert.deepEqual(await e.counts(admin.client), { [fe]: [2, 4], [mobile]: [2, 2] });
  });

  it('decision (contacts.md, page numbers): the list pages by offset with the total of the same filter; the cursor still walks it; both at once are refused', async () => {
    const e = await enterprise();
    const rd = await e.dept(e.root, '研发部');
    const fe = await e.dept(rd, '前端组');
    for (const name of ['安一', '白二', '蔡三', '邓四']) await e.person(name, [fe]);
    await e.person('范五', [rd]);
    const leaving = await e.person('葛六', [fe]);
    assert.equal((await e.c.post(`/api/v1/contacts/members/${leaving}/depart`)).status, 204);

    // The creator (创建者, chuangjianzhe) sits in the root: 6 members not departed in all.
    assert.deepEqual(await e.page(`departmentId=${e.root}&includeSub=true&withTotal=true&limit=2`), { names: ['安一', '白二'], total: 6, more: true });
    assert.deepEqual(await e.page(`departmentId=${e.root}&includeSub=true&withTotal=true&limit=2&offset=2`), { names: ['蔡三', '创建者'], total: 6, more: true });
    assert.deepEqual(await e.page(`departmentId=${e.root}&includeSub=true&withTotal=true&limit=2&offset=4`), { names: ['邓四', '范五'], total: 6, more: false });
    assert.deepEqual(await e.page(`departmentId=${e.root}&includeSub=true&withTotal=true&limit=2&offset=6`), { names: [], total: 6, more: false });
    assert.deepEqual(await e.page(`departmentId=${rd}&includeSub=true&withTotal=true&limit=3&offset=3`), { names: ['邓四', '范五'], total: 5, more: false });
    assert.deepEqual(await e.page(`departmentId=${rd}&withTotal=true&limit=3`), { names: ['范五'], total: 1, more: false });
    assert.deepEqual(await e.page(`departmentId=${e.root}&includeSub=true&withTotal=true&q=${encodeURIComponent('蔡')}`), { names: ['蔡三'], total: 1, more: false });
    // The root's subtree with the departed: they sit in no department any more.
    assert.deepEqual(await e.page(`departmentId=${e.root}&includeSub=true&activation=departed&withTotal=true`), { names: [], total: 0, more: false });
    assert.deepEqual(await e.page('activation=departed&withTotal=true'), { names: ['葛六'], total: 1, more: false });
    // Without withTotal there is no count (integrations walking by cursor pay nothing for it).
    const first = await e.c.get<Page>(`/api/v1/contacts/members?departmentId=${e.root}&includeSub=true&limit=4`);
    assert.equal('total' in first.body, false);
    const rest = await e.c.get<Page>(`/api/v1/contacts/members?departmentId=${e.root}&includeSub=true&limit=4&cursor=${first.body.nextCursor}`);
    assert.deepEqual(rest.body.items.map((m) => m.name), ['邓四', '范五']);
    assert.deepEqual(refusal(await e.c.get(`/api/v1/contacts/members?limit=4&offset=4&cursor=${first.body.nextCursor}`)), {
      status: 400,
      code: 'request.invalid',
      details: { in: 'querystring', field: '/offset', reason: 'offset_with_cursor' },
    });
  });
});
