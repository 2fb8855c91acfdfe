import { sql } from 'kysely';
import type { Ctx, ReadCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { newId } from '../../platform/ids.ts';
import { roleSnapshot, type ContactsScope } from '../../platform/policy/index.ts';
import { namePinyin } from './pinyin.ts';
import { writeNameGrams } from './name-grams.ts';
import type { MemberStatus } from './directory.tables.ts';
import { prepared, tables } from './directory.tables.ts';

/** What an insert needs: the enterprise, the transaction and the instant. */
type WriteCtx = Pick<Ctx, 'corpId' | 'trx' | 'now'>;

export interface MemberSummary {
  id: string;
  name: string;
  userid: string;
  status: MemberStatus;
  accountId: string | null;
}

/** The enterprise's root department, named after the enterprise. Made once, at registration. */
export async function createRootDepartment(ctx: WriteCtx, name: string): Promise<string> {
  const id = newId('dept', ctx.now);
  await tables(ctx.trx)
    .insertInto('departments')
    .values({ corp_id: ctx.corpId, id, parent_id: null, name, sort_order: 0, path: `/${id}/`, depth: 0, created_at: ctx.now, updated_at: ctx.now })
    .execute();
  return id;
}

export async function rootDepartmentId(db: Executor, corpId: string): Promise<string> {
  const row = await tables(db).selectFrom('departments').select('id').where('corp_id', '=', corpId).where('parent_id', 'is', null).executeTakeFirstOrThrow();
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

export async function insertMember(ctx: WriteCtx, input: NewMember): Promise<string> {
  const id = newId('mem', ctx.now);
  const pinyin = namePinyin(input.name);
  await tables(ctx.trx)
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
  await tables(ctx.trx)
    .insertInto('member_departments')
    .values(input.departmentIds.map((departmentId) => ({ corp_id: ctx.corpId, member_id: id, department_id: departmentId, sort_order: 0 })))
    .execute();
  await writeNameGrams(ctx.trx, ctx.corpId, [{ id, name: input.name }]);
  if (input.accountId) await tables(ctx.trx).insertInto('account_corps').values({ account_id: input.accountId, corp_id: ctx.corpId, member_id: id }).execute();
  return id;
}

const activeMemberOfAccountQuery = prepared((db, p: { corpId: string; accountId: string }) =>
  db.selectFrom('members').select(['id', 'name', 'userid', 'status', 'account_id']).where('corp_id', '=', p.corpId).where('account_id', '=', p.accountId).where('status', '=', 'active'),
);

/**
 * The active member an account is in an enterprise, if any. Departed and disabled members act as
 * nobody. Prepared: every signed-in request asks.
 */
export async function activeMemberOfAccount(db: Executor, corpId: string, accountId: string): Promise<MemberSummary | undefined> {
  const row = (await activeMemberOfAccountQuery.execute(db, { corpId, accountId })).rows[0];
  return row && { id: row.id, name: row.name, userid: row.userid, status: row.status, accountId: row.account_id };
}

/** The member an account is in an enterprise unless departed (active or disabled), if any. */
export function currentMemberOfAccount(db: Executor, corpId: string, accountId: string): Promise<MemberSummary | undefined> {
  return memberOfAccount(db, corpId, accountId, ['active', 'disabled']);
}

async function memberOfAccount(db: Executor, corpId: string, accountId: string, statuses: MemberStatus[]): Promise<MemberSummary | undefined> {
  const row = await tables(db)
    .selectFrom('members')
    .select(['id', 'name', 'userid', 'status', 'account_id'])
    .where('corp_id', '=', corpId)
    .where('account_id', '=', accountId)
    .where('status', 'in', statuses)
    .executeTakeFirst();
  return row && { id: row.id, name: row.name, userid: row.userid, status: row.status, accountId: row.account_id };
}

/** Enterprises where the account is an active member: from `account_corps`, not a scan of every enterprise's members. */
export async function corpIdsOfAccount(db: Executor, accountId: string): Promise<string[]> {
  const rows = await tables(db).selectFrom('account_corps').select('corp_id').distinct().where('account_id', '=', accountId).orderBy('corp_id').execute();
  return rows.map((r) => r.corp_id);
}

/**
 * Keeps `account_corps` in step with one member, in the command's transaction: after any change of
 * the member's account link or status (link, activate, enable, disable, depart, delete), its row is
 * there exactly when the member is active and linked to an account.
 */
export async function syncAccountCorp(ctx: WriteCtx, memberId: string): Promise<void> {
  await tables(ctx.trx).deleteFrom('account_corps').where('corp_id', '=', ctx.corpId).where('member_id', '=', memberId).execute();
  await tables(ctx.trx)
    .insertInto('account_corps')
    .columns(['account_id', 'corp_id', 'member_id'])
    .expression(
      tables(ctx.trx)
        .selectFrom('members')
        .select([sql<string>`account_id`.as('account_id'), 'corp_id', 'id as member_id'])
        .where('corp_id', '=', ctx.corpId)
        .where('id', '=', memberId)
        .where('status', '=', 'active')
        .where('account_id', 'is not', null),
    )
    .execute();
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
  const rows = await recipientsQuery(db, corpId, recipients)?.orderBy('m.id').execute();
  return (rows ?? []).map((r) => r.id);
}

/** Whether the member is active and one of those the selection names (a 可见范围 check): one indexed lookup, not the whole expansion. */
export async function isInRecipients(db: Executor, corpId: string, memberId: string, recipients: Recipients): Promise<boolean> {
  return (await recipientsQuery(db, corpId, recipients)?.where('m.id', '=', memberId).executeTakeFirst()) !== undefined;
}

function recipientsQuery(db: Executor, corpId: string, recipients: Recipients) {
  const memberIds = [...new Set(recipients.memberIds ?? [])];
  const departmentIds = [...new Set(recipients.departmentIds ?? [])];
  const tagIds = [...new Set(recipients.tagIds ?? [])];
  if (memberIds.length + departmentIds.length + tagIds.length === 0) return undefined;
  return tables(db)
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
        roots.push(tables(db).selectFrom('departments').select('path').where('corp_id', '=', corpId).where('id', 'in', departmentIds));
      }
      if (tagIds.length > 0) {
        alternatives.push(
          eb('m.id', 'in', tables(db).selectFrom('tag_members').select('member_id').where('corp_id', '=', corpId).where('tag_id', 'in', tagIds)),
        );
        roots.push(
          tables(db)
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
            tables(db)
              .selectFrom('member_departments as md')
              .innerJoin('departments as d', (j) => j.onRef('d.corp_id', '=', 'md.corp_id').onRef('d.id', '=', 'md.department_id'))
              .innerJoin(rootPaths.as('r'), (j) => j.on(pathWithin('d.path', 'r.path')))
              .select('md.member_id')
              .where('md.corp_id', '=', corpId),
          ),
        );
      }
      return eb.or(alternatives);
    });
}

