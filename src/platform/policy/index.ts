import type { Actor, ReadCtx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { PolicyErrors } from './errors.ts';
import type { Registry } from '../module.ts';
import {
  appLevelCovers,
  appLevelIn,
  decide,
  decideWithoutRoles,
  departmentPathInRights,
  deviceRightIn,
  hierarchicalOf,
  isSuperIn,
  minimalPaths,
  roleOfAccount,
  widerRoleOf,
  type AppRight,
  type ContactsScope,
  type DeviceRight,
  type RightSpec,
  type RoleRank,
  type RoleSnapshot,
} from './roles.ts';

export * from './roles.ts';

/**
 * The one place that answers "may this actor do this action to this resource". Every route's command
 * names the right it needs (platform/command.ts); services add the resource checks below. Rights are
 * declared in the modules' `<m>.policy.ts` and listed in their manifests; the roles come from the
 * admin module's provider, read on every check, so a revoked right is denied on the very next request.
 */

function specOf(registry: Registry, right: string): RightSpec {
  const spec = registry.rights.get(right);
  if (!spec) throw new Error(`unknown right ${right}: no module's manifest declares it`);
  return spec;
}

/**
 * The snapshot a read command already asked for. A read has no transaction and writes no roles, so
 * it reads the roles' stamp once (the authorizer's check, then the scope and the page's limits reuse
 * it). Commands in a transaction ask every time: one that changes admins must see its own writes.
 */
const readSnapshots = new WeakMap<ReadCtx, Promise<RoleSnapshot>>();

/** The enterprise's roles as of this request (cheap: the provider caches by the roles' stamp). */
export function roleSnapshot(ctx: ReadCtx): Promise<RoleSnapshot> {
  if (ctx.trx.isTransaction) return ctx.registry.providers.roles(ctx.trx, ctx.corpId);
  let snapshot = readSnapshots.get(ctx);
  if (!snapshot) {
    snapshot = ctx.registry.providers.roles(ctx.trx, ctx.corpId);
    readSnapshots.set(ctx, snapshot);
    // A failed read is not kept: the next check asks again.
    snapshot.catch(() => readSnapshots.delete(ctx));
  }
  return snapshot;
}

/** May this actor use this right now? */
export async function can(ctx: ReadCtx, right: string): Promise<boolean> {
  const spec = specOf(ctx.registry, right);
  return decideWithoutRoles(spec, ctx.actor, right) ?? decide(spec, await roleSnapshot(ctx), ctx.actor, right);
}

export async function authorize(ctx: ReadCtx, right: string): Promise<void> {
  if (!(await can(ctx, right))) throw new DomainError('forbidden', { right });
}

/** The member acting, for work only a member (not a token or an external admin) can do. */
export function requireMember(ctx: ReadCtx): Extract<Actor, { kind: 'member' }> {
  if (ctx.actor.kind !== 'member') throw new DomainError('forbidden', { reason: 'only a member of the enterprise can do this' });
  return ctx.actor;
}

/** Whether the actor is the creator or a super admin of its enterprise. */
export async function actorIsSuper(ctx: ReadCtx): Promise<boolean> {
  return isSuperIn(await roleSnapshot(ctx), ctx.actor);
}

/** Whether the account is the creator or a super admin of the enterprise. */
export async function accountIsSuper(ctx: ReadCtx, accountId: string): Promise<boolean> {
  const rank = roleOfAccount(await roleSnapshot(ctx), accountId, null);
  return rank === 'creator' || rank === 'super';
}

/** The admin role a member or account holds in the enterprise (creator, super, hierarchical, none). */
export async function roleRankOf(ctx: ReadCtx, target: { accountId: string | null; memberId: string | null }): Promise<RoleRank> {
  return roleOfAccount(await roleSnapshot(ctx), target.accountId, target.memberId);
}

/**
 * For a page of members: which ones hold an admin role wider than the actor's (see `widerRoleOf`),
 * and which one is the creator (whom nobody removes). Members not in the map stand in no one's way.
 */
export async function targetLimits(ctx: ReadCtx, targets: readonly { accountId: string | null; memberId: string }[]): Promise<Map<string, 'creator' | 'super' | 'wider'>> {
  const snapshot = await roleSnapshot(ctx);
  const departments = isSuperIn(snapshot, ctx.actor) ? [] : [...new Set(targets.flatMap((t) => [...(snapshot.admins.get(t.memberId)?.effective.departments ?? [])]))];
  const pathOf = departments.length === 0 ? new Map<string, string>() : await ctx.registry.providers.departmentPaths(ctx.trx, ctx.corpId, departments);
  const limits = new Map<string, 'creator' | 'super' | 'wider'>();
  for (const target of targets) {
    const limit = widerRoleOf(snapshot, ctx.actor, target, pathOf) ?? (target.accountId !== null && target.accountId === snapshot.creatorAccountId ? 'creator' : undefined);
    if (limit) limits.set(target.memberId, limit);
  }
  return limits;
}

/**
 * Refuses when the member holds an admin role wider than the actor's (see `widerRoleOf`): a
 * hierarchical admin acts only on members who are neither super admins nor wider admins.
 */
export async function refuseWiderTarget(ctx: ReadCtx, target: { accountId: string | null; memberId: string }): Promise<void> {
  const wider = (await targetLimits(ctx, [target])).get(target.memberId);
  if (wider === 'super') throw new DomainError(PolicyErrors['admin.target_super_admin'], { memberId: target.memberId });
  if (wider === 'wider') throw new DomainError(PolicyErrors['admin.target_wider_admin'], { memberId: target.memberId });
}

/** The part of the contacts the actor governs, with its subtrees' paths read now. */
export async function contactsScope(ctx: ReadCtx): Promise<ContactsScope> {
  const actor = ctx.actor;
  // A token given contacts.manage is a sync integration (WeCom's 通讯录同步): it governs all the contacts.
  if (actor.kind === 'token') return actor.rights.includes('contacts.manage') ? { kind: 'all' } : { kind: 'none' };
  if (actor.kind !== 'member' && actor.kind !== 'external') return { kind: 'none' };
  const snapshot = await roleSnapshot(ctx);
  if (isSuperIn(snapshot, actor)) return { kind: 'all' };
  const admin = hierarchicalOf(snapshot, actor);
  if (!admin || admin.effective.departments.size === 0) return { kind: 'none' };
  const paths = minimalPaths([...(await ctx.registry.providers.departmentPaths(ctx.trx, ctx.corpId, [...admin.effective.departments])).values()]);
  return paths.length === 0 ? { kind: 'none' } : { kind: 'departments', paths };
}

/** Refuses unless every one of the departments (by path) lies in the actor's contacts rights. */
export async function authorizeDepartments(ctx: ReadCtx, departmentPaths: readonly string[]): Promise<void> {
  const snapshot = await roleSnapshot(ctx);
  const outside = departmentPaths.find((path) => !departmentPathInRights(snapshot, ctx.actor, path));
  if (outside !== undefined) throw new DomainError('forbidden', { reason: 'department outside your contacts rights', department: outside });
}

/** The actor's level on an app (manage includes send), or undefined. */
export async function appLevel(ctx: ReadCtx, appId: string): Promise<AppRight | undefined> {
  return appLevelIn(await roleSnapshot(ctx), ctx.actor, appId);
}

/** 应用权限: manage includes send. System apps are `approvals`, `attendance`, `features`. */
export async function authorizeApp(ctx: ReadCtx, appId: string, right: AppRight): Promise<void> {
  if (!appLevelCovers(await appLevel(ctx, appId), right)) throw new DomainError('forbidden', { app: appId, right });
}

/** 设备管理权限: 'bind' a new device, or 'manage' the given device. */
export async function authorizeDevice(ctx: ReadCtx, right: DeviceRight, deviceId?: string): Promise<void> {
  if (!deviceRightIn(await roleSnapshot(ctx), ctx.actor, right, deviceId)) throw new DomainError('forbidden', { device: deviceId ?? null, right });
}

/** Rights an API token can be given, with their labels, for the token editor. */
export function tokenGrantableRights(registry: Registry): { key: string; label: { zh: string; en: string } }[] {
  return [...registry.rights.entries()].flatMap(([key, spec]) => (spec.token ? [{ key, label: spec.token }] : [])).sort((a, b) => a.key.localeCompare(b.key));
}
