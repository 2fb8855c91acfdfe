import './directory.tables.ts';
import type { TxCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/schema.ts';
import { newId } from '../../platform/ids.ts';
import { namePinyin } from './pinyin.ts';
import type { MemberStatus } from './directory.tables.ts';

export interface MemberSummary {
  id: string;
  name: string;
  userid: string;
  status: MemberStatus;
  accountId: string | null;
}

/** The enterprise's root department, named after the enterprise. Made once, at registration. */
export async function createRootDepartment(ctx: TxCtx, name: string): Promise<string> {
  const id = newId('dept', ctx.now);
  await ctx.trx
    .insertInto('departments')
    .values({ corp_id: ctx.corpId, id, parent_id: null, name, sort_order: 0, path: `/${id}/`, depth: 0, created_at: ctx.now, updated_at: ctx.now })
    .execute();
  return id;
}

export async function rootDepartmentId(db: Executor, corpId: string): Promise<string> {
  const row = await db.selectFrom('departments').select('id').where('corp_id', '=', corpId).where('parent_id', 'is', null).executeTakeFirstOrThrow();
  return row.id;
}

export interface NewMember {
  name: string;
  userid: string;
  accountId?: string | null;
  phone?: string | null;
  email?: string | null;
  position?: string | null;
  departmentIds: string[];
  mainDepartmentId: string;
}

export async function insertMember(ctx: TxCtx, input: NewMember): Promise<string> {
  const id = newId('mem', ctx.now);
  const pinyin = namePinyin(input.name);
  await ctx.trx
    .insertInto('members')
    .values({
      corp_id: ctx.corpId,
      id,
      account_id: input.accountId ?? null,
      userid: input.userid,
      name: input.name,
      name_initials: pinyin.initials,
      name_pinyin: pinyin.full,
      phone: input.phone ?? null,
      email: input.email ?? null,
      position: input.position ?? null,
      status: 'active',
      main_department_id: input.mainDepartmentId,
      joined_at: ctx.now,
      departed_at: null,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .execute();
  await ctx.trx
    .insertInto('member_departments')
    .values(input.departmentIds.map((departmentId) => ({ corp_id: ctx.corpId, member_id: id, department_id: departmentId, sort_order: 0 })))
    .execute();
  return id;
}

/** The active member an account is in an enterprise, if any. Departed and disabled members act as nobody. */
export async function activeMemberOfAccount(db: Executor, corpId: string, accountId: string): Promise<MemberSummary | undefined> {
  const row = await db
    .selectFrom('members')
    .select(['id', 'name', 'userid', 'status', 'account_id'])
    .where('corp_id', '=', corpId)
    .where('account_id', '=', accountId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row && { id: row.id, name: row.name, userid: row.userid, status: row.status, accountId: row.account_id };
}

/** Enterprises where the account is an active member. */
export async function corpIdsOfAccount(db: Executor, accountId: string): Promise<string[]> {
  const rows = await db.selectFrom('members').select('corp_id').where('account_id', '=', accountId).where('status', '=', 'active').execute();
  return rows.map((r) => r.corp_id);
}
