import './directory.tables.ts';
import { sql } from 'kysely';
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
  /** Defaults to now. */
  joinedAt?: number | undefined;
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
      joined_at: input.joinedAt ?? ctx.now,
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

// ---------------------------------------------------------------------------------------------
// Read helpers other modules build on (approvals, attendance, inbox, admin). Each is scoped by the
// enterprise and counts only active members: disabled and departed members receive nothing.
// ---------------------------------------------------------------------------------------------

/**
 * `descendant` lies in the subtree of `ancestor` (or is it), compared on materialised paths.
 * `substr` rather than LIKE: ids contain `_`, a LIKE wildcard, and a column cannot be escaped cheaply.
 */
export function pathWithin(descendantPath: string, ancestorPath: string) {
  return sql<boolean>`substr(${sql.ref(descendantPath)}, 1, length(${sql.ref(ancestorPath)})) = ${sql.ref(ancestorPath)}`;
}

/** Active members holding the tag directly or through a tagged department's subtree, sorted by id. */
export async function membersOfTag(db: Executor, corpId: string, tagId: string): Promise<string[]> {
  return expandRecipients(db, corpId, { tagIds: [tagId] });
}

export interface Recipients {
  memberIds?: readonly string[];
  departmentIds?: readonly string[];
  tagIds?: readonly string[];
}

/**
 * The distinct active members a selection names: the members themselves, every member of the
 * departments and their sub-departments, and every holder of the tags (tagged departments include
 * their subtrees). Ids of other enterprises match nothing. Sorted by id.
 */
export async function expandRecipients(db: Executor, corpId: string, recipients: Recipients): Promise<string[]> {
  const memberIds = [...new Set(recipients.memberIds ?? [])];
  const departmentIds = [...new Set(recipients.departmentIds ?? [])];
  const tagIds = [...new Set(recipients.tagIds ?? [])];
  if (memberIds.length + departmentIds.length + tagIds.length === 0) return [];
  const rows = await db
    .selectFrom('members as m')
    .select('m.id')
    .where('m.corp_id', '=', corpId)
    .where('m.status', '=', 'active')
    .where((eb) => {
      const alternatives = [];
      if (memberIds.length > 0) alternatives.push(eb('m.id', 'in', memberIds));
      // Departments named directly or through a tag; their subtree's members all count.
      const roots = [];
      if (departmentIds.length > 0) {
        roots.push(db.selectFrom('departments').select('path').where('corp_id', '=', corpId).where('id', 'in', departmentIds));
      }
      if (tagIds.length > 0) {
        alternatives.push(
          eb('m.id', 'in', db.selectFrom('tag_members').select('member_id').where('corp_id', '=', corpId).where('tag_id', 'in', tagIds)),
        );
        roots.push(
          db
            .selectFrom('tag_departments as td')
            .innerJoin('departments as tdd', (j) => j.onRef('tdd.corp_id', '=', 'td.corp_id').onRef('tdd.id', '=', 'td.department_id'))
            .select('tdd.path')
            .where('td.corp_id', '=', corpId)
            .where('td.tag_id', 'in', tagIds),
        );
      }
      for (const rootPaths of roots) {
        alternatives.push(
          eb(
            'm.id',
            'in',
            db
              .selectFrom('member_departments as md')
              .innerJoin('departments as d', (j) => j.onRef('d.corp_id', '=', 'md.corp_id').onRef('d.id', '=', 'md.department_id'))
              .innerJoin(rootPaths.as('r'), (j) => j.on(pathWithin('d.path', 'r.path')))
              .select('md.member_id')
              .where('md.corp_id', '=', corpId),
          ),
        );
      }
      return eb.or(alternatives);
    })
    .orderBy('m.id')
    .execute();
  return rows.map((r) => r.id);
}

/** The department's active heads (部门负责人), sorted by id. */
export async function departmentHeads(db: Executor, corpId: string, departmentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('department_heads as h')
    .innerJoin('members as m', (j) => j.onRef('m.corp_id', '=', 'h.corp_id').onRef('m.id', '=', 'h.member_id'))
    .select('m.id')
    .where('h.corp_id', '=', corpId)
    .where('h.department_id', '=', departmentId)
    .where('m.status', '=', 'active')
    .orderBy('m.id')
    .execute();
  return rows.map((r) => r.id);
}

export interface DepartmentLink {
  id: string;
  name: string;
  depth: number;
}

/** The department and its ancestors up to the root, bottom-up (the department first). Empty if unknown. */
export async function departmentChain(db: Executor, corpId: string, departmentId: string): Promise<DepartmentLink[]> {
  const dept = await db.selectFrom('departments').select('path').where('corp_id', '=', corpId).where('id', '=', departmentId).executeTakeFirst();
  if (!dept) return [];
  const ids = dept.path.split('/').filter(Boolean);
  const rows = await db.selectFrom('departments').select(['id', 'name', 'depth']).where('corp_id', '=', corpId).where('id', 'in', ids).orderBy('depth', 'desc').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, depth: r.depth }));
}

export interface MemberRecord {
  id: string;
  userid: string;
  name: string;
  accountId: string | null;
  phone: string | null;
  email: string | null;
  position: string | null;
  status: MemberStatus;
  mainDepartmentId: string;
  departmentIds: string[];
  joinedAt: number;
  departedAt: number | null;
}

/** One member of the enterprise whatever their status (history shows departed members by name). */
export async function getMember(db: Executor, corpId: string, memberId: string): Promise<MemberRecord | undefined> {
  const row = await db.selectFrom('members').selectAll().where('corp_id', '=', corpId).where('id', '=', memberId).executeTakeFirst();
  if (!row) return undefined;
  const depts = await db
    .selectFrom('member_departments')
    .select('department_id')
    .where('corp_id', '=', corpId)
    .where('member_id', '=', memberId)
    .orderBy('department_id')
    .execute();
  return {
    id: row.id,
    userid: row.userid,
    name: row.name,
    accountId: row.account_id,
    phone: row.phone,
    email: row.email,
    position: row.position,
    status: row.status,
    mainDepartmentId: row.main_department_id,
    departmentIds: depts.map((d) => d.department_id),
    joinedAt: row.joined_at,
    departedAt: row.departed_at,
  };
}