/** The department's active heads (部门负责人), sorted by id. */
export async function departmentHeads(db: Executor, corpId: string, departmentId: string): Promise<string[]> {
  const rows = await tables(db)
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
  const dept = await tables(db).selectFrom('departments').select('path').where('corp_id', '=', corpId).where('id', '=', departmentId).executeTakeFirst();
  if (!dept) return [];
  const ids = dept.path.split('/').filter(Boolean);
  const rows = await tables(db).selectFrom('departments').select(['id', 'name', 'depth']).where('corp_id', '=', corpId).where('id', 'in', ids).orderBy('depth', 'desc').execute();
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
  const row = await tables(db).selectFrom('members').selectAll().where('corp_id', '=', corpId).where('id', '=', memberId).executeTakeFirst();
  if (!row) return undefined;
  const depts = await tables(db)
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

/** The named members of the enterprise, whatever their status, by id (ids of others match nothing). */
export async function membersByIds(db: Executor, corpId: string, ids: readonly string[]): Promise<Map<string, MemberSummary>> {
  const unique = [...new Set(ids)];
  const out = new Map<string, MemberSummary>();
  for (let at = 0; at < unique.length; at += 1000) {
    const rows = await tables(db)
      .selectFrom('members')
      .select(['id', 'name', 'userid', 'status', 'account_id'])
      .where('corp_id', '=', corpId)
      .where('id', 'in', unique.slice(at, at + 1000))
      .execute();
    for (const r of rows) out.set(r.id, { id: r.id, name: r.name, userid: r.userid, status: r.status, accountId: r.account_id });
  }
  return out;
}

/** Member ids by userid, for adapters that name members by userid (the WeCom API); unknown userids are absent. */
export async function memberIdsByUserid(db: Executor, corpId: string, userids: readonly string[]): Promise<Map<string, string>> {
  if (userids.length === 0) return new Map();
  const rows = await tables(db).selectFrom('members').select(['id', 'userid']).where('corp_id', '=', corpId).where('userid', 'in', [...new Set(userids)]).execute();
  return new Map(rows.map((r) => [r.userid, r.id]));
}

/** Materialised paths of the named departments of the enterprise, by id (the policy's `departmentPaths`). */
export async function departmentPaths(db: Executor, corpId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tables(db).selectFrom('departments').select(['id', 'path']).where('corp_id', '=', corpId).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.path]));
}

