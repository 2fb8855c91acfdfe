import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { tablesOf } from '../../../test/support/tables.ts';
import { departMember } from '../directory/testing/index.ts';
import type { ActionNode, Assignee } from './approval.model.ts';
import { getRequest } from './queries.service.ts';
import { previewRequest } from './submission.service.ts';
import { act, expectError, inbox, signedIn, simpleTemplate, status, submit, taskOf, tasks, template, world, type World } from './testing/index.ts';

/**
 * Decision (docs/decisions/approval.md): nobody approves or handles their own request, unless the
 * template gives them the step (a 申请人本人 node, or a 指定成员 node naming them). Every path that
 * gives someone a task is tried with the applicant as the someone.
 */

const node = (id: string, kind: ActionNode['kind'], assignee: Assignee): ActionNode => ({ id, kind, name: id, assignee });
const members = (memberIds: string[], mode: 'all' | 'any' | 'sequential' = 'all'): Assignee => ({ type: 'members', memberIds, mode });
type Err = { error: { code: string; details: Record<string, unknown> } };

async function people(w: World, ...names: string[]): Promise<string[]> {
  const ids = [];
  for (const name of names) ids.push(await w.org.member(name));
  return ids;
}

/** What a refused command must leave as it was: the request's row, its tasks and its trail. */
async function snapshot(w: World, instanceId: string) {
  const db = tablesOf(w.org.db);
  const row = await db.selectFrom('approval_instances').select(['status', 'version', 'path_json', 'current_step']).where('corp_id', '=', w.corpId).where('id', '=', instanceId).executeTakeFirstOrThrow();
  const events = await db.selectFrom('approval_events').select('action').where('corp_id', '=', w.corpId).where('instance_id', '=', instanceId).orderBy('id').execute();
  return { row, tasks: await tasks(w, instanceId), events: events.map((e) => e.action) };
}

