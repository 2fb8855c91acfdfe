import type { Tables } from '../../platform/db/schema.ts';
import './approval.tables.ts';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Ctx, TxCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/schema.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { prepared } from '../../platform/db/prepared.ts';
import { audit } from '../../platform/audit.ts';
import { deliver } from '../inbox/inbox.service.ts';
import { ApprovalErrors } from './approval.errors.ts';
import type { FormValues, ReasonLine, ResolvedStep, Settings, Template } from './approval.model.ts';
import type { InstanceStatus, TaskKind, TaskStatus } from './approval.tables.ts';
import { checkForm } from './form.ts';
import { activeApplicant, modeName, resolvePath, type ResolvedPath } from './resolver.ts';
import { getTemplate } from './templates.service.ts';

/**
 * The engine: requests (instances) move step by step; each step's people get tasks. Every command
 * is one transaction whose first write locks the request (`version = version + 1`), so actions on
 * one request run one at a time on both engines, and a task closes only by a compare-and-set
 * `pending → …`. A late second call finds the task closed (`approval.task_closed`) or, with the same
 * idempotency key, gets the first call's answer.
 */

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

export interface Snapshot {
  form: Template['form'];
  flow: Template['flow'];
  settings: Settings;
  templateVersion: number;
}

export interface ActionResult {
  instanceId: string;
  instanceStatus: InstanceStatus;
  taskId: string | null;
  taskStatus: TaskStatus | null;
  version: number;
}

const line = (code: string, text: string, data?: Record<string, unknown>): ReasonLine => (data ? { code, text, data } : { code, text });

// ---------------------------------------------------------------------------------------------
// Idempotency: a key names one command of one member; the same key with another body is refused.
// ---------------------------------------------------------------------------------------------

function fingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/**
 * Claims the key before doing the work. On PostgreSQL a second call with the same key waits on the
 * first's uncommitted row and then sees its answer; on SQLite commands already run one at a time.
 */
