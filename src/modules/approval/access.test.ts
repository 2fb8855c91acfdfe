import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, keepSessions, type TestApp } from '../../../test/support/app.ts';
import { DAY, HOUR } from '../../platform/clock.ts';
import { loadExcel } from '../../platform/excel.ts';
import type { Client } from '../../../test/support/app.ts';
import type { ActionNode, Settings } from './approval.model.ts';
import { act, signedIn, simpleTemplate, taskOf, world, type World } from './testing/index.ts';
import { ensureBuiltinTemplate } from './templates.service.ts';

type Err = { error: { code: string; details: Record<string, unknown> } };
type TemplateReply = { id: string; version: number; canManage: boolean; visibility: unknown; assistantIds: string[] };
type DataReply = { items: { id: string; templateName: string; applicantName: string; submitterName: string; status: string }[]; nextCursor: string | null };
const approver = (memberId: string): ActionNode => ({ id: 'a', kind: 'approver', name: '审批人', assignee: { type: 'members', memberIds: [memberId], mode: 'all' } });
const cookie = (client: Client) => [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

describeEachDialect('approval app management: 可见范围, 撤销权限, 协助管理, 审批数据', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use(), { signInLimitPerMinute: 1000 });
  });
  after(() => t.close());

  async function newTemplate(w: World, boss: string, extra: Record<string, unknown> = {}, settings: Partial<Settings> = {}): Promise<TemplateReply> {
    const res = await w.client.post<TemplateReply>('/api/v1/approvals/templates', { ...simpleTemplate([approver(boss)], settings), ...extra });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  }
  const submit = (who: { client: Client }, templateId: string, extra: Record<string, unknown> = {}) => who.client.post<{ instanceId: string } & Err>('/api/v1/approvals/requests', { templateId, form: { reason: '出差' }, ...extra });

  it('seed rule 可见范围: only the members, departments (with sub-departments) and tags named see and submit the template; others do not see it and a submit is 403', async () => {
    const w = await world(t);
    const sales = await w.org.department('销售部');
    const east = await w.org.department('华东组', sales);
    const boss = await signedIn(t, w, '老板');
    const inSub = await signedIn(t, w, '华东销售', east);
    const tagged = await signedIn(t, w, '带标签');
    const named = await signedIn(t, w, '点名');
    const outsider = await signedIn(t, w, '外人');
    const tag = await w.org.tag('差旅', [tagged.id]);
    const open = await newTemplate(w, boss.id);
    const limited = await newTemplate(w, boss.id, { name: '出差申请', visibility: { memberIds: [named.id], departmentIds: [sales], tagIds: [tag] }, settings: { ...simpleTemplate([]).settings, allowOnBehalf: true } });

    for (const member of [inSub, tagged, named]) {
      const listed = await member.client.get<{ items: { id: string; canManage: boolean }[] }>('/api/v1/approvals/templates');
      assert.deepEqual(listed.body.items.map((x) => [x.id, x.canManage]), [[open.id, false], [limited.id, false]]);
      assert.equal((await submit(member, limited.id)).status, 201);
    }
    const outsiderList = await outsider.client.get<{ items: { id: string }[] }>('/api/v1/approvals/templates');
    assert.deepEqual(outsiderList.body.items.map((x) => x.id), [open.id]);
    const read = await outsider.client.get<Err>(`/api/v1/approvals/templates/${limited.id}`);
    assert.deepEqual([read.status, read.body.error.code], [403, 'approval.not_visible']);
    const preview = await outsider.client.post<Err>('/api/v1/approvals/preview', { templateId: limited.id, form: { reason: '出差' } });
    assert.deepEqual([preview.status, preview.body.error.code], [403, 'approval.not_visible']);
    const refused = await submit(outsider, limited.id);
    assert.deepEqual([refused.status, refused.body.error.code], [403, 'approval.not_visible']);
    // 代他人提交: the request is the applicant's, so they must be in the range too.
    const forOutsider = await submit(named, limited.id, { applicantId: outsider.id });
    assert.deepEqual([forOutsider.status, forOutsider.body.error.code, forOutsider.body.error.details.field], [403, 'approval.not_visible', '/applicantId']);
    // The admin sees every template, whatever its range.
    const adminList = await w.client.get<{ items: { id: string; canManage: boolean }[] }>('/api/v1/approvals/templates');
    assert.deepEqual(adminList.body.items.filter((x) => x.id === open.id || x.id === limited.id).map((x) => x.canManage), [true, true]);
  });

  it('decision: a visible range names ids of this enterprise and is not empty; an update without it keeps it; a built-in template takes none', async () => {
    const w = await world(t);
    const boss = await signedIn(t, w, '老板');
    const unknown = await w.client.post<Err>('/api/v1/approvals/templates', { ...simpleTemplate([approver(boss.id)]), visibility: { departmentIds: ['dept_nowhere'] } });
    assert.deepEqual([unknown.status, unknown.body.error.code, unknown.body.error.details], [422, 'request.unknown_id', { in: 'body', field: '/visibility/departmentIds/0', id: 'dept_nowhere' }]);
    const empty = await w.client.post<Err>('/api/v1/approvals/templates', { ...simpleTemplate([approver(boss.id)]), visibility: { memberIds: [] } });
    assert.deepEqual([empty.status, empty.body.error.details.reason], [422, 'empty_visibility']);
    const made = await newTemplate(w, boss.id, { visibility: { memberIds: [boss.id] } });
    const kept = await w.client.put<TemplateReply>(`/api/v1/approvals/templates/${made.id}`, { ...simpleTemplate([approver(boss.id)]), name: '改名', expectedVersion: 1 });
    assert.deepEqual(kept.body.visibility, { memberIds: [boss.id] });
    const cleared = await w.client.put<TemplateReply>(`/api/v1/approvals/templates/${made.id}`, { ...simpleTemplate([approver(boss.id)]), visibility: null, expectedVersion: 2 });
    assert.equal(cleared.body.visibility, null);
    // A built-in template is submitted from its own feature: it takes no visible range.
    const builtin = await w.org.as(w.adminId, (ctx) => ensureBuiltinTemplate(ctx, { kind: 'test.builtin', template: simpleTemplate([approver(boss.id)]) }));
    const ranged = await w.client.put<Err>(`/api/v1/approvals/templates/${builtin.id}`, { ...simpleTemplate([approver(boss.id)]), name: builtin.name, visibility: { memberIds: [boss.id] }, expectedVersion: builtin.version });
    assert.deepEqual([ranged.status, ranged.body.error.code, ranged.body.error.details.reason], [409, 'approval.template_builtin', 'visibility_not_applicable']);
  });

  it('seed rule 撤销权限: the applicant withdraws a running request unless the template forbids it, and an approved one only as allowed (never, any time, within N days)', async () => {
    const w = await world(t);
    const boss = await signedIn(t, w, '老板');
    const applicant = await signedIn(t, w, '申请人');
    const withdraw = (id: string) => applicant.client.post<Err & { instanceStatus: string }>(`/api/v1/approvals/requests/${id}/withdraw`);
    const canWithdraw = async (id: string) => (await applicant.client.get<{ canWithdraw: boolean }>(`/api/v1/approvals/requests/${id}`)).body.canWithdraw;
    const approved = async (templateId: string) => {
      const { instanceId } = (await submit(applicant, templateId)).body;
      await act(w, boss.id, await taskOf(w, instanceId, boss.id), { action: 'approve' });
      return instanceId;
    };

    const locked = await newTemplate(w, boss.id, {}, { withdrawRunning: false });
    const running = (await submit(applicant, locked.id)).body.instanceId;
    assert.equal(await canWithdraw(running), false);
    const refused = await withdraw(running);
    assert.deepEqual([refused.status, refused.body.error.code, refused.body.error.details.reason], [409, 'approval.withdraw_not_allowed', 'running_not_allowed']);

    const never = await newTemplate(w, boss.id);
    const open = (await submit(applicant, never.id)).body.instanceId;
    assert.equal(await canWithdraw(open), true);
    // The approver sees no withdrawal: only the applicant or the submitter withdraws.
    assert.equal((await boss.client.get<{ canWithdraw: boolean }>(`/api/v1/approvals/requests/${open}`)).body.canWithdraw, false);
    assert.deepEqual([(await withdraw(open)).body.instanceStatus], ['withdrawn']);
    const done = await approved(never.id);
    assert.equal(await canWithdraw(done), false);
    assert.equal((await withdraw(done)).body.error.details.reason, 'approved_not_allowed');

    const threeDays = await newTemplate(w, boss.id, {}, { withdrawApproved: 'within_days', withdrawApprovedDays: 3 });
    const early = await approved(threeDays.id);
    const late = await approved(threeDays.id);
    await keepSessions(t);
    t.clock.advance(3 * DAY);
    assert.equal(await canWithdraw(early), true);
    const inTime = await withdraw(early);
    assert.deepEqual([inTime.status, inTime.body.instanceStatus], [200, 'withdrawn']);
    t.clock.advance(1);
    assert.equal(await canWithdraw(late), false);
    assert.equal((await withdraw(late)).body.error.details.reason, 'window_passed');

    const anyTime = await newTemplate(w, boss.id, {}, { withdrawApproved: 'any_time' });
    const old = await approved(anyTime.id);
    await keepSessions(t);
    t.clock.advance(400 * DAY);
    assert.equal((await withdraw(old)).body.instanceStatus, 'withdrawn');
    const trail = await applicant.client.get<{ status: string; trail: { action: string; details: Record<string, unknown> }[] }>(`/api/v1/approvals/requests/${old}`);
    assert.deepEqual(trail.body.trail.map((e) => e.action), ['submitted', 'approve', 'approved', 'withdraw', 'withdrawn']);
    assert.deepEqual(trail.body.trail[3]!.details, { from: 'approved' });
    const closed = await withdraw(old);
    assert.deepEqual([closed.status, closed.body.error.code], [409, 'approval.request_closed']);
  });

  it('decision: withdrawing an approved request drops the edit waiting for consent, and its consent tasks close', async () => {
    const w = await world(t);
    const boss = await signedIn(t, w, '老板');
    const applicant = await signedIn(t, w, '申请人');
    const template = await newTemplate(w, boss.id, {}, { withdrawApproved: 'any_time', allowEditAfterApproval: true });
    const { instanceId } = (await submit(applicant, template.id)).body;
    await act(w, boss.id, await taskOf(w, instanceId, boss.id), { action: 'approve' });
    assert.equal((await applicant.client.post(`/api/v1/approvals/requests/${instanceId}/edit`, { form: { reason: '改期' } })).status, 200);
    assert.equal((await applicant.client.post(`/api/v1/approvals/requests/${instanceId}/withdraw`)).status, 200);
    const detail = await applicant.client.get<{ status: string; pendingEdit: unknown; form: unknown; tasks: { kind: string; status: string }[] }>(`/api/v1/approvals/requests/${instanceId}`);
    assert.deepEqual([detail.body.status, detail.body.pendingEdit, detail.body.form], ['withdrawn', null, { reason: '出差' }]);
    assert.deepEqual(detail.body.tasks.map((x) => [x.kind, x.status]), [['approver', 'approved'], ['consent', 'cancelled']]);
  });

  it('seed rule 协助管理: an assistant manages the templates they assist and reads their requests; they cannot choose assistants, create or stop templates, nor touch others', async () => {
    const w = await world(t);
    const boss = await signedIn(t, w, '老板');
    const helper = await signedIn(t, w, '助理');
    const applicant = await signedIn(t, w, '申请人');
    const mine = await newTemplate(w, boss.id, { name: '报销', assistantIds: [helper.id] });
    const other = await newTemplate(w, boss.id, { name: '请假' });
    const ownRequest = (await submit(applicant, mine.id)).body.instanceId;
    const otherRequest = (await submit(applicant, other.id)).body.instanceId;

    const listed = await helper.client.get<{ items: { id: string; canManage: boolean }[] }>('/api/v1/approvals/templates');
    assert.deepEqual(listed.body.items.map((x) => [x.id, x.canManage]), [[mine.id, true], [other.id, false]]);
    const edited = await helper.client.put<TemplateReply>(`/api/v1/approvals/templates/${mine.id}`, { ...simpleTemplate([approver(boss.id)], { requireApprovalComment: true }), name: '报销（新）', expectedVersion: 1 });
    assert.deepEqual([edited.status, edited.body.version, edited.body.assistantIds], [200, 2, [helper.id]]);
    const handOn = await helper.client.put<Err>(`/api/v1/approvals/templates/${mine.id}`, { ...simpleTemplate([approver(boss.id)]), assistantIds: [helper.id, applicant.id], expectedVersion: 2 });
    assert.deepEqual([handOn.status, handOn.body.error.code, handOn.body.error.details.field], [403, 'forbidden', '/assistantIds']);
    assert.equal((await helper.client.put<Err>(`/api/v1/approvals/templates/${other.id}`, { ...simpleTemplate([approver(boss.id)]), expectedVersion: 1 })).status, 403);
    assert.equal((await helper.client.post<Err>('/api/v1/approvals/templates', simpleTemplate([approver(boss.id)]))).status, 403);
    assert.equal((await helper.client.delete<Err>(`/api/v1/approvals/templates/${mine.id}`)).status, 403);

    const data = await helper.client.get<DataReply>('/api/v1/approvals/data');
    assert.deepEqual(data.body.items.map((x) => [x.id, x.templateName]), [[ownRequest, '报销']]);
    const notTheirs = await helper.client.get<Err>(`/api/v1/approvals/data?templateId=${other.id}`);
    assert.equal(notTheirs.status, 403);
    assert.equal((await helper.client.get(`/api/v1/approvals/requests/${ownRequest}`)).status, 200);
    const hidden = await helper.client.get<Err>(`/api/v1/approvals/requests/${otherRequest}`);
    assert.deepEqual([hidden.status, hidden.body.error.code], [403, 'approval.not_viewable']);
    // A member who assists nothing and is no admin has no 审批数据.
    const plain = await applicant.client.get<Err>('/api/v1/approvals/data');
    assert.equal(plain.status, 403);
    const plainExport = await t.app.inject({ method: 'GET', url: '/api/v1/approvals/data/export?lang=en', headers: { cookie: cookie(applicant.client) } });
    assert.equal(plainExport.statusCode, 403);
  });

  it('审批数据: the admin filters every request by template, status, applicant and date, pages with a cursor, and exports the same list to .xlsx', async () => {
    const w = await world(t);
    const boss = await signedIn(t, w, '老板');
    const zhang = await signedIn(t, w, '张三');
    const li = await signedIn(t, w, '李四');
    const travel = await newTemplate(w, boss.id, { name: '出差' });
    const leave = await newTemplate(w, boss.id, { name: '请假' });
    t.clock.set('2026-03-01T10:00:00+08:00');
    const first = (await submit(zhang, travel.id)).body.instanceId;
    await act(w, boss.id, await taskOf(w, first, boss.id), { action: 'approve' });
    t.clock.advance(DAY);
    const second = (await submit(li, travel.id)).body.instanceId;
    t.clock.advance(DAY);
    const third = (await submit(zhang, leave.id)).body.instanceId;
    t.clock.advance(HOUR);

    const rows = async (query: string) => (await w.client.get<DataReply>(`/api/v1/approvals/data${query}`)).body.items.map((x) => x.id);
    assert.deepEqual(await rows(''), [third, second, first]);
    assert.deepEqual(await rows(`?templateId=${travel.id}`), [second, first]);
    assert.deepEqual(await rows('?status=approved'), [first]);
    assert.deepEqual(await rows(`?applicantId=${zhang.id}`), [third, first]);
    assert.deepEqual(await rows(`?from=${encodeURIComponent('2026-03-02T00:00:00+08:00')}&to=${encodeURIComponent('2026-03-03T00:00:00+08:00')}`), [second]);
    const page1 = await w.client.get<DataReply>('/api/v1/approvals/data?limit=2');
    assert.deepEqual([page1.body.items.map((x) => x.id), page1.body.nextCursor], [[third, second], second]);
    const page2 = await w.client.get<DataReply>(`/api/v1/approvals/data?limit=2&cursor=${page1.body.nextCursor}`);
    assert.deepEqual([page2.body.items.map((x) => x.id), page2.body.nextCursor], [[first], null]);
    const foreign = await w.client.get<Err>('/api/v1/approvals/data?templateId=apt_elsewhere');
    assert.deepEqual([foreign.status, foreign.body.error.code, foreign.body.error.details], [422, 'request.unknown_id', { in: 'querystring', field: '/templateId', id: 'apt_elsewhere' }]);
    const stranger = await w.client.get<Err>('/api/v1/approvals/data?applicantId=mem_elsewhere');
    assert.deepEqual([stranger.status, stranger.body.error.details.field], [422, '/applicantId']);

    const ExcelJS = await loadExcel();
    for (const [lang, header, status] of [
      ['zh-CN', ['审批编号', '审批模板', '申请人', '提交人', '状态', '提交时间', '完成时间'], '已通过'],
      ['en', ['Request', 'Template', 'Applicant', 'Submitted by', 'Status', 'Submitted at', 'Finished at'], 'Approved'],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/approvals/data/export?lang=${lang}&templateId=${travel.id}`, headers: { cookie: cookie(w.client) } });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      assert.equal(sheet.rowCount, 3);
      assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), header);
      assert.deepEqual((sheet.getRow(3).values as unknown[]).slice(1), [first, '出差', '张三', '张三', status, '2026-03-01 10:00:00', '2026-03-01 10:00:00']);
    }
  });
});
