import type { Ctx, ReadCtx } from '../../platform/context.ts';
import type { Executor, Tx } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { audit } from '../../platform/audit.ts';
import { toIso } from '../../platform/clock.ts';
import { like } from '../../platform/db/sql.ts';
import { prepared, tables, type CorpLanguage, type CorpTables, type Industry } from './corp.tables.ts';

export interface CorpView {
  id: string;
  name: string;
  shortName: string;
  industry: Industry;
  language: CorpLanguage;
  certifiedUntil: string | null;
}

export interface NewCorp {
  name: string;
  shortName: string;
  industry: Industry;
}

type CorpRow = CorpTables['corps'];

function toView(row: Pick<CorpRow, 'id' | 'name' | 'short_name' | 'industry' | 'language' | 'certified_until'>): CorpView {
  return { id: row.id, name: row.name, shortName: row.short_name, industry: row.industry, language: row.language, certifiedUntil: toIso(row.certified_until) };
}

/** Inserts the enterprise row of a registration; the caller adds its root department and creator member. */
export async function insertCorp(trx: Tx, now: number, input: NewCorp, creatorAccountId: string): Promise<string> {
  const corpId = newId('corp', now);
  await tables(trx)
    .insertInto('corps')
    .values({ id: corpId, name: input.name, short_name: input.shortName, industry: input.industry, language: 'zh-CN', certified_until: null, creator_account_id: creatorAccountId, created_at: now, updated_at: now })
    .execute();
  return corpId;
}

export async function getCorp(db: Executor, corpId: string): Promise<CorpView> {
  const row = await tables(db).selectFrom('corps').selectAll().where('id', '=', corpId).executeTakeFirst();
  if (!row) throw new DomainError('not_found', { corpId });
  return toView(row);
}

/** The named enterprises, with their creators, in the order they were registered. */
export async function corpsByIds(db: Executor, ids: readonly string[]): Promise<(CorpView & { creatorAccountId: string })[]> {
  if (ids.length === 0) return [];
  const rows = await tables(db).selectFrom('corps').selectAll().where('id', 'in', [...new Set(ids)]).orderBy('created_at').execute();
  return rows.map((r) => ({ ...toView(r), creatorAccountId: r.creator_account_id }));
}

export async function updateCorp(ctx: Ctx, patch: Partial<NewCorp & { language: CorpLanguage }>): Promise<CorpView> {
  const before = await getCorp(ctx.trx, ctx.corpId);
  const set = {
    ...(patch.name === undefined ? {} : { name: patch.name }),
    ...(patch.shortName === undefined ? {} : { short_name: patch.shortName }),
    ...(patch.industry === undefined ? {} : { industry: patch.industry }),
    ...(patch.language === undefined ? {} : { language: patch.language }),
  };
  await tables(ctx.trx).updateTable('corps').set({ ...set, updated_at: ctx.now }).where('id', '=', ctx.corpId).execute();
  const after = await getCorp(ctx.trx, ctx.corpId);
  await audit(ctx, { action: 'corp.update', target: { type: 'corp', id: ctx.corpId }, before, after });
  return after;
}

const certifiedUntil = prepared((db, p: { corpId: string }) => db.selectFrom('corps').select('certified_until').where('id', '=', p.corpId));

/** Whether the enterprise's certification is in force at `now` (认证有效期内). Prepared: every customer add asks. */
export async function isCertified(db: Executor, corpId: string, now: number): Promise<boolean> {
  const row = (await certifiedUntil.execute(db, { corpId })).rows[0];
  return row?.certified_until != null && Number(row.certified_until) > now;
}

/** The account that is the enterprise's creator (创建者). */
export async function creatorAccountOf(db: Executor, corpId: string): Promise<string> {
  const row = await tables(db).selectFrom('corps').select('creator_account_id').where('id', '=', corpId).executeTakeFirst();
  return row?.creator_account_id ?? '';
}

/**
 * Hands the creator slot from one account to another, as a compare-and-set on the current creator:
 * two transfers racing cannot both win (the loser gets `conflict`).
 */
export async function moveCreator(ctx: Ctx, fromAccountId: string, toAccountId: string): Promise<void> {
  const moved = await tables(ctx.trx)
    .updateTable('corps')
    .set({ creator_account_id: toAccountId, updated_at: ctx.now })
    .where('id', '=', ctx.corpId)
    .where('creator_account_id', '=', fromAccountId)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) === 0) throw new DomainError('conflict');
}

export async function listCorps(ctx: ReadCtx, query: { cursor?: string | undefined; limit: number; q?: string | undefined }): Promise<{ items: (CorpView & { createdAt: string })[]; nextCursor: string | null }> {
  let q = tables(ctx.trx).selectFrom('corps').selectAll();
  if (query.cursor) q = q.where('id', '<', query.cursor);
  if (query.q) q = q.where((eb) => eb.or([like('name', 'contains', query.q!), like('short_name', 'contains', query.q!)]));
  const rows = await q.orderBy('id', 'desc').limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({ ...toView(r), createdAt: toIso(r.created_at) })),
    nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null,
  };
}

/**
 * Certifies the enterprise (`ctx.corpId`) until an instant, or withdraws it (null): the operator's
 * correction, or an approved application (企业认证), whose subject becomes the enterprise's full
 * name (认证主体). Audited in the enterprise's log.
 */
export async function setCertification(ctx: Ctx, certifiedUntil: number | null, subjectName?: string): Promise<CorpView> {
  const before = await getCorp(ctx.trx, ctx.corpId);
  await tables(ctx.trx)
    .updateTable('corps')
    .set({ certified_until: certifiedUntil, ...(subjectName === undefined ? {} : { name: subjectName }), updated_at: ctx.now })
    .where('id', '=', ctx.corpId)
    .execute();
  const after = await getCorp(ctx.trx, ctx.corpId);
  await audit(ctx, { action: 'corp.certification', target: { type: 'corp', id: ctx.corpId }, before: { certifiedUntil: before.certifiedUntil, name: before.name }, after: { certifiedUntil: after.certifiedUntil, name: after.name } });
  return after;
}

/** The enterprises whose certification ends in (`from`, `to`], with its end: for the expiry warnings. */
export async function certificationsEndingBetween(db: Executor, from: number, to: number): Promise<{ corpId: string; certifiedUntil: number }[]> {
  const rows = await tables(db).selectFrom('corps').select(['id', 'certified_until']).where('certified_until', '>', from).where('certified_until', '<=', to).orderBy('id').execute();
  return rows.map((r) => ({ corpId: r.id, certifiedUntil: Number(r.certified_until) }));
}
