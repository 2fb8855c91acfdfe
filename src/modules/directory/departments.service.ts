import { sql } from 'kysely';
import type { Ctx, ReadCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError, fieldError, requireKnownIds, unknownId } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { like } from '../../platform/db/sql.ts';
import { audit } from '../../platform/audit.ts';
import { publish } from '../../platform/events.ts';
import { departmentInScope, hierarchicalOf, roleSnapshot } from '../../platform/policy/index.ts';
import { assertInScope, departmentScopeFilter, manageScope, readScope, type ContactsScope } from './scope.ts';
import { DirectoryEvents } from './directory.events.ts';
import { isUniqueViolation } from '../../platform/db/unique.ts';
import { lockDepartments } from './locks.ts';
import { tables, type DirectoryTables } from './directory.tables.ts';
import { DirectoryErrors } from './directory.errors.ts';
import { membersByIds } from './directory.service.ts';

export type DepartmentRow = Pick<DirectoryTables['departments'], 'id' | 'parent_id' | 'name' | 'sort_order' | 'path' | 'depth'>;

export interface DepartmentView {
  id: string;
  parentId: string | null;
  name: string;
  sortOrder: number;
  depth: number;
  /** Active and disabled members sitting directly in it. */
  memberCount: number;
  /** Active and disabled members of it and its sub-departments, each counted once (研发部（12）). */
  totalMemberCount: number;
  heads: { id: string; name: string }[];
  /** The actor may change it (it lies in the actor's contacts scope). */
  manageable: boolean;
}

/** One department's row, or nothing (other modules: the callbacks describe a changed department). */
export function departmentRow(db: Executor, corpId: string, id: string): Promise<DepartmentRow | undefined> {
  return tables(db).selectFrom('departments').select(['id', 'parent_id', 'name', 'sort_order', 'path', 'depth']).where('corp_id', '=', corpId).where('id', '=', id).executeTakeFirst();
}

/** The department a path names (`/departments/:id`): a 404 when the enterprise has none by that id. */
export async function findDepartment(db: Executor, corpId: string, id: string): Promise<DepartmentRow> {
  const row = await departmentRow(db, corpId, id);
  if (!row) throw new DomainError(DirectoryErrors['directory.department_not_found'], { departmentId: id });
  return row;
}

/** The department a body names (`parentId`): a 422 naming the field when the enterprise has none by that id. */
async function namedDepartment(db: Executor, corpId: string, id: string, field: string): Promise<DepartmentRow> {
  const row = await departmentRow(db, corpId, id);
  if (!row) throw unknownId(field, id);
  return row;
}

/**
 * Members of each department in the read scope: directly in it, and in its whole subtree (a member
 * in two sub-departments counts once). One query: `up` pairs every department with itself and each
 * of its ancestors inside the scope (walking parent ids, a primary-key lookup a level), and the
 * memberships are counted per ancestor, so the cost is memberships × depth, never a query per department.
 */
async function memberCounts(db: Executor, corpId: string, read: ContactsScope): Promise<Map<string, { direct: number; total: number }>> {
  const rows = await tables(db)
    .withRecursive('up(department_id, ancestor_id)', (qb) =>
      qb
        .selectFrom('departments as d')
        .select(['d.id as department_id', 'd.id as ancestor_id'])
        .where('d.corp_id', '=', corpId)
        .where(departmentScopeFilter(read, 'd.path'))
        .unionAll((u) =>
          u
            .selectFrom('up')
            .innerJoin('departments as c', (j) => j.on('c.corp_id', '=', corpId).onRef('c.id', '=', 'up.ancestor_id'))
            .innerJoin('departments as p', (j) => j.on('p.corp_id', '=', corpId).onRef('p.id', '=', 'c.parent_id'))
            .select(['up.department_id', 'p.id as ancestor_id'])
            .where(departmentScopeFilter(read, 'p.path')),
        ),
    )
    .selectFrom('up')
    .innerJoin('member_departments as md', (j) => j.on('md.corp_id', '=', corpId).onRef('md.department_id', '=', 'up.department_id'))
    .innerJoin('members as m', (j) => j.onRef('m.corp_id', '=', 'md.corp_id').onRef('m.id', '=', 'md.member_id'))
    .select([
      'up.ancestor_id',
      sql<number>`count(case when ${sql.ref('up.department_id')} = ${sql.ref('up.ancestor_id')} then 1 end)`.as('direct'),
      sql<number>`count(distinct ${sql.ref('md.member_id')})`.as('total'),
    ])
    .where('m.status', '<>', 'departed')
    .groupBy('up.ancestor_id')
    .execute();
  return new Map(rows.map((r) => [r.ancestor_id, { direct: Number(r.direct), total: Number(r.total) }]));
}

