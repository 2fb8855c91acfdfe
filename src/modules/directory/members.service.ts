import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Ctx, ReadCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError, fieldError, requireKnownIds, unknownId } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { publish } from '../../platform/events.ts';
import { like } from '../../platform/db/sql.ts';
import { PolicyErrors } from '../../platform/policy/errors.ts';
import { departmentInScope, refuseWiderTarget, roleRankOf, targetLimits } from '../../platform/policy/index.ts';
import { DirectoryEvents } from './directory.events.ts';
import { departmentPaths, insertMember, syncAccountCorp } from './directory.service.ts';
import type { MemberStatus } from './directory.tables.ts';
import { namePinyin } from './pinyin.ts';
import { manageScope, memberScopeFilter, readScope, type ContactsScope } from './scope.ts';
import { isUniqueViolation } from '../../platform/db/unique.ts';
import { blankToNull } from './member.rules.ts';
import { lockDepartments, lockMember } from './locks.ts';
import { tables } from './directory.tables.ts';
import { DirectoryErrors } from './directory.errors.ts';
import { activationFilter, activationOf, type Activation } from './activation.ts';
import { dropNameGrams, nameCandidates, writeNameGrams } from './name-grams.ts';

export interface MemberView {
  id: string;
  userid: string;
  name: string;
  phone: string | null;
  email: string | null;
  position: string | null;
  status: MemberStatus;
  mainDepartmentId: string;
  departments: { id: string; name: string }[];
  /** Departments the member heads. */
  headOf: string[];
  /** Whether an account has claimed the member (the account itself is not shown). */
  linked: boolean;
  /** 未激活 / 已激活 / 已禁用 / 已离职. */
  activation: Activation;
  joinedAt: number;
  departedAt: number | null;
  /** The actor may edit the member (at least one department lies in its scope, and no wider admin role stands in the way). */
  editable: boolean;
  /** The actor may delete or depart the member (every department lies in its scope, no wider admin role, not the creator). */
  removable: boolean;
}

export interface MemberInput {
  name: string;
  userid: string;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  position?: string | null | undefined;
  departmentIds: string[];
  mainDepartmentId?: string | undefined;
  joinedAt?: number | undefined;
}

export interface MemberPatch {
  name?: string | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  position?: string | null | undefined;
  departmentIds?: string[] | undefined;
  mainDepartmentId?: string | undefined;
}

const useridTakenError = (userid: string) => fieldError(DirectoryErrors['directory.userid_taken'], '/userid', { userid });
const phoneTakenError = (phone: string | null) => fieldError(DirectoryErrors['directory.phone_taken'], '/phone', { phone });

function useridTaken(error: unknown): boolean {
  return isUniqueViolation(error, 'members_userid', 'members.corp_id, members.userid');
}
function phoneTaken(error: unknown): boolean {
  return isUniqueViolation(error, 'members_phone', 'members.corp_id, members.phone');
}

async function assertPhoneFree(db: Executor, corpId: string, phone: string | null, exceptId?: string): Promise<void> {
  if (phone === null) return;
  let q = tables(db).selectFrom('members').select('id').where('corp_id', '=', corpId).where('phone', '=', phone).where('status', '<>', 'departed');
  if (exceptId) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst()) throw phoneTakenError(phone);
}

/**
 * The main department is one of the member's departments; one the enterprise does not have at all is
 * an unknown id (422 at `/mainDepartmentId`), not merely a wrong choice.
 */
async function checkMainDepartment(ctx: Ctx, departmentIds: readonly string[], main: string): Promise<void> {
  if (departmentIds.includes(main)) return;
  if ((await departmentPaths(ctx.trx, ctx.corpId, [main])).size === 0) throw unknownId('/mainDepartmentId', main);
  throw fieldError(DirectoryErrors['directory.main_department_invalid'], '/mainDepartmentId', { mainDepartmentId: main });
}

/** A department of the request's list outside the actor's scope, named at its place in the list. */
function outOfScopeDepartment(departmentIds: readonly string[], id: string): DomainError {
  return fieldError(DirectoryErrors['directory.out_of_scope'], `/departmentIds/${departmentIds.indexOf(id)}`, { departmentId: id });
}

