import type { Ctx, ReadCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { toIso } from '../../platform/clock.ts';
import { accountIsSuper } from '../../platform/policy/index.ts';
import { corpsByIds, getCorp } from '../corp/index.ts';
import { getMember, membersByIds } from '../directory/index.ts';
import { CategoryErrors } from './category.errors.ts';
import { categoryByCode, type CategoryEntry } from './taxonomy.ts';
import type { CategoryStatus } from './category.tables.ts';
import { tables } from './category.tables.ts';

/**
 * What an unset category blocks (什么是经营类目 四): (1) customer total / today's new, (2) acquisition
 * data, (3) buying the acquisition assistant, (4) authorising it to a third party or 代开发,
 * (5) switching auto-deduction on. While the choice is under review (1) and (2) work.
 */
export type CategoryGatedAction = 'customer_stats' | 'acquisition_data' | 'acquisition_buy' | 'acquisition_authorize' | 'auto_deduct_on';

const ALLOWED_UNDER_REVIEW: ReadonlySet<CategoryGatedAction> = new Set(['customer_stats', 'acquisition_data']);

export interface CategoryState {
  /** The latest choice. null: never chosen; the console shows 未知 with a red question mark. */
  category: (CategoryEntry & { status: CategoryStatus; chosenAt: string; chosenBy: string; reviewedAt: string | null; reviewNote: string | null }) | null;
  /**
   * The category in effect: the last one approved. It differs from `category` while a change is under
   * review or after the change was rejected; null while none was ever approved.
   */
  inEffect: (CategoryEntry & { approvedAt: string }) | null;
}

export async function getCategoryState(db: Executor, corpId: string): Promise<CategoryState> {
  const row = await tables(db).selectFrom('corp_categories').selectAll().where('corp_id', '=', corpId).executeTakeFirst();
  if (!row) return { category: null, inEffect: null };
  const entry = categoryByCode(row.code)!;
  const approved = row.approved_code ? categoryByCode(row.approved_code) : undefined;
  return {
    category: { ...entry, status: row.status, chosenAt: toIso(row.chosen_at), chosenBy: row.chosen_by_name, reviewedAt: toIso(row.reviewed_at), reviewNote: row.review_note },
    inEffect: approved && row.approved_at !== null ? { ...approved, approvedAt: toIso(row.approved_at)! } : null,
  };
}

/**
 * Throws `category.required` unless the enterprise's category allows the action: an approved
 * category allows everything (also while a change to another is under review, or after that change
 * was rejected: the approved one stays in effect), a first choice under review allows viewing
 * customer and acquisition figures, unset or rejected allows none. Other modules (the wallet's
 * auto-deduction switch) call this.
 */
export async function assertCategoryAllows(db: Executor, corpId: string, action: CategoryGatedAction): Promise<void> {
  const row = await tables(db).selectFrom('corp_categories').select(['status', 'approved_code']).where('corp_id', '=', corpId).executeTakeFirst();
  const status = row?.status ?? 'unset';
  if (status === 'approved' || row?.approved_code) return;
  if (status === 'review' && ALLOWED_UNDER_REVIEW.has(action)) return;
  throw new DomainError(CategoryErrors['category.required'], { action, categoryStatus: status });
}

/** 仅超级管理员或业务负责人可以选择经营类目. */
export async function mayChooseCategory(ctx: ReadCtx): Promise<boolean> {
  const actor = ctx.actor;
  if (actor.kind !== 'member' && actor.kind !== 'external') return false;
  if (await accountIsSuper(ctx, actor.accountId)) return true;
  if (actor.kind !== 'member') return false;
  const owner = await tables(ctx.trx).selectFrom('category_owners').select('member_id').where('corp_id', '=', ctx.corpId).where('member_id', '=', actor.id).executeTakeFirst();
  return owner !== undefined;
}

/** Chooses or changes the one category; every choice goes to the operator's review. */
export async function chooseCategory(ctx: Ctx, code: string): Promise<CategoryState> {
  if (!(await mayChooseCategory(ctx))) throw new DomainError(CategoryErrors['category.contact_admin']);
  if (!categoryByCode(code)) throw new DomainError(CategoryErrors['category.unknown_code'], { code });
  const before = await getCategoryState(ctx.trx, ctx.corpId);
  const values = { code, status: 'review' as const, chosen_by_name: ctx.actor.name, chosen_at: ctx.now, reviewed_at: null, review_note: null };
  await tables(ctx.trx)
    .insertInto('corp_categories')
    .values({ corp_id: ctx.corpId, ...values, version: 1 })
    .onConflict((oc) => oc.column('corp_id').doUpdateSet((eb) => ({ ...values, version: eb('corp_categories.version', '+', 1) })))
    .execute();
  const after = await getCategoryState(ctx.trx, ctx.corpId);
  await audit(ctx, { action: 'category.choose', target: { type: 'corp', id: ctx.corpId }, before: before.category?.code ?? null, after: code });
  return after;
}

export async function listCategoryOwners(db: Executor, corpId: string): Promise<{ memberId: string; name: string }[]> {
  const rows = await tables(db).selectFrom('category_owners').select('member_id').where('corp_id', '=', corpId).orderBy('created_at').execute();
  const members = await membersByIds(db, corpId, rows.map((r) => r.member_id));
  return rows.flatMap((r) => {
    const member = members.get(r.member_id);
    return member?.status === 'active' ? [{ memberId: member.id, name: member.name }] : [];
  });
}

/** A super admin designates (or removes) a business owner (业务负责人). */
export async function setCategoryOwner(ctx: Ctx, memberId: string, owner: boolean): Promise<void> {
  // The member in the path must be the enterprise's: another enterprise's is not found, and nothing
  // (not even an audit row) is written for it.
  const member = await getMember(ctx.trx, ctx.corpId, memberId);
  if (!member) throw new DomainError('not_found', { memberId });
  if (owner) {
    if (member.status !== 'active') throw new DomainError(CategoryErrors['category.owner_not_member'], { memberId });
    await tables(ctx.trx).insertInto('category_owners').values({ corp_id: ctx.corpId, member_id: memberId, created_at: ctx.now }).onConflict((oc) => oc.doNothing()).execute();
  } else {
    await tables(ctx.trx).deleteFrom('category_owners').where('corp_id', '=', ctx.corpId).where('member_id', '=', memberId).execute();
  }
  await audit(ctx, { action: owner ? 'category.owner_add' : 'category.owner_remove', target: { type: 'member', id: memberId } });
}

export interface ReviewInput {
  /** The choice the operator looked at; a newer choice is not decided by an older review. */
  version: number;
  decision: 'approved' | 'rejected';
  note?: string | undefined;
}

/** The operator's review of `ctx.corpId`'s choice: under review → approved or rejected (compare-and-set on the version). */
export async function reviewCategory(ctx: Ctx, input: ReviewInput): Promise<CategoryState> {
  const done = await tables(ctx.trx)
    .updateTable('corp_categories')
    .set((eb) => ({
      status: input.decision,
      reviewed_at: ctx.now,
      review_note: input.note ?? null,
      ...(input.decision === 'approved' ? { approved_code: eb.ref('code'), approved_at: ctx.now } : {}),
    }))
    .where('corp_id', '=', ctx.corpId)
    .where('status', '=', 'review')
    .where('version', '=', input.version)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0) throw new DomainError(CategoryErrors['category.not_under_review'], { corpId: ctx.corpId });
  await audit(ctx, { action: `category.${input.decision}`, target: { type: 'corp', id: ctx.corpId }, after: { version: input.version, note: input.note ?? null } });
  return getCategoryState(ctx.trx, ctx.corpId);
}