/**
 * The departments the actor reads, ordered for a tree (parents before children, siblings by their
 * order). A hierarchical admin gets its subtrees; the parents of their roots are then absent.
 */
export async function listDepartments(ctx: ReadCtx): Promise<{ items: DepartmentView[]; canManage: boolean }> {
  const { trx: db, corpId } = ctx;
  const read = await readScope(ctx);
  const manage = await manageScope(ctx);
  const rows = await tables(db)
    .selectFrom('departments as d')
    .select(['d.id', 'd.parent_id', 'd.name', 'd.sort_order', 'd.depth', 'd.path'])
    .where('d.corp_id', '=', corpId)
    .where(departmentScopeFilter(read, 'd.path'))
    .orderBy('d.depth')
    .orderBy('d.sort_order')
    .orderBy('d.id')
    .execute();
  const countOf = await memberCounts(db, corpId, read);
  const heads = await tables(db)
    .selectFrom('department_heads as h')
    .innerJoin('members as m', (j) => j.onRef('m.corp_id', '=', 'h.corp_id').onRef('m.id', '=', 'h.member_id'))
    .select(['h.department_id', 'm.id', 'm.name'])
    .where('h.corp_id', '=', corpId)
    .orderBy('m.name_pinyin')
    .execute();
  const headsOf = new Map<string, { id: string; name: string }[]>();
  for (const h of heads) headsOf.set(h.department_id, [...(headsOf.get(h.department_id) ?? []), { id: h.id, name: h.name }]);
  const items = rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    name: r.name,
    sortOrder: r.sort_order,
    depth: r.depth,
    memberCount: countOf.get(r.id)?.direct ?? 0,
    totalMemberCount: countOf.get(r.id)?.total ?? 0,
    heads: headsOf.get(r.id) ?? [],
    manageable: departmentInScope(manage, r.path),
  }));
  return { items, canManage: manage.kind !== 'none' };
}

function nameTaken(error: unknown): boolean {
  return isUniqueViolation(error, 'departments_sibling_name', 'departments.corp_id, departments.parent_id, departments.name');
}

/** The name is taken under the parent: `field` is what the admin changed, the name (create, rename) or the parent (move). */
function nameTakenError(name: string, field: '/name' | '/parentId'): DomainError {
  return fieldError(DirectoryErrors['directory.department_name_taken'], field, { name });
}

async function assertNameFree(db: Executor, corpId: string, parentId: string, name: string, field: '/name' | '/parentId', exceptId?: string): Promise<void> {
  let q = tables(db).selectFrom('departments').select('id').where('corp_id', '=', corpId).where('parent_id', '=', parentId).where('name', '=', name);
  if (exceptId) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst()) throw nameTakenError(name, field);
}