/** Adds a member to departments that all lie in the actor's scope. */
export async function createMember(ctx: Ctx, input: MemberInput): Promise<string> {
  const scope = await manageScope(ctx);
  const departmentIds = [...new Set(input.departmentIds)];
  const paths = await departmentPaths(ctx.trx, ctx.corpId, departmentIds);
  requireKnownIds(input.departmentIds, paths, '/departmentIds');
  for (const id of departmentIds) {
    if (!departmentInScope(scope, paths.get(id)!)) throw outOfScopeDepartment(input.departmentIds, id);
  }
  const main = input.mainDepartmentId ?? departmentIds[0]!;
  await checkMainDepartment(ctx, departmentIds, main);
  await lockDepartments(ctx, departmentIds);
  const phone = blankToNull(input.phone);
  const taken = await tables(ctx.trx).selectFrom('members').select('id').where('corp_id', '=', ctx.corpId).where('userid', '=', input.userid).executeTakeFirst();
  if (taken) throw useridTakenError(input.userid);
  await assertPhoneFree(ctx.trx, ctx.corpId, phone);
  let id: string;
  try {
    id = await insertMember(ctx, {
      name: input.name.trim(),
      userid: input.userid,
      phone,
      email: blankToNull(input.email),
      position: blankToNull(input.position),
      departmentIds,
      mainDepartmentId: main,
      joinedAt: input.joinedAt,
    });
  } catch (error) {
    if (useridTaken(error)) throw useridTakenError(input.userid);
    if (phoneTaken(error)) throw phoneTakenError(phone);
    throw error;
  }
  await audit(ctx, { action: 'contacts.member.create', target: { type: 'member', id }, after: { name: input.name, userid: input.userid, departmentIds, mainDepartmentId: main } });
  await publish(ctx, DirectoryEvents['member.created'], { memberId: id });
  return id;
}

export interface Placement {
  row: { id: string; userid: string; name: string; status: MemberStatus; account_id: string | null; main_department_id: string; phone: string | null; email: string | null; position: string | null };
  /** The member's departments with their paths. */
  departments: Map<string, string>;
}

export async function loadPlacement(db: Executor, corpId: string, memberId: string): Promise<Placement> {
  const row = await tables(db)
    .selectFrom('members')
    .select(['id', 'userid', 'name', 'status', 'account_id', 'main_department_id', 'phone', 'email', 'position'])
    .where('corp_id', '=', corpId)
    .where('id', '=', memberId)
    .executeTakeFirst();
  if (!row) throw new DomainError(DirectoryErrors['directory.member_not_found'], { memberId });
  const depts = await tables(db)
    .selectFrom('member_departments as md')
    .innerJoin('departments as d', (j) => j.onRef('d.corp_id', '=', 'md.corp_id').onRef('d.id', '=', 'md.department_id'))
    .select(['d.id', 'd.path'])
    .where('md.corp_id', '=', corpId)
    .where('md.member_id', '=', memberId)
    .execute();
  return { row, departments: new Map(depts.map((d) => [d.id, d.path])) };
}

export function visibleIn(scope: ContactsScope, placement: Placement): boolean {
  return [...placement.departments.values()].some((p) => departmentInScope(scope, p));
}
function whollyIn(scope: ContactsScope, placement: Placement): boolean {
  return [...placement.departments.values()].every((p) => departmentInScope(scope, p));
}

/**
 * Edits a member. An admin governing only part of the contacts edits what lies inside its scope:
 * it may add or remove departments inside, never touch a department outside (the member stays
 * there), and never move the main department away from one outside its scope.
 */
