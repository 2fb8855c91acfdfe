import type { Ctx, ReadCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { toIso } from '../../platform/clock.ts';
import { audit } from '../../platform/audit.ts';
import { publish } from '../../platform/events.ts';
import { enqueueJob, systemCtx, type JobContext } from '../../platform/jobs.ts';
import { isSuperIn } from '../../platform/policy/index.ts';
import { assertScans } from '../certification/index.ts';
import { corpsByIds, isCertified, type CorpView } from '../corp/index.ts';
import { adminMemberIds } from '../directory/index.ts';
import { DataMigrationErrors } from './datamigration.errors.ts';
import { DataMigrationEvents } from './datamigration.events.ts';
import { MATERIALS, missingMaterial, shareNamingField, type Material } from './materials.ts';
import { OPEN_STATUSES, tables, type DataMigrationTables, type ItemReason, type MigrationStatus, type ReasonCode, type Relation, type RunPhase } from './datamigration.tables.ts';

/**
 * 数据迁移 admission (数据迁移服务-企业准入要求): a super admin of both enterprises applies, naming the
 * source (迁出, the enterprise signed in) and the target (迁入), the relationship and its materials;
 * the operator takes it step by step. Both must be certified, within validity and with the subjects
 * they had at submission, at submission and at every later step: otherwise the step halts the
 * application with the reason.
 */
export type Row = DataMigrationTables['data_migrations'];

/**
 * Why an application was rejected or halted: a code and its values, which the console words in the
 * reader's language; what an operator typed is `operator` with `params.text`, shown as typed.
 */
export interface Reason {
  code: ReasonCode;
  params: Record<string, string>;
}
type StoredReason = Pick<Row, 'reason_code' | 'reason_params' | 'reason'>;

function stored(reason: Reason | null): StoredReason {
  if (!reason) return { reason_code: null, reason_params: null, reason: null };
  if (reason.code === 'operator') return { reason_code: 'operator', reason_params: null, reason: reason.params.text ?? '' };
  return { reason_code: reason.code, reason_params: JSON.stringify(reason.params), reason: null };
}

function reasonOf(row: StoredReason): Reason | null {
  if (row.reason_code === null) return null;
  if (row.reason_code === 'operator') return { code: 'operator', params: { text: row.reason ?? '' } };
  return { code: row.reason_code, params: JSON.parse(row.reason_params ?? '{}') as Record<string, string> };
}

/** The reason in the default language (zh-CN), for the notice as written (clients that do not translate it). */
function reasonSentence(reason: Reason): string {
  const corp = reason.params.corp ?? '';
  const sentences: Record<ReasonCode, string> = {
    operator: reason.params.text ?? '',
    not_approved: '未通过审核',
    source_not_certified: `迁出企业「${corp}」不在认证有效期内`,
    target_not_certified: `迁入企业「${corp}」不在认证有效期内`,
    source_subject_changed: '迁出企业的认证主体已变更（不能在迁移期间变更认证主体）',
    target_subject_changed: '迁入企业的认证主体已变更（不能在迁移期间变更认证主体）',
  };
  return sentences[reason.code];
}

export interface MigrationView {
  id: string;
  sourceCorpId: string;
  sourceName: string;
  targetCorpId: string;
  targetName: string;
  relation: Relation;
  materials: Partial<Record<Material, string>>;
  status: MigrationStatus;
  reason: Reason | null;
  submittedBy: string;
  submittedAt: string;
  /** Who took each step: null when the system did (a halt found by the scheduled pass or the move). */
  steps: { status: MigrationStatus; actor: string | null; reason: Reason | null; at: string }[];
  /** The move, once started: null before. */
  progress: MigrationProgress | null;
}

export interface MigrationProgress {
  phase: RunPhase;
  total: number;
  moved: number;
  failed: number;
  givenUp: number;
  pending: number;
  /** The operator may finish: nothing pending and every failure given up. */
  canFinish: boolean;
}

/** 未迁移成功: a customer that could not move (given up or not), with what names the cause. */
export interface FailureView {
  customerId: string;
  name: string;
  reason: ItemReason;
  givenUp: boolean;
  detail: { members?: string[]; limit?: number };
}

/** One page of the migration's failures, by customer id (the cursor is the last id of the page before). */
export async function listFailures(db: Executor, row: Row, query: { cursor?: string | undefined; limit: number }): Promise<{ items: FailureView[]; nextCursor: string | null }> {
  let q = tables(db)
    .selectFrom('data_migration_items')
    .select(['customer_id', 'name', 'status', 'reason', 'detail'])
    .where('corp_id', '=', row.corp_id)
    .where('migration_id', '=', row.id)
    .where('status', 'in', ['failed', 'given_up']);
  if (query.cursor) q = q.where('customer_id', '>', query.cursor);
  const rows = await q.orderBy('customer_id').limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((f) => ({ customerId: f.customer_id, name: f.name, reason: f.reason!, givenUp: f.status === 'given_up', detail: f.detail === null ? {} : (JSON.parse(f.detail) as FailureView['detail']) })),
    nextCursor: rows.length > query.limit ? page[page.length - 1]!.customer_id : null,
  };
}