/** Creates a department at the end of its parent's children. The parent must lie in the actor's scope. */
export async function createDepartment(ctx: Ctx, input: { parentId: string; name: string }): Promise<string> {
  const scope = await manageScope(ctx);
  const parent = await namedDepartment(ctx.trx, ctx.corpId, input.parentId, '/parentId');
  assertInScope(scope, parent.path, { in: 'body', field: '/parentId', departmentId: parent.id });
  await lockDepartments(ctx, [parent.id]);
  await assertNameFree(ctx.trx, ctx.corpId, parent.id, input.name, '/name');
  const last = await tables(ctx.trx)
    .selectFrom('departments')
    .select((eb) => eb.fn.max('sort_order').as('max'))
    .where('corp_id', '=', ctx.corpId)
    .where('parent_id', '=', parent.id)
    .executeTakeFirst();
  const id = newId('dept', ctx.now);
  try {
    await tables(ctx.trx)
      .insertInto('departments')
      .values({
        corp_id: ctx.corpId,
        id,
        parent_id: parent.id,
        name: input.name,
        sort_order: last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1,
        path: `${parent.path}${id}/`,
        depth: parent.depth + 1,
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .execute();
  } catch (error) {
    if (nameTaken(error)) throw nameTakenError(input.name, '/name');
    throw error;
  }
  await audit(ctx, { action: 'contacts.department.create', target: { type: 'department', id }, after: { name: input.name, parentId: parent.id } });
  await publish(ctx, DirectoryEvents['department.created'], { departmentId: id });
  return id;
}

export async function renameDepartment(ctx: Ctx, id: string, name: string): Promise<void> {
  const scope = await manageScope(ctx);
  const dept = await findDepartment(ctx.trx, ctx.corpId, id);
  assertInScope(scope, dept.path, { departmentId: id });
  if (dept.name === name) return;
  if (dept.parent_id) await assertNameFree(ctx.trx, ctx.corpId, dept.parent_id, name, '/name', id);
  try {
    await tables(ctx.trx).updateTable('departments').set({ name, updated_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('id', '=', id).execute();
  } catch (error) {
    if (nameTaken(error)) throw nameTakenError(name, '/name');
    throw error;
  }
  await audit(ctx, { action: 'contacts.department.rename', target: { type: 'department', id }, before: { name: dept.name }, after: { name } });
  await publish(ctx, DirectoryEvents['department.renamed'], { departmentId: id });
}

/**
 * 分级管理员 may not give rights by moving: the subtree moved under a department that another
 * hierarchical admin governs becomes theirs. A grouped admin may grant what lies in its scope (the
 * moved subtree does), so it may; an admin outside every group grants nothing, so such a move is
 * refused for it.
 */
async function refuseUngrantableGain(ctx: Ctx, dept: DepartmentRow, parent: DepartmentRow): Promise<void> {
  const snapshot = await roleSnapshot(ctx);
  const actor = hierarchicalOf(snapshot, ctx.actor);
  if (actor && actor.groupId !== null) return;
  const covers = (departments: Set<string>, path: string) => path.split('/').some((segment) => segment !== '' && departments.has(segment));
  const gainers = [...snapshot.admins.values()]
    .filter((a) => a.memberId !== actor?.memberId && covers(a.effective.departments, parent.path) && !covers(a.effective.departments, dept.path))
    .map((a) => a.memberId)
    .sort();
  if (gainers.length > 0) throw new DomainError('forbidden', { reason: 'the move would give other admins contacts rights you cannot grant', memberIds: gainers });
}

/**
 * Moves a department (and its whole subtree) under `parentId` at position `index` among the new
 * siblings; the same parent means a reorder. Paths and depths of the subtree change in one UPDATE.
 * Both the department and the new parent must lie in the actor's scope.
 */
export async function moveDepartment(ctx: Ctx, id: string, input: { parentId: string; index?: number | undefined }): Promise<void> {
  const scope = await manageScope(ctx);
  const dept = await findDepartment(ctx.trx, ctx.corpId, id);
  if (dept.parent_id === null) throw new DomainError(DirectoryErrors['directory.department_root']);
  const parent = await namedDepartment(ctx.trx, ctx.corpId, input.parentId, '/parentId');
  assertInScope(scope, dept.path, { departmentId: id });
  assertInScope(scope, parent.path, { in: 'body', field: '/parentId', departmentId: parent.id });
  if (parent.path.startsWith(dept.path)) throw fieldError(DirectoryErrors['directory.department_cycle'], '/parentId', { departmentId: id, parentId: parent.id });
  if (dept.parent_id !== parent.id && scope.kind !== 'all') await refuseUngrantableGain(ctx, dept, parent);

  // Compare-and-set on both rows: if either moved since we read it (a concurrent move that could
  // otherwise build a cycle), nothing changes and the caller retries on fresh data.
  const touched = await tables(ctx.trx)
    .updateTable('departments')
    .set({ updated_at: ctx.now })
    .where('corp_id', '=', ctx.corpId)
    .where((eb) => eb.or([eb.and([eb('id', '=', dept.id), eb('path', '=', dept.path)]), eb.and([eb('id', '=', parent.id), eb('path', '=', parent.path)])]))
    .executeTakeFirst();
  if (Number(touched.numUpdatedRows) !== 2) throw new DomainError('conflict', { departmentId: id });

  const moving = dept.parent_id !== parent.id;
  if (moving) {
    await assertNameFree(ctx.trx, ctx.corpId, parent.id, dept.name, '/parentId', dept.id);
    const newPath = `${parent.path}${dept.id}/`;
    const delta = parent.depth + 1 - dept.depth;
    try {
      await tables(ctx.trx)
        .updateTable('departments')
        .set({
          path: sql<string>`cast(${newPath} as text) || substr(path, ${dept.path.length + 1})`,
          depth: sql<number>`depth + ${delta}`,
          parent_id: sql<string | null>`case when id = ${dept.id} then ${parent.id} else parent_id end`,
          updated_at: ctx.now,
        })
        .where('corp_id', '=', ctx.corpId)
        .where(like('path', 'prefix', dept.path))
        .execute();
    } catch (error) {
      if (nameTaken(error)) throw nameTakenError(dept.name, '/parentId');
      throw error;
    }
  }
  // Renumber the new siblings with the department at `index` (the end when absent).
  const siblings = await tables(ctx.trx)
    .selectFrom('departments')
    .select(['id', 'sort_order'])
    .where('corp_id', '=', ctx.corpId)
    .where('parent_id', '=', parent.id)
    .where('id', '<>', dept.id)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  const order = siblings.map((s) => s.id);
  order.splice(Math.min(input.index ?? order.length, order.length), 0, dept.id);
  for (const [i, sid] of order.entries()) {
    const current = sid === dept.id ? (moving ? -1 : dept.sort_order) : siblings.find((s) => s.id === sid)!.sort_order;
    if (current !== i) await tables(ctx.trx).updateTable('departments').set({ sort_order: i }).where('corp_id', '=', ctx.corpId).where('id', '=', sid).execute();
  }
  await audit(ctx, {
    action: moving ? 'contacts.department.move' : 'contacts.department.reorder',
    target: { type: 'department', id },
    before: { parentId: dept.parent_id },
    after: { parentId: parent.id, index: order.indexOf(dept.id) },
  });
  if (moving) await publish(ctx, DirectoryEvents['department.moved'], { departmentId: id, fromParentId: dept.parent_id, toParentId: parent.id });
}

/**
 * Deletes a department that has no sub-department and no current member, in one conditional
 * DELETE: a member added or a child created at the same moment makes it refuse, never orphan.
 */
export async function deleteDepartment(ctx: Ctx, id: string): Promise<void> {
  const scope = await manageScope(ctx);
  const dept = await findDepartment(ctx.trx, ctx.corpId, id);
  if (dept.parent_id === null) throw new DomainError(DirectoryErrors['directory.department_root']);
  assertInScope(scope, dept.path, { departmentId: id });
  // Wait for anyone adding a member or a child to it, then decide on what they committed.
  await lockDepartments(ctx, [id]);
  const result = await tables(ctx.trx)
    .deleteFrom('departments as d')
    .where('d.corp_id', '=', ctx.corpId)
    .where('d.id', '=', id)
    .where((eb) =>
      eb.and([
        eb.not(eb.exists(eb.selectFrom('departments as c').select('c.id').whereRef('c.corp_id', '=', 'd.corp_id').whereRef('c.parent_id', '=', 'd.id'))),
        eb.not(eb.exists(eb.selectFrom('member_departments as md').select('md.member_id').whereRef('md.corp_id', '=', 'd.corp_id').whereRef('md.department_id', '=', 'd.id'))),
      ]),
    )
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) {
    const children = await tables(ctx.trx).selectFrom('departments').select((eb) => eb.fn.countAll<number>().as('n')).where('corp_id', '=', ctx.corpId).where('parent_id', '=', id).executeTakeFirstOrThrow();
    const members = await tables(ctx.trx)
      .selectFrom('member_departments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('corp_id', '=', ctx.corpId)
      .where('department_id', '=', id)
      .executeTakeFirstOrThrow();
    throw new DomainError(DirectoryErrors['directory.department_not_empty'], { departmentId: id, subDepartments: Number(children.n), members: Number(members.n) });
  }
  await tables(ctx.trx).deleteFrom('department_heads').where('corp_id', '=', ctx.corpId).where('department_id', '=', id).execute();
  await tables(ctx.trx).deleteFrom('tag_departments').where('corp_id', '=', ctx.corpId).where('department_id', '=', id).execute();
  await audit(ctx, { action: 'contacts.department.delete', target: { type: 'department', id }, before: { name: dept.name, parentId: dept.parent_id } });
  await publish(ctx, DirectoryEvents['department.deleted'], { departmentId: id, path: dept.path });
}

/** Sets the department's heads (部门负责人): active or disabled members sitting directly in it. */
export async function setDepartmentHeads(ctx: Ctx, id: string, memberIds: string[]): Promise<void> {
  const scope = await manageScope(ctx);
  const dept = await findDepartment(ctx.trx, ctx.corpId, id);
  assertInScope(scope, dept.path, { departmentId: id });
  const wanted = [...new Set(memberIds)];
  if (wanted.length > 0) {
    requireKnownIds(memberIds, await membersByIds(ctx.trx, ctx.corpId, wanted), '/memberIds');
    const inside = await tables(ctx.trx)
      .selectFrom('member_departments as md')
      .innerJoin('members as m', (j) => j.onRef('m.corp_id', '=', 'md.corp_id').onRef('m.id', '=', 'md.member_id'))
      .select('m.id')
      .where('md.corp_id', '=', ctx.corpId)
      .where('md.department_id', '=', id)
      .where('m.id', 'in', wanted)
      .where('m.status', '<>', 'departed')
      .execute();
    const ok = new Set(inside.map((r) => r.id));
    const bad = wanted.filter((m) => !ok.has(m));
    if (bad.length > 0) throw fieldError(DirectoryErrors['directory.head_not_member'], `/memberIds/${memberIds.indexOf(bad[0]!)}`, { memberIds: bad });
  }
  const before = await tables(ctx.trx).selectFrom('department_heads').select('member_id').where('corp_id', '=', ctx.corpId).where('department_id', '=', id).execute();
  await tables(ctx.trx).deleteFrom('department_heads').where('corp_id', '=', ctx.corpId).where('department_id', '=', id).execute();
  if (wanted.length > 0) {
    await tables(ctx.trx)
      .insertInto('department_heads')
      .values(wanted.map((memberId) => ({ corp_id: ctx.corpId, department_id: id, member_id: memberId })))
      .execute();
  }
  await audit(ctx, { action: 'contacts.department.heads', target: { type: 'department', id }, before: before.map((b) => b.member_id).sort(), after: wanted.sort() });
}
