import { sql } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { activeMemberIds } from '../directory/index.ts';
import { ApprovalErrors } from './approval.errors.ts';
import type { ReasonLine } from './approval.model.ts';
import { line, parseSnapshot, RequestFlow } from './flow.ts';
import { notify, remindAdmins } from './notifications.ts';
import type { ActionResult } from './once.ts';
import { tables } from './approval.tables.ts';
import { checkIds, refuseApplicant } from './ids.ts';

/**
 * Hands a task to someone else on behalf of the enterprise: an admin's manual handover (离职交接),
 * or the 成员离职时 rule's automatic one. Allowed on handler tasks too: the handler is not the one transferring.
 */
export async function handOverTask(ctx: Ctx, taskId: string, toMemberId: string, by: { actorId: string | null; reason: ReasonLine }): Promise<ActionResult> {
  const db = tables(ctx.trx);
  const seen = await db.selectFrom('approval_tasks').select(['instance_id']).where('corp_id', '=', ctx.corpId).where('id', '=', taskId).executeTakeFirst();
  if (!seen) throw new DomainError('not_found', { taskId });
  const field = '/toMemberId';
  const members = await checkIds(ctx.trx, ctx.corpId, [{ field, kind: 'member', id: toMemberId }]);
  if (members.get(toMemberId)?.status !== 'active') throw new DomainError(ApprovalErrors['approval.member_inactive'], { field, memberId: toMemberId });
  const flow = await RequestFlow.lock(ctx, seen.instance_id, 'running');
  if (!flow) throw new DomainError(ApprovalErrors['approval.task_closed'], { taskId, reason: 'request_not_running' });
  const task = (await flow.tasks()).find((t) => t.id === taskId)!;
  if (task.status !== 'pending' && task.status !== 'waiting') throw new DomainError(ApprovalErrors['approval.task_closed'], { taskId, status: task.status });
  // A hand-over never makes the applicant an approver or handler of their own request.
  refuseApplicant(flow.row.applicant_id, toMemberId, field);
  const status = task.status;
  await flow.moveTask(task, 'transferred', [status], true);
  const moved = await flow.addTask({ step: task.step, nodeId: task.node_id, kind: task.kind, seq: task.seq, assigneeId: toMemberId, status, reasons: [by.reason] });
  await flow.event({ taskId, actorId: by.actorId, action: 'handover', details: { from: task.assignee_id, to: toMemberId, reason: by.reason } });
  if (moved.status === 'pending') await notify(ctx, [toMemberId], task.kind === 'handler' ? 'handle' : 'approve', flow.row, `approval:task:${moved.id}`);
  return { instanceId: flow.row.id, instanceStatus: flow.row.status, taskId: moved.id, taskStatus: moved.status, version: flow.row.version };
}

/** 离职交接 by hand: an admin gives a departed member's open task to someone else; audited. */
export async function adminHandOver(ctx: Ctx, taskId: string, toMemberId: string): Promise<ActionResult> {
  const result = await handOverTask(ctx, taskId, toMemberId, { actorId: ctx.actor.kind === 'member' ? ctx.actor.id : null, reason: line('admin_handover', `Handed over by the admin ${ctx.actor.name}`, { by: ctx.actor.id, name: ctx.actor.name }) });
  await audit(ctx, { action: 'approval.task.handover', target: { type: 'approval_task', id: taskId }, after: { toMemberId, newTaskId: result.taskId } });
  return result;
}

