import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { departMember } from '../directory/testing/index.ts';
import type { ActionNode, Assignee } from './approval.model.ts';
import { simpleTemplate } from './testing/index.ts';
import { requestEdit } from './edits.service.ts';
import { withdrawRequest } from './actions.service.ts';
import { getRequest, listRequests } from './queries.service.ts';
import { act, expectError, inbox, status, submit, taskOf, tasks, template, world, type World } from './testing/index.ts';
import { tablesOf } from '../../../test/support/tables.ts';

const node = (id: string, kind: ActionNode['kind'], assignee: Assignee): ActionNode => ({ id, kind, name: id, assignee });
const members = (memberIds: string[], mode: 'all' | 'any' | 'sequential' = 'all'): Assignee => ({ type: 'members', memberIds, mode });

async function people(w: World, ...names: string[]): Promise<string[]> {
  const ids = [];
  for (const name of names) ids.push(await w.org.member(name));
  return ids;
}

describeEachDialect('approval engine: handling a request', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  it('seed rule 办理人只能执行确认办理: approver approves, handler confirms; reject, return and transfer on a handler task are refused by the server', async () => {
    const w = await world(t);
    const [applicant, boss, cashier, hr] = await people(w, '申请人', '老板', '出纳', '人事');
    const id = await template(w, simpleTemplate([node('a', 'approver', members([boss!])), node('h', 'handler', members([cashier!])), node('c', 'cc', members([hr!]))]));
    const req = await submit(w, applicant!, { templateId: id, form: { reason: '报销' } });
    assert.deepEqual(await inbox(w, boss!), ['待审批|通用审批']);
    await act(w, boss!, await taskOf(w, req.instanceId, boss!), { action: 'approve', comment: '同意' });
    assert.deepEqual(await inbox(w, cashier!), ['待办理|通用审批']);
    const handlerTask = await taskOf(w, req.instanceId, cashier!);
    for (const action of [{ action: 'reject' as const }, { action: 'return' as const }, { action: 'transfer' as const, toMemberId: hr! }]) {
      assert.deepEqual(await expectError(act(w, cashier!, handlerTask, action)), { code: 'approval.handler_only_handles', details: { action: action.action } });
    }
    const done = await act(w, cashier!, handlerTask, { action: 'handle', comment: '已打款' });
    assert.deepEqual(done.instanceStatus, 'approved');
    assert.deepEqual(await inbox(w, hr!), ['抄送|通用审批']);
    assert.deepEqual(await inbox(w, applicant!), ['审批结果|通用审批：已通过']);
  });

  it('seed rule 指定成员 会签 / 或签 / 依次审批: all must approve; any one closes the others; one after another in order', async () => {
    const w = await world(t);
    const [applicant, a, b, c] = await people(w, '申请人', '甲', '乙', '丙');
    const all = await submit(w, applicant!, { templateId: await template(w, simpleTemplate([node('n', 'approver', members([a!, b!], 'all'))])), form: { reason: 'x' } });
    await act(w, a!, await taskOf(w, all.instanceId, a!), { action: 'approve' });
    assert.equal(await status(w, all.instanceId), 'running');
    await act(w, b!, await taskOf(w, all.instanceId, b!), { action: 'approve' });
    assert.equal(await status(w, all.instanceId), 'approved');

    const any = await submit(w, applicant!, { templateId: await template(w, simpleTemplate([node('n', 'approver', members([a!, b!], 'any'))])), form: { reason: 'x' } });
    await act(w, b!, await taskOf(w, any.instanceId, b!), { action: 'approve' });
    assert.deepEqual((await tasks(w, any.instanceId)).map((x) => [x.assignee, x.status]), [[a, 'cancelled'], [b, 'approved']]);
    assert.equal(await status(w, any.instanceId), 'approved');

    const seq = await submit(w, applicant!, { templateId: await template(w, simpleTemplate([node('n', 'approver', members([c!, a!], 'sequential'))])), form: { reason: 'x' } });
    assert.deepEqual((await tasks(w, seq.instanceId)).map((x) => [x.assignee, x.status]), [[c, 'pending'], [a, 'waiting']]);
    assert.deepEqual(await inbox(w, a!), ['待审批|通用审批', '待审批|通用审批']);
    await act(w, c!, await taskOf(w, seq.instanceId, c!), { action: 'approve' });
    assert.deepEqual((await tasks(w, seq.instanceId)).map((x) => [x.assignee, x.status]), [[c, 'approved'], [a, 'pending']]);
    assert.equal((await inbox(w, a!)).length, 3);
  });

  it('a rejection ends the request at once and closes the other open tasks', async () => {
    const w = await world(t);
    const [applicant, a, b] = await people(w, '申请人', '甲', '乙');
    const req = await submit(w, applicant!, { templateId: await template(w, simpleTemplate([node('n', 'approver', members([a!, b!], 'all')), node('m', 'approver', members([a!]))])), form: { reason: 'x' } });
    await act(w, a!, await taskOf(w, req.instanceId, a!), { action: 'reject', comment: '不行' });
    assert.equal(await status(w, req.instanceId), 'rejected');
    assert.deepEqual((await tasks(w, req.instanceId)).map((x) => x.status), ['rejected', 'cancelled']);
  });

  it('seed rule 审批人为空时 / 办理人为空时: auto-approve, or transfer to the chosen person — set separately for approver and handler nodes', async () => {
    const w = await world(t);
    const [applicant, deputy, gone] = await people(w, '申请人', '代理人', '已离职');
    await w.org.setStatus(gone!, 'departed');
    const flow = [node('a', 'approver', members([gone!])), node('h', 'handler', members([gone!]))];
    const id = await template(w, { ...simpleTemplate([node('a', 'approver', members([deputy!])), node('h', 'handler', members([deputy!]))], { approverEmpty: { action: 'transfer', memberId: deputy! }, handlerEmpty: { action: 'auto_approve' } }) });
    // The template is saved while `gone` was active in another template; here the flow names them after departure.
    await tablesOf(w.org.db).updateTable('approval_templates').set({ flow_json: JSON.stringify(flow) }).where('id', '=', id).execute();
    const req = await submit(w, applicant!, { templateId: id, form: { reason: 'x' } });
    const made = await tasks(w, req.instanceId);
    assert.deepEqual(made.map((x) => [x.assignee, x.kind, x.status]), [[deputy, 'approver', 'pending']]);
    const detail = await w.org.as(deputy!, (ctx) => getRequest(ctx, deputy!, req.instanceId));
    assert.deepEqual(detail.tasks[0]!.why.map((r) => r.code), ['rule_members', 'filtered_departed', 'empty_rule_transfer']);
    await act(w, deputy!, made[0]!.id, { action: 'approve' });
    assert.equal(await status(w, req.instanceId), 'approved');
    const trail = (await w.org.as(deputy!, (ctx) => getRequest(ctx, deputy!, req.instanceId))).trail.map((e) => e.action);
    assert.deepEqual(trail, ['submitted', 'approve', 'step_auto_approved', 'approved']);
  });

  it('seed rule 审批人离职时 提醒管理员手动交接 and 办理人离职时 自动交接给指定人员: a departure with open tasks follows its node kind’s rule', async () => {
    const w = await world(t);
    const [applicant, approver, handler, successor] = await people(w, '申请人', '审批人', '办理人', '接任者');
    const id = await template(w, simpleTemplate([node('a', 'approver', members([approver!])), node('h', 'handler', members([handler!]))], { approverDeparted: { action: 'remind_admin' }, handlerDeparted: { action: 'handover', memberId: successor! } }));
    const req = await submit(w, applicant!, { templateId: id, form: { reason: 'x' } });
    const approverTask = await taskOf(w, req.instanceId, approver!);
    await w.org.as(w.adminId, (ctx) => departMember(ctx, approver!));
    await t.deps.outbox.drain();
    assert.deepEqual(await inbox(w, w.adminId), ['审批待交接|通用审批：办理人已离职，请手动交接']);
    // The admin hands over by hand.
    const handed = await w.client.post<{ taskId: string }>(`/api/v1/approvals/tasks/${approverTask}/handover`, { toMemberId: successor });
    assert.equal(handed.status, 200);
    const audited = await tablesOf(w.org.db).selectFrom('audit_log').select('action').where('corp_id', '=', w.corpId).where('action', '=', 'approval.task.handover').execute();
    assert.equal(audited.length, 1);
    await act(w, successor!, handed.body.taskId, { action: 'approve' });
    const handlerTask = await taskOf(w, req.instanceId, handler!);
    await w.org.as(w.adminId, (ctx) => departMember(ctx, handler!));
    await t.deps.outbox.drain();
    const after = await tasks(w, req.instanceId);
    assert.deepEqual(after.filter((x) => x.kind === 'handler').map((x) => [x.assignee, x.status]), [[handler, 'transferred'], [successor, 'pending']]);
    assert.deepEqual(await inbox(w, successor!), ['待审批|通用审批', '待办理|通用审批']);
    const detail = await w.org.as(successor!, (ctx) => getRequest(ctx, successor!, req.instanceId));
    assert.equal(detail.tasks.find((x) => x.assigneeId === successor && x.kind === 'handler')!.why[0]!.code, 'departed_rule_handover');
    void handlerTask;
  });

  it('seed rule 自动审批 只首个节点需审批，其余自动同意 / 仅连续审批时自动同意 / 每个节点都需要审批', async () => {
    const w = await world(t);
    const [applicant, a, b] = await people(w, '申请人', '甲', '乙');
    // a approves at step 0; step 1 is b; step 2 is a again; step 3 is a again (consecutive to step 2).
    const flow = [node('s0', 'approver', members([a!])), node('s1', 'approver', members([b!])), node('s2', 'approver', members([a!])), node('s3', 'approver', members([a!]))];
    const run = async (rule: 'first_only' | 'consecutive' | 'every') => {
      const req = await submit(w, applicant!, { templateId: await template(w, simpleTemplate(flow, { repeatApprover: rule })), form: { reason: rule } });
      for (;;) {
        const open = (await tasks(w, req.instanceId)).find((x) => x.status === 'pending');
        if (!open) break;
        await act(w, open.assignee, open.id, { action: 'approve' });
      }
      return (await tasks(w, req.instanceId)).map((x) => x.status);
    };
    assert.deepEqual(await run('first_only'), ['approved', 'approved', 'auto_approved', 'auto_approved']);
    assert.deepEqual(await run('consecutive'), ['approved', 'approved', 'approved', 'auto_approved']);
    assert.deepEqual(await run('every'), ['approved', 'approved', 'approved', 'approved']);
  });

  it('seed rule 提交申请时，员工不可修改固定抄送人 / 固定办理人: refused when locked, allowed otherwise', async () => {
    const w = await world(t);
    const [applicant, boss, cashier, other, hr] = await people(w, '申请人', '老板', '出纳', '别人', '人事');
    const flow = [node('a', 'approver', members([boss!])), node('h', 'handler', members([cashier!])), node('c', 'cc', members([hr!]))];
    const locked = await template(w, simpleTemplate(flow, { lockFixedCc: true, lockFixedHandlers: true }));
    assert.equal((await expectError(submit(w, applicant!, { templateId: locked, form: { reason: 'x' }, ccRemove: [hr!] }))).code, 'approval.fixed_cc_locked');
    assert.equal((await expectError(submit(w, applicant!, { templateId: locked, form: { reason: 'x' }, handlerOverrides: { h: [other!] } }))).code, 'approval.fixed_handlers_locked');
    const added = await submit(w, applicant!, { templateId: locked, form: { reason: 'x' }, ccAdd: [other!] });
    assert.equal(added.instanceStatus, 'running');
    const open = await template(w, simpleTemplate(flow));
    const req = await submit(w, applicant!, { templateId: open, form: { reason: 'x' }, ccRemove: [hr!], handlerOverrides: { h: [other!] } });
    await act(w, boss!, await taskOf(w, req.instanceId, boss!), { action: 'approve' });
    assert.deepEqual((await tasks(w, req.instanceId)).map((x) => [x.kind, x.assignee]), [['approver', boss], ['handler', other]]);
  });

  it('seed rule 仅管理员、申请人、审批人、抄送人、办理人和单据中被@的成员可查看审批详情', async () => {
    const w = await world(t);
    const [applicant, boss, hr, mentioned, stranger] = await people(w, '申请人', '老板', '人事', '被@的人', '路人');
    const flow = [node('a', 'approver', members([boss!])), node('c', 'cc', members([hr!]))];
    const req = await submit(w, applicant!, { templateId: await template(w, simpleTemplate(flow, { restrictView: true })), form: { reason: 'x' }, mentions: [mentioned!] });
    for (const who of [applicant!, boss!, hr!, mentioned!, w.adminId]) assert.equal((await w.org.as(who, (ctx) => getRequest(ctx, who, req.instanceId)).catch(() => ({ id: who }))).id, req.instanceId, `${who}`);
    assert.equal((await expectError(w.org.as(stranger!, (ctx) => getRequest(ctx, stranger!, req.instanceId)))).code, 'approval.not_viewable');
    const openReq = await submit(w, applicant!, { templateId: await template(w, simpleTemplate(flow, { restrictView: false })), form: { reason: 'x' } });
    assert.equal((await w.org.as(stranger!, (ctx) => getRequest(ctx, stranger!, openReq.instanceId))).id, openReq.instanceId);
  });

  it('seed rule 审批意见 / 办理意见 / 电子签名: comments required on approve and reject, on handling, and a signature to approve', async () => {
    const w = await world(t);
    const [applicant, boss, cashier] = await people(w, '申请人', '老板', '出纳');
    const id = await template(w, simpleTemplate([node('a', 'approver', members([boss!])), node('h', 'handler', members([cashier!]))], { requireApprovalComment: true, requireHandlingComment: true, requireSignature: true }));
    const req = await submit(w, applicant!, { templateId: id, form: { reason: 'x' } });
    const task = await taskOf(w, req.instanceId, boss!);
    const signature = 'data:image/png;base64,AAAA';
    assert.deepEqual(await expectError(act(w, boss!, task, { action: 'approve', signature })), { code: 'approval.comment_required', details: { action: 'approve' } });
    assert.deepEqual(await expectError(act(w, boss!, task, { action: 'reject', comment: '  ' })), { code: 'approval.comment_required', details: { action: 'reject' } });
    assert.deepEqual(await expectError(act(w, boss!, task, { action: 'approve', comment: '同意' })), { code: 'approval.signature_required', details: {} });
    await act(w, boss!, task, { action: 'approve', comment: '同意', signature });
    const handlerTask = await taskOf(w, req.instanceId, cashier!);
    assert.deepEqual(await expectError(act(w, cashier!, handlerTask, { action: 'handle' })), { code: 'approval.comment_required', details: { action: 'handle' } });
    assert.equal((await act(w, cashier!, handlerTask, { action: 'handle', comment: '已打款' })).instanceStatus, 'approved');
  });

  it('seed rule 允许在审批单中增加临时审批人 (加签): a new approver step right after the current one; refused when off', async () => {
    const w = await world(t);
    const [applicant, boss, extra, cashier] = await people(w, '申请人', '老板', '临时审批人', '出纳');
    const flow = [node('a', 'approver', members([boss!])), node('h', 'handler', members([cashier!]))];
    const req = await submit(w, applicant!, { templateId: await template(w, simpleTemplate(flow, { allowAddApprovers: true })), form: { reason: 'x' } });
    const task = await taskOf(w, req.instanceId, boss!);
    await act(w, boss!, task, { action: 'add_approvers', memberIds: [extra!], mode: 'all' });
    await act(w, boss!, task, { action: 'approve' });
    await act(w, extra!, await taskOf(w, req.instanceId, extra!), { action: 'approve' });
    assert.deepEqual((await tasks(w, req.instanceId)).map((x) => [x.step, x.assignee, x.status]), [[0, boss, 'approved'], [1, extra, 'approved'], [2, cashier, 'pending']]);
    const closed = await submit(w, applicant!, { templateId: await template(w, simpleTemplate(flow)), form: { reason: 'x' } });
    assert.equal((await expectError(act(w, boss!, await taskOf(w, closed.instanceId, boss!), { action: 'add_approvers', memberIds: [extra!], mode: 'all' }))).code, 'approval.add_approvers_disabled');
  });

  it('decision: 退回 to a 会签 step after a 加签 asks the step’s configured approvers again, not the temporary approver; the 加签 step ends', async () => {
    const w = await world(t);
    const [applicant, a, b, extra, c] = await people(w, '申请人', '甲', '乙', '临时审批人', '丙');
    const flow = [node('sign', 'approver', members([a!, b!], 'all')), node('next', 'approver', members([c!]))];
    const id = await template(w, simpleTemplate(flow, { allowAddApprovers: true }));
    const req = await submit(w, applicant!, { templateId: id, form: { reason: 'x' } });
    await act(w, a!, await taskOf(w, req.instanceId, a!), { action: 'add_approvers', memberIds: [extra!], mode: 'all' });
    for (const who of [a!, b!, extra!]) await act(w, who, await taskOf(w, req.instanceId, who), { action: 'approve' });
    await act(w, c!, await taskOf(w, req.instanceId, c!), { action: 'return', comment: '请重审' });
    // Back to the 会签 step: its two configured approvers, not the temporary one.
    assert.deepEqual((await tasks(w, req.instanceId)).filter((x) => x.status === 'pending').map((x) => [x.step, x.assignee]), [[0, a], [0, b]]);
    for (const who of [a!, b!]) await act(w, who, await taskOf(w, req.instanceId, who), { action: 'approve' });
    assert.deepEqual((await tasks(w, req.instanceId)).filter((x) => x.status === 'pending').map((x) => [x.step, x.assignee]), [[2, c]]);
    await act(w, c!, await taskOf(w, req.instanceId, c!), { action: 'approve' });
    assert.equal(await status(w, req.instanceId), 'approved');
    assert.deepEqual((await tasks(w, req.instanceId)).filter((x) => x.assignee === extra).map((x) => x.status), ['approved']);
    const detail = await w.org.as(applicant!, (ctx) => getRequest(ctx, applicant!, req.instanceId));
    assert.deepEqual(detail.steps.map((s) => [s.name, s.origin, s.dropped ?? false]), [['sign', 'template', false], ['加签', 'added', true], ['next', 'template', false]]);
    assert.equal(detail.steps[1]!.reasons.at(-1)!.code, 'added_step_dropped_by_return');
    assert.deepEqual(await inbox(w, extra!), ['待审批|通用审批']);
  });

  it('decision: a temporary approver who returns the request sends it back to the configured step before them, and is not asked again', async () => {
    const w = await world(t);
    const [applicant, a, extra, c] = await people(w, '申请人', '甲', '临时审批人', '丙');
    const id = await template(w, simpleTemplate([node('first', 'approver', members([a!])), node('next', 'approver', members([c!]))], { allowAddApprovers: true }));
    const req = await submit(w, applicant!, { templateId: id, form: { reason: 'x' } });
    const first = await taskOf(w, req.instanceId, a!);
    await act(w, a!, first, { action: 'add_approvers', memberIds: [extra!], mode: 'all' });
    await act(w, a!, first, { action: 'approve' });
    await act(w, extra!, await taskOf(w, req.instanceId, extra!), { action: 'return' });
    await act(w, a!, await taskOf(w, req.instanceId, a!), { action: 'approve' });
    assert.deepEqual((await tasks(w, req.instanceId)).map((x) => [x.step, x.assignee, x.status]), [
      [0, a, 'approved'],
      [1, extra, 'returned'],
      [0, a, 'approved'],
      [2, c, 'pending'],
    ]);
  });

  it('seed rule 通过后允许编辑: an approved request changes only once its approvers and handlers consent', async () => {
    const w = await world(t);
    const [applicant, boss, cashier] = await people(w, '申请人', '老板', '出纳');
    const id = await template(w, simpleTemplate([node('a', 'approver', members([boss!])), node('h', 'handler', members([cashier!]))], { allowEditAfterApproval: true }));
    const req = await submit(w, applicant!, { templateId: id, form: { reason: '旧事由' } });
    await act(w, boss!, await taskOf(w, req.instanceId, boss!), { action: 'approve' });
    await act(w, cashier!, await taskOf(w, req.instanceId, cashier!), { action: 'handle' });
    await w.org.as(applicant!, (ctx) => requestEdit(ctx, applicant!, req.instanceId, { reason: '新事由' }));
    assert.equal((await expectError(w.org.as(applicant!, (ctx) => requestEdit(ctx, applicant!, req.instanceId, { reason: '再改' })))).code, 'approval.edit_pending');
    await act(w, boss!, await taskOf(w, req.instanceId, boss!), { action: 'approve' });
    let detail = await w.org.as(applicant!, (ctx) => getRequest(ctx, applicant!, req.instanceId));
    assert.deepEqual([detail.form, detail.pendingEdit], [{ reason: '旧事由' }, { reason: '新事由' }]);
    await act(w, cashier!, await taskOf(w, req.instanceId, cashier!), { action: 'approve' });
    detail = await w.org.as(applicant!, (ctx) => getRequest(ctx, applicant!, req.instanceId));
    assert.deepEqual([detail.form, detail.pendingEdit], [{ reason: '新事由' }, null]);
    const off = await submit(w, applicant!, { templateId: await template(w, simpleTemplate([node('a', 'approver', members([boss!]))])), form: { reason: 'x' } });
    await act(w, boss!, await taskOf(w, off.instanceId, boss!), { action: 'approve' });
    assert.equal((await expectError(w.org.as(applicant!, (ctx) => requestEdit(ctx, applicant!, off.instanceId, { reason: 'y' })))).code, 'approval.edit_disabled');
  });

  it('the applicant withdraws a running request; acting on it afterwards is a conflict', async () => {
    const w = await world(t);
    const [applicant, boss] = await people(w, '申请人', '老板');
    const req = await submit(w, applicant!, { templateId: await template(w, simpleTemplate([node('a', 'approver', members([boss!]))])), form: { reason: 'x' } });
    const task = await taskOf(w, req.instanceId, boss!);
    assert.equal((await expectError(w.org.as(boss!, (ctx) => withdrawRequest(ctx, boss!, req.instanceId)))).code, 'forbidden');
    await w.org.as(applicant!, (ctx) => withdrawRequest(ctx, applicant!, req.instanceId));
    assert.equal(await status(w, req.instanceId), 'withdrawn');
    assert.equal((await expectError(act(w, boss!, task, { action: 'approve' }))).code, 'approval.task_closed');
    assert.equal((await expectError(w.org.as(applicant!, (ctx) => withdrawRequest(ctx, applicant!, req.instanceId)))).code, 'approval.request_closed');
  });

  it('approvers transfer (转交) and return (退回) to the previous approver step', async () => {
    const w = await world(t);
    const [applicant, a, b, c] = await people(w, '申请人', '甲', '乙', '丙');
    const req = await submit(w, applicant!, { templateId: await template(w, simpleTemplate([node('s0', 'approver', members([a!])), node('s1', 'approver', members([b!]))])), form: { reason: 'x' } });
    assert.equal((await expectError(act(w, a!, await taskOf(w, req.instanceId, a!), { action: 'return' }))).code, 'approval.nothing_to_return_to');
    await act(w, a!, await taskOf(w, req.instanceId, a!), { action: 'approve' });
    await act(w, b!, await taskOf(w, req.instanceId, b!), { action: 'return', comment: '请重审' });
    await act(w, a!, await taskOf(w, req.instanceId, a!), { action: 'transfer', toMemberId: c! });
    await act(w, c!, await taskOf(w, req.instanceId, c!), { action: 'approve' });
    assert.deepEqual((await tasks(w, req.instanceId)).map((x) => [x.step, x.assignee, x.status]), [
      [0, a, 'approved'],
      [1, b, 'returned'],
      [0, a, 'transferred'],
      [0, c, 'approved'],
      [1, b, 'pending'],
    ]);
  });

  it('lists: to do, done, submitted and CC’d, newest first', async () => {
    const w = await world(t);
    const [applicant, boss, hr] = await people(w, '申请人', '老板', '人事');
    const id = await template(w, simpleTemplate([node('a', 'approver', members([boss!])), node('c', 'cc', members([hr!]))]));
    const first = await submit(w, applicant!, { templateId: id, form: { reason: '一' } });
    t.clock.advance(1000);
    const second = await submit(w, applicant!, { templateId: id, form: { reason: '二' } });
    await act(w, boss!, await taskOf(w, first.instanceId, boss!), { action: 'approve' });
    const list = (who: string, box: 'todo' | 'done' | 'submitted' | 'cc') => listRequests(w.org.db, w.corpId, who, box, { limit: 10 }).then((r) => r.items.map((i) => [i.instanceId, i.status]));
    assert.deepEqual(await list(boss!, 'todo'), [[second.instanceId, 'running']]);
    assert.deepEqual(await list(boss!, 'done'), [[first.instanceId, 'approved']]);
    assert.deepEqual(await list(applicant!, 'submitted'), [[second.instanceId, 'running'], [first.instanceId, 'approved']]);
    assert.deepEqual(await list(hr!, 'cc'), [[first.instanceId, 'approved']]);
    const paged = await listRequests(w.org.db, w.corpId, applicant!, 'submitted', { limit: 1 });
    assert.equal(paged.nextCursor, second.instanceId);
    assert.deepEqual((await listRequests(w.org.db, w.corpId, applicant!, 'submitted', { limit: 1, cursor: paged.nextCursor! })).items.map((i) => i.instanceId), [first.instanceId]);
  });

  it('the form is checked against the template: required fields, money in fen, options, unknown fields', async () => {
    const w = await world(t);
    const [applicant, boss] = await people(w, '申请人', '老板');
    const id = await template(
      w,
      simpleTemplate([node('a', 'approver', members([boss!]))], {}, [
        { id: 'amount', type: 'money', label: '金额', required: true },
        { id: 'kind', type: 'select', label: '类型', required: false, options: ['差旅', '餐费'] },
        { id: 'day', type: 'date', label: '日期', required: false },
      ]),
    );
    const bad = async (form: Record<string, string | number | string[]>) => (await expectError(submit(w, applicant!, { templateId: id, form }))).details;
    assert.deepEqual(await bad({}), { fieldId: 'amount', reason: 'required' });
    assert.deepEqual(await bad({ amount: 12.5 }), { fieldId: 'amount', reason: 'not_fen' });
    assert.deepEqual(await bad({ amount: 100, kind: '住宿' }), { fieldId: 'kind', reason: 'not_an_option' });
    assert.deepEqual(await bad({ amount: 100, day: '2026-13-45' }), { fieldId: 'day', reason: 'not_a_date' });
    assert.deepEqual(await bad({ amount: 100, extra: 'x' }), { fieldId: 'extra', reason: 'unknown_field' });
    assert.equal((await submit(w, applicant!, { templateId: id, form: { amount: 100, kind: '差旅', day: '2026-11-26' } })).instanceStatus, 'running');
  });

  it('seed rule 办理人为空时 转交给指定人员 and 审批人离职时 自动交接: the other halves of the exception rules, also for a member who leaves before their step is reached', async () => {
    const w = await world(t);
    const [applicant, first, later, deputy, cashierDeputy, handler] = await people(w, '申请人', '一审', '二审', '代理审批人', '代理出纳', '出纳');
    const rules = { approverDeparted: { action: 'handover' as const, memberId: deputy! }, handlerEmpty: { action: 'transfer' as const, memberId: cashierDeputy! }, handlerDeparted: { action: 'remind_admin' as const } };
    const id = await template(w, simpleTemplate([node('a1', 'approver', members([first!])), node('a2', 'approver', members([later!])), node('h', 'handler', members([handler!]))], rules));
    // The handler leaves before anyone submits: the handler node is empty and goes to the chosen person.
    await w.org.setStatus(handler!, 'departed');
    const req = await submit(w, applicant!, { templateId: id, form: { reason: 'x' } });
    // The second approver leaves after submission, before their step: handed over when the step is reached.
    await w.org.setStatus(later!, 'departed');
    await act(w, first!, await taskOf(w, req.instanceId, first!), { action: 'approve' });
    const detail = await w.org.as(deputy!, (ctx) => getRequest(ctx, deputy!, req.instanceId));
    assert.deepEqual(detail.tasks.map((x) => [x.assigneeName, x.status, x.why.at(-1)!.code]), [
      ['一审', 'approved', 'rule_members'],
      ['代理审批人', 'pending', 'departed_rule_handover'],
    ]);
    await act(w, deputy!, await taskOf(w, req.instanceId, deputy!), { action: 'approve' });
    const handlerTask = (await tasks(w, req.instanceId)).find((x) => x.kind === 'handler')!;
    assert.deepEqual([handlerTask.assignee, handlerTask.status], [cashierDeputy, 'pending']);
    // 办理人离职时 提醒管理员: the handler leaves with the task open; the admins are told, the task waits for them.
    await w.org.as(w.adminId, (ctx) => departMember(ctx, cashierDeputy!));
    await t.deps.outbox.drain();
    assert.deepEqual(await inbox(w, w.adminId), ['审批待交接|通用审批：办理人已离职，请手动交接']);
    assert.equal((await tasks(w, req.instanceId)).find((x) => x.kind === 'handler')!.status, 'pending');
  });
});
