import './admin.tables.ts';
import { randomBytes } from 'node:crypto';
import type { Actor, Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/schema.ts';
import { DomainError } from '../../platform/errors.ts';
import { activeMemberOfAccount } from '../directory/directory.service.ts';
import { AdminErrors } from './admin.errors.ts';

/**
 * The one place that answers "may this actor do this action to this resource".
 *
 * Who holds what (什么是权限管理):
 * - the creator (创建者) and super admins (超级管理员, internal or external) hold every right;
 * - a hierarchical admin (分级管理员) holds its own rights plus its admin group's (管理组): contacts
 *   rights over department subtrees, per-app send/manage, device bind and manage-this-device;
 * - every active member holds the `member` rights; an API token holds the rights it was given.
 *
 * Speed: the admins of an enterprise are read into an in-process snapshot, keyed by the enterprise's
 * admin stamp. Every admin change writes a fresh random stamp in its own transaction, and every check
 * reads the stamp (one primary-key read), so a revoked right is denied on the very next request, in
 * this process or any other. A stamp from a rolled-back transaction is random and never recurs, so a
 * snapshot built inside one can never be mistaken for committed state.
 */

// ---------------------------------------------------------------------------------------------
// Rights catalogue
// ---------------------------------------------------------------------------------------------

/** Which hierarchical admins hold a right (they still need the resource in their scope). */
export type HierarchicalHolder = 'any' | 'contacts' | 'apps' | 'deviceBind' | 'devices';

export interface RightSpec {
  /** Any active member of the enterprise holds it. */
  member?: boolean;
  /** Can be given to an API token; the label is shown when creating one. */
  token?: { zh: string; en: string };
  /** Hierarchical admins holding this kind of right hold it (e.g. 'contacts': any contacts scope). */
  hierarchical?: HierarchicalHolder;
}

const rights = new Map<string, RightSpec>();

export function defineRights(specs: Record<string, RightSpec>): void {
  for (const [right, spec] of Object.entries(specs)) rights.set(right, spec);
}

export function tokenGrantableRights(): { key: string; label: { zh: string; en: string } }[] {
  return [...rights.entries()].flatMap(([key, spec]) => (spec.token ? [{ key, label: spec.token }] : [])).sort((a, b) => a.key.localeCompare(b.key));
}

defineRights({
  'corp.read': { member: true, token: { zh: '读取企业信息', en: 'Read the enterprise profile' } },
  'corp.manage': {},
  'audit.read': { token: { zh: '读取操作日志', en: 'Read the audit log' } },
  'tokens.manage': {},
  'inbox.read': { member: true },
  // 权限管理 itself: every admin sees the admin list and what it may grant; changes are checked
  // in admin.service.ts against what the actor holds.
  'admins.read': { hierarchical: 'any', token: { zh: '读取管理员', en: 'Read the admins' } },
  'admins.manage': {},
  'admins.delegate': { hierarchical: 'any' },
});

// ---------------------------------------------------------------------------------------------
// Rights held by one hierarchical admin
// ---------------------------------------------------------------------------------------------

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

function unionRights(a: RightSet, b: RightSet): RightSet {
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

export interface AdminSnapshot {
  corpId: string;
  stamp: string;
  creatorAccountId: string;
  /** Super admins by account id (the creator is not in it). */
  superAdmins: Map<string, { kind: 'internal' | 'external'; memberId: string | null }>;
  admins: Map<string, HierarchicalAdmin>;
  groups: Map<string, { name: string; rights: RightSet }>;
}

// ---------------------------------------------------------------------------------------------
// The snapshot cache
// ---------------------------------------------------------------------------------------------

const snapshots = new Map<string, AdminSnapshot>();
/**
 * Transactions that are changing admins. They read the admins afresh on every check (seeing their
 * own writes) and never cache: their new stamp is written before their changes are.
 */
const changing = new WeakSet<Executor>();
const MAX_CACHED_CORPS = 2000;

async function readStamp(db: Executor, corpId: string): Promise<string> {
  const row = await db.selectFrom('admin_stamps').select('stamp').where('corp_id', '=', corpId).executeTakeFirst();
  return row?.stamp ?? '';
}

/**
 * Marks the enterprise's admins as changed. Call it FIRST in every command that changes who is an
 * admin or what an admin holds: the write takes the stamp row's lock, so concurrent admin changes
 * of one enterprise run one after the other and each reads the rights the previous one committed.
 */
export async function bumpAdminStamp(ctx: Pick<Ctx, 'corpId' | 'trx'>): Promise<void> {
  // Outside a transaction the write commits at once, so caching stays correct.
  if (ctx.trx.isTransaction) changing.add(ctx.trx);
  const stamp = randomBytes(12).toString('base64url');
  await ctx.trx
    .insertInto('admin_stamps')
    .values({ corp_id: ctx.corpId, stamp })
    .onConflict((oc) => oc.column('corp_id').doUpdateSet({ stamp }))
    .execute();
}

async function buildSnapshot(db: Executor, corpId: string, stamp: string): Promise<AdminSnapshot> {
  const corp = await db.selectFrom('corps').select('creator_account_id').where('id', '=', corpId).executeTakeFirst();
  const supers = await db.selectFrom('super_admins').select(['account_id', 'kind', 'member_id']).where('corp_id', '=', corpId).execute();
  const groupRows = await db.selectFrom('admin_groups').select(['id', 'name']).where('corp_id', '=', corpId).execute();
  const adminRows = await db.selectFrom('hierarchical_admins').select(['member_id', 'group_id']).where('corp_id', '=', corpId).execute();
  const rightRows = await db.selectFrom('admin_rights').select(['holder_kind', 'holder_id', 'kind', 'target_id', 'level']).where('corp_id', '=', corpId).execute();

  const groups = new Map(groupRows.map((g) => [g.id, { name: g.name, rights: emptyRightSet() }]));
  const own = new Map(adminRows.map((a) => [a.member_id, emptyRightSet()]));
  for (const row of rightRows) {
    const set = row.holder_kind === 'group' ? groups.get(row.holder_id)?.rights : own.get(row.holder_id);
    if (!set) continue;
    if (row.kind === 'department') set.departments.add(row.target_id);
    else if (row.kind === 'app') set.apps.set(row.target_id, row.level === 'manage' ? 'manage' : 'send');
    else if (row.kind === 'device_bind') set.deviceBind = true;
    else set.devices.add(row.target_id);
  }
  const admins = new Map<string, HierarchicalAdmin>();
  for (const a of adminRows) {
    const mine = own.get(a.member_id)!;
    const group = a.group_id ? groups.get(a.group_id) : undefined;
    admins.set(a.member_id, { memberId: a.member_id, groupId: group ? a.group_id : null, own: mine, effective: group ? unionRights(mine, group.rights) : mine });
  }
  return {
    corpId,
    stamp,
    creatorAccountId: corp?.creator_account_id ?? '',
    superAdmins: new Map(supers.map((s) => [s.account_id, { kind: s.kind, memberId: s.member_id }])),
    admins,
    groups,
  };
}

/** The enterprise's admins as of this request: the cached snapshot when the stamp still matches. */
export async function adminSnapshot(db: Executor, corpId: string): Promise<AdminSnapshot> {
  const stamp = await readStamp(db, corpId);
  if (changing.has(db)) return buildSnapshot(db, corpId, stamp);
  const cached = snapshots.get(corpId);
  if (cached && cached.stamp === stamp) return cached;
  const built = await buildSnapshot(db, corpId, stamp);
  if (snapshots.size >= MAX_CACHED_CORPS && !snapshots.has(corpId)) snapshots.delete(snapshots.keys().next().value!);
  snapshots.set(corpId, built);
  return built;
}

// ---------------------------------------------------------------------------------------------
// Pure decisions on a snapshot (what the benchmark measures)
// ---------------------------------------------------------------------------------------------

/** The creator or a super admin (the super-admin group, 超级管理组). */
export function isSuperIn(snapshot: AdminSnapshot, actor: Actor): boolean {
  if (actor.kind !== 'member' && actor.kind !== 'external') return false;
  return snapshot.creatorAccountId === actor.accountId || snapshot.superAdmins.has(actor.accountId);
}

export function hierarchicalOf(snapshot: AdminSnapshot, actor: Actor): HierarchicalAdmin | undefined {
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

/** May the actor use the named right (before any resource scope)? */
export function decide(snapshot: AdminSnapshot, actor: Actor, right: string): boolean {
  const spec = rights.get(right);
  if (!spec) throw new Error(`unknown right ${right}`);
  if (actor.kind === 'token') return spec.token !== undefined && actor.rights.includes(right);
  if (actor.kind !== 'member' && actor.kind !== 'external') return false;
  if (spec.member === true && actor.kind === 'member') return true;
  if (isSuperIn(snapshot, actor)) return true;
  const admin = hierarchicalOf(snapshot, actor);
  return admin !== undefined && holds(spec.hierarchical, admin.effective);
}

/**
 * Whether a department (given by its materialised path `/root/a/b/`) lies in the actor's contacts
 * rights. The path lists every ancestor, so no lookup of the admin's own paths is needed.
 */
export function departmentPathInRights(snapshot: AdminSnapshot, actor: Actor, departmentPath: string): boolean {
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

export function appLevelIn(snapshot: AdminSnapshot, actor: Actor, appId: string): AppRight | undefined {
  if (isSuperIn(snapshot, actor)) return 'manage';
  return hierarchicalOf(snapshot, actor)?.effective.apps.get(appId);
}

export type DeviceRight = 'bind' | 'manage';

export function deviceRightIn(snapshot: AdminSnapshot, actor: Actor, right: DeviceRight, deviceId?: string): boolean {
  if (isSuperIn(snapshot, actor)) return true;
  const admin = hierarchicalOf(snapshot, actor);
  if (!admin) return false;
  return right === 'bind' ? admin.effective.deviceBind : deviceId !== undefined && admin.effective.devices.has(deviceId);
}

// ---------------------------------------------------------------------------------------------
// The interface every module calls
// ---------------------------------------------------------------------------------------------

/** Whether the account is the creator or a super admin of the enterprise. */
export async function isSuperAdmin(db: Executor, corpId: string, accountId: string): Promise<boolean> {
  const snapshot = await adminSnapshot(db, corpId);
  return snapshot.creatorAccountId === accountId || snapshot.superAdmins.has(accountId);
}

export async function isCreator(db: Executor, corpId: string, accountId: string): Promise<boolean> {
  const row = await db.selectFrom('corps').select('id').where('id', '=', corpId).where('creator_account_id', '=', accountId).executeTakeFirst();
  return row !== undefined;
}

/** How an account acts inside an enterprise: as its active member, or as an external super admin. */
export async function accountActor(db: Executor, corpId: string, accountId: string): Promise<Actor | undefined> {
  const member = await activeMemberOfAccount(db, corpId, accountId);
  if (member) return { kind: 'member', id: member.id, name: member.name, accountId };
  const external = await db
    .selectFrom('super_admins')
    .innerJoin('accounts', 'accounts.id', 'super_admins.account_id')
    .select(['accounts.name'])
    .where('super_admins.corp_id', '=', corpId)
    .where('super_admins.account_id', '=', accountId)
    .where('super_admins.kind', '=', 'external')
    .executeTakeFirst();
  return external && { kind: 'external', id: accountId, name: external.name, accountId };
}

/** May this actor use this right now? Checked on every request, so a revoked right fails at once. */
export async function can(ctx: Ctx, right: string): Promise<boolean> {
  const spec = rights.get(right);
  if (!spec) throw new Error(`unknown right ${right}`);
  const actor = ctx.actor;
  if (actor.kind === 'token') return spec.token !== undefined && actor.rights.includes(right);
  if (actor.kind === 'member' && spec.member === true) return true;
  if (actor.kind !== 'member' && actor.kind !== 'external') return false;
  return decide(await adminSnapshot(ctx.trx, ctx.corpId), actor, right);
}

export async function authorize(ctx: Ctx, right: string): Promise<void> {
  if (!(await can(ctx, right))) throw new DomainError('forbidden', { right });
}

/** The member acting, for routes that only a member (not a token or an external admin) can use. */
export function requireMember(ctx: Ctx): Extract<Actor, { kind: 'member' }> {
  if (ctx.actor.kind !== 'member') throw new DomainError('forbidden', { reason: 'only a member of the enterprise can do this' });
  return ctx.actor;
}

/**
 * Which part of the contacts an actor governs. Super admins govern all; hierarchical admins the
 * department subtrees they were given (as materialised paths, `/dept_root/dept_a/`, read now, so a
 * moved department counts where it is); others none. List queries filter with it in SQL.
 */
export type ContactsScope = { kind: 'all' } | { kind: 'departments'; paths: string[] } | { kind: 'none' };

export async function contactsScope(ctx: Ctx): Promise<ContactsScope> {
  const actor = ctx.actor;
  if (actor.kind !== 'member' && actor.kind !== 'external') return { kind: 'none' };
  const snapshot = await adminSnapshot(ctx.trx, ctx.corpId);
  if (isSuperIn(snapshot, actor)) return { kind: 'all' };
  const admin = hierarchicalOf(snapshot, actor);
  if (!admin || admin.effective.departments.size === 0) return { kind: 'none' };
  const rows = await ctx.trx.selectFrom('departments').select('path').where('corp_id', '=', ctx.corpId).where('id', 'in', [...admin.effective.departments]).execute();
  const paths = minimalPaths(rows.map((r) => r.path));
  return paths.length === 0 ? { kind: 'none' } : { kind: 'departments', paths };
}

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

/** Refuses unless every one of the departments (by path) lies in the actor's contacts rights. */
export async function authorizeDepartments(ctx: Ctx, departmentPaths: readonly string[]): Promise<void> {
  const actor = ctx.actor;
  const snapshot = await adminSnapshot(ctx.trx, ctx.corpId);
  const outside = departmentPaths.find((path) => !departmentPathInRights(snapshot, actor, path));
  if (outside !== undefined) throw new DomainError('forbidden', { reason: 'department outside your contacts rights', department: outside });
}

/** The actor's level on an app (manage includes send), or undefined. */
export async function appLevel(ctx: Ctx, appId: string): Promise<AppRight | undefined> {
  return appLevelIn(await adminSnapshot(ctx.trx, ctx.corpId), ctx.actor, appId);
}

/** 应用权限: manage includes send. System apps are `approvals`, `attendance`, `features`. */
export async function authorizeApp(ctx: Ctx, appId: string, right: AppRight): Promise<void> {
  if (!appLevelCovers(await appLevel(ctx, appId), right)) throw new DomainError('forbidden', { app: appId, right });
}

/** 设备管理权限: 'bind' a new device, or 'manage' the given device. */
export async function authorizeDevice(ctx: Ctx, right: DeviceRight, deviceId?: string): Promise<void> {
  const allowed = deviceRightIn(await adminSnapshot(ctx.trx, ctx.corpId), ctx.actor, right, deviceId);
  if (!allowed) throw new DomainError('forbidden', { device: deviceId ?? null, right });
}

/**
 * When a member departs or is deleted, every admin role they hold goes in the same transaction:
 * the internal super-admin role, the hierarchical-admin role, its own rights and its group seat.
 */
export async function removeAdminRolesOfMember(ctx: Pick<Ctx, 'corpId' | 'trx'>, memberId: string): Promise<void> {
  await bumpAdminStamp(ctx);
  await ctx.trx.deleteFrom('super_admins').where('corp_id', '=', ctx.corpId).where('member_id', '=', memberId).execute();
  await ctx.trx.deleteFrom('hierarchical_admins').where('corp_id', '=', ctx.corpId).where('member_id', '=', memberId).execute();
  await ctx.trx.deleteFrom('admin_rights').where('corp_id', '=', ctx.corpId).where('holder_kind', '=', 'admin').where('holder_id', '=', memberId).execute();
}

/** 创建者不可以被删除: departure and deletion of the creator's member are refused. */
export async function refuseIfCreator(ctx: Pick<Ctx, 'corpId' | 'trx'>, memberId: string): Promise<void> {
  const row = await ctx.trx
    .selectFrom('members')
    .innerJoin('corps', 'corps.creator_account_id', 'members.account_id')
    .select('members.id')
    .where('members.corp_id', '=', ctx.corpId)
    .where('corps.id', '=', ctx.corpId)
    .where('members.id', '=', memberId)
    .executeTakeFirst();
  if (row) throw new DomainError(AdminErrors['admin.creator_cannot_be_removed'], { memberId });
}
