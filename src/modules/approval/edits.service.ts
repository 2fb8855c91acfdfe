import type { Ctx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { activeMemberIds } from '../directory/index.ts';
import { ApprovalErrors } from './approval.errors.ts';
import type { FormValues } from './approval.model.ts';
import { checkForm } from './form.ts';
import { line, RequestFlow } from './flow.ts';
import { notify } from './notifications.ts';
import type { ActionResult } from './once.ts';
import { tables } from './approval.tables.ts';

/** 通过后允许编辑: an approved request changes only with the consent of its approvers and handlers. */

export async function requestEdit(ctx: Ctx, memberId: string, instanceId: string, form: FormValues): Promise<ActionResult> {
  const db = tables(ctx.trx);
  const row = await db.selectFrom('approval_instances').select(['applicant_id', 'submitter_id']).where('corp_id', '=', ctx.corpId).where('id', '=', instanceId).executeTakeFirst();
  if (!row) throw new DomainError('not_found', { instanceId });
  if (row.applicant_id !== memberId && row.submitter_id !== memberId) throw new DomainError('forbidden', { reason: 'only the applicant can edit' });
  const flow = await RequestFlow.lock(ctx, instanceId, 'approved');
  if (!flow) throw new DomainError(ApprovalErrors['approval.edit_disabled'], { reason: 'not_approved' });
  if (!flow.settings.allowEditAfterApproval) throw new DomainError(ApprovalErrors['approval.edit_disabled']);
  const pending = await db.selectFrom('approval_edit_requests').select('id').where('corp_id', '=', ctx.corpId).where('instance_id', '=', instanceId).where('status', '=', 'pending').executeTakeFirst();
  if (pending) throw new DomainError(ApprovalErrors['approval.edit_pending']);
  await checkForm(ctx.trx, ctx.corpId, flow.snapshot.form, form);
  const tasks = await flow.tasks();
  const consenters = [...new Set(tasks.filter((t) => (t.kind === 'approver' && t.status === 'approved') || (t.kind === 'handler' && t.status === 'handled')).map((t) => t.assignee_id))];
  const active = await activeMemberIds(ctx.trx, ctx.corpId, consenters);
  await db.insertInto('approval_edit_requests').values({ corp_id: ctx.corpId, id: newId('apd', ctx.now), instance_id: instanceId, form_json: JSON.stringify(form), status: 'pending', created_at: ctx.now }).execute();
  await flow.event({ actorId: memberId, action: 'edit_requested', details: { form } });
  const step = flow.steps.length;
  let created = 0;
  for (const id of consenters.filter((c) => active.has(c))) {
    const t = await flow.addTask({ step, nodeId: 'edit', kind: 'consent', seq: 0, assigneeId: id, status: 'pending', reasons: [line('edit_consent', 'An approved request is being edited: approvers and handlers must consent')] });
    await notify(ctx, [id], 'consent', flow.row, `approval:task:${t.id}`);
    created++;
  }
  if (created === 0) await afterConsent(ctx, flow, true);
  return { instanceId, instanceStatus: 'approved', taskId: null, taskStatus: null, version: flow.row.version };
}

/** After each consent: one refusal ends the edit; the last agreement applies it. */
export async function afterConsent(ctx: Ctx, flow: RequestFlow, agreed: boolean): Promise<void> {
  const db = tables(ctx.trx);
  const edit = await db.selectFrom('approval_edit_requests').select(['id', 'form_json']).where('corp_id', '=', ctx.corpId).where('instance_id', '=', flow.row.id).where('status', '=', 'pending').executeTakeFirstOrThrow();
  const open = await db.selectFrom('approval_tasks').select('id').where('corp_id', '=', ctx.corpId).where('instance_id', '=', flow.row.id).where('kind', '=', 'consent').where('status', '=', 'pending').execute();
  if (agreed && open.length > 0) return;
  if (!agreed) {
    await db.updateTable('approval_tasks').set({ status: 'cancelled', acted_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('instance_id', '=', flow.row.id).where('kind', '=', 'consent').where('status', '=', 'pending').execute();
  } else {
    await db.updateTable('approval_instances').set({ form_json: edit.form_json }).where('corp_id', '=', ctx.corpId).where('id', '=', flow.row.id).execute();
  }
  await db.updateTable('approval_edit_requests').set({ status: agreed ? 'accepted' : 'refused' }).where('corp_id', '=', ctx.corpId).where('id', '=', edit.id).execute();
  await flow.event({ actorId: null, action: agreed ? 'edit_applied' : 'edit_refused' });
}

/** A withdrawn request is not edited: an edit waiting for consent is refused (its consent tasks close with the request's open tasks). */
export async function dropPendingEdit(ctx: Ctx, instanceId: string): Promise<void> {
  await tables(ctx.trx).updateTable('approval_edit_requests').set({ status: 'refused' }).where('corp_id', '=', ctx.corpId).where('instance_id', '=', instanceId).where('status', '=', 'pending').execute();
}