/** The given members who sit in at least one department inside the scope (active ones only). */
export async function membersInScope(db: Executor, corpId: string, scope: ContactsScope, memberIds: readonly string[]): Promise<string[]> {
  if (scope.kind === 'none' || memberIds.length === 0) return [];
  if (scope.kind === 'all') return [...memberIds];
  const inside = new Set<string>();
  for (let i = 0; i < memberIds.length; i += 500) {
    const chunk = memberIds.slice(i, i + 500);
    const rows = await tables(db)
      .selectFrom('member_departments as md')
      .innerJoin('departments as d', (j) => j.onRef('d.corp_id', '=', 'md.corp_id').onRef('d.id', '=', 'md.department_id'))
      .select('md.member_id')
      .distinct()
      .where('md.corp_id', '=', corpId)
      .where('md.member_id', 'in', chunk)
      .where((eb) => eb.or(scope.paths.map((path) => eb(sql<string>`substr(d.path, 1, ${path.length})`, '=', path))))
      .execute();
    for (const row of rows) inside.add(row.member_id);
  }
  return memberIds.filter((id) => inside.has(id));
}

const memberPlacementQuery = prepared((db, p: { corpId: string; memberId: string }) =>
  db
    .selectFrom('member_departments as md')
    .innerJoin('departments as d', (j) => j.onRef('d.corp_id', '=', 'md.corp_id').onRef('d.id', '=', 'md.department_id'))
    .select([sql.lit('path').as('kind'), 'd.path as value'])
    .where('md.corp_id', '=', p.corpId)
    .where('md.member_id', '=', p.memberId)
    .unionAll(db.selectFrom('tag_members').select([sql.lit('tag').as('kind'), 'tag_id as value']).where('corp_id', '=', p.corpId).where('member_id', '=', p.memberId))
    // A tagged department's subtree holds the tag: a department of the member's lies under it.
    .unionAll(
      db
        .selectFrom('tag_departments as td')
        .innerJoin('departments as a', (j) => j.onRef('a.corp_id', '=', 'td.corp_id').onRef('a.id', '=', 'td.department_id'))
        .innerJoin('member_departments as md', (j) => j.onRef('md.corp_id', '=', 'td.corp_id'))
        .innerJoin('departments as d', (j) => j.onRef('d.corp_id', '=', 'md.corp_id').onRef('d.id', '=', 'md.department_id'))
        .select([sql.lit('tag').as('kind'), 'td.tag_id as value'])
        .where('td.corp_id', '=', p.corpId)
        .where('md.member_id', '=', p.memberId)
        .where(pathWithin('d.path', 'a.path')),
    ),
);

/**
 * Where a member sits, by one prepared query (hot paths: a clock-in's rule): the materialised paths
 * of their departments, and the tags they hold directly or through a tagged department above one of
 * them (sorted, each once). Status is not read: the caller knows whom it asks about.
 */
export async function memberPlacement(db: Executor, corpId: string, memberId: string): Promise<{ departmentPaths: string[]; tagIds: string[] }> {
  const rows = (await memberPlacementQuery.execute(db, { corpId, memberId })).rows;
  return {
    departmentPaths: rows.filter((r) => r.kind === 'path').map((r) => r.value),
    tagIds: [...new Set(rows.filter((r) => r.kind === 'tag').map((r) => r.value))].sort(),
  };
}

/** Every department of the enterprise, parents before children and siblings in their order. */
export async function departmentTree(db: Executor, corpId: string): Promise<{ id: string; name: string; parentId: string | null; path: string }[]> {
  const rows = await tables(db).selectFrom('departments').select(['id', 'name', 'parent_id', 'path']).where('corp_id', '=', corpId).orderBy('depth').orderBy('sort_order').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, parentId: r.parent_id, path: r.path }));
}

const memberBriefQuery = prepared((db, p: { corpId: string; id: string }) => db.selectFrom('members').select(['id', 'name', 'status']).where('corp_id', '=', p.corpId).where('id', '=', p.id));

/** One member's name and status, by a prepared point lookup (hot paths: a customer adding through a link). */
export async function memberBrief(db: Executor, corpId: string, id: string): Promise<{ id: string; name: string; status: MemberStatus } | undefined> {
  return (await memberBriefQuery.execute(db, { corpId, id })).rows[0];
}