async function progressOf(db: Executor, row: Row): Promise<MigrationProgress | null> {
  const run = await tables(db).selectFrom('data_migration_runs').selectAll().where('corp_id', '=', row.corp_id).where('migration_id', '=', row.id).executeTakeFirst();
  if (!run) return null;
  const total = Number(run.total);
  const moved = Number(run.moved);
  const failedCount = Number(run.failed);
  const givenUp = Number(run.given_up);
  const pending = run.phase === 'listing' ? 0 : total - moved - failedCount - givenUp;
  return {
    phase: run.phase,
    total,
    moved,
    failed: failedCount,
    givenUp,
    pending,
    canFinish: row.status === 'migrating' && run.phase === 'done' && pending === 0 && failedCount === 0,
  };
}

async function toView(db: Executor, row: Row): Promise<MigrationView> {
  const corps = new Map((await corpsByIds(db, [row.corp_id, row.target_corp_id])).map((c) => [c.id, c]));
  const steps = await tables(db).selectFrom('data_migration_steps').selectAll().where('corp_id', '=', row.corp_id).where('migration_id', '=', row.id).orderBy('seq').execute();
  return {
    id: row.id,
    sourceCorpId: row.corp_id,
    sourceName: corps.get(row.corp_id)?.name ?? '',
    targetCorpId: row.target_corp_id,
    targetName: corps.get(row.target_corp_id)?.name ?? '',
    relation: row.relation,
    materials: JSON.parse(row.materials_json) as MigrationView['materials'],
    status: row.status,
    reason: reasonOf(row),
    submittedBy: row.submitted_by_name,
    submittedAt: toIso(row.submitted_at),
    steps: steps.map((s) => ({ status: s.status, actor: s.actor_kind === 'system' ? null : s.actor_name, reason: reasonOf(s), at: toIso(s.at) })),
    progress: await progressOf(db, row),
  };
}

export async function migrationView(db: Executor, sourceCorpId: string, id: string): Promise<MigrationView> {
  return toView(db, await rowOf(db, sourceCorpId, id));
}

