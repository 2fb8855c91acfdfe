import type { Actor } from '../context.ts';

/**
 * Who holds what (什么是权限管理), as pure decisions on a snapshot of the enterprise's roles:
 * - the creator (创建者) and super admins (超级管理员, internal or external) hold every right;
 * - a hierarchical admin (分级管理员) holds its own rights plus its admin group's (管理组): contacts
 *   rights over department subtrees, per-app send/manage, device bind and manage-this-device;
 * - every active member holds the `member` rights; an API token holds the rights it was given;
 * - an operator holds the operator rights, and nothing inside an enterprise's own rights.
 * The admin module builds the snapshot (it owns the tables) and hands it over through the
 * `roles` provider of its manifest; nothing here reads a table.
 */

/** Which hierarchical admins hold a right (they still need the resource in their scope). */
export type HierarchicalHolder = 'any' | 'contacts' | 'apps' | 'deviceBind' | 'devices';

export interface RightSpec {
  /** Any active member of the enterprise holds it. */
  member?: boolean;
  /** Can be given to an API token; the label is shown when creating one. */
  token?: { zh: string; en: string };
  /** Hierarchical admins holding this kind of right hold it (e.g. 'contacts': any contacts scope). */
  hierarchical?: HierarchicalHolder;
  /** Held by the platform operator (and by nobody inside an enterprise). */
  operator?: boolean;
}

export type AppRight = 'send' | 'manage';

/** A set of hierarchical-admin rights, as held by an admin or an admin group. */
export interface RightSet {
  departments: Set<string>;
  apps: Map<string, AppRight>;
  deviceBind: boolean;
  devices: Set<string>;
}

export function emptyRightSet(): RightSet {
  return { departments: new Set(), apps: new Map(), deviceBind: false, devices: new Set() };
}

/** manage includes send (拥有管理权限默认则拥有发消息权限). */
export function appLevelCovers(held: AppRight | undefined, wanted: AppRight): boolean {
  return held === 'manage' || (held === 'send' && wanted === 'send');
}

export function unionRights(a: RightSet, b: RightSet): RightSet {
  const apps = new Map(a.apps);
  for (const [app, level] of b.apps) if (!appLevelCovers(apps.get(app), level)) apps.set(app, level);
  return { departments: new Set([...a.departments, ...b.departments]), apps, deviceBind: a.deviceBind || b.deviceBind, devices: new Set([...a.devices, ...b.devices]) };
}

export interface HierarchicalAdmin {
  memberId: string;
  groupId: string | null;
  /** Given to this admin alone. */
  own: RightSet;
  /** Own rights plus the group's: what the admin actually holds. */
  effective: RightSet;
}

export interface RoleSnapshot {
  corpId: string;
  /** Changes whenever any role of the enterprise changes. */
  stamp: string;
  creatorAccountId: string;
  /** Super admins by account id (the creator is not in it). */
  superAdmins: ReadonlyMap<string, { kind: 'internal' | 'external'; memberId: string | null }>;
  admins: ReadonlyMap<string, HierarchicalAdmin>;
  groups: ReadonlyMap<string, { name: string; rights: RightSet }>;
}

/** The creator or a super admin (the super-admin group, 超级管理组). */
export function isSuperIn(snapshot: RoleSnapshot, actor: Actor): boolean {
  if (actor.kind !== 'member' && actor.kind !== 'external') return false;
  return snapshot.creatorAccountId === actor.accountId || snapshot.superAdmins.has(actor.accountId);
}

export function hierarchicalOf(snapshot: RoleSnapshot, actor: Actor): HierarchicalAdmin | undefined {
  return actor.kind === 'member' ? snapshot.admins.get(actor.id) : undefined;
}

function holds(holder: HierarchicalHolder | undefined, set: RightSet): boolean {
  switch (holder) {
    case 'any':
      return true;
    case 'contacts':
      return set.departments.size > 0;
    case 'apps':
      return set.apps.size > 0;
    case 'deviceBind':
      return set.deviceBind;
    case 'devices':
      return set.devices.size > 0;
    default:
      return false;
  }
}

/**
 * The answer that needs no roles: a token, an operator, a member right, or an actor that can never
 * hold an admin right. `undefined` when only the snapshot can tell.
 */
export function decideWithoutRoles(spec: RightSpec, actor: Actor, right: string): boolean | undefined {
  if (actor.kind === 'token') return spec.token !== undefined && actor.rights.includes(right);
  if (actor.kind === 'operator') return spec.operator === true;
  if (actor.kind !== 'member' && actor.kind !== 'external') return false;
  if (spec.operator === true) return false;
  if (spec.member === true && actor.kind === 'member') return true;
  return undefined;
}

/** May the actor use the named right (before any resource scope)? */
export function decide(spec: RightSpec, snapshot: RoleSnapshot, actor: Actor, right: string): boolean {
  const quick = decideWithoutRoles(spec, actor, right);
  if (quick !== undefined) return quick;
  if (isSuperIn(snapshot, actor)) return true;
  const admin = hierarchicalOf(snapshot, actor);
  return admin !== undefined && holds(spec.hierarchical, admin.effective);
}

