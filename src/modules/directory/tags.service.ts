import type { Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError, fieldError, requireKnownIds } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { audit } from '../../platform/audit.ts';
import { departmentInScope } from '../../platform/policy/index.ts';
import { membersOfTag } from './directory.service.ts';
import { manageScope } from './scope.ts';
import { isUniqueViolation } from '../../platform/db/unique.ts';
import { lockDepartments } from './locks.ts';
import { tables } from './directory.tables.ts';
import { DirectoryErrors } from './directory.errors.ts';

export interface TagView {
  id: string;
  name: string;
  memberCount: number;
  departmentCount: number;
}

export interface TagHolders {
  members: { id: string; name: string; userid: string }[];
  departments: { id: string; name: string }[];
  /** Every active member the tag reaches (direct holders and tagged departments' subtrees). */
  reach: number;
}

function tagNameTaken(error: unknown): boolean {
  return isUniqueViolation(error, 'tags_name', 'tags.corp_id, tags.name');
}

async function findTag(db: Executor, corpId: string, id: string): Promise<{ id: string; name: string }> {
  const tag = await tables(db).selectFrom('tags').select(['id', 'name']).where('corp_id', '=', corpId).where('id', '=', id).executeTakeFirst();
  if (!tag) throw new DomainError(DirectoryErrors['directory.tag_not_found'], { tagId: id });
  return tag;
}

export async function listTags(db: Executor, corpId: string): Promise<TagView[]> {
  const tags = await tables(db).selectFrom('tags').select(['id', 'name']).where('corp_id', '=', corpId).orderBy('name').orderBy('id').execute();
  const members = await tables(db).selectFrom('tag_members').select(['tag_id', (eb) => eb.fn.countAll<number>().as('n')]).where('corp_id', '=', corpId).groupBy('tag_id').execute();
  const depts = await tables(db).selectFrom('tag_departments').select(['tag_id', (eb) => eb.fn.countAll<number>().as('n')]).where('corp_id', '=', corpId).groupBy('tag_id').execute();
  const m = new Map(members.map((r) => [r.tag_id, Number(r.n)]));
  const d = new Map(depts.map((r) => [r.tag_id, Number(r.n)]));
  return tags.map((t) => ({ id: t.id, name: t.name, memberCount: m.get(t.id) ?? 0, departmentCount: d.get(t.id) ?? 0 }));
}

export async function createTag(ctx: Ctx, name: string): Promise<string> {
  const clash = await tables(ctx.trx).selectFrom('tags').select('id').where('corp_id', '=', ctx.corpId).where('name', '=', name).executeTakeFirst();
  if (clash) throw fieldError(DirectoryErrors['directory.tag_name_taken'], '/name', { name });
  const id = newId('tag', ctx.now);
  try {
    await tables(ctx.trx).insertInto('tags').values({ corp_id: ctx.corpId, id, name, created_at: ctx.now, updated_at: ctx.now }).execute();
  } catch (error) {
    if (tagNameTaken(error)) throw fieldError(DirectoryErrors['directory.tag_name_taken'], '/name', { name });
    throw error;
  }
  await audit(ctx, { action: 'contacts.tag.create', target: { type: 'tag', id }, after: { name } });
  return id;
}

