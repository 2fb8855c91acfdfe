import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, keepSessions, type Client, type TestApp } from '../../../test/support/app.ts';
import { addMember, errorCode, newCorp, securityBought, seedCustomers, signedInMember, type Corp } from '../customers/testing/index.ts';
import { servedCount } from '../customers/index.ts';
import { Org, simpleTemplate, submit, tasks, template, type World } from '../approval/testing/index.ts';
import { DirectoryFixture } from '../directory/testing/index.ts';
import { rootDepartmentId } from '../directory/index.ts';
import { addHierarchicalAdmin } from '../admin/testing/index.ts';

type Assets = { docsFiles: number; docsSpaces: number; files: number; customers: number; customerGroups: number; approvalTasks: number };
type Pending = { active: boolean; items: { memberId: string; name: string; assets: Assets }[] };
type Handover = { id: string; fromName: string; toName: string; state: string; moved: Assets; left: { taskId: string; reason: string }[]; byName: string; createdAt: string; automatic: boolean; repeated: boolean };

describeEachDialect('数据资产交接 (data hand-over)', (use) => {
  let t: TestApp;
  let dataDir: string;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'banyan-handover-'));
    // Many members sign in to act (docs, customers): the per-minute sign-in limit is not under test here.
    t = await createTestApp(use(), { signInLimitPerMinute: 1000, dataDir });
  });
  after(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  let start = 0;
  before(() => {
    start = t.clock.now();
  });

  let seq = 0;
  const bought = () => securityBought(t);

  const world = async (corp: Corp): Promise<World> => ({ org: await Org.open(t.deps, corp.corpId, () => t.clock.now()), outbox: t.deps.outbox, adminId: corp.creatorId, corpId: corp.corpId, client: corp.client });

  /**
   * 李雷 with two documents of his own, a team space he manages, two customers (one of them also
   * the successor's), a customer group and one task to approve on 韩梅梅's request; then he leaves.
   */
  async function leaver(corp: Corp, successor: { client: Client; memberId: string }) {
    const li = await signedInMember(t, corp.corpId, '李雷');
    for (const title of ['周报', '客户清单']) assert.equal((await li.client.post('/api/v1/docs/files', { kind: 'document', title })).status, 201);
    const space = await li.client.post<{ id: string }>('/api/v1/docs/spaces', { name: '销售部空间', members: [] });
    assert.equal(space.status, 201);
    for (const [externalId, name] of [['wx_zhang', '张先生'], ['wx_wang', '王女士']]) assert.equal((await li.client.post('/api/v1/customers/friends', { externalId, name })).status, 201);
    assert.equal((await successor.client.post('/api/v1/customers/friends', { externalId: 'wx_wang', name: '王女士' })).status, 201);
    assert.equal((await li.client.post('/api/v1/customer-groups', { name: '华东客户群' })).status, 201);
    const w = await world(corp);
    const han = await w.org.member('韩梅梅');
    const request = await submit(w, han, { templateId: await template(w, simpleTemplate([{ id: 'a', kind: 'approver', name: '主管', assignee: { type: 'members', memberIds: [li.memberId], mode: 'all' } }])), form: { reason: '出差' } });
    assert.equal((await corp.client.post(`/api/v1/contacts/members/${li.memberId}/depart`, {})).status, 204);
    await t.deps.outbox.drain();
    return { li, w, space: space.body.id, requestId: request.instanceId, applicant: han };
  }

  const pendingOf = async (corp: Corp) => (await corp.client.get<Pending>('/api/v1/security/handovers/pending')).body;

  it('seed rule 数据资产交接 (文档、客户、审批): a departed member is listed with what waits; the hand-over moves docs, customers and open tasks to the successor and records it', async () => {
    const { corp } = await bought();
    const successor = await signedInMember(t, corp.corpId, '王芳');
    const { li, w, space, requestId } = await leaver(corp, successor);
    const served = await servedCount(t.deps.db, corp.corpId);

    const pending = await pendingOf(corp);
    assert.deepEqual(
      [pending.active, pending.items.map((i) => [i.memberId, i.name, i.assets])],
      [true, [[li.memberId, '李雷', { docsFiles: 2, docsSpaces: 1, files: 0, customers: 2, customerGroups: 1, approvalTasks: 1 }]]],
    );

    const res = await corp.client.post<Handover>('/api/v1/security/handovers', { fromMemberId: li.memberId, toMemberId: successor.memberId });
    assert.equal(res.status, 201);
    assert.deepEqual(
      [res.body.fromName, res.body.toName, res.body.state, res.body.moved, res.body.left, res.body.repeated, res.body.createdAt],
      ['李雷', '王芳', 'completed', { docsFiles: 2, docsSpaces: 1, files: 0, customers: 2, customerGroups: 1, approvalTasks: 1 }, [], false, new Date(t.clock.now()).toISOString()],
    );

    const spaces = (await successor.client.get<{ items: { id: string; kind: string; name: string; role: string }[] }>('/api/v1/docs/spaces')).body.items;
    assert.deepEqual(spaces.map((s) => [s.kind, s.name, s.role]), [['personal', '', 'manage'], ['team', '销售部空间', 'manage']]);
    const files = (await successor.client.get<{ items: { title: string }[] }>(`/api/v1/docs/spaces/${spaces[0]!.id}/files`)).body.items;
    assert.deepEqual(files.map((f) => f.title).sort(), ['周报', '客户清单'].sort());
    const managers = (await successor.client.get<{ items: { name: string; role: string }[] }>(`/api/v1/docs/spaces/${space}/members`)).body.items;
    assert.deepEqual(managers.map((m) => [m.name, m.role]), [['王芳', 'manage']]);

    const friends = (await successor.client.get<{ items: { name: string }[] }>('/api/v1/customers/friends')).body.items;
    assert.deepEqual(friends.map((f) => f.name).sort(), ['张先生', '王女士'].sort());
    assert.equal(await servedCount(t.deps.db, corp.corpId), served, 'a customer both had keeps its one quota place; none freed or taken');
    const groups = (await successor.client.get<{ items: { name: string; ownerMemberId: string }[] }>('/api/v1/customer-groups')).body.items;
    assert.deepEqual(groups.map((g) => [g.name, g.ownerMemberId]), [['华东客户群', successor.memberId]]);

    assert.deepEqual(
      (await tasks(w, requestId)).map((x) => [x.assignee, x.status]),
      [
        [li.memberId, 'transferred'],
        [successor.memberId, 'pending'],
      ],
    );

    assert.deepEqual((await pendingOf(corp)).items, []);
    const history = (await corp.client.get<{ items: Handover[] }>('/api/v1/security/handovers')).body.items;
    assert.deepEqual(history.map((h) => [h.id, h.fromName, h.toName, h.state, h.byName]), [[res.body.id, '李雷', '王芳', 'completed', res.body.byName]]);
  });

  it('issue rule 数据资产交接 of files: a departed member’s files and folders go into one folder named after them at the successor’s top level (「李雷 (2)」 when that name is taken), confidential ones staying confidential', async () => {
    type File = { id: string; name: string; confidential: boolean; folderId: string | null; forwardedBy: string | null };
    type Folder = { id: string; name: string; parentId: string | null };
    const { corp } = await bought();
    const successor = await signedInMember(t, corp.corpId, '王芳');
    const li = await signedInMember(t, corp.corpId, '李雷');
    const form = (text: string, name: string) => {
      const f = new FormData();
      f.append('file', new Blob([text]), name);
      return f;
    };
    const contracts = await li.client.post<Folder>('/api/v1/file-folders', { name: '合同' });
    assert.equal((await li.client.postForm('/api/v1/files', form('plan', '计划.txt'))).status, 201);
    assert.equal((await li.client.postForm(`/api/v1/files?folderId=${contracts.body.id}`, form('terms', '条款.txt'))).status, 201);
    // Seated and in scope: 李雷's last upload is confidential.
    assert.equal((await corp.client.put(`/api/v1/features/security/seats/${li.memberId}`)).status, 204);
    assert.equal((await corp.client.put('/api/v1/security/leak-policy', { enabled: true, scope: { memberIds: [li.memberId], departmentIds: [], tagIds: [] }, whitelist: { memberIds: [], departmentIds: [], tagIds: [] }, blockDownload: true, blockExternalShare: false })).status, 200);
    const secret = await li.client.postForm<File>('/api/v1/files', form('secret', '保密.txt'));
    assert.equal(secret.body.confidential, true);
    // The successor already has a folder named 李雷.
    assert.equal((await successor.client.post('/api/v1/file-folders', { name: '李雷' })).status, 201);
    assert.equal((await corp.client.post(`/api/v1/contacts/members/${li.memberId}/depart`, {})).status, 204);
    await t.deps.outbox.drain();

    const pending = await pendingOf(corp);
    assert.deepEqual(pending.items.map((i) => [i.name, i.assets]), [['李雷', { docsFiles: 0, docsSpaces: 0, files: 3, customers: 0, customerGroups: 0, approvalTasks: 0 }]]);
    const res = await corp.client.post<Handover>('/api/v1/security/handovers', { fromMemberId: li.memberId, toMemberId: successor.memberId });
    assert.deepEqual([res.status, res.body.state, res.body.moved], [201, 'completed', { docsFiles: 0, docsSpaces: 0, files: 3, customers: 0, customerGroups: 0, approvalTasks: 0 }]);

    const top = (await successor.client.get<{ items: Folder[] }>('/api/v1/file-folders')).body.items;
    assert.deepEqual(top.map((f) => f.name), ['李雷', '李雷 (2)']);
    const handed = top.find((f) => f.name === '李雷 (2)')!;
    const inHanded = (await successor.client.get<{ items: File[] }>(`/api/v1/files?folderId=${handed.id}`)).body.items;
    assert.deepEqual(inHanded.map((f) => [f.name, f.confidential]).sort(), [['计划.txt', false], ['保密.txt', true]].sort());
    const folders = (await successor.client.get<{ items: Folder[] }>(`/api/v1/file-folders?parentId=${handed.id}`)).body.items;
    assert.deepEqual(folders.map((f) => f.name), ['合同']);
    const deeper = (await successor.client.get<{ items: File[] }>(`/api/v1/files?folderId=${folders[0]!.id}`)).body.items;
    assert.deepEqual(deeper.map((f) => f.name), ['条款.txt']);
    assert.equal((await successor.client.get(`/api/v1/files/${deeper[0]!.id}/download`)).body, 'terms');
    // Still confidential, so still preview-only for the successor.
    assert.equal((await successor.client.get(`/api/v1/files/${secret.body.id}/download`)).status, 403);
    assert.equal((await successor.client.get(`/api/v1/files/${secret.body.id}/view`)).body, 'secret');
    assert.deepEqual((await pendingOf(corp)).items, []);
    const again = await corp.client.post<Handover>('/api/v1/security/handovers', { fromMemberId: li.memberId, toMemberId: successor.memberId });
    assert.deepEqual([again.status, again.body.repeated], [200, true]);
    assert.equal((await successor.client.get<{ items: Folder[] }>('/api/v1/file-folders')).body.items.length, 2);
  });

  it('issue rule idempotent: repeating the hand-over moves nothing twice and answers the earlier record (200, repeated)', async () => {
    const { corp } = await bought();
    const successor = await signedInMember(t, corp.corpId, '王芳');
    const other = await addMember(t, corp.corpId, '赵六');
    const { li } = await leaver(corp, successor);
    const first = await corp.client.post<Handover>('/api/v1/security/handovers', { fromMemberId: li.memberId, toMemberId: successor.memberId });
    assert.equal(first.status, 201);
    const again = await corp.client.post<Handover>('/api/v1/security/handovers', { fromMemberId: li.memberId, toMemberId: successor.memberId });
    assert.deepEqual([again.status, again.body.id, again.body.repeated, again.body.moved], [200, first.body.id, true, first.body.moved]);
    // A repeat naming someone else moves nothing to them either.
    const elsewhere = await corp.client.post<Handover>('/api/v1/security/handovers', { fromMemberId: li.memberId, toMemberId: other });
    assert.deepEqual([elsewhere.status, elsewhere.body.id, elsewhere.body.toName], [200, first.body.id, '王芳']);
    assert.equal((await corp.client.get<{ items: Handover[] }>('/api/v1/security/handovers')).body.items.length, 1);
    assert.equal((await successor.client.get<{ items: unknown[] }>('/api/v1/customers/friends')).body.items.length, 2);
  });

  it('issue rule idempotent under concurrency: two hand-overs of the same member at once move everything once and make one record', async () => {
    const { corp } = await bought();
    const successor = await signedInMember(t, corp.corpId, '王芳');
    const { li } = await leaver(corp, successor);
    const body = { fromMemberId: li.memberId, toMemberId: successor.memberId };
    const both = await Promise.all([corp.client.post<Handover>('/api/v1/security/handovers', body), corp.client.post<Handover>('/api/v1/security/handovers', body)]);
    assert.deepEqual(both.map((r) => r.status).sort(), [200, 201]);
    assert.deepEqual(new Set(both.map((r) => r.body.id)).size, 1);
    assert.deepEqual(both.find((r) => r.status === 201)!.body.moved, { docsFiles: 2, docsSpaces: 1, files: 0, customers: 2, customerGroups: 1, approvalTasks: 1 });
    assert.equal((await corp.client.get<{ items: Handover[] }>('/api/v1/security/handovers')).body.items.length, 1);
    assert.equal((await successor.client.get<{ items: unknown[] }>('/api/v1/customers/friends')).body.items.length, 2);
  });

  it('issue rule the successor must be an active member of the same enterprise: missing, of another enterprise, disabled or departed is refused with a code and nothing moves', async () => {
    const { corp } = await bought();
    const successor = await signedInMember(t, corp.corpId, '王芳');
    const { li } = await leaver(corp, successor);
    const before = await pendingOf(corp);

    const missing = await corp.client.post('/api/v1/security/handovers', { fromMemberId: li.memberId });
    assert.equal(missing.status, 400);
    assert.equal(errorCode(missing.body), 'request.invalid');

    const foreign = await newCorp(t);
    const outsider = await addMember(t, foreign.corpId, '外人');
    const notMember = await corp.client.post('/api/v1/security/handovers', { fromMemberId: li.memberId, toMemberId: outsider });
    assert.deepEqual([notMember.status, errorCode(notMember.body), (notMember.body as { error: { details: unknown } }).error.details], [400, 'handover.successor_not_member', { field: '/toMemberId', memberId: outsider }]);

    const contacts = await DirectoryFixture.open(t.deps.db, corp.corpId, () => t.clock.now());
    const disabled = await addMember(t, corp.corpId, '停用者');
    await contacts.setStatus(disabled, 'disabled');
    const off = await corp.client.post('/api/v1/security/handovers', { fromMemberId: li.memberId, toMemberId: disabled });
    assert.deepEqual([off.status, errorCode(off.body), (off.body as { error: { details: { status: string } } }).error.details.status], [409, 'handover.successor_inactive', 'disabled']);
    const gone = await corp.client.post('/api/v1/security/handovers', { fromMemberId: li.memberId, toMemberId: li.memberId });
    assert.deepEqual([gone.status, errorCode(gone.body), (gone.body as { error: { details: { status: string } } }).error.details.status], [409, 'handover.successor_inactive', 'departed']);

    const notDeparted = await corp.client.post('/api/v1/security/handovers', { fromMemberId: successor.memberId, toMemberId: successor.memberId });
    assert.deepEqual([notDeparted.status, errorCode(notDeparted.body)], [409, 'handover.not_departed']);
    const foreignFrom = await corp.client.post('/api/v1/security/handovers', { fromMemberId: outsider, toMemberId: successor.memberId });
    assert.deepEqual([foreignFrom.status, errorCode(foreignFrom.body)], [422, 'request.unknown_id']);

    assert.deepEqual(await pendingOf(corp), before);
    assert.deepEqual((await corp.client.get<{ items: Handover[] }>('/api/v1/security/handovers')).body.items, []);
  });

  it('issue rule lapse of the feature: at the exact instant the 安全管理 purchase ends a hand-over is refused (security.not_active) and nothing moves; one millisecond before it works', async () => {
    const { corp, activeUntil } = await bought();
    const successor = await signedInMember(t, corp.corpId, '王芳');
    const { li } = await leaver(corp, successor);
    await keepSessions(t);
    try {
      t.clock.set(activeUntil);
      const refused = await corp.client.post('/api/v1/security/handovers', { fromMemberId: li.memberId, toMemberId: successor.memberId });
      assert.deepEqual([refused.status, errorCode(refused.body)], [409, 'security.not_active']);
      const pending = await pendingOf(corp);
      assert.deepEqual([pending.active, pending.items[0]!.assets.customers], [false, 2]);
      t.clock.set(activeUntil - 1);
      const done = await corp.client.post<Handover>('/api/v1/security/handovers', { fromMemberId: li.memberId, toMemberId: successor.memberId });
      assert.equal(done.status, 201);
    } finally {
      t.clock.set(start);
    }
  });

  it('no 安全管理 purchase: the hand-over is refused with security.not_active', async () => {
    const corp = await newCorp(t);
    const successor = await signedInMember(t, corp.corpId, '王芳');
    const { li } = await leaver(corp, successor);
    const refused = await corp.client.post('/api/v1/security/handovers', { fromMemberId: li.memberId, toMemberId: successor.memberId });
    assert.deepEqual([refused.status, errorCode(refused.body)], [409, 'security.not_active']);
  });

  it('a task on the successor’s own request stays (nobody approves their own request): the hand-over is partial and says which task', async () => {
    const { corp } = await bought();
    const successor = await signedInMember(t, corp.corpId, '王芳');
    const li = await signedInMember(t, corp.corpId, '李雷');
    const w = await world(corp);
    const request = await submit(w, successor.memberId, { templateId: await template(w, simpleTemplate([{ id: 'a', kind: 'approver', name: '主管', assignee: { type: 'members', memberIds: [li.memberId], mode: 'all' } }])), form: { reason: '报销' } });
    assert.equal((await corp.client.post(`/api/v1/contacts/members/${li.memberId}/depart`, {})).status, 204);
    await t.deps.outbox.drain();
    const res = await corp.client.post<Handover>('/api/v1/security/handovers', { fromMemberId: li.memberId, toMemberId: successor.memberId });
    const open = (await tasks(w, request.instanceId)).filter((x) => x.status === 'pending');
    assert.deepEqual([res.status, res.body.state, res.body.moved.approvalTasks, res.body.left], [201, 'partial', 0, [{ taskId: open[0]!.id, reason: 'successor_is_applicant' }]]);
    assert.deepEqual(open.map((x) => x.assignee), [li.memberId]);
    const nothing = await corp.client.post('/api/v1/security/handovers', { fromMemberId: (await addDeparted(corp)), toMemberId: successor.memberId });
    assert.deepEqual([nothing.status, errorCode(nothing.body)], [409, 'handover.nothing_pending']);
  });

  async function addDeparted(corp: Corp): Promise<string> {
    const id = await addMember(t, corp.corpId, '空手离职');
    assert.equal((await corp.client.post(`/api/v1/contacts/members/${id}/depart`, {})).status, 204);
    return id;
  }

  it('decision: a hierarchical admin managing the 高级功能 app hands over, as for the other 安全管理 functions; one without it is refused (403)', async () => {
    const { corp } = await bought();
    const successor = await signedInMember(t, corp.corpId, '王芳');
    const { li } = await leaver(corp, successor);
    const withApp = await signedInMember(t, corp.corpId, '分管甲');
    const without = await signedInMember(t, corp.corpId, '分管乙');
    await t.deps.db.transaction().execute(async (trx) => {
      const root = await rootDepartmentId(trx, corp.corpId);
      const ctx = { corpId: corp.corpId, trx, now: t.clock.now(), log: t.deps.log, registry: t.deps.registry, actor: { kind: 'member' as const, id: corp.creatorId, name: 'x', accountId: corp.client.me.account.id } };
      await addHierarchicalAdmin(ctx, { memberId: withApp.memberId, rights: { departmentIds: [root], apps: [{ appId: 'features', level: 'manage' }], deviceBind: false, deviceIds: [] } });
      await addHierarchicalAdmin(ctx, { memberId: without.memberId, rights: { departmentIds: [root], apps: [], deviceBind: false, deviceIds: [] } });
    });
    const body = { fromMemberId: li.memberId, toMemberId: successor.memberId };
    assert.equal((await without.client.post('/api/v1/security/handovers', body)).status, 403);
    const done = await withApp.client.post<Handover>('/api/v1/security/handovers', body);
    assert.deepEqual([done.status, done.body.byName], [201, '分管甲']);
  });

  it('a member without the 高级功能 app right cannot list or hand over (403)', async () => {
    const { corp } = await bought();
    const member = await signedInMember(t, corp.corpId, '普通成员');
    assert.equal((await member.client.get('/api/v1/security/handovers/pending')).status, 403);
    assert.equal((await member.client.post('/api/v1/security/handovers', { fromMemberId: member.memberId, toMemberId: member.memberId })).status, 403);
  });

  const historyOf = async (corp: Corp) => (await corp.client.get<{ items: Handover[] }>('/api/v1/security/handovers')).body.items;
  const depart = async (corp: Corp, memberId: string) => {
    assert.equal((await corp.client.post(`/api/v1/contacts/members/${memberId}/depart`, {})).status, 204);
    await t.deps.outbox.drain();
  };

  it('issue rule automatic hand-over to the department head: with the rule on, a departure hands the data to the head of the member’s department (the nearest above when it has none)', async () => {
    const { corp } = await bought();
    const contacts = await DirectoryFixture.open(t.deps.db, corp.corpId, () => t.clock.now());
    const sales = await contacts.department('销售部');
    const team = await contacts.department('销售一组', sales);
    const han = await addMember(t, corp.corpId, '韩梅梅');
    await contacts.head(sales, han);
    const rule = await corp.client.put('/api/v1/security/handover-rule', { mode: 'department_head', memberId: null });
    assert.deepEqual([rule.status, rule.body], [200, { active: true, rule: { mode: 'department_head', memberId: null } }]);
    // Customers seeded as adds would make them (the sign-ins of a suite are rate-limited).
    const li = await contacts.member('李雷', [team], { userid: `lilei${++seq}` });
    await seedCustomers(t.deps.db, corp.corpId, li, 1, t.clock.now(), 'auto');
    await depart(corp, li);
    const history = await historyOf(corp);
    assert.deepEqual(
      history.map((h) => [h.fromName, h.toName, h.state, h.automatic, h.moved.customers]),
      [['李雷', '韩梅梅', 'completed', true, 1]],
    );
    assert.deepEqual((await pendingOf(corp)).items, []);
  });

  it('issue rule automatic hand-over to a named member; when the named member is no longer active the data waits for an admin, and a rule naming an inactive member is refused', async () => {
    const { corp } = await bought();
    const contacts = await DirectoryFixture.open(t.deps.db, corp.corpId, () => t.clock.now());
    const wang = await addMember(t, corp.corpId, '王芳');
    const missing = await corp.client.put('/api/v1/security/handover-rule', { mode: 'member', memberId: null });
    assert.deepEqual([missing.status, errorCode(missing.body)], [400, 'handover.rule_member_missing']);
    assert.equal((await corp.client.put('/api/v1/security/handover-rule', { mode: 'member', memberId: wang })).status, 200);

    const zhao = await addMember(t, corp.corpId, '赵六');
    await seedCustomers(t.deps.db, corp.corpId, zhao, 1, t.clock.now(), 'named');
    await depart(corp, zhao);
    assert.deepEqual((await historyOf(corp)).map((h) => [h.fromName, h.toName, h.automatic]), [['赵六', '王芳', true]]);

    await contacts.setStatus(wang, 'disabled');
    const refused = await corp.client.put('/api/v1/security/handover-rule', { mode: 'member', memberId: wang });
    assert.deepEqual([refused.status, errorCode(refused.body)], [409, 'handover.successor_inactive']);
    const li = await addMember(t, corp.corpId, '李雷');
    await seedCustomers(t.deps.db, corp.corpId, li, 1, t.clock.now(), 'wait');
    await depart(corp, li);
    assert.equal((await historyOf(corp)).length, 1);
    assert.deepEqual((await pendingOf(corp)).items.map((i) => [i.name, i.assets.customers]), [['李雷', 1]]);
  });

  it('issue rule lapse of the feature: a departure at the exact instant the purchase ends hands nothing over by the rule; the data waits', async () => {
    const { corp, activeUntil } = await bought();
    const wang = await addMember(t, corp.corpId, '王芳');
    assert.equal((await corp.client.put('/api/v1/security/handover-rule', { mode: 'member', memberId: wang })).status, 200);
    const li = await addMember(t, corp.corpId, '李雷');
    await seedCustomers(t.deps.db, corp.corpId, li, 1, t.clock.now(), 'lapse');
    await keepSessions(t);
    try {
      t.clock.set(activeUntil);
      await depart(corp, li);
      assert.deepEqual(await historyOf(corp), []);
      assert.deepEqual((await pendingOf(corp)).items.map((i) => [i.name, i.assets.customers]), [['李雷', 1]]);
      const rule = await corp.client.get<{ active: boolean; rule: { mode: string } }>('/api/v1/security/handover-rule');
      assert.deepEqual([rule.body.active, rule.body.rule.mode], [false, 'member']);
    } finally {
      t.clock.set(start);
    }
  });
});