export interface ReviewItem {
  corpId: string;
  corpName: string;
  code: string;
  level1: string;
  level2: string | null;
  scope: string;
  en: CategoryEntry['en'];
  version: number;
  chosenAt: string;
  chosenBy: string;
}

/** Choices waiting for the operator, oldest first. */
export async function listPendingReviews(db: Executor, limit: number): Promise<ReviewItem[]> {
  const rows = await tables(db)
    .selectFrom('corp_categories')
    .select(['corp_id', 'code', 'version', 'chosen_at', 'chosen_by_name'])
    .where('status', '=', 'review')
    .orderBy('chosen_at')
    .limit(limit)
    .execute();
  const corpNames = new Map((await corpsByIds(db, rows.map((r) => r.corp_id))).map((c) => [c.id, c.name]));
  return rows.map((r) => {
    const entry = categoryByCode(r.code)!;
    return { corpId: r.corp_id, corpName: corpNames.get(r.corp_id) ?? '', code: r.code, level1: entry.level1, level2: entry.level2, scope: entry.scope, en: entry.en, version: r.version, chosenAt: toIso(r.chosen_at), chosenBy: r.chosen_by_name };
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
 * A member's external profile page (对外信息) as a customer sees it: the category in effect (the
 * approved one, also while a change is reviewed), else a first choice under review; unset or a
 * rejected first choice shows 企业未完善.
 */
export async function externalProfile(db: Executor, corpId: string, memberId: string): Promise<ExternalProfile> {
  const member = await getMember(db, corpId, memberId);
  if (!member) throw new DomainError('not_found', { memberId });
  const corp = await getCorp(db, corpId);
  const row = await tables(db).selectFrom('corp_categories').select(['code', 'status', 'approved_code']).where('corp_id', '=', corpId).executeTakeFirst();
  const shownCode = row?.approved_code ?? (row && row.status !== 'rejected' ? row.code : undefined);
  const shown = shownCode ? categoryByCode(shownCode) : undefined;
  return {
    memberId: member.id,
    memberName: member.name,
    corpShortName: corp.shortName,
    incomplete: !shown,
    category: shown ? { level1: shown.level1, level2: shown.level2 } : null,
  };
}