export async function renameTag(ctx: Ctx, id: string, name: string): Promise<void> {
  const tag = await findTag(ctx.trx, ctx.corpId, id);
  if (tag.name === name) return;
  const clash = await tables(ctx.trx).selectFrom('tags').select('id').where('corp_id', '=', ctx.corpId).where('name', '=', name).executeTakeFirst();
  if (clash) throw fieldError(DirectoryErrors['directory.tag_name_taken'], '/name', { name });
  try {
    await tables(ctx.trx).updateTable('tags').set({ name, updated_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('id', '=', id).execute();
  } catch (error) {
    if (tagNameTaken(error)) throw fieldError(DirectoryErrors['directory.tag_name_taken'], '/name', { name });
    throw error;
  }
  await audit(ctx, { action: 'contacts.tag.rename', target: { type: 'tag', id }, before: { name: tag.name }, after: { name } });
}

/** Deleting a tag needs the whole contacts: its holders may lie outside a hierarchical admin's scope. */
export async function deleteTag(ctx: Ctx, id: string): Promise<void> {
  const scope = await manageScope(ctx);
  const tag = await findTag(ctx.trx, ctx.corpId, id);
  if (scope.kind !== 'all') {
    const holders = await tagHolders(ctx.trx, ctx.corpId, id);
    if (holders.members.length + holders.departments.length > 0) throw new DomainError(DirectoryErrors['directory.out_of_scope'], { tagId: id });
  }
  await tables(ctx.trx).deleteFrom('tag_members').where('corp_id', '=', ctx.corpId).where('tag_id', '=', id).execute();
  await tables(ctx.trx).deleteFrom('tag_departments').where('corp_id', '=', ctx.corpId).where('tag_id', '=', id).execute();
  await tables(ctx.trx).deleteFrom('tags').where('corp_id', '=', ctx.corpId).where('id', '=', id).execute();
  await audit(ctx, { action: 'contacts.tag.delete', target: { type: 'tag', id }, before: { name: tag.name } });
}

export async function tagHolders(db: Executor, corpId: string, id: string): Promise<TagHolders> {
  await findTag(db, corpId, id);
  const members = await tables(db)
    .selectFrom('tag_members as t')
    .innerJoin('members as m', (j) => j.onRef('m.corp_id', '=', 't.corp_id').onRef('m.id', '=', 't.member_id'))
    .select(['m.id', 'm.name', 'm.userid'])
    .where('t.corp_id', '=', corpId)
    .where('t.tag_id', '=', id)
    .orderBy('m.name_pinyin')
    .orderBy('m.id')
    .execute();
  const departments = await tables(db)
    .selectFrom('tag_departments as t')
    .innerJoin('departments as d', (j) => j.onRef('d.corp_id', '=', 't.corp_id').onRef('d.id', '=', 't.department_id'))
    .select(['d.id', 'd.name'])
    .where('t.corp_id', '=', corpId)
    .where('t.tag_id', '=', id)
    .orderBy('d.depth')
    .orderBy('d.sort_order')
    .execute();
  return { members, departments, reach: (await membersOfTag(db, corpId, id)).length };
}

/**
 * Adds or removes holders. A hierarchical admin can only touch members (at least one of their
 * departments) and departments inside its scope.
 */
export interface HolderChange {
  add?: { memberIds?: string[] | undefined; departmentIds?: string[] | undefined } | undefined;
  remove?: { memberIds?: string[] | undefined; departmentIds?: string[] | undefined } | undefined;
}

export async function changeTagHolders(ctx: Ctx, id: string, change: HolderChange): Promise<void> {
  const scope = await manageScope(ctx);
  await findTag(ctx.trx, ctx.corpId, id);
  const memberIds = [...new Set([...(change.add?.memberIds ?? []), ...(change.remove?.memberIds ?? [])])];
  const departmentIds = [...new Set([...(change.add?.departmentIds ?? []), ...(change.remove?.departmentIds ?? [])])];
  if (departmentIds.length > 0) {
    const rows = await tables(ctx.trx).selectFrom('departments').select(['id', 'path']).where('corp_id', '=', ctx.corpId).where('id', 'in', departmentIds).execute();
    const paths = new Map(rows.map((r) => [r.id, r.path]));
    requireKnownIds(change.add?.departmentIds ?? [], paths, '/add/departmentIds');
    requireKnownIds(change.remove?.departmentIds ?? [], paths, '/remove/departmentIds');
    for (const d of departmentIds) {
      if (!departmentInScope(scope, paths.get(d)!)) throw new DomainError(DirectoryErrors['directory.out_of_scope'], { departmentId: d });
    }
  }
  if (memberIds.length > 0) {
    const rows = await tables(ctx.trx)
      .selectFrom('members as m')
      .leftJoin('member_departments as md', (j) => j.onRef('md.corp_id', '=', 'm.corp_id').onRef('md.member_id', '=', 'm.id'))
      .leftJoin('departments as d', (j) => j.onRef('d.corp_id', '=', 'md.corp_id').onRef('d.id', '=', 'md.department_id'))
      .select(['m.id', 'm.status', 'd.path'])
      .where('m.corp_id', '=', ctx.corpId)
      .where('m.id', 'in', memberIds)
      .execute();
    const found = new Set(rows.map((r) => r.id));
    requireKnownIds(change.add?.memberIds ?? [], found, '/add/memberIds');
    requireKnownIds(change.remove?.memberIds ?? [], found, '/remove/memberIds');
    for (const m of memberIds) {
      const mine = rows.filter((r) => r.id === m);
      if (mine[0]!.status === 'departed') throw new DomainError(DirectoryErrors['directory.member_departed'], { memberId: m });
      if (!mine.some((r) => r.path !== null && departmentInScope(scope, r.path))) throw new DomainError(DirectoryErrors['directory.out_of_scope'], { memberId: m });
    }
  }
  const addMembers = [...new Set(change.add?.memberIds ?? [])];
  const addDepts = [...new Set(change.add?.departmentIds ?? [])];
  if (addMembers.length > 0) {
    await tables(ctx.trx)
      .insertInto('tag_members')
      .values(addMembers.map((memberId) => ({ corp_id: ctx.corpId, tag_id: id, member_id: memberId })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  if (addDepts.length > 0) {
    await lockDepartments(ctx, addDepts);
    await tables(ctx.trx)
      .insertInto('tag_departments')
      .values(addDepts.map((departmentId) => ({ corp_id: ctx.corpId, tag_id: id, department_id: departmentId })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  const removeMembers = change.remove?.memberIds ?? [];
  const removeDepts = change.remove?.departmentIds ?? [];
  if (removeMembers.length > 0) await tables(ctx.trx).deleteFrom('tag_members').where('corp_id', '=', ctx.corpId).where('tag_id', '=', id).where('member_id', 'in', removeMembers).execute();
  if (removeDepts.length > 0) await tables(ctx.trx).deleteFrom('tag_departments').where('corp_id', '=', ctx.corpId).where('tag_id', '=', id).where('department_id', 'in', removeDepts).execute();
  await audit(ctx, { action: 'contacts.tag.holders', target: { type: 'tag', id }, after: change });
}