export async function rowOf(db: Executor, sourceCorpId: string, id: string): Promise<Row> {
  const row = await tables(db).selectFrom('data_migrations').selectAll().where('corp_id', '=', sourceCorpId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('not_found', { id });
  return row;
}

/** The application, by id, that the enterprise takes part in as source or as target; another's is not found. */
export async function rowTakingPart(db: Executor, corpId: string, id: string): Promise<Row> {
  const row =
    (await tables(db).selectFrom('data_migrations').selectAll().where('corp_id', '=', corpId).where('id', '=', id).executeTakeFirst()) ??
    (await tables(db).selectFrom('data_migrations').selectAll().where('target_corp_id', '=', corpId).where('id', '=', id).executeTakeFirst());
  if (!row) throw new DomainError('not_found', { id });
  return row;
}

/** Open applications either enterprise takes part in, as source or as target. */
async function openOf(db: Executor, corpId: string): Promise<Row[]> {
  const asSource = await tables(db).selectFrom('data_migrations').selectAll().where('corp_id', '=', corpId).where('status', 'in', [...OPEN_STATUSES]).execute();
  const asTarget = await tables(db).selectFrom('data_migrations').selectAll().where('target_corp_id', '=', corpId).where('status', 'in', [...OPEN_STATUSES]).execute();
  return [...asSource, ...asTarget];
}

/** Why the two enterprises cannot (go on to) migrate now, or undefined: lapsed or changed certification. */
async function admissionProblem(db: Executor, now: number, source: CorpView, target: CorpView, subjects?: { source: string; target: string }): Promise<Reason | undefined> {
  if (!(await isCertified(db, source.id, now))) return { code: 'source_not_certified', params: { corp: source.name } };
  if (!(await isCertified(db, target.id, now))) return { code: 'target_not_certified', params: { corp: target.name } };
  if (subjects && source.name !== subjects.source) return { code: 'source_subject_changed', params: {} };
  if (subjects && target.name !== subjects.target) return { code: 'target_subject_changed', params: {} };
  return undefined;
}

/** Why an application can go no further now (a lapsed or changed certification on either side), or undefined. */
export async function haltReason(db: Executor, now: number, row: Row): Promise<Reason | undefined> {
  const { source, target } = await twoCorps(db, row.corp_id, row.target_corp_id);
  return admissionProblem(db, now, source, target, { source: row.source_subject, target: row.target_subject });
}

async function twoCorps(db: Executor, sourceId: string, targetId: string): Promise<{ source: CorpView; target: CorpView }> {
  const corps = new Map((await corpsByIds(db, [sourceId, targetId])).map((c) => [c.id, c]));
  const source = corps.get(sourceId);
  const target = corps.get(targetId);
  if (!source || !target) throw new DomainError('not_found', { corpId: targetId });
  return { source, target };
}

export interface MigrationInput {
  targetCorpId: string;
  relation: Relation;
  materials: Partial<Record<Material, string>>;
}

/** The actor must be a super admin of the target too (the source's right is the command's). */
async function assertSuperOfTarget(ctx: Ctx, targetCorpId: string): Promise<void> {
  const accountId = 'accountId' in ctx.actor ? ctx.actor.accountId : undefined;
  const actor = accountId ? await ctx.registry.providers.accountActor(ctx.trx, targetCorpId, accountId) : undefined;
  if (!actor || !isSuperIn(await ctx.registry.providers.roles(ctx.trx, targetCorpId), actor)) throw new DomainError(DataMigrationErrors['datamigration.not_admin_of_target'], { targetCorpId });
}

export async function submitMigration(ctx: Ctx, input: MigrationInput): Promise<MigrationView> {
  if (input.targetCorpId === ctx.corpId) throw new DomainError(DataMigrationErrors['datamigration.same_enterprise']);
  await assertSuperOfTarget(ctx, input.targetCorpId);
  const { source, target } = await twoCorps(ctx.trx, ctx.corpId, input.targetCorpId);
  const problem = await admissionProblem(ctx.trx, ctx.now, source, target);
  if (problem) throw new DomainError(DataMigrationErrors['datamigration.not_certified'], { reason: problem.code });
  const missing = missingMaterial(input.relation, new Set(Object.keys(input.materials)));
  if (missing) throw new DomainError(DataMigrationErrors['datamigration.material_missing'], { material: missing[0]!, name: MATERIALS[missing[0]!], oneOf: [...missing] });
  if (input.relation === 'same_name') {
    if (source.name !== target.name) throw new DomainError(DataMigrationErrors['datamigration.not_same_name'], { source: source.name, target: target.name });
  } else if (!shareNamingField(source.shortName, target.shortName)) {
    throw new DomainError(DataMigrationErrors['datamigration.naming_field'], { source: source.shortName, target: target.shortName });
  }
  await assertScans(ctx.trx, ctx.corpId, Object.fromEntries(Object.entries(input.materials).map(([k, v]) => [`materials/${k}`, v])));
  if ((await openOf(ctx.trx, ctx.corpId)).length > 0 || (await openOf(ctx.trx, target.id)).length > 0) throw new DomainError(DataMigrationErrors['datamigration.already_open']);
  const id = newId('dmig', ctx.now);
  await tables(ctx.trx)
    .insertInto('data_migrations')
    .values({
      corp_id: ctx.corpId,
      id,
      target_corp_id: target.id,
      relation: input.relation,
      materials_json: JSON.stringify(input.materials),
      source_subject: source.name,
      target_subject: target.name,
      status: 'submitted',
      ...stored(null),
      submitted_by_name: ctx.actor.name,
      submitted_at: ctx.now,
      updated_at: ctx.now,
    })
    .execute();
  const row = await rowOf(ctx.trx, ctx.corpId, id);
  await record(ctx, row, 'submitted', null);
  return toView(ctx.trx, row);
}

export type Step = 'approve' | 'paper_received' | 'start' | 'finish' | 'reject';
const NEXT: Record<Exclude<Step, 'reject'>, { from: MigrationStatus; to: MigrationStatus }> = {
  approve: { from: 'submitted', to: 'approved' },
  paper_received: { from: 'approved', to: 'paper_received' },
  start: { from: 'paper_received', to: 'migrating' },
  finish: { from: 'migrating', to: 'done' },
};

const TITLES: Record<MigrationStatus, string> = {
  submitted: '数据迁移申请已提交',
  approved: '数据迁移申请审核通过，请邮寄盖章纸质版材料',
  paper_received: '数据迁移纸质材料已收到',
  migrating: '数据迁移开始',
  done: '数据迁移完成',
  rejected: '数据迁移申请被驳回',
  halted: '数据迁移已中止',
};

/**
 * What the console translates of a step's notice: a coded reason has a notice of its own
 * (`datamigration.halted_source_not_certified`, …) with its values; an operator's reason is a value.
 */
function noticeText(status: MigrationStatus, reason: Reason | null): { key: string; params: Record<string, string> } {
  if (reason && reason.code !== 'operator') return { key: `datamigration.${status}_${reason.code}`, params: reason.params };
  return { key: `datamigration.${status}`, params: { reason: reason?.params.text ?? '' } };
}

/** Writes the step on the timeline, audits it in both enterprises and tells both enterprises' admins. */
async function record(ctx: Ctx, row: Row, status: MigrationStatus, reason: Reason | null): Promise<void> {
  const seq = (await tables(ctx.trx).selectFrom('data_migration_steps').select('seq').where('corp_id', '=', row.corp_id).where('migration_id', '=', row.id).orderBy('seq', 'desc').executeTakeFirst())?.seq ?? 0;
  await tables(ctx.trx).insertInto('data_migration_steps').values({ corp_id: row.corp_id, migration_id: row.id, seq: Number(seq) + 1, status, actor_kind: ctx.actor.kind, actor_name: ctx.actor.name, ...stored(reason), at: ctx.now }).execute();
  for (const corpId of [row.corp_id, row.target_corp_id]) {
    const inCorp = { ...ctx, corpId };
    await audit(inCorp, { action: `datamigration.${status}`, target: { type: 'data_migration', id: row.id }, after: { status, reason } });
    const memberIds = await adminMemberIds(inCorp);
    if (memberIds.length === 0) continue;
    await publish(inCorp, DataMigrationEvents['datamigration.notified'], { memberIds, title: TITLES[status], body: reason ? `原因：${reasonSentence(reason)}` : TITLES[status], text: noticeText(status, reason), link: '/data-migrations', dedupeKey: `datamigration:${row.id}:${status}` });
  }
}

async function moveTo(ctx: Ctx, row: Row, status: MigrationStatus, reason: Reason | null): Promise<Row> {
  const done = await tables(ctx.trx)
    .updateTable('data_migrations')
    .set({ status, ...stored(reason), updated_at: ctx.now })
    .where('corp_id', '=', row.corp_id)
    .where('id', '=', row.id)
    .where('status', '=', row.status)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0) throw new DomainError('conflict');
  await record(ctx, row, status, reason);
  return rowOf(ctx.trx, row.corp_id, row.id);
}

