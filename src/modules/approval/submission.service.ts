import type { Ctx, ReadCtx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { activeMemberIds } from '../directory/index.ts';
import { ApprovalErrors } from './approval.errors.ts';
import type { FormValues, Template } from './approval.model.ts';
import { checkForm } from './form.ts';
import { RequestFlow, type Snapshot } from './flow.ts';
import { onceFor, type ActionResult } from './once.ts';
import { activeApplicant, resolvePath, type ResolvedPath } from './resolver.ts';
import { ensureBuiltinTemplate, getTemplate, type BuiltinTemplateSpec } from './templates.service.ts';
import { checkIds, listRefs, type IdRef } from './ids.ts';
import { tables } from './approval.tables.ts';
import { requireVisible } from './access.ts';

/** Submitting a request (提交申请), and previewing the path it would take. */

export interface SubmitInput {
  templateId: string;
  /** 代他人提交: the member the request is for; the submitter when absent. */
  applicantId?: string | undefined;
  form: FormValues;
  picks?: Record<string, string[]> | undefined;
  ccAdd?: string[] | undefined;
  ccRemove?: string[] | undefined;
  handlerOverrides?: Record<string, string[]> | undefined;
  mentions?: string[] | undefined;
}

async function prepare(ctx: ReadCtx, submitterId: string, input: SubmitInput, builtin?: string): Promise<{ template: Template; path: ResolvedPath; applicantId: string }> {
  const template = await getTemplate(ctx.trx, ctx.corpId, input.templateId);
  // A built-in template is submitted only by its owning module, which has checked what the form says.
  if (template.builtin !== (builtin ?? null)) throw new DomainError(ApprovalErrors['approval.template_builtin'], { templateId: template.id, reason: 'submitted_by_its_module' });
  if (template.archived) throw new DomainError(ApprovalErrors['approval.template_archived'], { templateId: template.id });
  const applicantId = input.applicantId ?? submitterId;
  if (applicantId !== submitterId && !template.settings.allowOnBehalf) throw new DomainError(ApprovalErrors['approval.on_behalf_not_allowed']);
  await checkSubmissionIds(ctx, input);
  // 可见范围: the submitter must see the template, and a request made for someone else is theirs, so they must too.
  if (template.builtin === null) {
    await requireVisible(ctx.trx, ctx.corpId, template, submitterId);
    if (applicantId !== submitterId) await requireVisible(ctx.trx, ctx.corpId, template, applicantId, '/applicantId');
  }
  // Submitting on behalf: heads and "the applicant" resolve from the applicant, not the submitter.
  const applicant = await activeApplicant(ctx.trx, ctx.corpId, applicantId);
  await checkForm(ctx.trx, ctx.corpId, template.form, input.form);
  const path = await resolvePath(ctx.trx, ctx.corpId, template, {
    applicant,
    form: input.form,
    picks: input.picks ?? {},
    ccAdd: input.ccAdd ?? [],
    ccRemove: input.ccRemove ?? [],
    handlerOverrides: input.handlerOverrides ?? {},
  });
  return { template, path, applicantId };
}

/**
 * The member ids of the body (submit-for-someone, picks, CC changes, chosen handlers, @-mentions)
 * must all be of this enterprise: an unknown one is refused with its field, nothing is written.
 * The form's member and department fields are checked with the form. A plain submission names none
 * of these and costs no query.
 */
async function checkSubmissionIds(ctx: ReadCtx, input: SubmitInput): Promise<void> {
  const refs: IdRef[] = [];
  if (input.applicantId !== undefined) refs.push({ field: '/applicantId', kind: 'member', id: input.applicantId });
  for (const [nodeId, ids] of Object.entries(input.picks ?? {})) refs.push(...listRefs('member', ids, 'picks', nodeId));
  refs.push(...listRefs('member', input.ccAdd, 'ccAdd'), ...listRefs('member', input.ccRemove, 'ccRemove'));
  for (const [nodeId, ids] of Object.entries(input.handlerOverrides ?? {})) refs.push(...listRefs('member', ids, 'handlerOverrides', nodeId));
  refs.push(...listRefs('member', input.mentions, 'mentions'));
  if (refs.length > 0) await checkIds(ctx.trx, ctx.corpId, refs);
}

/** The path a submission would take and who would get each step: the same code as `submit`. */
export async function previewRequest(ctx: ReadCtx, submitterId: string, input: SubmitInput): Promise<ResolvedPath> {
  return (await prepare(ctx, submitterId, input)).path;
}

export async function submitRequest(ctx: Ctx, submitterId: string, input: SubmitInput, idempotencyKey?: string): Promise<ActionResult> {
  return onceFor(ctx, submitterId, idempotencyKey, { submit: input }, () => insertRequest(ctx, submitterId, input));
}

/**
 * A member's request of a built-in template, made by the module that owns the kind (attendance's
 * 补卡) in its own command's transaction: the flow and settings are the enterprise's template's.
 */
export async function submitBuiltinRequest(ctx: Ctx, spec: BuiltinTemplateSpec, memberId: string, form: FormValues): Promise<ActionResult> {
  const template = await ensureBuiltinTemplate(ctx, spec);
  return insertRequest(ctx, memberId, { templateId: template.id, form }, spec.kind);
}

async function insertRequest(ctx: Ctx, submitterId: string, input: SubmitInput, builtin?: string): Promise<ActionResult> {
  const { template, path, applicantId } = await prepare(ctx, submitterId, input, builtin);
  const id = newId('apr', ctx.now);
  const snapshot: Snapshot = { form: template.form, flow: template.flow, settings: template.settings, templateVersion: template.version };
  const mentions = [...(await activeMemberIds(ctx.trx, ctx.corpId, input.mentions ?? []))].sort();
  await tables(ctx.trx)
    .insertInto('approval_instances')
    .values({
      corp_id: ctx.corpId,
      id,
      template_id: template.id,
      template_name: template.name,
      builtin_kind: template.builtin,
      snapshot_json: JSON.stringify(snapshot),
      applicant_id: applicantId,
      submitter_id: submitterId,
      status: 'running',
      form_json: JSON.stringify(input.form),
      path_json: JSON.stringify(path.steps),
      mentions_json: JSON.stringify(mentions),
      current_step: 0,
      version: 1,
      created_at: ctx.now,
      updated_at: ctx.now,
      finished_at: null,
    })
    .execute();
  const flow = RequestFlow.started(
    ctx,
    { id, template_name: template.name, builtin_kind: template.builtin, snapshot_json: '', applicant_id: applicantId, submitter_id: submitterId, status: 'running', form_json: '', path_json: '', current_step: 0, version: 1 },
    snapshot,
    path.steps,
  );
  await flow.event({ actorId: submitterId, action: 'submitted', details: { applicantId, branches: path.branches } });
  await flow.advance(0, true);
  return { instanceId: id, instanceStatus: flow.row.status, taskId: null, taskStatus: null, version: 1 };
}