/** 成员离职时: each open task of the departed member follows its node kind's rule. */
export async function onMemberDeparted(ctx: Ctx, memberId: string): Promise<void> {
  const open = await tables(ctx.trx)
    .selectFrom('approval_tasks as t')
    .innerJoin('approval_instances as i', (j) => j.onRef('i.corp_id', '=', 't.corp_id').onRef('i.id', '=', 't.instance_id'))
    .select(['t.id', 't.kind', 'i.id as instance_id', 'i.template_name', 'i.snapshot_json', 'i.applicant_id'])
    .where('t.corp_id', '=', ctx.corpId)
    .where('t.assignee_id', '=', memberId)
    .where('t.status', 'in', ['pending', 'waiting'])
    .where('i.status', '=', 'running')
    .orderBy('t.id')
    .execute();
  for (const task of open) {
    if (task.kind !== 'approver' && task.kind !== 'handler') continue;
    const settings = parseSnapshot(task.snapshot_json).settings;
    const rule = task.kind === 'handler' ? settings.handlerDeparted : settings.approverDeparted;
    // The rule's person must be active and must not be the applicant (nobody approves their own
    // request); otherwise the admins are reminded to hand the task over by hand.
    const toApplicant = rule.action === 'handover' && rule.memberId === task.applicant_id;
    if (rule.action === 'handover' && !toApplicant && (await activeMemberIds(ctx.trx, ctx.corpId, [rule.memberId])).has(rule.memberId)) {
      await handOverTask(ctx, task.id, rule.memberId, { actorId: null, reason: line('departed_rule_handover', 'The member left: handed over by the when-departed rule', { from: memberId, to: rule.memberId }) });
    } else {
      await remindAdmins(ctx, { id: task.instance_id, template_name: task.template_name }, task.id);
      await RequestFlow.record(ctx, task.instance_id, { taskId: task.id, actorId: null, action: 'admin_reminded', details: toApplicant ? { memberId, reason: 'handover_person_is_applicant' } : { memberId } });
    }
  }
}

/** Per member among `memberIds`, how many tasks of running requests they must still act on (pending or waiting their turn). */
export async function openTasksOf(db: Executor, corpId: string, memberIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let at = 0; at < memberIds.length; at += 500) {
    const rows = await tables(db)
      .selectFrom('approval_tasks as t')
      .innerJoin('approval_instances as i', (j) => j.onRef('i.corp_id', '=', 't.corp_id').onRef('i.id', '=', 't.instance_id'))
      .select(['t.assignee_id', sql<number>`count(*)`.as('n')])
      .where('t.corp_id', '=', corpId)
      .where('t.assignee_id', 'in', memberIds.slice(at, at + 500))
      .where('t.status', 'in', ['pending', 'waiting'])
      .where('i.status', '=', 'running')
      .groupBy('t.assignee_id')
      .execute();
    for (const r of rows) out.set(r.assignee_id, Number(r.n));
  }
  return out;
}

/**
 * 数据资产交接 of approvals: every open task of the departed member goes to the successor, as an
 * admin's hand-over (the request's history says who handed it and the successor is notified). A
 * task on the successor's own request is left where it is (nobody approves their own request) and
 * reported, for the admin to give to someone else. Handed tasks are the departed member's no more,
 * so a second call moves nothing.
 */
export async function handOverTasksOf(ctx: Ctx, fromMemberId: string, toMemberId: string): Promise<{ moved: number; left: { taskId: string; reason: 'successor_is_applicant' }[] }> {
  const open = await tables(ctx.trx)
    .selectFrom('approval_tasks as t')
    .innerJoin('approval_instances as i', (j) => j.onRef('i.corp_id', '=', 't.corp_id').onRef('i.id', '=', 't.instance_id'))
    .select(['t.id', 'i.applicant_id'])
    .where('t.corp_id', '=', ctx.corpId)
    .where('t.assignee_id', '=', fromMemberId)
    .where('t.status', 'in', ['pending', 'waiting'])
    .where('i.status', '=', 'running')
    .orderBy('t.id')
    .execute();
  // Without an admin (安全管理's rule when the member left) the history says it was the rule.
  const reason =
    ctx.actor.kind === 'system'
      ? line('departed_rule_handover', 'The member left: handed over by the when-departed rule', { from: fromMemberId, to: toMemberId })
      : line('admin_handover', `Handed over by the admin ${ctx.actor.name}`, { by: ctx.actor.id, name: ctx.actor.name });
  const by = { actorId: ctx.actor.kind === 'member' ? ctx.actor.id : null, reason };
  let moved = 0;
  const left: { taskId: string; reason: 'successor_is_applicant' }[] = [];
  for (const task of open) {
    if (task.applicant_id === toMemberId) {
      left.push({ taskId: task.id, reason: 'successor_is_applicant' });
      continue;
    }
    await handOverTask(ctx, task.id, toMemberId, by);
    moved++;
  }
  return { moved, left };
}