/**
 * The operator's step on an application of `ctx.corpId` (the source). Before any step forward both
 * enterprises are checked again: a lapsed or changed certification halts the application instead,
 * with the reason (and the step is not taken).
 */
export async function takeStep(ctx: Ctx, input: { id: string; step: Step; reason?: string | undefined }): Promise<MigrationView> {
  const row = await rowOf(ctx.trx, ctx.corpId, input.id);
  if (!OPEN_STATUSES.includes(row.status)) throw new DomainError(DataMigrationErrors['datamigration.wrong_step'], { status: row.status });
  if (input.step === 'reject') {
    const typed = (input.reason ?? '').trim();
    return toView(ctx.trx, await moveTo(ctx, row, 'rejected', typed ? { code: 'operator', params: { text: typed } } : { code: 'not_approved', params: {} }));
  }
  const next = NEXT[input.step];
  if (row.status !== next.from) throw new DomainError(DataMigrationErrors['datamigration.wrong_step'], { status: row.status });
  if (input.step === 'finish') {
    // Finished only when every customer moved or its failure was given up (放弃), so nothing is left behind unnoticed.
    const progress = await progressOf(ctx.trx, row);
    if (!progress?.canFinish) throw new DomainError(DataMigrationErrors['datamigration.not_finished'], { pending: progress?.pending ?? 0, failed: progress?.failed ?? 0, phase: progress?.phase ?? 'listing' });
  }
  const reason = await haltReason(ctx.trx, ctx.now, row);
  if (reason) return toView(ctx.trx, await halt(ctx, row, reason));
  const moved = await moveTo(ctx, row, next.to, null);
  if (next.to === 'migrating') await startRun(ctx, moved);
  return toView(ctx.trx, moved);
}

/**
 * Halts the application with the reason; a run under way stops where it is (what moved stays
 * moved): its next batch sees the application halted.
 */
