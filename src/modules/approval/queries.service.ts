import { sql } from 'kysely';
import type { ReadCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { toIso } from '../../platform/clock.ts';
import { membersByIds } from '../directory/index.ts';
import { ApprovalErrors } from './approval.errors.ts';
import type { FormField, FormValues, ReasonLine, ResolvedStep, Settings } from './approval.model.ts';
import type { InstanceStatus, TaskKind, TaskStatus } from './approval.tables.ts';
import { tables } from './approval.tables.ts';
import { readsRequestsOf } from './access.ts';
import { parseSnapshot, type Snapshot } from './flow.ts';
import { withdrawRefusal } from './withdrawal.ts';

/** What a member sees of requests: their lists and one request's detail with its whole trail. */

export type ListKind = 'todo' | 'done' | 'submitted' | 'cc';

export interface ListItem {
  instanceId: string;
  taskId: string | null;
  templateName: string;
  applicantId: string;
  applicantName: string;
  status: InstanceStatus;
  taskKind: TaskKind | null;
  taskStatus: TaskStatus | null;
  submittedAt: string;
}

const DONE: TaskStatus[] = ['approved', 'rejected', 'handled', 'transferred', 'returned'];

export async function listRequests(db: Executor, corpId: string, memberId: string, kind: ListKind, page: { cursor?: string | undefined; limit: number }): Promise<{ items: ListItem[]; nextCursor: string | null }> {
  let rows: (Omit<ListItem, 'submittedAt' | 'applicantName'> & { created_at: number; cursor: string })[];
  if (kind === 'submitted') {
    let q = tables(db)
      .selectFrom('approval_instances as i')
      .select(['i.id as instanceId', 'i.template_name as templateName', 'i.applicant_id as applicantId', 'i.status', 'i.created_at', 'i.id as cursor'])
      .where('i.corp_id', '=', corpId)
      .where((eb) => eb.or([eb('i.applicant_id', '=', memberId), eb('i.submitter_id', '=', memberId)]));
    if (page.cursor) q = q.where('i.id', '<', page.cursor);
    rows = (await q.orderBy('i.id', 'desc').limit(page.limit + 1).execute()).map((r) => ({ ...r, taskId: null, taskKind: null, taskStatus: null }));
  } else {
    let q = tables(db)
      .selectFrom('approval_tasks as t')
      .innerJoin('approval_instances as i', (j) => j.onRef('i.corp_id', '=', 't.corp_id').onRef('i.id', '=', 't.instance_id'))
      .select(['i.id as instanceId', 't.id as taskId', 'i.template_name as templateName', 'i.applicant_id as applicantId', 'i.status', 't.kind as taskKind', 't.status as taskStatus', 'i.created_at', 't.id as cursor'])
      .where('t.corp_id', '=', corpId)
      .where('t.assignee_id', '=', memberId);
    if (kind === 'todo') q = q.where('t.status', '=', 'pending');
    if (kind === 'done') q = q.where('t.status', 'in', DONE);
    if (kind === 'cc') q = q.where('t.kind', '=', 'cc');
    if (page.cursor) q = q.where('t.id', '<', page.cursor);
    rows = await q.orderBy('t.id', 'desc').limit(page.limit + 1).execute();
  }
  const items = rows.slice(0, page.limit);
  const applicants = await membersByIds(db, corpId, items.map((r) => r.applicantId));
  return {
    items: items.map(({ created_at, cursor: _cursor, ...r }) => ({ ...r, applicantName: applicants.get(r.applicantId)?.name ?? '', submittedAt: toIso(created_at)! })),
    nextCursor: rows.length > page.limit ? items[items.length - 1]!.cursor : null,
  };
}

export interface TaskView {
  id: string;
  step: number;
  kind: TaskKind;
  assigneeId: string;
  assigneeName: string;
  status: TaskStatus;
  comment: string | null;
  signed: boolean;
  why: ReasonLine[];
  createdAt: string;
  actedAt: string | null;
}

export interface EventView {
  id: string;
  action: string;
  actorId: string | null;
  actorName: string | null;
  taskId: string | null;
  comment: string | null;
  details: Record<string, unknown>;
  at: string;
}

export interface RequestDetail {
  id: string;
  templateId: string;
  templateName: string;
  status: InstanceStatus;
  applicantId: string;
  applicantName: string;
  submitterId: string;
  submitterName: string;
  fields: FormField[];
  form: FormValues;
  settings: Settings;
  steps: ResolvedStep[];
  currentStep: number;
  version: number;
  mentions: string[];
  tasks: TaskView[];
  trail: EventView[];
  pendingEdit: FormValues | null;
  /** Whether the caller may withdraw it now (the applicant or submitter, under 撤销权限). */
  canWithdraw: boolean;
  submittedAt: string;
  finishedAt: string | null;
}

/**
 * 查看权限: with the restriction on, only admins (and the template's assistants), the applicant (and submitter), everyone with a
 * task on the request or a place on its path (approvers, handlers, CC) and the members
 * @-mentioned may view it.
 */
async function mayView(ctx: ReadCtx, memberId: string | null, row: { id: string; template_id: string; applicant_id: string; submitter_id: string; mentions_json: string; path_json: string }, settings: Settings): Promise<boolean> {
  if (!settings.restrictView && memberId) return true;
  if (memberId && (row.applicant_id === memberId || row.submitter_id === memberId || (JSON.parse(row.mentions_json) as string[]).includes(memberId))) return true;
  // Everyone on the path (approvers, handlers, CC), also of steps not reached yet.
  if (memberId && (JSON.parse(row.path_json) as ResolvedStep[]).some((s) => s.assigneeIds.includes(memberId))) return true;
  if (memberId) {
    const task = await tables(ctx.trx).selectFrom('approval_tasks').select('id').where('corp_id', '=', ctx.corpId).where('instance_id', '=', row.id).where('assignee_id', '=', memberId).executeTakeFirst();
    if (task) return true;
  }
  return readsRequestsOf(ctx, row.template_id);
}

export async function getRequest(ctx: ReadCtx, memberId: string | null, instanceId: string): Promise<RequestDetail> {
  return requestDetail(ctx, instanceId, (row, settings) => mayView(ctx, memberId, row, settings));
}

/**
 * A request for an API client that holds `approvals.api` (the WeCom API's oa/getapprovaldetail):
 * the client's own check (the app's visible range) decides, given the applicant.
 */
export async function requestForApi(ctx: ReadCtx, instanceId: string, mayRead: (applicantId: string) => Promise<boolean>): Promise<RequestDetail> {
  return requestDetail(ctx, instanceId, (row) => mayRead(row.applicant_id));
}

type InstanceRow = Awaited<ReturnType<typeof instanceRow>>;
const instanceRow = (ctx: ReadCtx, instanceId: string) => tables(ctx.trx).selectFrom('approval_instances').selectAll().where('corp_id', '=', ctx.corpId).where('id', '=', instanceId).executeTakeFirst();

async function requestDetail(ctx: ReadCtx, instanceId: string, mayRead: (row: NonNullable<InstanceRow>, settings: Settings) => Promise<boolean>): Promise<RequestDetail> {
  const row = await instanceRow(ctx, instanceId);
  if (!row) throw new DomainError('not_found', { instanceId });
  const snapshot: Snapshot = parseSnapshot(row.snapshot_json);
  if (!(await mayRead(row, snapshot.settings))) throw new DomainError(ApprovalErrors['approval.not_viewable'], { instanceId });
  const tasks = await tables(ctx.trx).selectFrom('approval_tasks').selectAll().where('corp_id', '=', ctx.corpId).where('instance_id', '=', instanceId).orderBy('id').execute();
  const events = await tables(ctx.trx).selectFrom('approval_events').selectAll().where('corp_id', '=', ctx.corpId).where('instance_id', '=', instanceId).orderBy('id').execute();
  const edit = await tables(ctx.trx).selectFrom('approval_edit_requests').select('form_json').where('corp_id', '=', ctx.corpId).where('instance_id', '=', instanceId).where('status', '=', 'pending').executeTakeFirst();
  const ids = new Set<string>([row.applicant_id, row.submitter_id, ...tasks.map((t) => t.assignee_id), ...events.flatMap((e) => (e.actor_id ? [e.actor_id] : []))]);
  const names = new Map([...(await membersByIds(ctx.trx, ctx.corpId, [...ids])).values()].map((m) => [m.id, m.name]));
  return {
    id: row.id,
    templateId: row.template_id,
    templateName: row.template_name,
    status: row.status,
    applicantId: row.applicant_id,
    applicantName: names.get(row.applicant_id) ?? '',
    submitterId: row.submitter_id,
    submitterName: names.get(row.submitter_id) ?? '',
    fields: snapshot.form,
    form: JSON.parse(row.form_json),
    settings: snapshot.settings,
    steps: JSON.parse(row.path_json),
    currentStep: row.current_step,
    version: row.version,
    mentions: JSON.parse(row.mentions_json),
    tasks: tasks.map((t) => ({
      id: t.id,
      step: t.step,
      kind: t.kind,
      assigneeId: t.assignee_id,
      assigneeName: names.get(t.assignee_id) ?? '',
      status: t.status,
      comment: t.comment,
      signed: t.signature !== null,
      why: JSON.parse(t.reason_json),
      createdAt: toIso(t.created_at)!,
      actedAt: toIso(t.acted_at),
    })),
    trail: events.map((e) => ({
      id: e.id,
      action: e.action,
      actorId: e.actor_id,
      actorName: e.actor_id ? (names.get(e.actor_id) ?? null) : null,
      taskId: e.task_id,
      comment: e.comment,
      details: JSON.parse(e.details_json),
      at: toIso(e.at)!,
    })),
    pendingEdit: edit ? JSON.parse(edit.form_json) : null,
    canWithdraw: ctx.actor.kind === 'member' && (row.applicant_id === ctx.actor.id || row.submitter_id === ctx.actor.id) && withdrawRefusal(row, snapshot.settings, ctx.now) === null,
    submittedAt: toIso(row.created_at)!,
    finishedAt: toIso(row.finished_at),
  };
}

export interface RequestFilter {
  /** Submitted at or after, before or at (ms). */
  from: number;
  to: number;
  templateId?: string | undefined;
  applicantIds?: readonly string[] | undefined;
  statuses?: readonly InstanceStatus[] | undefined;
  offset: number;
  limit: number;
}

/** Ids of the requests submitted in a time window, oldest first (the WeCom API's oa/getapprovalinfo). */
export async function requestIds(db: Executor, corpId: string, filter: RequestFilter): Promise<{ ids: string[]; more: boolean }> {
  let q = tables(db).selectFrom('approval_instances').select('id').where('corp_id', '=', corpId).where('created_at', '>=', filter.from).where('created_at', '<=', filter.to);
  if (filter.templateId !== undefined) q = q.where('template_id', '=', filter.templateId);
  if (filter.applicantIds !== undefined) q = filter.applicantIds.length === 0 ? q.where(sql<boolean>`false`) : q.where('applicant_id', 'in', [...filter.applicantIds]);
  if (filter.statuses !== undefined) q = filter.statuses.length === 0 ? q.where(sql<boolean>`false`) : q.where('status', 'in', [...filter.statuses]);
  const rows = await q.orderBy('created_at').orderBy('id').offset(filter.offset).limit(filter.limit + 1).execute();
  return { ids: rows.slice(0, filter.limit).map((r) => r.id), more: rows.length > filter.limit };
}