describeEachDialect('approval: nobody approves their own request', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use(), { signInLimitPerMinute: 1000 });
  });
  after(() => t.close());

  it('decision: an approver cannot 转交 their task to the applicant (422 approval.own_request, nothing written); to someone else it goes', async () => {
    const w = await world(t);
    const applicant = await signedIn(t, w, '申请人');
    const boss = await signedIn(t, w, '老板');
    const deputy = await w.org.member('副总');
    const id = await template(w, simpleTemplate([node('a', 'approver', members([boss.id]))]));
    const req = await applicant.client.post<{ instanceId: string }>('/api/v1/approvals/requests', { templateId: id, form: { reason: '报销' } });
    const task = await taskOf(w, req.body.instanceId, boss.id);
    const before = await snapshot(w, req.body.instanceId);
    const refused = await boss.client.post<Err>(`/api/v1/approvals/tasks/${task}/actions`, { action: 'transfer', toMemberId: applicant.id });
    assert.deepEqual([refused.status, refused.body.error.code, refused.body.error.details], [422, 'approval.own_request', { field: '/toMemberId', memberId: applicant.id }]);
    assert.deepEqual(await snapshot(w, req.body.instanceId), before);
    assert.deepEqual(await inbox(w, applicant.id), []);
    const moved = await boss.client.post(`/api/v1/approvals/tasks/${task}/actions`, { action: 'transfer', toMemberId: deputy });
    assert.equal(moved.status, 200);
    assert.deepEqual((await tasks(w, req.body.instanceId)).map((x) => [x.assignee, x.status]), [[boss.id, 'transferred'], [deputy, 'pending']]);
  });

  it('decision: 加签 cannot add the applicant as a temporary approver (the field names which one); nothing is written', async () => {
    const w = await world(t);
    const applicant = await signedIn(t, w, '申请人');
    const boss = await signedIn(t, w, '老板');
    const extra = await w.org.member('临时审批人');
    const id = await template(w, simpleTemplate([node('a', 'approver', members([boss.id]))], { allowAddApprovers: true }));
    const req = await applicant.client.post<{ instanceId: string }>('/api/v1/approvals/requests', { templateId: id, form: { reason: '报销' } });
    const task = await taskOf(w, req.body.instanceId, boss.id);
    const before = await snapshot(w, req.body.instanceId);
    for (const mode of ['all', 'any', 'sequential'] as const) {
      const refused = await boss.client.post<Err>(`/api/v1/approvals/tasks/${task}/actions`, { action: 'add_approvers', memberIds: [extra, applicant.id], mode });
      assert.deepEqual([refused.status, refused.body.error.code, refused.body.error.details], [422, 'approval.own_request', { field: '/memberIds/1', memberId: applicant.id }], mode);
    }
    assert.deepEqual(await snapshot(w, req.body.instanceId), before);
    const added = await boss.client.post(`/api/v1/approvals/tasks/${task}/actions`, { action: 'add_approvers', memberIds: [extra], mode: 'all' });
    assert.equal(added.status, 200);
  });

  it('decision: an admin cannot hand a task over to the applicant; nothing is written and nothing is audited', async () => {
    const w = await world(t);
    const [applicant, approver, successor] = await people(w, '申请人', '审批人', '接任者');
    const id = await template(w, simpleTemplate([node('a', 'approver', members([approver!])), node('h', 'handler', members([approver!]))]));
    const req = await submit(w, applicant!, { templateId: id, form: { reason: 'x' } });
    const task = await taskOf(w, req.instanceId, approver!);
    await w.org.as(w.adminId, (ctx) => departMember(ctx, approver!));
    await t.deps.outbox.drain();
    const before = await snapshot(w, req.instanceId);
    const refused = await w.client.post<Err>(`/api/v1/approvals/tasks/${task}/handover`, { toMemberId: applicant });
    assert.deepEqual([refused.status, refused.body.error.code, refused.body.error.details], [422, 'approval.own_request', { field: '/toMemberId', memberId: applicant }]);
    assert.deepEqual(await snapshot(w, req.instanceId), before);
    const audited = await tablesOf(w.org.db).selectFrom('audit_log').select('action').where('corp_id', '=', w.corpId).where('action', '=', 'approval.task.handover').execute();
    assert.equal(audited.length, 0);
    const handed = await w.client.post<{ taskId: string }>(`/api/v1/approvals/tasks/${task}/handover`, { toMemberId: successor });
    assert.equal(handed.status, 200);
    // The handler task of the same request, reached later, cannot be handed to the applicant either.
    await act(w, successor!, handed.body.taskId, { action: 'approve' });
    const handlerTask = (await tasks(w, req.instanceId)).find((x) => x.kind === 'handler')!;
    const again = await w.client.post<Err>(`/api/v1/approvals/tasks/${handlerTask.id}/handover`, { toMemberId: applicant });
    assert.deepEqual([again.status, again.body.error.code], [422, 'approval.own_request']);
  });

  it('decision: the 成员离职时 自动交接 rule never hands a departed approver’s open task to the applicant: the admins are reminded instead', async () => {
    const w = await world(t);
    const [other, approver] = await people(w, '别人', '审批人');
    // The when-departed person is 代理人, who is also the applicant of one request and not of the other.
    const deputy = await w.org.member('代理人');
    const id = await template(w, simpleTemplate([node('a', 'approver', members([approver!]))], { approverDeparted: { action: 'handover', memberId: deputy } }));
    const own = await submit(w, deputy, { templateId: id, form: { reason: '代理人自己的申请' } });
    const others = await submit(w, other!, { templateId: id, form: { reason: '别人的申请' } });
    await w.org.as(w.adminId, (ctx) => departMember(ctx, approver!));
    await t.deps.outbox.drain();
    assert.deepEqual((await tasks(w, own.instanceId)).map((x) => [x.assignee, x.status]), [[approver, 'pending']]);
    assert.deepEqual((await tasks(w, others.instanceId)).map((x) => [x.assignee, x.status]), [[approver, 'transferred'], [deputy, 'pending']]);
    assert.deepEqual(await inbox(w, w.adminId), ['审批待交接|通用审批：办理人已离职，请手动交接']);
    const trail = (await w.org.as(w.adminId, (ctx) => getRequest(ctx, w.adminId, own.instanceId))).trail.map((e) => [e.action, e.details]);
    assert.deepEqual(trail.at(-1), ['admin_reminded', { memberId: approver, reason: 'handover_person_is_applicant' }]);
  });

  it('decision: an approver who left before their step is reached is not replaced by the applicant either (the admins are reminded)', async () => {
    const w = await world(t);
    const [first, later] = await people(w, '一审', '二审');
    const deputy = await w.org.member('代理人');
    const id = await template(w, simpleTemplate([node('a1', 'approver', members([first!])), node('a2', 'approver', members([later!]))], { approverDeparted: { action: 'handover', memberId: deputy } }));
    const req = await submit(w, deputy, { templateId: id, form: { reason: 'x' } });
    await w.org.setStatus(later!, 'departed');
    await act(w, first!, await taskOf(w, req.instanceId, first!), { action: 'approve' });
    const detail = await w.org.as(w.adminId, (ctx) => getRequest(ctx, w.adminId, req.instanceId));
    assert.deepEqual(detail.tasks.map((x) => [x.assigneeName, x.status, x.why.at(-1)!.code]), [
      ['一审', 'approved', 'rule_members'],
      ['二审', 'pending', 'departed_rule_handover_is_applicant'],
    ]);
    assert.deepEqual(await inbox(w, w.adminId), ['审批待交接|通用审批：办理人已离职，请手动交接']);
    assert.deepEqual(await inbox(w, deputy), []);
  });

  it('decision: the 成员为空时 转交给指定人员 rule does not give the empty step to the applicant: it is approved automatically, with the reason', async () => {
    const w = await world(t);
    const [applicant, other] = await people(w, '指定人员', '别人');
    const tag = await w.org.tag('空标签', []);
    const id = await template(w, simpleTemplate([node('a', 'approver', { type: 'tag', tagId: tag, mode: 'any' })], { approverEmpty: { action: 'transfer', memberId: applicant! } }));
    const own = await submit(w, applicant!, { templateId: id, form: { reason: 'x' } });
    assert.deepEqual([await status(w, own.instanceId), await tasks(w, own.instanceId)], ['approved', []]);
    const detail = await w.org.as(applicant!, (ctx) => getRequest(ctx, applicant!, own.instanceId));
    assert.deepEqual(detail.steps[0]!.reasons.map((r) => r.code), ['rule_tag', 'empty_rule_transfer_is_applicant', 'empty_rule_auto_approve']);
    // Someone else's request goes to the chosen person as before.
    const others = await submit(w, other!, { templateId: id, form: { reason: 'x' } });
    assert.deepEqual((await tasks(w, others.instanceId)).map((x) => [x.assignee, x.status]), [[applicant, 'pending']]);
  });

  it('decision: 申请人自选 — the applicant cannot pick themselves to approve or handle (the field names the pick); a CC pick may name them', async () => {
    const w = await world(t);
    const [applicant, x] = await people(w, '申请人', '财务');
    const id = await template(w, simpleTemplate([node('pa', 'approver', { type: 'pick', range: null, max: 2, mode: 'any' }), node('ph', 'handler', { type: 'pick', range: null, max: 1, mode: 'all' }), node('pc', 'cc', { type: 'pick', range: null, max: 2, mode: 'all' })]));
    const run = (picks: Record<string, string[]>) => submit(w, applicant!, { templateId: id, form: { reason: 'x' }, picks });
    assert.deepEqual(await expectError(run({ pa: [x!, applicant!], ph: [x!], pc: [x!] })), { code: 'approval.own_request', details: { field: '/picks/pa/1', memberId: applicant } });
    assert.deepEqual(await expectError(run({ pa: [x!], ph: [applicant!], pc: [x!] })), { code: 'approval.own_request', details: { field: '/picks/ph/0', memberId: applicant } });
    const count = async () => Number((await tablesOf(w.org.db).selectFrom('approval_instances').select((eb) => eb.fn.countAll<number>().as('n')).where('corp_id', '=', w.corpId).executeTakeFirstOrThrow()).n);
    assert.equal(await count(), 0);
    const ok = await run({ pa: [x!], ph: [x!], pc: [applicant!] });
    assert.equal(ok.instanceStatus, 'running');
  });

  it('decision: a submitter may change a handler node’s people, but not to the applicant (422 with the field)', async () => {
    const w = await world(t);
    const [applicant, cashier, other] = await people(w, '申请人', '出纳', '别人');
    const id = await template(w, simpleTemplate([node('h', 'handler', members([cashier!]))]));
    assert.deepEqual(await expectError(submit(w, applicant!, { templateId: id, form: { reason: 'x' }, handlerOverrides: { h: [other!, applicant!] } })), { code: 'approval.own_request', details: { field: '/handlerOverrides/h/1', memberId: applicant } });
    const ok = await submit(w, applicant!, { templateId: id, form: { reason: 'x' }, handlerOverrides: { h: [other!] } });
    assert.deepEqual((await tasks(w, ok.instanceId)).map((x) => x.assignee), [other]);
  });

  it('decision: 指定标签 and 关联成员控件 leave the applicant out of their own approval, with the reason; CC keeps them', async () => {
    const w = await world(t);
    const [applicant, b] = await people(w, '出纳甲', '出纳乙');
    const tag = await w.org.tag('出纳', [applicant!, b!]);
    const input = simpleTemplate(
      [node('tag', 'approver', { type: 'tag', tagId: tag, mode: 'all' }), node('field', 'handler', { type: 'field', fieldId: 'who', mode: 'all' }), node('cc', 'cc', { type: 'tag', tagId: tag, mode: 'all' })],
      {},
      [{ id: 'who', type: 'member', label: '经办人', required: true }],
    );
    const templateId = await template(w, input);
    const path = await w.org.as(applicant!, (ctx) => previewRequest(ctx, applicant!, { templateId, form: { who: [applicant!, b!] } }));
    assert.deepEqual(path.steps.map((s) => s.assigneeIds), [[b], [b], [applicant, b].sort()]);
    assert.deepEqual(path.steps.map((s) => s.reasons.filter((r) => r.code === 'filtered_applicant').length), [1, 1, 0]);
    // The tag holds only the applicant: the step is empty and the 成员为空时 rule approves it.
    const alone = await w.org.tag('独自', [applicant!]);
    const aloneId = await template(w, simpleTemplate([node('tag', 'approver', { type: 'tag', tagId: alone, mode: 'any' })]));
    const req = await submit(w, applicant!, { templateId: aloneId, form: { reason: 'x' } });
    assert.deepEqual([await status(w, req.instanceId), await tasks(w, req.instanceId)], ['approved', []]);
  });

  it('seed rule 申请人本人: a node the template gives to the applicant still goes to them, and so does a 指定成员 node naming them', async () => {
    const w = await world(t);
    const [applicant, boss] = await people(w, '申请人', '老板');
    const id = await template(w, simpleTemplate([node('self', 'approver', { type: 'applicant' }), node('named', 'approver', members([applicant!, boss!], 'sequential'))]));
    const req = await submit(w, applicant!, { templateId: id, form: { reason: 'x' } });
    await act(w, applicant!, await taskOf(w, req.instanceId, applicant!), { action: 'approve' });
    await act(w, applicant!, await taskOf(w, req.instanceId, applicant!), { action: 'approve' });
    await act(w, boss!, await taskOf(w, req.instanceId, boss!), { action: 'approve' });
    assert.deepEqual((await tasks(w, req.instanceId)).map((x) => [x.step, x.assignee, x.status]), [
      [0, applicant, 'approved'],
      [1, applicant, 'approved'],
      [1, boss, 'approved'],
    ]);
    assert.equal(await status(w, req.instanceId), 'approved');
  });

  it('decision: after a 退回 the step’s configured people are asked again — never the applicant, nor whom the task was transferred to', async () => {
    const w = await world(t);
    const [applicant, b, c, d] = await people(w, '申请人', '乙', '丙', '丁');
    const tag = await w.org.tag('一审', [applicant!, b!]);
    const id = await template(w, simpleTemplate([node('s0', 'approver', { type: 'tag', tagId: tag, mode: 'any' }), node('s1', 'approver', members([c!]))]));
    const req = await submit(w, applicant!, { templateId: id, form: { reason: 'x' } });
    await act(w, b!, await taskOf(w, req.instanceId, b!), { action: 'transfer', toMemberId: d! });
    await act(w, d!, await taskOf(w, req.instanceId, d!), { action: 'approve' });
    await act(w, c!, await taskOf(w, req.instanceId, c!), { action: 'return' });
    const open = (await tasks(w, req.instanceId)).filter((x) => x.status === 'pending');
    assert.deepEqual(open.map((x) => [x.step, x.assignee]), [[0, b]]);
  });

  it('decision: a template edited after submission does not move a running request; a new submission resolves the edited flow, still without the applicant', async () => {
    const w = await world(t);
    const [applicant, boss, b] = await people(w, '申请人', '老板', '乙');
    const tag = await w.org.tag('审批组', [applicant!, b!]);
    const input = simpleTemplate([node('a', 'approver', members([boss!]))]);
    const created = await w.client.post<{ id: string }>('/api/v1/approvals/templates', input);
    const running = await submit(w, applicant!, { templateId: created.body.id, form: { reason: 'x' } });
    const edited = await w.client.put(`/api/v1/approvals/templates/${created.body.id}`, { ...simpleTemplate([node('a', 'approver', { type: 'tag', tagId: tag, mode: 'all' })]), expectedVersion: 1 });
    assert.equal(edited.status, 200);
    assert.deepEqual((await tasks(w, running.instanceId)).map((x) => x.assignee), [boss]);
    const again = await submit(w, applicant!, { templateId: created.body.id, form: { reason: 'x' } });
    assert.deepEqual((await tasks(w, again.instanceId)).map((x) => x.assignee), [b]);
  });
});