/**
 * Whether a department (given by its materialised path `/root/a/b/`) lies in the actor's contacts
 * rights. The path lists every ancestor, so no lookup of the admin's own paths is needed.
 */
export function departmentPathInRights(snapshot: RoleSnapshot, actor: Actor, departmentPath: string): boolean {
  if (isSuperIn(snapshot, actor)) return true;
  const admin = hierarchicalOf(snapshot, actor);
  if (!admin || admin.effective.departments.size === 0) return false;
  let start = 1;
  for (let end = departmentPath.indexOf('/', start); end !== -1; end = departmentPath.indexOf('/', start)) {
    if (admin.effective.departments.has(departmentPath.slice(start, end))) return true;
    start = end + 1;
  }
  return false;
}

export function appLevelIn(snapshot: RoleSnapshot, actor: Actor, appId: string): AppRight | undefined {
  if (isSuperIn(snapshot, actor)) return 'manage';
  return hierarchicalOf(snapshot, actor)?.effective.apps.get(appId);
}

export type DeviceRight = 'bind' | 'manage';

export function deviceRightIn(snapshot: RoleSnapshot, actor: Actor, right: DeviceRight, deviceId?: string): boolean {
  if (isSuperIn(snapshot, actor)) return true;
  const admin = hierarchicalOf(snapshot, actor);
  if (!admin) return false;
  return right === 'bind' ? admin.effective.deviceBind : deviceId !== undefined && admin.effective.devices.has(deviceId);
}

/**
 * Which part of the contacts an actor governs. Super admins govern all; hierarchical admins the
 * department subtrees they were given (as materialised paths, `/dept_root/dept_a/`, read now, so a
 * moved department counts where it is); others none. List queries filter with it in SQL.
 */
export type ContactsScope = { kind: 'all' } | { kind: 'departments'; paths: string[] } | { kind: 'none' };

/** Drops paths inside another path of the list: `/r/a/` and `/r/a/b/` → `/r/a/`. Sorted. */
export function minimalPaths(paths: readonly string[]): string[] {
  const sorted = [...new Set(paths)].sort();
  const out: string[] = [];
  for (const path of sorted) if (!out.some((kept) => path.startsWith(kept))) out.push(path);
  return out;
}

/** Whether a department (by its path) lies inside the scope. */
export function departmentInScope(scope: ContactsScope, departmentPath: string): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'none') return false;
  return scope.paths.some((path) => departmentPath.startsWith(path));
}

/**
 * How wide an actor's admin role is, for "may this admin act on that member" (分级管理员只能管辖或设置其
 * 拥有的对应权限): the creator > super admins > hierarchical admins > everyone else.
 */
export type RoleRank = 'creator' | 'super' | 'hierarchical' | 'none';

export function roleOfAccount(snapshot: RoleSnapshot, accountId: string | null, memberId: string | null): RoleRank {
  if (accountId !== null && snapshot.creatorAccountId === accountId) return 'creator';
  if (accountId !== null && snapshot.superAdmins.has(accountId)) return 'super';
  if (memberId !== null && snapshot.admins.has(memberId)) return 'hierarchical';
  return 'none';
}

/**
 * Whether one set of rights lies inside another's: every department of `inner` (by its path) inside
 * a subtree of `outer`, every app at a level `outer` covers, device bind and every device only when
 * `outer` holds them. A department id without a path (gone) grants nothing and is skipped.
 */
export function rightsWithin(inner: RightSet, outer: RightSet, pathOf: ReadonlyMap<string, string>): boolean {
  for (const id of inner.departments) {
    const path = pathOf.get(id);
    if (path !== undefined && !path.split('/').some((ancestor) => ancestor !== '' && outer.departments.has(ancestor))) return false;
  }
  for (const [app, level] of inner.apps) if (!appLevelCovers(outer.apps.get(app), level)) return false;
  if (inner.deviceBind && !outer.deviceBind) return false;
  for (const id of inner.devices) if (!outer.devices.has(id)) return false;
  return true;
}

/**
 * Why the actor may not act on a member's record (depart, delete, disable, edit) because the member
 * holds a wider admin role (分级管理员只能管辖或设置其拥有的对应权限; super admins hold 最高管理权限):
 * `super` when the member is the creator or a super admin and the actor is not; `wider` when the
 * member is a hierarchical admin whose effective rights are not within the actor's. `undefined`
 * when nothing stands in the way. `pathOf` gives the paths of the member's departments in rights.
 */
export function widerRoleOf(snapshot: RoleSnapshot, actor: Actor, target: { accountId: string | null; memberId: string }, pathOf: ReadonlyMap<string, string>): 'super' | 'wider' | undefined {
  if (isSuperIn(snapshot, actor)) return undefined;
  const rank = roleOfAccount(snapshot, target.accountId, target.memberId);
  if (rank === 'creator' || rank === 'super') return 'super';
  const targetAdmin = snapshot.admins.get(target.memberId);
  if (!targetAdmin) return undefined;
  const mine = hierarchicalOf(snapshot, actor)?.effective ?? emptyRightSet();
  return rightsWithin(targetAdmin.effective, mine, pathOf) ? undefined : 'wider';
}