async function claimKey<T>(ctx: Ctx, memberId: string, key: string | undefined, body: unknown): Promise<{ replay: T } | { claimed: string } | undefined> {
  if (!key) return undefined;
  const fullKey = `approval:${memberId}:${key}`;
  const hash = fingerprint(body);
  const inserted = await ctx.trx
    .insertInto('idempotency_keys')
    .values({ corp_id: ctx.corpId, key: fullKey, request_hash: hash, response_json: '', created_at: ctx.now })
    .onConflict((oc) => oc.columns(['corp_id', 'key']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { claimed: fullKey };
  const row = await ctx.trx.selectFrom('idempotency_keys').select(['request_hash', 'response_json']).where('corp_id', '=', ctx.corpId).where('key', '=', fullKey).executeTakeFirstOrThrow();
  if (row.request_hash !== hash) throw new DomainError('idempotency.key_reused', { key });
  return { replay: JSON.parse(row.response_json) as T };
}

async function storeAnswer(ctx: Ctx, claim: { claimed: string } | undefined, answer: unknown): Promise<void> {
  if (!claim) return;
  await ctx.trx.updateTable('idempotency_keys').set({ response_json: JSON.stringify(answer) }).where('corp_id', '=', ctx.corpId).where('key', '=', claim.claimed).execute();
}

// ---------------------------------------------------------------------------------------------
// Notifications: in the command's transaction, one per task (dedupe key), so they exist exactly
// when the task does.
// ---------------------------------------------------------------------------------------------

async function notify(ctx: TxCtx, memberIds: string[], kind: 'approve' | 'handle' | 'cc' | 'consent' | 'result', instance: { id: string; template_name: string }, dedupeKey: string, extra = ''): Promise<void> {
  if (memberIds.length === 0) return;
  const title = { approve: '待审批', handle: '待办理', cc: '抄送', consent: '待确认修改', result: '审批结果' }[kind];
  await deliver(ctx, memberIds, { app: 'approvals', title, body: `${instance.template_name}${extra ? `：${extra}` : ''}`, link: `/app/approvals/requests/${instance.id}`, dedupeKey });
}

// ---------------------------------------------------------------------------------------------
// Requests and their steps
// ---------------------------------------------------------------------------------------------

type InstanceRow = Pick<
  Tables['approval_instances'],
  'id' | 'template_name' | 'snapshot_json' | 'applicant_id' | 'submitter_id' | 'status' | 'form_json' | 'path_json' | 'current_step' | 'version'
>;

export interface LoadedInstance {
  row: InstanceRow;
  snapshot: Snapshot;
  steps: ResolvedStep[];
}

interface TaskRow {
  id: string;
  instance_id: string;
  step: number;
  node_id: string;
  kind: TaskKind;
  seq: number;
  assignee_id: string;
  status: TaskStatus;
}

/**
 * Locks the request for this command: the version bump is the first write, so a concurrent command
 * on the same request waits here (PostgreSQL row lock; SQLite runs one transaction at a time).
 * Returns undefined when the request is not in the wanted status.
 */
/**
 * A request's snapshot never changes, and every request of one template version has the same text:
 * parsed once per text (about 30 µs a parse, on every action otherwise). Frozen, since it is shared.
 */
const parsedSnapshots = new Map<string, Snapshot>();

function parseSnapshot(json: string): Snapshot {
  let snapshot = parsedSnapshots.get(json);
  if (!snapshot) {
    if (parsedSnapshots.size >= 256) parsedSnapshots.clear();
    snapshot = deepFreeze(JSON.parse(json) as Snapshot);
    parsedSnapshots.set(json, snapshot);
  }
  return snapshot;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const lockInstanceRow = prepared((db, p: { corpId: string; instanceId: string; status: InstanceStatus; now: number }) =>
  db
    .updateTable('approval_instances')
    .set({ version: sql<number>`version + 1`, updated_at: p.now })
    .where('corp_id', '=', p.corpId)
    .where('id', '=', p.instanceId)
    .where('status', '=', p.status)
    .returning(['id', 'template_name', 'snapshot_json', 'applicant_id', 'submitter_id', 'status', 'form_json', 'path_json', 'current_step', 'version']),
);

async function lockInstance(ctx: TxCtx, instanceId: string, status: InstanceStatus): Promise<LoadedInstance | undefined> {
  const row = (await lockInstanceRow.execute(ctx.trx, { corpId: ctx.corpId, instanceId, status, now: ctx.now })).rows[0];
  if (!row) return undefined;
  return { row, snapshot: parseSnapshot(row.snapshot_json), steps: JSON.parse(row.path_json) };
}

const insertEvent = prepared((db, p: Tables['approval_events']) =>
  db.insertInto('approval_events').values({ corp_id: p.corp_id, id: p.id, instance_id: p.instance_id, task_id: p.task_id, actor_id: p.actor_id, action: p.action, comment: p.comment, details_json: p.details_json, at: p.at }),
);

async function addEvent(ctx: TxCtx, instanceId: string, e: { taskId?: string | null; actorId: string | null; action: string; comment?: string | null; details?: Record<string, unknown> }): Promise<void> {
  await insertEvent.execute(ctx.trx, { corp_id: ctx.corpId, id: newId('ape', ctx.now), instance_id: instanceId, task_id: e.taskId ?? null, actor_id: e.actorId, action: e.action, comment: e.comment ?? null, details_json: JSON.stringify(e.details ?? {}), at: ctx.now });
}

const tasksOfInstance = prepared((db, p: { corpId: string; instanceId: string }) =>
  db.selectFrom('approval_tasks').select(['id', 'instance_id', 'step', 'node_id', 'kind', 'seq', 'assignee_id', 'status']).where('corp_id', '=', p.corpId).where('instance_id', '=', p.instanceId).orderBy('id'),
);

async function tasksOf(ctx: TxCtx, instanceId: string): Promise<TaskRow[]> {
  return (await tasksOfInstance.execute(ctx.trx, { corpId: ctx.corpId, instanceId })).rows;
}

const APPROVED: readonly TaskStatus[] = ['approved', 'auto_approved'];

/** 自动审批: whether this approver already approved the request in a way the setting counts. */
function repeatRuleApproves(rule: Settings['repeatApprover'], steps: ResolvedStep[], tasks: TaskRow[], stepIndex: number, memberId: string): ReasonLine | undefined {
  if (rule === 'every') return undefined;
  const approvedAt = (i: number) => tasks.some((t) => t.step === i && t.kind === 'approver' && t.assignee_id === memberId && APPROVED.includes(t.status));
  if (rule === 'first_only') {
    for (let i = 0; i < stepIndex; i++) if (approvedAt(i)) return line('repeat_rule_first_only', 'Already approved this request: only the first node needs approval', { earlierStep: i });
    return undefined;
  }
  // consecutive: the nearest earlier step that is not a CC step must be an approver step this member approved.
  for (let i = stepIndex - 1; i >= 0; i--) {
    const step = steps[i]!;
    if (step.kind === 'cc') continue;
    if (step.kind === 'approver' && approvedAt(i)) return line('repeat_rule_consecutive', 'Approved the previous node: consecutive nodes approve automatically', { earlierStep: i });
    return undefined;
  }
  return undefined;
}

/** Active members among ids. */
async function activeSet(ctx: TxCtx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await ctx.trx.selectFrom('members').select('id').where('corp_id', '=', ctx.corpId).where('id', 'in', [...new Set(ids)]).where('status', '=', 'active').execute();
  return new Set(rows.map((r) => r.id));
}

/** Members who receive "hand this over" reminders: the enterprise's admins who are members. */
export async function approvalAdmins(db: Executor, corpId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('members')
    .select('members.id')
    .where('members.corp_id', '=', corpId)
    .where('members.status', '=', 'active')
    .where((eb) =>
      eb.or([
        eb('members.id', 'in', db.selectFrom('super_admins').select('member_id').where('corp_id', '=', corpId).where('member_id', 'is not', null).$narrowType<{ member_id: string }>()),
        eb('members.account_id', 'in', db.selectFrom('corps').select('creator_account_id').where('id', '=', corpId)),
      ]),
    )
    .orderBy('members.id')
    .execute();
  return rows.map((r) => r.id);
}

interface NewTask {
  step: number;
  nodeId: string;
  kind: TaskKind;
  seq: number;
  assigneeId: string;
  status: TaskStatus;
  reasons: ReasonLine[];
}

const insertTaskRow = prepared((db, p: Tables['approval_tasks']) =>
  db.insertInto('approval_tasks').values({
    corp_id: p.corp_id,
    id: p.id,
    instance_id: p.instance_id,
    step: p.step,
    node_id: p.node_id,
    kind: p.kind,
    seq: p.seq,
    assignee_id: p.assignee_id,
    status: p.status,
    comment: p.comment,
    signature: p.signature,
    reason_json: p.reason_json,
    created_at: p.created_at,
    acted_at: p.acted_at,
  }),
);

async function insertTask(ctx: TxCtx, instanceId: string, t: NewTask): Promise<TaskRow> {
  const id = newId('apk', ctx.now);
  await insertTaskRow.execute(ctx.trx, {
    corp_id: ctx.corpId,
    id,
    instance_id: instanceId,
    step: t.step,
    node_id: t.nodeId,
    kind: t.kind,
    seq: t.seq,
    assignee_id: t.assigneeId,
    status: t.status,
    comment: null,
    signature: null,
    reason_json: JSON.stringify(t.reasons),
    created_at: ctx.now,
    acted_at: t.status === 'auto_approved' || t.status === 'notified' ? ctx.now : null,
  });
  return { id, instance_id: instanceId, step: t.step, node_id: t.nodeId, kind: t.kind, seq: t.seq, assignee_id: t.assigneeId, status: t.status };
}

/**
 * Whether a step is done, given its tasks: 或签 when one approved, 会签 and 依次 when all did.
 * For 依次 the next waiting person becomes pending.
 */
async function settleStep(ctx: TxCtx, instance: LoadedInstance, stepIndex: number, tasks: TaskRow[]): Promise<'done' | 'open'> {
  const step = instance.steps[stepIndex]!;
  const mine = tasks.filter((t) => t.step === stepIndex && t.kind !== 'cc');
  const done: readonly TaskStatus[] = [...APPROVED, 'handled'];
  if (step.mode === 'any') {
    if (!mine.some((t) => done.includes(t.status))) return 'open';
    // 或签: the others' tasks close as cancelled, in this transaction, so nobody else can act.
    for (const t of mine.filter((x) => x.status === 'pending' || x.status === 'waiting')) {
      await ctx.trx.updateTable('approval_tasks').set({ status: 'cancelled', acted_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('id', '=', t.id).where('status', 'in', ['pending', 'waiting']).execute();
      t.status = 'cancelled';
    }
    return 'done';
  }
  if (step.mode === 'sequential') {
    if (mine.some((t) => t.status === 'pending')) return 'open';
    const next = mine.filter((t) => t.status === 'waiting').sort((a, b) => a.seq - b.seq)[0];
    if (!next) return 'done';
    await ctx.trx.updateTable('approval_tasks').set({ status: 'pending' }).where('corp_id', '=', ctx.corpId).where('id', '=', next.id).where('status', '=', 'waiting').execute();
    next.status = 'pending';
    await notify(ctx, [next.assignee_id], step.kind === 'handler' ? 'handle' : 'approve', instance.row, `approval:task:${next.id}`);
    return 'open';
  }
  return mine.some((t) => t.status === 'pending' || t.status === 'waiting') ? 'open' : 'done';
}

/**
 * Moves the request forward from `fromStep`: CC steps notify and pass, auto-approved steps pass,
 * and the first step that needs someone gets its tasks. Past the last step the request is approved.
 */
async function advance(ctx: TxCtx, instance: LoadedInstance, fromStep: number, tasks: TaskRow[], justResolved = false): Promise<void> {
  const settings = instance.snapshot.settings;
  // Right after submission the path was resolved in this transaction: everyone on it is active.
  const activeOf = async (ids: string[]) => (justResolved ? new Set(ids) : activeSet(ctx, ids));
  for (let i = fromStep; i < instance.steps.length; i++) {
    const step = instance.steps[i]!;
    if (step.kind === 'cc') {
      const active = await activeOf(step.assigneeIds);
      const ids = step.assigneeIds.filter((id) => active.has(id));
      for (const id of ids) tasks.push(await insertTask(ctx, instance.row.id, { step: i, nodeId: step.nodeId, kind: 'cc', seq: 0, assigneeId: id, status: 'notified', reasons: [...step.reasons, ...(step.perAssignee[id] ?? [])] }));
      for (const t of tasks.filter((x) => x.step === i && x.kind === 'cc')) await notify(ctx, [t.assignee_id], 'cc', instance.row, `approval:task:${t.id}`);
      continue;
    }
    if (step.autoApproved) {
      await addEvent(ctx, instance.row.id, { actorId: null, action: 'step_auto_approved', details: { step: i, nodeId: step.nodeId, reasons: step.reasons } });
      continue;
    }
    const active = await activeOf(step.assigneeIds);
    const departedRule = step.kind === 'handler' ? settings.handlerDeparted : settings.approverDeparted;
    const created: TaskRow[] = [];
    let seq = 0;
    for (const assigneeId of step.assigneeIds) {
      const reasons = [...step.reasons, ...(step.perAssignee[assigneeId] ?? [])];
      let who = assigneeId;
      let remind = false;
      if (!active.has(assigneeId)) {
        // Left between submission and this step: the node kind's 成员离职时 rule applies.
        const handover = departedRule.action === 'handover' && (await activeSet(ctx, [departedRule.memberId])).has(departedRule.memberId);
        if (handover && departedRule.action === 'handover') {
          who = departedRule.memberId;
          reasons.push(line('departed_rule_handover', 'The member left: handed over by the when-departed rule', { from: assigneeId, to: who }));
        } else {
          remind = true;
          reasons.push(line('departed_rule_remind_admin', 'The member left: the admins were reminded to hand over', { memberId: assigneeId }));
        }
      }
      const sequentialLater = step.mode === 'sequential' && seq > 0;
      let status: TaskStatus = sequentialLater ? 'waiting' : 'pending';
      if (step.kind === 'approver') {
        const repeat = repeatRuleApproves(settings.repeatApprover, instance.steps, tasks, i, who);
        if (repeat) {
          reasons.push(repeat);
          status = 'auto_approved';
        }
      }
      const task = await insertTask(ctx, instance.row.id, { step: i, nodeId: step.nodeId, kind: step.kind, seq: seq++, assigneeId: who, status, reasons });
      created.push(task);
      tasks.push(task);
      if (remind) await remindAdmins(ctx, instance.row, task.id);
    }
    // 依次: an auto-approved first person hands on to the next at once.
    if (step.mode === 'sequential') {
      const first = created.find((t) => t.status === 'waiting');
      if (first && !created.some((t) => t.status === 'pending')) {
        await ctx.trx.updateTable('approval_tasks').set({ status: 'pending' }).where('corp_id', '=', ctx.corpId).where('id', '=', first.id).execute();
        first.status = 'pending';
      }
    }
    if ((await settleStep(ctx, instance, i, tasks)) === 'done') continue;
    await setCurrentStep(ctx, instance, i);
    for (const t of created.filter((x) => x.status === 'pending')) await notify(ctx, [t.assignee_id], step.kind === 'handler' ? 'handle' : 'approve', instance.row, `approval:task:${t.id}`);
    return;
  }
  await finish(ctx, instance, 'approved');
}

const setStep = prepared((db, p: { corpId: string; instanceId: string; step: number }) =>
  db.updateTable('approval_instances').set({ current_step: p.step }).where('corp_id', '=', p.corpId).where('id', '=', p.instanceId),
);

async function setCurrentStep(ctx: TxCtx, instance: LoadedInstance, step: number): Promise<void> {
  instance.row.current_step = step;
  await setStep.execute(ctx.trx, { corpId: ctx.corpId, instanceId: instance.row.id, step });
}

async function finish(ctx: TxCtx, instance: LoadedInstance, status: 'approved' | 'rejected' | 'withdrawn'): Promise<void> {
  instance.row.status = status;
  await ctx.trx.updateTable('approval_instances').set({ status, finished_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('id', '=', instance.row.id).execute();
  await ctx.trx
    .updateTable('approval_tasks')
    .set({ status: 'cancelled', acted_at: ctx.now })
    .where('corp_id', '=', ctx.corpId)
    .where('instance_id', '=', instance.row.id)
    .where('status', 'in', ['pending', 'waiting'])
    .execute();
  await addEvent(ctx, instance.row.id, { actorId: null, action: status });
  if (status !== 'withdrawn') {
    await notify(ctx, [instance.row.applicant_id], 'result', instance.row, `approval:result:${instance.row.id}`, status === 'approved' ? '已通过' : '已驳回');
  }
}

async function remindAdmins(ctx: TxCtx, instance: { id: string; template_name: string }, taskId: string): Promise<void> {
  const admins = await approvalAdmins(ctx.trx, ctx.corpId);
  await deliver(ctx, admins, { app: 'approvals', title: '审批待交接', body: `${instance.template_name}：办理人已离职，请手动交接`, link: `/app/approvals/requests/${instance.id}`, dedupeKey: `approval:handover:${taskId}` });
}

// ---------------------------------------------------------------------------------------------
// Submission and preview
// ---------------------------------------------------------------------------------------------

async function prepare(ctx: Ctx, submitterId: string, input: SubmitInput): Promise<{ template: Template; path: ResolvedPath; applicantId: string }> {
  const template = await getTemplate(ctx.trx, ctx.corpId, input.templateId);
  if (template.archived) throw new DomainError(ApprovalErrors['approval.template_archived'], { templateId: template.id });
  const applicantId = input.applicantId ?? submitterId;
  if (applicantId !== submitterId && !template.settings.allowOnBehalf) throw new DomainError(ApprovalErrors['approval.on_behalf_not_allowed']);
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

/** The path a submission would take and who would get each step: the same code as `submit`. */
export async function previewRequest(ctx: Ctx, submitterId: string, input: SubmitInput): Promise<ResolvedPath> {
  return (await prepare(ctx, submitterId, input)).path;
}

export async function submitRequest(ctx: Ctx, submitterId: string, input: SubmitInput, idempotencyKey?: string): Promise<ActionResult> {
  const claim = await claimKey<ActionResult>(ctx, submitterId, idempotencyKey, { submit: input });
  if (claim && 'replay' in claim) return claim.replay;
  const { template, path, applicantId } = await prepare(ctx, submitterId, input);
  const id = newId('apr', ctx.now);
  const snapshot: Snapshot = { form: template.form, flow: template.flow, settings: template.settings, templateVersion: template.version };
  const mentions = [...(await activeSet(ctx, input.mentions ?? []))].sort();
  await ctx.trx
    .insertInto('approval_instances')
    .values({
      corp_id: ctx.corpId,
      id,
      template_id: template.id,
      template_name: template.name,
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
  await addEvent(ctx, id, { actorId: submitterId, action: 'submitted', details: { applicantId, branches: path.branches } });
  const instance: LoadedInstance = {
    row: { id, template_name: template.name, snapshot_json: '', applicant_id: applicantId, submitter_id: submitterId, status: 'running', form_json: '', path_json: '', current_step: 0, version: 1 },
    snapshot,
    steps: path.steps,
  };
  await advance(ctx, instance, 0, [], true);
  const answer: ActionResult = { instanceId: id, instanceStatus: instance.row.status, taskId: null, taskStatus: null, version: 1 };
  await storeAnswer(ctx, claim, answer);
  return answer;
}

// ---------------------------------------------------------------------------------------------
// Acting on a task
// ---------------------------------------------------------------------------------------------

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

async function openTask(ctx: Ctx, taskId: string): Promise<TaskRow & { comment: string | null }> {
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

/** Closes a pending task by compare-and-set: only one command ever closes it. */
const closeTask = prepared((db, p: { corpId: string; taskId: string; status: TaskStatus; comment: string | null; signature: string | null; now: number }) =>
  db.updateTable('approval_tasks').set({ status: p.status, comment: p.comment, signature: p.signature, acted_at: p.now }).where('corp_id', '=', p.corpId).where('id', '=', p.taskId).where('status', '=', 'pending'),
);

/**
 * One action of a member on one of their tasks. Exactly once: the request is locked first, the
 * task must still be pending, and it closes by compare-and-set; the next steps' tasks and notices
 * are made in the same transaction.
 */
export async function actOnTask(ctx: Ctx, memberId: string, taskId: string, act: TaskAction, idempotencyKey?: string): Promise<ActionResult> {
  const claim = await claimKey<ActionResult>(ctx, memberId, idempotencyKey, { taskId, act });
  if (claim && 'replay' in claim) return claim.replay;
  const seen = await openTask(ctx, taskId);
  if (seen.assignee_id !== memberId) throw new DomainError(ApprovalErrors['approval.not_your_task'], { taskId });
  const consent = seen.kind === 'consent';
  const instance = await lockInstance(ctx, seen.instance_id, consent ? 'approved' : 'running');
  if (!instance) throw new DomainError(ApprovalErrors['approval.task_closed'], { taskId, reason: 'request_not_running' });
  // The request is now locked, so the task's status cannot change under us. A status read before the
  // lock may be stale: it is read again when it matters, and closing is a compare-and-set anyway.
  let task = seen;
  if (seen.status !== 'pending' || act.action === 'add_approvers') {
    task = await openTask(ctx, taskId);
    if (task.status !== 'pending') throw new DomainError(ApprovalErrors['approval.task_closed'], { taskId, status: task.status });
  }
  checkAction(task, act, instance.snapshot.settings);

  const closeAs: TaskStatus = { approve: 'approved', reject: 'rejected', handle: 'handled', transfer: 'transferred', return: 'returned', add_approvers: 'pending' }[act.action] as TaskStatus;
  if (act.action !== 'add_approvers') {
    const closed = await closeTask.execute(ctx.trx, { corpId: ctx.corpId, taskId, status: closeAs, comment: act.comment ?? null, signature: act.action === 'approve' ? (act.signature ?? null) : null, now: ctx.now });
    if (Number(closed.numAffectedRows) === 0) throw new DomainError(ApprovalErrors['approval.task_closed'], { taskId });
  }
  await addEvent(ctx, instance.row.id, { taskId, actorId: memberId, action: act.action, comment: act.comment ?? null, details: actionDetails(act) });

  if (consent) await afterConsent(ctx, instance, act.action === 'approve');
  else await afterAction(ctx, instance, task, act, memberId);

  const answer: ActionResult = { instanceId: instance.row.id, instanceStatus: instance.row.status, taskId, taskStatus: act.action === 'add_approvers' ? 'pending' : closeAs, version: instance.row.version };
  await storeAnswer(ctx, claim, answer);
  return answer;
}

function actionDetails(act: TaskAction): Record<string, unknown> {
  if (act.action === 'transfer') return { toMemberId: act.toMemberId };
  if (act.action === 'add_approvers') return { memberIds: act.memberIds, mode: act.mode };
  if (act.action === 'approve' && act.signature) return { signed: true };
  return {};
}

async function afterAction(ctx: Ctx, instance: LoadedInstance, task: TaskRow, act: TaskAction, memberId: string): Promise<void> {
  const tasks = await tasksOf(ctx, instance.row.id);
  switch (act.action) {
    case 'reject':
      await finish(ctx, instance, 'rejected');
      return;
    case 'transfer': {
      if (act.toMemberId === memberId || !(await activeSet(ctx, [act.toMemberId])).has(act.toMemberId)) throw new DomainError(ApprovalErrors['approval.member_inactive'], { memberId: act.toMemberId });
      const moved = await insertTask(ctx, instance.row.id, { step: task.step, nodeId: task.node_id, kind: task.kind, seq: task.seq, assigneeId: act.toMemberId, status: 'pending', reasons: [line('transferred', 'Transferred by the approver', { from: memberId })] });
      await notify(ctx, [moved.assignee_id], 'approve', instance.row, `approval:task:${moved.id}`);
      return;
    }
    case 'return': {
      // 退回: back to the nearest earlier approver step, whose people get fresh tasks.
      let back = -1;
      for (let i = task.step - 1; i >= 0; i--) if (instance.steps[i]!.kind === 'approver' && !instance.steps[i]!.autoApproved) {
        back = i;
        break;
      }
      if (back < 0) throw new DomainError(ApprovalErrors['approval.nothing_to_return_to']);
      await ctx.trx
        .updateTable('approval_tasks')
        .set({ status: 'cancelled', acted_at: ctx.now })
        .where('corp_id', '=', ctx.corpId)
        .where('instance_id', '=', instance.row.id)
        .where('status', 'in', ['pending', 'waiting'])
        .execute();
      // The repeat-approver rule looks only at steps before the one returned to.
      await advance(ctx, instance, back, tasks.filter((t) => t.step < back));
      return;
    }
    case 'add_approvers': {
      // 加签: a new approver step right after the current one.
      const active = await activeSet(ctx, act.memberIds);
      const ids = act.memberIds.filter((id) => active.has(id));
      if (ids.length === 0) throw new DomainError(ApprovalErrors['approval.member_inactive'], { memberIds: act.memberIds });
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
      instance.steps.splice(task.step + 1, 0, added);
      await ctx.trx.updateTable('approval_instances').set({ path_json: JSON.stringify(instance.steps) }).where('corp_id', '=', ctx.corpId).where('id', '=', instance.row.id).execute();
      return;
    }
    default: {
      const now = tasks.find((t) => t.id === task.id)!;
      now.status = act.action === 'handle' ? 'handled' : 'approved';
      if ((await settleStep(ctx, instance, task.step, tasks)) === 'done') await advance(ctx, instance, task.step + 1, tasks);
    }
  }
}

/** The applicant withdraws (撤销) a running request: open tasks close, nothing moves on. */
export async function withdrawRequest(ctx: Ctx, memberId: string, instanceId: string, idempotencyKey?: string): Promise<ActionResult> {
  const claim = await claimKey<ActionResult>(ctx, memberId, idempotencyKey, { withdraw: instanceId });
  if (claim && 'replay' in claim) return claim.replay;
  const row = await ctx.trx.selectFrom('approval_instances').select(['applicant_id', 'submitter_id']).where('corp_id', '=', ctx.corpId).where('id', '=', instanceId).executeTakeFirst();
  if (!row) throw new DomainError('not_found', { instanceId });
  if (row.applicant_id !== memberId && row.submitter_id !== memberId) throw new DomainError('forbidden', { reason: 'only the applicant can withdraw' });
  const instance = await lockInstance(ctx, instanceId, 'running');
  if (!instance) throw new DomainError(ApprovalErrors['approval.request_closed'], { instanceId });
  await addEvent(ctx, instanceId, { actorId: memberId, action: 'withdraw' });
  await finish(ctx, instance, 'withdrawn');
  const answer: ActionResult = { instanceId, instanceStatus: 'withdrawn', taskId: null, taskStatus: null, version: instance.row.version };
  await storeAnswer(ctx, claim, answer);
  return answer;
}

/**
 * Hands a task to someone else on behalf of the enterprise: an admin's manual handover (离职交接),
 * or the 成员离职时 rule's automatic one. Allowed on handler tasks too: the handler is not the one transferring.
 */
export async function handOverTask(ctx: TxCtx, taskId: string, toMemberId: string, by: { actorId: string | null; reason: ReasonLine }): Promise<ActionResult> {
  const seen = await ctx.trx.selectFrom('approval_tasks').select(['instance_id']).where('corp_id', '=', ctx.corpId).where('id', '=', taskId).executeTakeFirst();
  if (!seen) throw new DomainError('not_found', { taskId });
  if (!(await activeSet(ctx, [toMemberId])).has(toMemberId)) throw new DomainError(ApprovalErrors['approval.member_inactive'], { memberId: toMemberId });
  const instance = await lockInstance(ctx, seen.instance_id, 'running');
  if (!instance) throw new DomainError(ApprovalErrors['approval.task_closed'], { taskId, reason: 'request_not_running' });
  const task = await ctx.trx.selectFrom('approval_tasks').select(['id', 'instance_id', 'step', 'node_id', 'kind', 'seq', 'assignee_id', 'status']).where('corp_id', '=', ctx.corpId).where('id', '=', taskId).executeTakeFirstOrThrow();
  if (task.status !== 'pending' && task.status !== 'waiting') throw new DomainError(ApprovalErrors['approval.task_closed'], { taskId, status: task.status });
  await ctx.trx.updateTable('approval_tasks').set({ status: 'transferred', acted_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('id', '=', taskId).where('status', '=', task.status).execute();
  const moved = await insertTask(ctx, instance.row.id, { step: task.step, nodeId: task.node_id, kind: task.kind, seq: task.seq, assigneeId: toMemberId, status: task.status, reasons: [by.reason] });
  await addEvent(ctx, instance.row.id, { taskId, actorId: by.actorId, action: 'handover', details: { from: task.assignee_id, to: toMemberId, reason: by.reason } });
  if (moved.status === 'pending') await notify(ctx, [toMemberId], task.kind === 'handler' ? 'handle' : 'approve', instance.row, `approval:task:${moved.id}`);
  return { instanceId: instance.row.id, instanceStatus: instance.row.status, taskId: moved.id, taskStatus: moved.status, version: instance.row.version };
}

/** 离职交接 by hand: an admin gives a departed member's open task to someone else; audited. */
export async function adminHandOver(ctx: Ctx, taskId: string, toMemberId: string): Promise<ActionResult> {
  const result = await handOverTask(ctx, taskId, toMemberId, { actorId: ctx.actor.kind === 'member' ? ctx.actor.id : null, reason: line('admin_handover', `Handed over by the admin ${ctx.actor.name}`, { by: ctx.actor.id, name: ctx.actor.name }) });
  await audit(ctx, { action: 'approval.task.handover', target: { type: 'approval_task', id: taskId }, after: { toMemberId, newTaskId: result.taskId } });
  return result;
}

/** 成员离职时: each open task of the departed member follows its node kind's rule. */
export async function onMemberDeparted(ctx: TxCtx, memberId: string): Promise<void> {
  const open = await ctx.trx
    .selectFrom('approval_tasks as t')
    .innerJoin('approval_instances as i', (j) => j.onRef('i.corp_id', '=', 't.corp_id').onRef('i.id', '=', 't.instance_id'))
    .select(['t.id', 't.kind', 'i.id as instance_id', 'i.template_name', 'i.snapshot_json'])
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
    if (rule.action === 'handover' && (await activeSet(ctx, [rule.memberId])).has(rule.memberId)) {
      await handOverTask(ctx, task.id, rule.memberId, { actorId: null, reason: line('departed_rule_handover', 'The member left: handed over by the when-departed rule', { from: memberId, to: rule.memberId }) });
    } else {
      await remindAdmins(ctx, { id: task.instance_id, template_name: task.template_name }, task.id);
      await addEvent(ctx, task.instance_id, { taskId: task.id, actorId: null, action: 'admin_reminded', details: { memberId } });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// 通过后允许编辑: an approved request changes only with the consent of its approvers and handlers.
// ---------------------------------------------------------------------------------------------

export async function requestEdit(ctx: Ctx, memberId: string, instanceId: string, form: FormValues): Promise<ActionResult> {
  const row = await ctx.trx.selectFrom('approval_instances').select(['applicant_id', 'submitter_id']).where('corp_id', '=', ctx.corpId).where('id', '=', instanceId).executeTakeFirst();
  if (!row) throw new DomainError('not_found', { instanceId });
  if (row.applicant_id !== memberId && row.submitter_id !== memberId) throw new DomainError('forbidden', { reason: 'only the applicant can edit' });
  const instance = await lockInstance(ctx, instanceId, 'approved');
  if (!instance) throw new DomainError(ApprovalErrors['approval.edit_disabled'], { reason: 'not_approved' });
  if (!instance.snapshot.settings.allowEditAfterApproval) throw new DomainError(ApprovalErrors['approval.edit_disabled']);
  const pending = await ctx.trx.selectFrom('approval_edit_requests').select('id').where('corp_id', '=', ctx.corpId).where('instance_id', '=', instanceId).where('status', '=', 'pending').executeTakeFirst();
  if (pending) throw new DomainError(ApprovalErrors['approval.edit_pending']);
  await checkForm(ctx.trx, ctx.corpId, instance.snapshot.form, form);
  const tasks = await tasksOf(ctx, instanceId);
  const consenters = [...new Set(tasks.filter((t) => (t.kind === 'approver' && t.status === 'approved') || (t.kind === 'handler' && t.status === 'handled')).map((t) => t.assignee_id))];
  const active = await activeSet(ctx, consenters);
  await ctx.trx.insertInto('approval_edit_requests').values({ corp_id: ctx.corpId, id: newId('apd', ctx.now), instance_id: instanceId, form_json: JSON.stringify(form), status: 'pending', created_at: ctx.now }).execute();
  await addEvent(ctx, instanceId, { actorId: memberId, action: 'edit_requested', details: { form } });
  const step = instance.steps.length;
  let created = 0;
  for (const id of consenters.filter((c) => active.has(c))) {
    const t = await insertTask(ctx, instanceId, { step, nodeId: 'edit', kind: 'consent', seq: 0, assigneeId: id, status: 'pending', reasons: [line('edit_consent', 'An approved request is being edited: approvers and handlers must consent')] });
    await notify(ctx, [id], 'consent', instance.row, `approval:task:${t.id}`);
    created++;
  }
  if (created === 0) await afterConsent(ctx, instance, true);
  return { instanceId, instanceStatus: 'approved', taskId: null, taskStatus: null, version: instance.row.version };
}

async function afterConsent(ctx: TxCtx, instance: LoadedInstance, agreed: boolean): Promise<void> {
  const edit = await ctx.trx.selectFrom('approval_edit_requests').select(['id', 'form_json']).where('corp_id', '=', ctx.corpId).where('instance_id', '=', instance.row.id).where('status', '=', 'pending').executeTakeFirstOrThrow();
  const open = await ctx.trx.selectFrom('approval_tasks').select('id').where('corp_id', '=', ctx.corpId).where('instance_id', '=', instance.row.id).where('kind', '=', 'consent').where('status', '=', 'pending').execute();
  if (agreed && open.length > 0) return;
  if (!agreed) {
    await ctx.trx.updateTable('approval_tasks').set({ status: 'cancelled', acted_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('instance_id', '=', instance.row.id).where('kind', '=', 'consent').where('status', '=', 'pending').execute();
  } else {
    await ctx.trx.updateTable('approval_instances').set({ form_json: edit.form_json }).where('corp_id', '=', ctx.corpId).where('id', '=', instance.row.id).execute();
  }
  await ctx.trx.updateTable('approval_edit_requests').set({ status: agreed ? 'accepted' : 'refused' }).where('corp_id', '=', ctx.corpId).where('id', '=', edit.id).execute();
  await addEvent(ctx, instance.row.id, { actorId: null, action: agreed ? 'edit_applied' : 'edit_refused' });
}
