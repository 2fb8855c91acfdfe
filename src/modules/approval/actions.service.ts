import type { Ctx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { ApprovalErrors } from './approval.errors.ts';
import type { ResolvedStep, Settings } from './approval.model.ts';
import type { TaskStatus } from './approval.tables.ts';
import { afterConsent, dropPendingEdit } from './edits.service.ts';
import { line, parseSnapshot, RequestFlow, type TaskRow } from './flow.ts';
import { withdrawRefusal } from './withdrawal.ts';
import { notify } from './notifications.ts';
import { onceFor, type ActionResult } from './once.ts';
import { modeName } from './resolver.ts';
import { prepared, tables } from './approval.tables.ts';
import { checkIds, listRefs, refuseApplicant, type IdRef } from './ids.ts';

/**
 * What a member does on a task (同意, 驳回, 办理, 转交, 退回, 加签) and the applicant's 撤销. Each runs
 * exactly once: the request is locked first, the task must still be pending, and it closes by
 * compare-and-set; the next steps' tasks and notices are made in the same transaction. A late
 * second call finds the task closed (`approval.task_closed`) or, with the same idempotency key,
 * gets the first call's answer.
 */

export type TaskAction =
  | { action: 'approve'; comment?: string | undefined; signature?: string | undefined }
  | { action: 'reject'; comment?: string | undefined }
  | { action: 'handle'; comment?: string | undefined }
  | { action: 'transfer'; toMemberId: string; comment?: string | undefined }
  | { action: 'return'; comment?: string | undefined }
  | { action: 'add_approvers'; memberIds: string[]; mode: 'all' | 'any' | 'sequential'; comment?: string | undefined };

const taskById = prepared((db, p: { corpId: string; taskId: string }) =>
  db.selectFrom('approval_tasks').select(['id', 'instance_id', 'step', 'node_id', 'kind', 'seq', 'assignee_id', 'status', 'comment']).where('corp_id', '=', p.corpId).where('id', '=', p.taskId),
);

async function readTask(ctx: Ctx, taskId: string): Promise<TaskRow & { comment: string | null }> {
  const task = (await taskById.execute(ctx.trx, { corpId: ctx.corpId, taskId })).rows[0];
  if (!task) throw new DomainError('not_found', { taskId });
  return task;
}

function hasText(value: string | undefined): boolean {
  return value !== undefined && value.trim().length > 0;
}

/** Refuses what a task of this kind cannot do, and what the rule settings require but is missing. */
function checkAction(task: TaskRow, act: TaskAction, settings: Settings): void {
  if (task.kind === 'handler' && act.action !== 'handle') throw new DomainError(ApprovalErrors['approval.handler_only_handles'], { action: act.action });
  if (task.kind === 'approver' && act.action === 'handle') throw new DomainError('request.invalid', { reason: 'approvers approve or reject' });
  if (task.kind === 'consent' && act.action !== 'approve' && act.action !== 'reject') throw new DomainError('request.invalid', { reason: 'an edit is consented to or refused' });
  if (task.kind === 'cc') throw new DomainError(ApprovalErrors['approval.task_closed'], { taskId: task.id });
  if (task.kind === 'approver' && (act.action === 'approve' || act.action === 'reject') && settings.requireApprovalComment && !hasText(act.comment)) {
    throw new DomainError(ApprovalErrors['approval.comment_required'], { action: act.action });
  }
  if (task.kind === 'handler' && settings.requireHandlingComment && !hasText(act.comment)) throw new DomainError(ApprovalErrors['approval.comment_required'], { action: 'handle' });
  if (task.kind === 'approver' && act.action === 'approve' && settings.requireSignature && !hasText(act.signature)) throw new DomainError(ApprovalErrors['approval.signature_required']);
  if (act.action === 'add_approvers' && !settings.allowAddApprovers) throw new DomainError(ApprovalErrors['approval.add_approvers_disabled']);
}

function actionDetails(act: TaskAction): Record<string, unknown> {
  if (act.action === 'transfer') return { toMemberId: act.toMemberId };
  if (act.action === 'add_approvers') return { memberIds: act.memberIds, mode: act.mode };
  if (act.action === 'approve' && act.signature) return { signed: true };
  return {};
}

/**
 * The people a 转交 or 加签 names, checked before anything is written: members of this enterprise
 * (`request.unknown_id`), never the applicant (`approval.own_request`: nobody approves their own
 * request through someone else's choice), and active (`approval.member_inactive`), each with its field.
 */
async function checkTargets(ctx: Ctx, flow: RequestFlow, act: TaskAction, memberId: string): Promise<void> {
  let refs: IdRef[];
  if (act.action === 'transfer') refs = [{ field: '/toMemberId', kind: 'member', id: act.toMemberId }];
  else if (act.action === 'add_approvers') refs = listRefs('member', act.memberIds, 'memberIds');
  else return;
  const members = await checkIds(ctx.trx, ctx.corpId, refs);
  for (const r of refs) refuseApplicant(flow.row.applicant_id, r.id, r.field);
  const inactive = refs.find((r) => members.get(r.id)?.status !== 'active' || (act.action === 'transfer' && r.id === memberId));
  if (inactive) throw new DomainError(ApprovalErrors['approval.member_inactive'], { field: inactive.field, memberId: inactive.id });
}

const CLOSES_AS: Record<TaskAction['action'], TaskStatus> = { approve: 'approved', reject: 'rejected', handle: 'handled', transfer: 'transferred', return: 'returned', add_approvers: 'pending' };

export async function actOnTask(ctx: Ctx, memberId: string, taskId: string, act: TaskAction, idempotencyKey?: string): Promise<ActionResult> {
  return onceFor(ctx, memberId, idempotencyKey, { taskId, act }, async () => {
    const seen = await readTask(ctx, taskId);
    if (seen.assignee_id !== memberId) throw new DomainError(ApprovalErrors['approval.not_your_task'], { taskId });
    const consent = seen.kind === 'consent';
    const flow = await RequestFlow.lock(ctx, seen.instance_id, consent ? 'approved' : 'running');
    if (!flow) throw new DomainError(ApprovalErrors['approval.task_closed'], { taskId, reason: 'request_not_running' });
    // The request is now locked, so the task's status cannot change under us. A status read before the
    // lock may be stale: it is read again when it matters, and closing is a compare-and-set anyway.
    let task: TaskRow = seen;
    if (seen.status !== 'pending' || act.action === 'add_approvers') {
      task = await readTask(ctx, taskId);
      if (task.status !== 'pending') throw new DomainError(ApprovalErrors['approval.task_closed'], { taskId, status: task.status });
    }
    checkAction(task, act, flow.settings);
    await checkTargets(ctx, flow, act, memberId);

    const closeAs = CLOSES_AS[act.action];
    if (act.action !== 'add_approvers') {
      const closed = await flow.closeTask(taskId, closeAs, act.comment ?? null, act.action === 'approve' ? (act.signature ?? null) : null);
      if (!closed) throw new DomainError(ApprovalErrors['approval.task_closed'], { taskId });
    }
    await flow.event({ taskId, actorId: memberId, action: act.action, comment: act.comment ?? null, details: actionDetails(act) });

    if (consent) await afterConsent(ctx, flow, act.action === 'approve');
    else await afterAction(ctx, flow, task, act, memberId);
    return { instanceId: flow.row.id, instanceStatus: flow.row.status, taskId, taskStatus: closeAs, version: flow.row.version };
  });
}

async function afterAction(ctx: Ctx, flow: RequestFlow, task: TaskRow, act: TaskAction, memberId: string): Promise<void> {
  switch (act.action) {
    case 'reject':
      await flow.finish('rejected');
      return;
    case 'transfer': {
      const moved = await flow.addTask({ step: task.step, nodeId: task.node_id, kind: task.kind, seq: task.seq, assigneeId: act.toMemberId, status: 'pending', reasons: [line('transferred', 'Transferred by the approver', { from: memberId })] });
      await notify(ctx, [moved.assignee_id], 'approve', flow.row, `approval:task:${moved.id}`);
      return;
    }
    case 'return': {
      // 退回: back to the nearest earlier approver step of the template (not a 加签 step), whose
      // configured people get fresh tasks; temporary approvers added in the meantime are not asked again.
      let back = -1;
      for (let i = task.step - 1; i >= 0; i--) {
        const step = flow.steps[i]!;
        if (step.kind === 'approver' && !step.autoApproved && step.origin !== 'added') {
          back = i;
          break;
        }
      }
      if (back < 0) throw new DomainError(ApprovalErrors['approval.nothing_to_return_to']);
      // The repeat-approver rule looks only at steps before the one returned to.
      await flow.returnTo(back);
      await flow.advance(back);
      return;
    }
    case 'add_approvers': {
      // 加签: a new approver step right after the current one (the people were checked by checkTargets).
      const ids = [...new Set(act.memberIds)];
      const added: ResolvedStep = {
        nodeId: newId('add', ctx.now),
        kind: 'approver',
        name: '加签',
        mode: act.mode,
        assigneeIds: ids,
        autoApproved: false,
        origin: 'added',
        reasons: [line('added_approvers', `Temporary approver added by an approver (${modeName(act.mode)})`, { by: memberId, mode: act.mode })],
        perAssignee: {},
      };
      await flow.insertStep(task.step, added);
      return;
    }
    default:
      if ((await flow.settleStep(task.step)) === 'done') await flow.advance(task.step + 1);
  }
}

/**
 * The applicant (or the submitter) withdraws (撤销) a request the template's 撤销权限 allows: a running
 * one's open tasks close; an approved one's edit waiting for consent is dropped with its tasks.
 */
export async function withdrawRequest(ctx: Ctx, memberId: string, instanceId: string, idempotencyKey?: string): Promise<ActionResult> {
  return onceFor(ctx, memberId, idempotencyKey, { withdraw: instanceId }, async () => {
    const row = await tables(ctx.trx).selectFrom('approval_instances').select(['applicant_id', 'submitter_id', 'status', 'finished_at', 'builtin_kind', 'snapshot_json']).where('corp_id', '=', ctx.corpId).where('id', '=', instanceId).executeTakeFirst();
    if (!row) throw new DomainError('not_found', { instanceId });
    if (row.applicant_id !== memberId && row.submitter_id !== memberId) throw new DomainError('forbidden', { reason: 'only the applicant can withdraw' });
    const refusal = withdrawRefusal(row, parseSnapshot(row.snapshot_json).settings, ctx.now);
    if (refusal === 'closed') throw new DomainError(ApprovalErrors['approval.request_closed'], { instanceId });
    if (refusal !== null) throw new DomainError(ApprovalErrors['approval.withdraw_not_allowed'], { instanceId, reason: refusal });
    // Locked in the state it was read in: a decision in between makes this a conflict, not a withdrawal of something else.
    const flow = await RequestFlow.lock(ctx, instanceId, row.status);
    if (!flow) throw new DomainError(ApprovalErrors['approval.request_closed'], { instanceId });
    if (row.status === 'approved') await dropPendingEdit(ctx, instanceId);
    await flow.event({ actorId: memberId, action: 'withdraw', details: { from: row.status } });
    await flow.finish('withdrawn');
    return { instanceId, instanceStatus: 'withdrawn', taskId: null, taskStatus: null, version: flow.row.version };
  });
}