/** The enterprise's departed (离职) members, latest departure first: those whose data may wait for a hand-over. */
export async function departedMembers(db: Executor, corpId: string): Promise<{ id: string; name: string; userid: string; departedAt: number }[]> {
  const rows = await tables(db)
    .selectFrom('members')
    .select(['id', 'name', 'userid', 'departed_at'])
    .where('corp_id', '=', corpId)
    .where('status', '=', 'departed')
    .orderBy('departed_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, userid: r.userid, departedAt: Number(r.departed_at ?? 0) }));
}

/** The active members among the ids, as a set (ids of other enterprises match nothing). */
export async function activeMemberIds(db: Executor, corpId: string, ids: readonly string[]): Promise<Set<string>> {
  const found = await membersByIds(db, corpId, ids);
  return new Set([...found.values()].filter((m) => m.status === 'active').map((m) => m.id));
}

/**
 * The members the enterprise's notices to its admins reach: the creator and the super admins who
 * are active members (an external super admin has no inbox), sorted.
 */
export async function adminMemberIds(ctx: ReadCtx): Promise<string[]> {
  const roles = await roleSnapshot(ctx);
  const creator = await activeMemberOfAccount(ctx.trx, ctx.corpId, roles.creatorAccountId);
  const supers = await activeMemberIds(ctx.trx, ctx.corpId, [...roles.superAdmins.values()].flatMap((s) => (s.memberId ? [s.memberId] : [])));
  return [...new Set([...(creator ? [creator.id] : []), ...supers])].sort();
}

/** Every head of the named departments, whatever their status, sorted by department then member. */
export async function headsOf(db: Executor, corpId: string, departmentIds: readonly string[]): Promise<{ departmentId: string; memberId: string }[]> {
  if (departmentIds.length === 0) return [];
  const rows = await tables(db)
    .selectFrom('department_heads')
    .select(['department_id', 'member_id'])
    .where('corp_id', '=', corpId)
    .where('department_id', 'in', [...new Set(departmentIds)])
    .orderBy('department_id')
    .orderBy('member_id')
    .execute();
  return rows.map((r) => ({ departmentId: r.department_id, memberId: r.member_id }));
}

/** A tag's name, whether it holds departments (whose subtrees count), and the members it holds directly. */
export async function tagInfo(db: Executor, corpId: string, tagId: string): Promise<{ name: string; holdsDepartments: boolean; memberIds: string[] } | undefined> {
  const directory = tables(db);
  const tag = await directory.selectFrom('tags').select('name').where('corp_id', '=', corpId).where('id', '=', tagId).executeTakeFirst();
  if (!tag) return undefined;
  const department = await directory.selectFrom('tag_departments').select('department_id').where('corp_id', '=', corpId).where('tag_id', '=', tagId).limit(1).executeTakeFirst();
  const held = await directory.selectFrom('tag_members').select('member_id').where('corp_id', '=', corpId).where('tag_id', '=', tagId).execute();
  return { name: tag.name, holdsDepartments: department !== undefined, memberIds: held.map((r) => r.member_id) };
}

export interface People {
  members: { id: string; name: string }[];
  tags: { id: string; name: string }[];
  departments: { id: string; name: string }[];
}

/** Who can be chosen in pickers: active members (optionally by exact name), tags, departments. */
export async function peopleToChoose(db: Executor, corpId: string, query: { q?: string | undefined; limit: number }): Promise<People> {
  const directory = tables(db);
  let members = directory.selectFrom('members').select(['id', 'name']).where('corp_id', '=', corpId).where('status', '=', 'active');
  if (query.q) members = members.where('name', '=', query.q);
  return {
    members: await members.orderBy('id').limit(query.limit).execute(),
    tags: await directory.selectFrom('tags').select(['id', 'name']).where('corp_id', '=', corpId).orderBy('name').execute(),
    departments: await directory.selectFrom('departments').select(['id', 'name']).where('corp_id', '=', corpId).orderBy('depth').orderBy('sort_order').execute(),
  };
}

/**
 * The member a sign-in through the enterprise's identity provider names: by userid, or by e-mail
 * (case-insensitive), whatever their status (the caller refuses a disabled or departed one).
 */
export async function memberForSignIn(db: Executor, corpId: string, by: 'userid' | 'email', value: string): Promise<{ id: string; name: string; accountId: string | null; status: MemberStatus } | undefined> {
  const q = tables(db).selectFrom('members').select(['id', 'name', 'account_id', 'status']).where('corp_id', '=', corpId);
  const row = await (by === 'userid' ? q.where('userid', '=', value) : q.where(sql<string>`lower(email)`, '=', value.toLowerCase())).orderBy('id').executeTakeFirst();
  return row && { id: row.id, name: row.name, accountId: row.account_id, status: row.status };
}

/** Links a member that has no account yet to one (the member is then 已激活). */
export async function linkMemberAccount(ctx: WriteCtx, memberId: string, accountId: string): Promise<void> {
  await tables(ctx.trx).updateTable('members').set({ account_id: accountId, updated_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('id', '=', memberId).where('account_id', 'is', null).execute();
  await syncAccountCorp(ctx, memberId);
}
