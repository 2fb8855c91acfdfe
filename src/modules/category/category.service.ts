import './category.tables.ts';
import type { Actor, Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/schema.ts';
import { DomainError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { toIso } from '../../platform/clock.ts';
import { isSuperAdmin } from '../admin/authorizer.ts';
import { getMember } from '../directory/directory.service.ts';
import { CategoryErrors } from './category.errors.ts';
import { categoryByCode, type CategoryEntry } from './taxonomy.ts';
import type { CategoryStatus } from './category.tables.ts';

/**
 * What an unset category blocks (什么是经营类目 四): (1) customer total / today's new, (2) acquisition
 * data, (3) buying the acquisition assistant, (4) authorising it to a third party or 代开发,
 * (5) switching auto-deduction on. While the choice is under review (1) and (2) work.
 */
export type CategoryGatedAction = 'customer_stats' | 'acquisition_data' | 'acquisition_buy' | 'acquisition_authorize' | 'auto_deduct_on';

const ALLOWED_UNDER_REVIEW: ReadonlySet<CategoryGatedAction> = new Set(['customer_stats', 'acquisition_data']);

export interface CategoryState {
  /** null: never chosen; the console shows 未知 with a red question mark. */
  category: (CategoryEntry & { status: CategoryStatus; chosenAt: string; chosenBy: string; reviewedAt: string | null; reviewNote: string | null }) | null;
}

export async function getCategoryState(db: Executor, corpId: string): Promise<CategoryState> {
  const row = await db.selectFrom('corp_categories').selectAll().where('corp_id', '=', corpId).executeTakeFirst();
  if (!row) return { category: null };
  const entry = categoryByCode(row.code)!;
  return {
    category: { ...entry, status: row.status, chosenAt: toIso(row.chosen_at), chosenBy: row.chosen_by_name, reviewedAt: toIso(row.reviewed_at), reviewNote: row.review_note },
  };
}

/**
 * Throws `category.required` unless the enterprise's category allows the action: approved allows
 * everything, under review allows viewing customer and acquisition figures, unset or rejected
 * allows none. Other modules (the wallet's auto-deduction switch) call this.
 */
export async function assertCategoryAllows(db: Executor, corpId: string, action: CategoryGatedAction): Promise<void> {
  const row = await db.selectFrom('corp_categories').select('status').where('corp_id', '=', corpId).executeTakeFirst();
  const status = row?.status ?? 'unset';
  if (status === 'approved') return;
  if (status === 'review' && ALLOWED_UNDER_REVIEW.has(action)) return;
  throw new DomainError(CategoryErrors['category.required'], { action, categoryStatus: status });
}

/** 仅超级管理员或业务负责人可以选择经营类目. */
export async function mayChooseCategory(db: Executor, corpId: string, actor: Actor): Promise<boolean> {
  if (actor.kind !== 'member' && actor.kind !== 'external') return false;
  if (await isSuperAdmin(db, corpId, actor.accountId)) return true;
  if (actor.kind !== 'member') return false;
  const owner = await db.selectFrom('category_owners').select('member_id').where('corp_id', '=', corpId).where('member_id', '=', actor.id).executeTakeFirst();
  return owner !== undefined;
}

/** Chooses or changes the one category; every choice goes to the operator's review. */
export async function chooseCategory(ctx: Ctx, code: string): Promise<CategoryState> {
  if (!(await mayChooseCategory(ctx.trx, ctx.corpId, ctx.actor))) throw new DomainError(CategoryErrors['category.contact_admin']);
  if (!categoryByCode(code)) throw new DomainError(CategoryErrors['category.unknown_code'], { code });
  const before = await getCategoryState(ctx.trx, ctx.corpId);
  const values = { code, status: 'review' as const, chosen_by_name: ctx.actor.name, chosen_at: ctx.now, reviewed_at: null, review_note: null };
  await ctx.trx
    .insertInto('corp_categories')
    .values({ corp_id: ctx.corpId, ...values, version: 1 })
    .onConflict((oc) => oc.column('corp_id').doUpdateSet((eb) => ({ ...values, version: eb('corp_categories.version', '+', 1) })))
    .execute();
  const after = await getCategoryState(ctx.trx, ctx.corpId);
  await audit(ctx, { action: 'category.choose', target: { type: 'corp', id: ctx.corpId }, before: before.category?.code ?? null, after: code });
  return after;
}

export async function listCategoryOwners(db: Executor, corpId: string): Promise<{ memberId: string; name: string }[]> {
  const rows = await db
    .selectFrom('category_owners as o')
    .innerJoin('members as m', (j) => j.onRef('m.corp_id', '=', 'o.corp_id').onRef('m.id', '=', 'o.member_id'))
    .select(['m.id', 'm.name'])
    .where('o.corp_id', '=', corpId)
    .where('m.status', '=', 'active')
    .orderBy('o.created_at')
    .execute();
  return rows.map((r) => ({ memberId: r.id, name: r.name }));
}

/** A super admin designates (or removes) a business owner (业务负责人). */
export async function setCategoryOwner(ctx: Ctx, memberId: string, owner: boolean): Promise<void> {
  if (owner) {
    const member = await getMember(ctx.trx, ctx.corpId, memberId);
    if (!member || member.status !== 'active') throw new DomainError(CategoryErrors['category.owner_not_member'], { memberId });
    await ctx.trx.insertInto('category_owners').values({ corp_id: ctx.corpId, member_id: memberId, created_at: ctx.now }).onConflict((oc) => oc.doNothing()).execute();
  } else {
    await ctx.trx.deleteFrom('category_owners').where('corp_id', '=', ctx.corpId).where('member_id', '=', memberId).execute();
  }
  await audit(ctx, { action: owner ? 'category.owner_add' : 'category.owner_remove', target: { type: 'member', id: memberId } });
}

export interface ReviewInput {
  corpId: string;
  /** The choice the operator looked at; a newer choice is not decided by an older review. */
  version: number;
  decision: 'approved' | 'rejected';
  note?: string | undefined;
}

/** The operator's review: under review → approved or rejected (compare-and-set on the version). */
export async function reviewCategory(trx: Executor, now: number, actor: Actor, input: ReviewInput, ip?: string): Promise<CategoryState> {
  const done = await trx
    .updateTable('corp_categories')
    .set({ status: input.decision, reviewed_at: now, review_note: input.note ?? null })
    .where('corp_id', '=', input.corpId)
    .where('status', '=', 'review')
    .where('version', '=', input.version)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0) throw new DomainError(CategoryErrors['category.not_under_review'], { corpId: input.corpId });
  await audit({ corpId: input.corpId, trx, now, actor, ip }, { action: `category.${input.decision}`, target: { type: 'corp', id: input.corpId }, after: { version: input.version, note: input.note ?? null } });
  return getCategoryState(trx, input.corpId);
}

export interface ReviewItem {
  corpId: string;
  corpName: string;
  code: string;
  level1: string;
  level2: string | null;
  scope: string;
  version: number;
  chosenAt: string;
  chosenBy: string;
}

/** Choices waiting for the operator, oldest first. */
export async function listPendingReviews(db: Executor, limit: number): Promise<ReviewItem[]> {
  const rows = await db
    .selectFrom('corp_categories as c')
    .innerJoin('corps', 'corps.id', 'c.corp_id')
    .select(['c.corp_id', 'corps.name', 'c.code', 'c.version', 'c.chosen_at', 'c.chosen_by_name'])
    .where('c.status', '=', 'review')
    .orderBy('c.chosen_at')
    .limit(limit)
    .execute();
  return rows.map((r) => {
    const entry = categoryByCode(r.code)!;
    return { corpId: r.corp_id, corpName: r.name, code: r.code, level1: entry.level1, level2: entry.level2, scope: entry.scope, version: r.version, chosenAt: toIso(r.chosen_at), chosenBy: r.chosen_by_name };
  });
}

export interface ExternalProfile {
  memberId: string;
  memberName: string;
  corpShortName: string;
  /** 企业未完善: the enterprise has no category a customer can be shown. */
  incomplete: boolean;
  category: { level1: string; level2: string | null } | null;
}

/**
 * A member's external profile page (对外信息) as a customer sees it: the enterprise's category once
 * chosen (under review or approved); unset or rejected shows 企业未完善.
 */
export async function externalProfile(db: Executor, corpId: string, memberId: string): Promise<ExternalProfile> {
  const row = await db
    .selectFrom('members as m')
    .innerJoin('corps as c', 'c.id', 'm.corp_id')
    .leftJoin('corp_categories as k', 'k.corp_id', 'm.corp_id')
    .select(['m.id', 'm.name', 'c.short_name', 'k.code', 'k.status'])
    .where('m.corp_id', '=', corpId)
    .where('m.id', '=', memberId)
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', { memberId });
  const shown = row.code && row.status !== 'rejected' ? categoryByCode(row.code) : undefined;
  return {
    memberId: row.id,
    memberName: row.name,
    corpShortName: row.short_name,
    incomplete: !shown,
    category: shown ? { level1: shown.level1, level2: shown.level2 } : null,
  };
}