export async function updateMember(ctx: Ctx, memberId: string, patch: MemberPatch): Promise<void> {
  const scope = await manageScope(ctx);
  await lockMember(ctx, memberId);
  const placement = await loadPlacement(ctx.trx, ctx.corpId, memberId);
  if (placement.row.status === 'departed') throw new DomainError(DirectoryErrors['directory.member_departed'], { memberId });
  if (!visibleIn(scope, placement)) throw new DomainError(DirectoryErrors['directory.out_of_scope'], { memberId });
  await refuseWiderTarget(ctx, { accountId: placement.row.account_id, memberId });
  const before = placement.row;
  const current = [...placement.departments.keys()];
  const next = patch.departmentIds ? [...new Set(patch.departmentIds)] : current;
  const nextPaths = await departmentPaths(ctx.trx, ctx.corpId, next);
  if (patch.departmentIds) requireKnownIds(patch.departmentIds, nextPaths, '/departmentIds');
  const added = next.filter((d) => !placement.departments.has(d));
  const removed = current.filter((d) => !next.includes(d));
  for (const id of added) if (!departmentInScope(scope, nextPaths.get(id)!)) throw outOfScopeDepartment(patch.departmentIds!, id);
  // A removed department is absent from the list: the list as a whole is what the admin got wrong.
  for (const id of removed) if (!departmentInScope(scope, placement.departments.get(id)!)) throw fieldError(DirectoryErrors['directory.out_of_scope'], '/departmentIds', { departmentId: id });
  const main = patch.mainDepartmentId ?? (next.includes(before.main_department_id) ? before.main_department_id : next[0]!);
  await checkMainDepartment(ctx, next, main);
  if (main !== before.main_department_id) {
    const oldMainPath = placement.departments.get(before.main_department_id);
    if (oldMainPath !== undefined && !departmentInScope(scope, oldMainPath)) throw fieldError(DirectoryErrors['directory.out_of_scope'], '/mainDepartmentId', { departmentId: before.main_department_id });
    if (!departmentInScope(scope, nextPaths.get(main)!)) throw fieldError(DirectoryErrors['directory.out_of_scope'], '/mainDepartmentId', { departmentId: main });
  }

  if (added.length > 0) await lockDepartments(ctx, added);
  const phone = patch.phone === undefined ? before.phone : blankToNull(patch.phone);
  if (phone !== before.phone) await assertPhoneFree(ctx.trx, ctx.corpId, phone, memberId);
  const name = patch.name?.trim() ?? before.name;
  const pinyin = namePinyin(name);
  try {
    const updated = await tables(ctx.trx)
      .updateTable('members')
      .set({
        name,
        name_initials: pinyin.initials,
        name_pinyin: pinyin.full,
        phone,
        email: patch.email === undefined ? before.email : blankToNull(patch.email),
        position: patch.position === undefined ? before.position : blankToNull(patch.position),
        main_department_id: main,
        updated_at: ctx.now,
      })
      .where('corp_id', '=', ctx.corpId)
      .where('id', '=', memberId)
      .where('status', '<>', 'departed')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new DomainError(DirectoryErrors['directory.member_departed'], { memberId });
  } catch (error) {
    if (phoneTaken(error)) throw phoneTakenError(phone);
    throw error;
  }
  if (name !== before.name) {
    await dropNameGrams(ctx.trx, ctx.corpId, memberId);
    await writeNameGrams(ctx.trx, ctx.corpId, [{ id: memberId, name }]);
  }
  if (removed.length > 0) {
    await tables(ctx.trx).deleteFrom('member_departments').where('corp_id', '=', ctx.corpId).where('member_id', '=', memberId).where('department_id', 'in', removed).execute();
    await tables(ctx.trx).deleteFrom('department_heads').where('corp_id', '=', ctx.corpId).where('member_id', '=', memberId).where('department_id', 'in', removed).execute();
  }
  if (added.length > 0) {
    await tables(ctx.trx)
      .insertInto('member_departments')
      .values(added.map((departmentId) => ({ corp_id: ctx.corpId, member_id: memberId, department_id: departmentId, sort_order: 0 })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  await audit(ctx, {
    action: 'contacts.member.update',
    target: { type: 'member', id: memberId },
    before: { name: before.name, phone: before.phone, email: before.email, position: before.position, departmentIds: current.sort(), mainDepartmentId: before.main_department_id },
    after: { name, phone, email: patch.email === undefined ? before.email : blankToNull(patch.email), position: patch.position === undefined ? before.position : blankToNull(patch.position), departmentIds: [...next].sort(), mainDepartmentId: main },
  });
  if (added.length + removed.length > 0) await publish(ctx, DirectoryEvents['member.departments_changed'], { memberId, added, removed });
  await publish(ctx, DirectoryEvents['member.updated'], { memberId });
}

/** 禁用 / 启用: a disabled member cannot sign in to the enterprise but stays in the contacts. */
export async function setMemberStatus(ctx: Ctx, memberId: string, status: 'active' | 'disabled'): Promise<void> {
  const scope = await manageScope(ctx);
  await lockMember(ctx, memberId);
  const placement = await loadPlacement(ctx.trx, ctx.corpId, memberId);
  if (placement.row.status === 'departed') throw new DomainError(DirectoryErrors['directory.member_departed'], { memberId });
  if (!visibleIn(scope, placement)) throw new DomainError(DirectoryErrors['directory.out_of_scope'], { memberId });
  if (status === 'disabled') await assertNotCreator(ctx, placement);
  await refuseWiderTarget(ctx, { accountId: placement.row.account_id, memberId });
  const result = await tables(ctx.trx)
    .updateTable('members')
    .set({ status, updated_at: ctx.now })
    .where('corp_id', '=', ctx.corpId)
    .where('id', '=', memberId)
    .where('status', '=', placement.row.status)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new DomainError('conflict', { memberId });
  await syncAccountCorp(ctx, memberId);
  if (placement.row.status !== status) {
    await audit(ctx, { action: `contacts.member.${status === 'active' ? 'enable' : 'disable'}`, target: { type: 'member', id: memberId }, before: { status: placement.row.status }, after: { status } });
    await publish(ctx, DirectoryEvents[status === 'active' ? 'member.enabled' : 'member.disabled'], { memberId });
  }
}

/** 创建者不可以被删除: the creator's member cannot depart, be deleted or be disabled. */
async function assertNotCreator(ctx: Ctx, placement: Placement): Promise<void> {
  const rank = await roleRankOf(ctx, { accountId: placement.row.account_id, memberId: placement.row.id });
  if (rank === 'creator') throw new DomainError(PolicyErrors['admin.creator_cannot_be_removed'], { memberId: placement.row.id });
}

/**
 * Departing or deleting a member: nobody removes the creator, and a hierarchical admin removes no
 * super admin and no admin holding rights it does not hold itself (`refuseWiderTarget`).
 */
async function assertRemovable(ctx: Ctx, placement: Placement): Promise<void> {
  await assertNotCreator(ctx, placement);
  await refuseWiderTarget(ctx, { accountId: placement.row.account_id, memberId: placement.row.id });
}

/** Takes the member out of the tree: departments, heads, tags. The member row itself is the caller's. */
async function detach(ctx: Ctx, memberId: string): Promise<void> {
  await tables(ctx.trx).deleteFrom('member_departments').where('corp_id', '=', ctx.corpId).where('member_id', '=', memberId).execute();
  await tables(ctx.trx).deleteFrom('department_heads').where('corp_id', '=', ctx.corpId).where('member_id', '=', memberId).execute();
  await tables(ctx.trx).deleteFrom('tag_members').where('corp_id', '=', ctx.corpId).where('member_id', '=', memberId).execute();
}

/**
 * 离职: the member is marked departed and leaves the tree; every admin role they hold goes in the
 * same transaction, and `member.departed` tells the other modules (seats, approvals hand-over).
 * The row stays, so history keeps their name. Only an admin whose scope holds every one of the
 * member's departments may do it.
 */
export async function departMember(ctx: Ctx, memberId: string): Promise<void> {
  const scope = await manageScope(ctx);
  await lockMember(ctx, memberId);
  const placement = await loadPlacement(ctx.trx, ctx.corpId, memberId);
  if (placement.row.status === 'departed') throw new DomainError(DirectoryErrors['directory.member_departed'], { memberId });
  if (!visibleIn(scope, placement) || !whollyIn(scope, placement)) throw new DomainError(DirectoryErrors['directory.out_of_scope'], { memberId });
  await assertRemovable(ctx, placement);
  const result = await tables(ctx.trx)
    .updateTable('members')
    .set({ status: 'departed', departed_at: ctx.now, updated_at: ctx.now })
    .where('corp_id', '=', ctx.corpId)
    .where('id', '=', memberId)
    .where('status', '<>', 'departed')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new DomainError(DirectoryErrors['directory.member_departed'], { memberId });
  await detach(ctx, memberId);
  await syncAccountCorp(ctx, memberId);
  await audit(ctx, {
    action: 'contacts.member.depart',
    target: { type: 'member', id: memberId },
    before: { status: placement.row.status, departmentIds: [...placement.departments.keys()].sort() },
    after: { status: 'departed' },
  });
  await publish(ctx, DirectoryEvents['member.departed'], { memberId, userid: placement.row.userid, departmentIds: [...placement.departments.keys()] });
}

/**
 * Deletes a member from the contacts (a mistaken entry, say). Same rules and role removal as
 * departure; the row goes, so the event carries the name for anyone keeping history.
 */
export async function deleteMember(ctx: Ctx, memberId: string): Promise<void> {
  const scope = await manageScope(ctx);
  await lockMember(ctx, memberId);
  const placement = await loadPlacement(ctx.trx, ctx.corpId, memberId);
  if (placement.row.status === 'departed' ? scope.kind !== 'all' : !visibleIn(scope, placement) || !whollyIn(scope, placement)) {
    throw new DomainError(DirectoryErrors['directory.out_of_scope'], { memberId });
  }
  await assertRemovable(ctx, placement);
  await detach(ctx, memberId);
  const result = await tables(ctx.trx).deleteFrom('members').where('corp_id', '=', ctx.corpId).where('id', '=', memberId).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new DomainError(DirectoryErrors['directory.member_not_found'], { memberId });
  await dropNameGrams(ctx.trx, ctx.corpId, memberId);
  await syncAccountCorp(ctx, memberId);
  await audit(ctx, { action: 'contacts.member.delete', target: { type: 'member', id: memberId }, before: { name: placement.row.name, status: placement.row.status } });
  await publish(ctx, DirectoryEvents['member.deleted'], { memberId, name: placement.row.name, userid: placement.row.userid, departmentIds: [...placement.departments.keys()] });
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

export interface MemberQuery {
  departmentId?: string | undefined;
  /** With `departmentId`: members of the whole subtree, not only those sitting directly in it. */
  includeSub?: boolean | undefined;
  /** Name (any part), pinyin initials or full pinyin (prefix), phone (prefix), userid (prefix). */
  q?: string | undefined;
  /** Default: active and disabled. */
  status?: MemberStatus | undefined;
  /** 未激活 / 已激活 / 已禁用 / 已离职 (departed members are listed only when asked for). */
  activation?: Activation | undefined;
  cursor?: string | undefined;
  /** Members to skip (page numbers); not with `cursor`. */
  offset?: number | undefined;
  /** Also count the members the filter matches. */
  withTotal?: boolean | undefined;
  limit: number;
}

/**
 * `expression` starts with `prefix`, written as the index range [prefix, successor) where the
 * successor bumps the last character ('wang' → 'wanh'): exact under SQLite's BINARY and PostgreSQL's
 * C collation, and an index range on both (LIKE 'x%' is not, on SQLite).
 */
function startsWith(expression: RawBuilder<unknown>, prefix: string): Expression<SqlBool> {
  const successor = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  return sql<SqlBool>`(${expression} >= ${prefix} and ${expression} < ${successor})`;
}

/**
 * What a search text matches, each term an index range where it can be: letters match pinyin
 * initials and full pinyin (张三: "zs", "zhangsan"); digits match the phone; anything matches the
 * userid (case-insensitive); text with Chinese characters matches any part of the name. The
 * candidates come from indexes, one SELECT per term, so the database starts from the few matching
 * rows instead of walking the whole enterprise in pinyin order; a candidate is a match when it meets
 * one of the checks (a name candidate holds the text's first piece, the LIKE decides).
 */
function searchTerms(db: Executor, corpId: string, text: string) {
  const compact = text.replace(/\s+/g, '').toLowerCase();
  const ranges: Expression<SqlBool>[] = [startsWith(sql`lower(${sql.ref('m.userid')})`, text.toLowerCase())];
  if (/^[a-z]+$/.test(compact)) ranges.push(startsWith(sql.ref('m.name_pinyin'), compact), startsWith(sql.ref('m.name_initials'), compact));
  if (/^\+?[0-9-]+$/.test(compact)) ranges.push(startsWith(sql.ref('m.phone'), compact));
  const inRange = (range: Expression<SqlBool>) => tables(db).selectFrom('members as m').select('m.id').where('m.corp_id', '=', corpId).where(range);
  const [first, ...rest] = ranges.map(inRange);
  let candidates = rest.reduce((all, next) => all.union(next), first!);
  const checks = [...ranges];
  // Anything beyond plain letters, digits and userid punctuation (Chinese, spaces): part of the name.
  if (!/^[a-z0-9+._@-]+$/.test(compact)) {
    candidates = candidates.union(nameCandidates(db, corpId, text));
    checks.push(like('m.name', 'contains', text));
  }
  return { candidates, check: sql<SqlBool>`(${sql.join(checks, sql` or `)})` };
}

function encodeCursor(pinyin: string, id: string): string {
  return Buffer.from(JSON.stringify([pinyin, id])).toString('base64url');
}
function decodeCursor(cursor: string): [string, string] | undefined {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') return [value[0], value[1]];
  } catch {
    // fall through
  }
  return undefined;
}

/**
 * A page of members, ordered by full pinyin of the name. The read scope, the department and the
 * search all filter inside the one SQL query, so a page is full whenever more members match. A page
 * starts after a cursor (integrations walking the list) or at an offset (the console's page
 * numbers), and `withTotal` adds a count of the same filter.
 */
export async function listMembers(ctx: ReadCtx, query: MemberQuery): Promise<{ items: MemberView[]; nextCursor: string | null; total?: number }> {
  const { trx: db, corpId } = ctx;
  if (query.cursor !== undefined && query.offset !== undefined) throw fieldError('request.invalid', '/offset', { reason: 'offset_with_cursor' }, 'querystring');
  const read = await readScope(ctx);
  const manage = await manageScope(ctx);
  let q = tables(db)
    .selectFrom('members as m')
    .where('m.corp_id', '=', corpId)
    .where((eb) => memberScopeFilter(eb, read));
  const departed = query.activation === 'departed' || query.status === 'departed';
  if (query.activation) q = q.where((eb) => activationFilter(eb, query.activation!));
  else q = query.status ? q.where('m.status', '=', query.status) : q.where('m.status', '<>', 'departed');
  if (query.departmentId) {
    const departmentId = query.departmentId;
    // Another enterprise's department (or none at all) is refused, not answered with an empty page.
    const dept = await tables(db).selectFrom('departments').select(['path', 'depth']).where('corp_id', '=', corpId).where('id', '=', departmentId).executeTakeFirst();
    if (!dept) throw unknownId('/departmentId', departmentId, 'querystring');
    if (query.includeSub) {
      // Every member who has not departed sits in a department, and every department lies under the
      // root: the root's subtree filters nothing, and the count need not test each member.
      if (dept.depth > 0 || departed) {
        q = q.where((eb) =>
          eb.exists(
            eb
              .selectFrom('member_departments as fm')
              .innerJoin('departments as fd', (j) => j.onRef('fd.corp_id', '=', 'fm.corp_id').onRef('fd.id', '=', 'fm.department_id'))
              .select('fm.member_id')
              .whereRef('fm.corp_id', '=', 'm.corp_id')
              .whereRef('fm.member_id', '=', 'm.id')
              .where(like('fd.path', 'prefix', dept.path)),
          ),
        );
      }
    } else {
      q = q.where((eb) =>
        eb.exists(
          eb.selectFrom('member_departments as fm').select('fm.member_id').whereRef('fm.corp_id', '=', 'm.corp_id').whereRef('fm.member_id', '=', 'm.id').where('fm.department_id', '=', departmentId),
        ),
      );
    }
  }
  const text = query.q?.trim();
  if (text) {
    const { candidates, check } = searchTerms(db, corpId, text);
    q = q.where('m.id', 'in', candidates).where(check);
  }
  const total = query.withTotal ? Number((await q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n) : undefined;
  let page = q.select(['m.id', 'm.userid', 'm.name', 'm.name_pinyin', 'm.phone', 'm.email', 'm.position', 'm.status', 'm.main_department_id', 'm.account_id', 'm.joined_at', 'm.departed_at']);
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    if (!after) throw fieldError('request.invalid', '/cursor', { reason: 'cursor' }, 'querystring');
    const [pinyin, id] = after;
    page = page.where((eb) => eb.or([eb('m.name_pinyin', '>', pinyin), eb.and([eb('m.name_pinyin', '=', pinyin), eb('m.id', '>', id)])]));
  }
  // While searching, order by an expression equal to name_pinyin (always lower case) rather than the
  // column: the planner then starts from the few matches and sorts them, instead of walking the
  // pinyin index over the whole enterprise to find them.
  const order = text ? sql<string>`lower(${sql.ref('m.name_pinyin')})` : sql<string>`${sql.ref('m.name_pinyin')}`;
  page = page.orderBy(order).orderBy('m.id').limit(query.limit + 1);
  if (query.offset) page = page.offset(query.offset);
  const rows = await page.execute();
  const shown = rows.slice(0, query.limit);
  const items = await describeMembers(ctx, shown, manage);
  const last = shown[shown.length - 1];
  const nextCursor = rows.length > query.limit && last ? encodeCursor(last.name_pinyin, last.id) : null;
  return total === undefined ? { items, nextCursor } : { items, nextCursor, total };
}

type MemberRow = {
  id: string;
  userid: string;
  name: string;
  phone: string | null;
  email: string | null;
  position: string | null;
  status: MemberStatus;
  main_department_id: string;
  account_id: string | null;
  joined_at: number;
  departed_at: number | null;
};

async function describeMembers(ctx: ReadCtx, rows: MemberRow[], manage: ContactsScope): Promise<MemberView[]> {
  if (rows.length === 0) return [];
  const { trx: db, corpId } = ctx;
  // The same refusal the edit, disable, depart and delete commands make (refuseWiderTarget).
  const limits = await targetLimits(ctx, rows.map((r) => ({ accountId: r.account_id, memberId: r.id })));
  const ids = rows.map((r) => r.id);
  // A head is always a member of the department it heads (setDepartmentHeads checks it; leaving the
  // department or the enterprise ends the headship), so the page's departments and headships are one
  // read: one round trip fewer per page on PostgreSQL.
  const depts = await tables(db)
    .selectFrom('member_departments as md')
    .innerJoin('departments as d', (j) => j.onRef('d.corp_id', '=', 'md.corp_id').onRef('d.id', '=', 'md.department_id'))
    .leftJoin('department_heads as h', (j) => j.onRef('h.corp_id', '=', 'md.corp_id').onRef('h.department_id', '=', 'md.department_id').onRef('h.member_id', '=', 'md.member_id'))
    .select(['md.member_id', 'd.id', 'd.name', 'd.path', 'd.depth', 'd.sort_order', 'h.member_id as head'])
    .where('md.corp_id', '=', corpId)
    .where('md.member_id', 'in', ids)
    .orderBy('d.depth')
    .orderBy('d.sort_order')
    .execute();
  return rows.map((r) => {
    const mine = depts.filter((d) => d.member_id === r.id);
    const inScope = mine.map((d) => departmentInScope(manage, d.path));
    const departed = r.status === 'departed';
    const limit = limits.get(r.id);
    return {
      id: r.id,
      userid: r.userid,
      name: r.name,
      phone: r.phone,
      email: r.email,
      position: r.position,
      status: r.status,
      mainDepartmentId: r.main_department_id,
      departments: mine.map((d) => ({ id: d.id, name: d.name })),
      headOf: mine.filter((d) => d.head !== null).map((d) => d.id),
      linked: r.account_id !== null,
      activation: activationOf(r.status, r.account_id),
      joinedAt: r.joined_at,
      departedAt: r.departed_at,
      editable: !departed && inScope.some(Boolean) && (limit === undefined || limit === 'creator'),
      removable: limit === undefined && (departed ? manage.kind === 'all' : inScope.length > 0 && inScope.every(Boolean)),
    };
  });
}

/** One member as the actor sees it; outside its read scope it does not exist. */
export function memberView(ctx: ReadCtx, memberId: string): Promise<MemberView> {
  return loadMemberView(ctx, memberId, true);
}

/**
 * The member just edited, as it now is: an admin who moved the member out of its own scope (took
 * it out of the one department it governs) still gets the result of its edit.
 */
export function editedMemberView(ctx: ReadCtx, memberId: string): Promise<MemberView> {
  return loadMemberView(ctx, memberId, false);
}

async function loadMemberView(ctx: ReadCtx, memberId: string, scoped: boolean): Promise<MemberView> {
  const { trx: db, corpId } = ctx;
  const read = scoped ? await readScope(ctx) : ({ kind: 'all' } as const);
  const manage = await manageScope(ctx);
  const row = await tables(db)
    .selectFrom('members as m')
    .select(['m.id', 'm.userid', 'm.name', 'm.phone', 'm.email', 'm.position', 'm.status', 'm.main_department_id', 'm.account_id', 'm.joined_at', 'm.departed_at'])
    .where('m.corp_id', '=', corpId)
    .where('m.id', '=', memberId)
    .where((eb) => (read.kind === 'all' ? sql<SqlBool>`1 = 1` : memberScopeFilter(eb, read)))
    .executeTakeFirst();
  if (!row) throw new DomainError(DirectoryErrors['directory.member_not_found'], { memberId });
  const [view] = await describeMembers(ctx, [row], manage);
  return view!;
}
