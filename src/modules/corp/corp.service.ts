import './corp.tables.ts';
import { sql } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/schema.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { audit } from '../../platform/audit.ts';
import { toIso } from '../../platform/clock.ts';
import { createRootDepartment, insertMember } from '../directory/directory.service.ts';
import { accountActor } from '../admin/authorizer.ts';
import { getAccount, type AccountView } from '../account/account.service.ts';
import { CorpErrors } from './corp.errors.ts';
import type { Industry } from './corp.tables.ts';

/** 一个微信账号下最多可以有 5 个不同的企业创建者身份. */
export const MAX_CREATED_CORPS = 5;

export interface CorpView {
  id: string;
  name: string;
  shortName: string;
  industry: Industry;
  certifiedUntil: string | null;
}

export interface NewCorp {
  name: string;
  shortName: string;
  industry: Industry;
}

/**
 * Counts one more enterprise created by the account, only while it has fewer than five.
 * A compare-and-set: two registrations racing for the fifth slot cannot both win.
 */
export async function takeCreatorSlot(trx: Executor, accountId: string): Promise<void> {
  const taken = await trx
    .updateTable('accounts')
    .set({ created_corps: sql<number>`created_corps + 1` })
    .where('id', '=', accountId)
    .where('created_corps', '<', MAX_CREATED_CORPS)
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) === 0) throw new DomainError(CorpErrors['corp.creator_limit'], { limit: MAX_CREATED_CORPS });
}

export async function releaseCreatorSlot(trx: Executor, accountId: string): Promise<void> {
  await trx.updateTable('accounts').set({ created_corps: sql<number>`created_corps - 1` }).where('id', '=', accountId).execute();
}

/** The registering account becomes the enterprise's creator and its first member, in the root department. */
export async function registerCorp(trx: Executor, now: number, account: AccountView, input: NewCorp, ip?: string): Promise<string> {
  await takeCreatorSlot(trx, account.id);
  const corpId = newId('corp', now);
  await trx
    .insertInto('corps')
    .values({ id: corpId, name: input.name, short_name: input.shortName, industry: input.industry, certified_until: null, creator_account_id: account.id, created_at: now, updated_at: now })
    .execute();
  const ctx = { corpId, trx, now, ip };
  const root = await createRootDepartment(ctx, input.name);
  const memberId = await insertMember(ctx, {
    name: account.name,
    userid: account.loginName,
    accountId: account.id,
    phone: account.phone,
    departmentIds: [root],
    mainDepartmentId: root,
  });
  await audit({ ...ctx, actor: { kind: 'member', id: memberId, name: account.name, accountId: account.id } }, { action: 'corp.register', target: { type: 'corp', id: corpId }, after: input });
  return corpId;
}

function toView(row: { id: string; name: string; short_name: string; industry: Industry; certified_until: number | null }): CorpView {
  return { id: row.id, name: row.name, shortName: row.short_name, industry: row.industry, certifiedUntil: toIso(row.certified_until) };
}

export async function getCorp(db: Executor, corpId: string): Promise<CorpView> {
  const row = await db.selectFrom('corps').selectAll().where('id', '=', corpId).executeTakeFirst();
  if (!row) throw new DomainError('not_found', { corpId });
  return toView(row);
}

export async function updateCorp(ctx: Ctx, patch: Partial<NewCorp>): Promise<CorpView> {
  const before = await getCorp(ctx.trx, ctx.corpId);
  const set = {
    ...(patch.name === undefined ? {} : { name: patch.name }),
    ...(patch.shortName === undefined ? {} : { short_name: patch.shortName }),
    ...(patch.industry === undefined ? {} : { industry: patch.industry }),
  };
  await ctx.trx.updateTable('corps').set({ ...set, updated_at: ctx.now }).where('id', '=', ctx.corpId).execute();
  const after = await getCorp(ctx.trx, ctx.corpId);
  await audit(ctx, { action: 'corp.update', target: { type: 'corp', id: ctx.corpId }, before, after });
  return after;
}

/** Whether the enterprise's certification is in force at `now` (认证有效期内). */
export async function isCertified(db: Executor, corpId: string, now: number): Promise<boolean> {
  const row = await db.selectFrom('corps').select('certified_until').where('id', '=', corpId).executeTakeFirst();
  return row?.certified_until != null && row.certified_until > now;
}

export interface Me {
  account: AccountView;
  corps: { id: string; name: string; shortName: string; isCreator: boolean }[];
  currentCorp: CorpView | null;
  member: { id: string; name: string } | null;
  /** What the console shows: admin pages for any admin, their own rights decided per page by the API. */
  roles: { creator: boolean; superAdmin: boolean; hierarchicalAdmin: boolean };
}

/**
 * Enterprises an account can enter (where it is an active member or an external super admin), with
 * what it is in each: one query, because every console page load asks.
 */
async function corpsWithRoles(db: Executor, accountId: string) {
  return db
    .selectFrom('corps as c')
    .leftJoin('members as m', (join) => join.onRef('m.corp_id', '=', 'c.id').on('m.account_id', '=', accountId).on('m.status', '=', 'active'))
    .leftJoin('super_admins as s', (join) => join.onRef('s.corp_id', '=', 'c.id').on('s.account_id', '=', accountId))
    .leftJoin('hierarchical_admins as h', (join) => join.onRef('h.corp_id', '=', 'c.id').onRef('h.member_id', '=', 'm.id'))
    .select(['c.id', 'c.name', 'c.short_name', 'c.industry', 'c.certified_until', 'c.creator_account_id', 'm.id as member_id', 'm.name as member_name', 's.kind as super_kind', 'h.member_id as hierarchical_member_id'])
    .where((eb) =>
      eb('c.id', 'in', (sub) =>
        sub
          .selectFrom('members')
          .select('corp_id')
          .where('account_id', '=', accountId)
          .where('status', '=', 'active')
          .union(sub.selectFrom('super_admins').select('corp_id').where('account_id', '=', accountId).where('kind', '=', 'external')),
      ),
    )
    .orderBy('c.created_at')
    .execute();
}

export async function corpsOfAccount(db: Executor, accountId: string): Promise<Me['corps']> {
  const rows = await corpsWithRoles(db, accountId);
  return rows.map((r) => ({ id: r.id, name: r.name, shortName: r.short_name, isCreator: r.creator_account_id === accountId }));
}

export async function canEnterCorp(db: Executor, corpId: string, accountId: string): Promise<boolean> {
  return (await accountActor(db, corpId, accountId)) !== undefined;
}

export async function describeMe(db: Executor, accountId: string, corpId: string | null): Promise<Me> {
  const account = await getAccount(db, accountId);
  const rows = await corpsWithRoles(db, accountId);
  const current = rows.find((r) => r.id === corpId);
  const creator = current?.creator_account_id === accountId;
  return {
    account,
    corps: rows.map((r) => ({ id: r.id, name: r.name, shortName: r.short_name, isCreator: r.creator_account_id === accountId })),
    currentCorp: current ? toView(current) : null,
    member: current?.member_id ? { id: current.member_id, name: current.member_name! } : null,
    roles: {
      creator,
      superAdmin: creator || (current?.super_kind ?? null) !== null,
      hierarchicalAdmin: (current?.hierarchical_member_id ?? null) !== null,
    },
  };
}