export async function halt(ctx: Ctx, row: Row, reason: Reason): Promise<Row> {
  const halted = await moveTo(ctx, row, 'halted', reason);
  await tables(ctx.trx).updateTable('data_migration_runs').set({ phase: 'halted', updated_at: ctx.now }).where('corp_id', '=', row.corp_id).where('migration_id', '=', row.id).execute();
  return halted;
}

export const HALT_SWEEP_JOB = 'datamigration.halt_lapsed';

/**
 * The scheduled pass: 参与迁移的企业均需要在认证有效期内 holds while an application waits too (for the
 * operator, or the paper copies), not only at its steps: every open application whose enterprises
 * no longer qualify at `now` is halted with the reason, each in its own transaction.
 */
export async function haltLapsed(job: Pick<JobContext, 'db' | 'now' | 'log' | 'registry'>): Promise<number> {
  const open = await tables(job.db).selectFrom('data_migrations').select(['corp_id', 'id']).where('status', 'in', [...OPEN_STATUSES]).orderBy('id').execute();
  let halted = 0;
  for (const { corp_id: corpId, id } of open) {
    const done = await job.db.transaction().execute(async (trx) => {
      const row = await rowOf(trx, corpId, id);
      const reason = OPEN_STATUSES.includes(row.status) ? await haltReason(trx, job.now, row) : undefined;
      if (reason) await halt(systemCtx(job, corpId, trx), row, reason);
      return reason !== undefined;
    });
    if (done) halted++;
  }
  return halted;
}

/** The job that moves an application's customers, batch by batch (datamigration.jobs.ts). */
export const MOVE_JOB = 'datamigration.move';
/** Customers per batch (one transaction each); a run keeps the size it started with. */
export const BATCH_SIZE = 100;

export interface MovePayload {
  corpId: string;
  migrationId: string;
}

/** Queues the move, in the transaction that started the migration. */
async function startRun(ctx: Ctx, row: Row): Promise<void> {
  await tables(ctx.trx)
    .insertInto('data_migration_runs')
    .values({ corp_id: row.corp_id, migration_id: row.id, phase: 'listing', list_cursor: '', move_cursor: '', batch_size: BATCH_SIZE, batches: 0, total: 0, moved: 0, failed: 0, given_up: 0, started_at: ctx.now, updated_at: ctx.now })
    .execute();
  await enqueueMove(ctx, row.corp_id, row.id, 'start');
}

/** Each start or retry is its own job; a second enqueue of the same one is a no-op. */
export async function enqueueMove(ctx: Ctx, corpId: string, migrationId: string, why: string): Promise<void> {
  const payload: MovePayload = { corpId, migrationId };
  await enqueueJob(ctx.trx, ctx.now, { kind: MOVE_JOB, payload, dedupeKey: `${MOVE_JOB}:${migrationId}:${why}` });
}

/** The applications the enterprise takes part in (as source or target), newest first. */
export async function listMigrations(ctx: ReadCtx): Promise<MigrationView[]> {
  const asSource = await tables(ctx.trx).selectFrom('data_migrations').selectAll().where('corp_id', '=', ctx.corpId).execute();
  const asTarget = await tables(ctx.trx).selectFrom('data_migrations').selectAll().where('target_corp_id', '=', ctx.corpId).execute();
  const rows = [...asSource, ...asTarget].sort((a, b) => b.submitted_at - a.submitted_at || (a.id < b.id ? 1 : -1));
  const views: MigrationView[] = [];
  for (const row of rows) views.push(await toView(ctx.trx, row));
  return views;
}

/** The operator's queue: open applications, oldest first (ids are time-ordered), across enterprises, a page after the cursor (the last id). */
export async function listOpenMigrations(db: Executor, query: { cursor?: string | undefined; limit: number }): Promise<{ items: MigrationView[]; nextCursor: string | null }> {
  let q = tables(db).selectFrom('data_migrations').selectAll().where('status', 'in', [...OPEN_STATUSES]);
  if (query.cursor) q = q.where('id', '>', query.cursor);
  const rows = await q.orderBy('id').limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  const items: MigrationView[] = [];
  for (const row of page) items.push(await toView(db, row));
  return { items, nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null };
}

/**
 * 不能在迁移期间变更认证主体: while the enterprise takes part in an open migration, a certification
 * application for another subject is refused (one for the same subject, a renewal, is fine).
 */
export async function assertSubjectMayChange(ctx: Ctx, subjectName: string): Promise<void> {
  for (const row of await openOf(ctx.trx, ctx.corpId)) {
    const current = row.corp_id === ctx.corpId ? row.source_subject : row.target_subject;
    if (current !== subjectName) throw new DomainError(DataMigrationErrors['datamigration.subject_locked'], { migrationId: row.id, subjectName: current });
  }
}
