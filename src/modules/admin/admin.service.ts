import type { Actor, Ctx, ReadCtx } from '../../platform/context.ts';
import { DomainError, requireKnownIds, unknownId } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { audit } from '../../platform/audit.ts';
import { PolicyErrors } from '../../platform/policy/errors.ts';
import {
  appLevelCovers,
  departmentPathInRights,
  emptyRightSet,
  hierarchicalOf,
  isSuperIn,
  roleSnapshot,
  type AppRight,
  type HierarchicalAdmin,
  type RightSet,
  type RoleSnapshot,
} from '../../platform/policy/index.ts';
import { accountsByIds, findAccountByLogin, releaseCreatorSlot, takeCreatorSlot } from '../account/index.ts';
import { moveCreator } from '../corp/index.ts';
import { activeMemberOfAccount, currentMemberOfAccount, departmentPaths, departmentTree, getMember, membersByIds } from '../directory/index.ts';
import { allApps, existingAppIds } from '../apps/index.ts';
import { allDevices, existingDeviceIds } from '../devices/index.ts';
import { adminSnapshot, bumpAdminStamp } from './admin.roles.ts';
import { AdminErrors } from './admin.errors.ts';
import { tables } from './admin.tables.ts';

/**
 * 权限管理: the creator, super admins, admin groups and hierarchical admins, and who may change them.
 *
 * - Creator: transferred only by itself, to an active member with an account that is not yet
 *   creator of 5 enterprises; the former creator stays a super admin.
 * - Super admins: internal ones are added and removed by the creator or a super admin; external ones
 *   (代运营) only by the creator.
 * - Admin groups and group seats: changed by the creator and super admins.
 * - Hierarchical admins: made, edited and removed by the creator and super admins with any rights;
 *   a hierarchical admin IN an admin group may make other members hierarchical admins and edit
 *   other admins' own contacts and app rights, within what it holds itself (delegation).
 *
 * Every command first bumps the admin stamp (serialising admin changes of one enterprise, see
 * authorizer.ts), then reads the actor's rights, then writes, in one transaction.
 */

/** Rights as the API carries them. */
export interface RightsInput {
  departmentIds: string[];
  apps: { appId: string; level: AppRight }[];
  deviceBind: boolean;
  deviceIds: string[];
}

export function rightsView(set: RightSet): RightsInput {
  return {
    departmentIds: [...set.departments].sort(),
    apps: [...set.apps].map(([appId, level]) => ({ appId, level })).sort((a, b) => a.appId.localeCompare(b.appId)),
    deviceBind: set.deviceBind,
    deviceIds: [...set.devices].sort(),
  };
}

function toRightSet(input: RightsInput): RightSet {
  const set = emptyRightSet();
  for (const id of input.departmentIds) set.departments.add(id);
  for (const { appId, level } of input.apps) if (!appLevelCovers(set.apps.get(appId), level)) set.apps.set(appId, level);
  set.deviceBind = input.deviceBind;
  for (const id of input.deviceIds) set.devices.add(id);
  return set;
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

export interface AdminOverview {
  creator: { accountId: string; name: string; memberId: string | null };
  superAdmins: { accountId: string; name: string; kind: 'internal' | 'external'; memberId: string | null; loginName: string }[];
  /** 超级管理组: made by the system; the creator and the super admins, and nobody else. */
  superGroup: { name: string; accountIds: string[] };
  groups: { id: string; name: string; rights: RightsInput; memberIds: string[] }[];
  admins: { memberId: string; name: string; groupId: string | null; rights: RightsInput; effective: RightsInput }[];
}

export async function adminOverview(ctx: ReadCtx): Promise<AdminOverview> {
  const snapshot = await roleSnapshot(ctx);
  const accountIds = [snapshot.creatorAccountId, ...snapshot.superAdmins.keys()];
  const accountById = await accountsByIds(ctx.trx, accountIds);
  const memberIds = [...snapshot.admins.keys()];
  const members = await membersByIds(ctx.trx, ctx.corpId, memberIds);
  const memberName = new Map([...members.values()].map((m) => [m.id, m.name]));
  const creatorMember = await activeMemberOfAccount(ctx.trx, ctx.corpId, snapshot.creatorAccountId);
  return {
    creator: { accountId: snapshot.creatorAccountId, name: accountById.get(snapshot.creatorAccountId)?.name ?? '', memberId: creatorMember?.id ?? null },
    superAdmins: [...snapshot.superAdmins]
      .map(([accountId, s]) => ({ accountId, name: accountById.get(accountId)?.name ?? '', loginName: accountById.get(accountId)?.loginName ?? '', kind: s.kind, memberId: s.memberId }))
      .sort((a, b) => a.accountId.localeCompare(b.accountId)),
    superGroup: { name: '超级管理组', accountIds },
    groups: [...snapshot.groups]
      .map(([id, g]) => ({ id, name: g.name, rights: rightsView(g.rights), memberIds: memberIds.filter((m) => snapshot.admins.get(m)!.groupId === id).sort() }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    admins: [...snapshot.admins.values()]
      .map((a) => ({ memberId: a.memberId, name: memberName.get(a.memberId) ?? '', groupId: a.groupId, rights: rightsView(a.own), effective: rightsView(a.effective) }))
      .sort((a, b) => a.memberId.localeCompare(b.memberId)),
  };
}

export interface Grantable {
  /** The creator and super admins grant everything, including device rights and groups. */
  all: boolean;
  /** Whether the actor may grant at all (super admins, or a hierarchical admin in a group). */
  canGrant: boolean;
  departments: { id: string; name: string; parentId: string | null; path: string }[];
  apps: { appId: string; name: string; level: AppRight }[];
  deviceBind: boolean;
  devices: { id: string; name: string }[];
}

/** What the acting admin may give: the rights editors offer exactly this. */
export async function grantableRights(ctx: ReadCtx): Promise<Grantable> {
  const snapshot = await roleSnapshot(ctx);
  const all = isSuperIn(snapshot, ctx.actor);
  const admin = hierarchicalOf(snapshot, ctx.actor);
  const canGrant = all || (admin !== undefined && admin.groupId !== null);
  if (!canGrant) return { all: false, canGrant: false, departments: [], apps: [], deviceBind: false, devices: [] };
  const departments = await departmentTree(ctx.trx, ctx.corpId);
  const apps = await allApps(ctx.trx, ctx.corpId);
  const devices = all ? await allDevices(ctx.trx, ctx.corpId) : [];
  return {
    all,
    canGrant,
    departments: departments.filter((d) => departmentPathInRights(snapshot, ctx.actor, d.path)),
    apps: apps.flatMap((a) => {
      const level: AppRight | undefined = all ? 'manage' : admin!.effective.apps.get(a.id);
      return level ? [{ appId: a.id, name: a.name, level }] : [];
    }),
    // Device rights are not delegated (the seed lets admins pass on contacts and app rights only).
    deviceBind: all,
    devices,
  };
}

// ---------------------------------------------------------------------------------------------
// Guards
// ---------------------------------------------------------------------------------------------

async function lockAndRead(ctx: Ctx): Promise<RoleSnapshot> {
  await bumpAdminStamp(ctx);
  return adminSnapshot(ctx.trx, ctx.corpId);
}

function requireSuper(snapshot: RoleSnapshot, actor: Actor): void {
  if (!isSuperIn(snapshot, actor)) throw new DomainError('forbidden', { reason: 'only the creator and super admins can do this' });
}

function requireCreator(snapshot: RoleSnapshot, actor: Actor): void {
  if ((actor.kind !== 'member' && actor.kind !== 'external') || snapshot.creatorAccountId !== actor.accountId) throw new DomainError(AdminErrors['admin.creator_only']);
}

/**
 * The departments, apps and devices named must be the enterprise's: the first that is not is refused
 * at its place under `at` (`/rights/apps/2/appId`), before anything is written.
 */
async function checkTargets(ctx: Ctx, rights: RightsInput, at = '/rights'): Promise<void> {
  requireKnownIds(rights.departmentIds, await departmentPaths(ctx.trx, ctx.corpId, rights.departmentIds), `${at}/departmentIds`);
  const apps = await existingAppIds(ctx.trx, ctx.corpId, [...new Set(rights.apps.map((a) => a.appId))]);
  const app = rights.apps.findIndex((a) => !apps.has(a.appId));
  if (app >= 0) throw unknownId(`${at}/apps/${app}/appId`, rights.apps[app]!.appId);
  requireKnownIds(rights.deviceIds, await existingDeviceIds(ctx.trx, ctx.corpId, [...new Set(rights.deviceIds)]), `${at}/deviceIds`);
}

/** The member a body names (`memberId`): another enterprise's, or none, is an unknown id. */
async function namedMember(ctx: Ctx, memberId: string) {
  const member = await getMember(ctx.trx, ctx.corpId, memberId);
  if (!member) throw unknownId('/memberId', memberId);
  return member;
}

/** The admin group a body names (`groupId`): one the enterprise does not have is an unknown id. */
function requireGroup(snapshot: RoleSnapshot, groupId: string): void {
  if (!snapshot.groups.has(groupId)) throw unknownId('/groupId', groupId);
}

/**
 * Delegation (分级管理员可以给分级管理员分配相应的部分通讯录或应用的权限): the grantor, a hierarchical
 * admin in an admin group, sets the part of `current` it governs (departments inside its contacts
 * rights, apps where its level covers the holder's) to `requested`; the rest of `current` stays.
 * Anything requested beyond what the grantor holds is refused, as is any device right change.
 */
async function delegatedRights(ctx: Ctx, snapshot: RoleSnapshot, grantor: HierarchicalAdmin, current: RightSet, requested: RightsInput): Promise<RightSet> {
  const paths = await departmentPaths(ctx.trx, ctx.corpId, [...current.departments, ...requested.departmentIds]);
  const governs = (departmentId: string) => {
    const path = paths.get(departmentId);
    return path !== undefined && departmentPathInRights(snapshot, ctx.actor, path);
  };
  for (const id of requested.departmentIds) if (!governs(id)) throw new DomainError(AdminErrors['admin.exceeds_own_rights'], { department: id });
  const next = emptyRightSet();
  for (const id of current.departments) if (!governs(id)) next.departments.add(id);
  for (const id of requested.departmentIds) next.departments.add(id);

  const mine = grantor.effective.apps;
  const governsApp = (appId: string) => {
    const held = current.apps.get(appId);
    return mine.has(appId) && (held === undefined || appLevelCovers(mine.get(appId), held));
  };
  for (const { appId, level } of requested.apps) {
    if (!governsApp(appId) || !appLevelCovers(mine.get(appId), level)) throw new DomainError(AdminErrors['admin.exceeds_own_rights'], { app: appId, level });
  }
  for (const [appId, level] of current.apps) if (!governsApp(appId)) next.apps.set(appId, level);
  for (const { appId, level } of requested.apps) if (!appLevelCovers(next.apps.get(appId), level)) next.apps.set(appId, level);

  const sameDevices = requested.deviceBind === current.deviceBind && requested.deviceIds.length === current.devices.size && requested.deviceIds.every((d) => current.devices.has(d));
  if (!sameDevices) throw new DomainError(AdminErrors['admin.exceeds_own_rights'], { reason: 'device rights are set by super admins' });
  next.deviceBind = current.deviceBind;
  for (const id of current.devices) next.devices.add(id);
  return next;
}

async function writeRights(ctx: Ctx, holderKind: 'group' | 'admin', holderId: string, set: RightSet): Promise<void> {
  await tables(ctx.trx).deleteFrom('admin_rights').where('corp_id', '=', ctx.corpId).where('holder_kind', '=', holderKind).where('holder_id', '=', holderId).execute();
  const base = { corp_id: ctx.corpId, holder_kind: holderKind, holder_id: holderId };
  const rows = [
    ...[...set.departments].map((id) => ({ ...base, kind: 'department' as const, target_id: id, level: null })),
    ...[...set.apps].map(([id, level]) => ({ ...base, kind: 'app' as const, target_id: id, level })),
    ...(set.deviceBind ? [{ ...base, kind: 'device_bind' as const, target_id: '*', level: null }] : []),
    ...[...set.devices].map((id) => ({ ...base, kind: 'device' as const, target_id: id, level: null })),
  ];
  for (let i = 0; i < rows.length; i += 200) await tables(ctx.trx).insertInto('admin_rights').values(rows.slice(i, i + 200)).execute();
}

async function requireActiveMember(ctx: Ctx, memberId: string) {
  const member = await namedMember(ctx, memberId);
  if (member.status !== 'active') throw new DomainError(AdminErrors['admin.not_a_member'], { field: '/memberId', memberId });
  return member;
}

/** Leaving the hierarchical role (when becoming creator or super admin): its rights and seat go. */
async function dropHierarchicalRole(ctx: Ctx, memberId: string): Promise<void> {
  await tables(ctx.trx).deleteFrom('hierarchical_admins').where('corp_id', '=', ctx.corpId).where('member_id', '=', memberId).execute();
  await tables(ctx.trx).deleteFrom('admin_rights').where('corp_id', '=', ctx.corpId).where('holder_kind', '=', 'admin').where('holder_id', '=', memberId).execute();
}

// ---------------------------------------------------------------------------------------------
// Creator
// ---------------------------------------------------------------------------------------------

/**
 * 创建者可以转让: only to another active member with an account, which takes one of its five creator
 * slots (compare-and-set). The former creator stays an internal super admin.
 */
export async function transferCreator(ctx: Ctx, memberId: string): Promise<void> {
  const snapshot = await lockAndRead(ctx);
  requireCreator(snapshot, ctx.actor);
  const target = await namedMember(ctx, memberId);
  if (target.status !== 'active' || target.accountId === null) throw new DomainError(AdminErrors['admin.transfer_target_invalid'], { field: '/memberId', memberId });
  const formerAccountId = snapshot.creatorAccountId;
  if (target.accountId === formerAccountId) throw new DomainError(AdminErrors['admin.transfer_target_invalid'], { memberId, reason: 'already the creator' });
  await takeCreatorSlot(ctx.trx, target.accountId);
  await moveCreator(ctx, formerAccountId, target.accountId);
  await releaseCreatorSlot(ctx.trx, formerAccountId);
  await tables(ctx.trx).deleteFrom('super_admins').where('corp_id', '=', ctx.corpId).where('account_id', '=', target.accountId).execute();
  await dropHierarchicalRole(ctx, target.id);
  const formerMember = await activeMemberOfAccount(ctx.trx, ctx.corpId, formerAccountId);
  await tables(ctx.trx)
    .insertInto('super_admins')
    .values({ corp_id: ctx.corpId, account_id: formerAccountId, kind: formerMember ? 'internal' : 'external', member_id: formerMember?.id ?? null, created_at: ctx.now })
    .onConflict((oc) => oc.columns(['corp_id', 'account_id']).doNothing())
    .execute();
  await audit(ctx, { action: 'admin.transfer_creator', target: { type: 'account', id: target.accountId }, before: { creatorAccountId: formerAccountId }, after: { creatorAccountId: target.accountId, memberId } });
}

// ---------------------------------------------------------------------------------------------
// Super admins
// ---------------------------------------------------------------------------------------------

/** An internal super admin: an active member with an account. Leaves any hierarchical role. */
export async function addInternalSuperAdmin(ctx: Ctx, memberId: string): Promise<void> {
  const snapshot = await lockAndRead(ctx);
  requireSuper(snapshot, ctx.actor);
  const member = await requireActiveMember(ctx, memberId);
  if (member.accountId === null) throw new DomainError(AdminErrors['admin.not_a_member'], { memberId, reason: 'the member has no account yet' });
  if (snapshot.creatorAccountId === member.accountId || snapshot.superAdmins.has(member.accountId)) throw new DomainError(AdminErrors['admin.already_super_admin'], { memberId });
  await dropHierarchicalRole(ctx, memberId);
  await tables(ctx.trx).insertInto('super_admins').values({ corp_id: ctx.corpId, account_id: member.accountId, kind: 'internal', member_id: memberId, created_at: ctx.now }).execute();
  await audit(ctx, { action: 'admin.add_super_admin', target: { type: 'member', id: memberId }, after: { kind: 'internal', accountId: member.accountId } });
}

/** 外部超级管理员 (代运营): an account outside the contacts; only the creator adds one. */
export async function addExternalSuperAdmin(ctx: Ctx, loginName: string): Promise<string> {
  const snapshot = await lockAndRead(ctx);
  requireCreator(snapshot, ctx.actor);
  const account = await findAccountByLogin(ctx.trx, loginName);
  if (!account) throw new DomainError(AdminErrors['admin.account_not_found'], { loginName });
  if (snapshot.creatorAccountId === account.id || snapshot.superAdmins.has(account.id)) throw new DomainError(AdminErrors['admin.already_super_admin'], { loginName });
  if (await currentMemberOfAccount(ctx.trx, ctx.corpId, account.id)) throw new DomainError(AdminErrors['admin.external_is_member'], { loginName });
  await tables(ctx.trx).insertInto('super_admins').values({ corp_id: ctx.corpId, account_id: account.id, kind: 'external', member_id: null, created_at: ctx.now }).execute();
  await audit(ctx, { action: 'admin.add_super_admin', target: { type: 'account', id: account.id }, after: { kind: 'external', name: account.name } });
  return account.id;
}

/** 超级管理员可以被删除身份; the creator cannot be removed; external ones only by the creator. */
export async function removeSuperAdmin(ctx: Ctx, accountId: string): Promise<void> {
  const snapshot = await lockAndRead(ctx);
  requireSuper(snapshot, ctx.actor);
  if (snapshot.creatorAccountId === accountId) throw new DomainError(PolicyErrors['admin.creator_cannot_be_removed']);
  const entry = snapshot.superAdmins.get(accountId);
  if (!entry) throw new DomainError('not_found', { accountId });
  if (entry.kind === 'external') requireCreator(snapshot, ctx.actor);
  await tables(ctx.trx).deleteFrom('super_admins').where('corp_id', '=', ctx.corpId).where('account_id', '=', accountId).execute();
  await audit(ctx, { action: 'admin.remove_super_admin', target: { type: 'account', id: accountId }, before: { kind: entry.kind, memberId: entry.memberId } });
}

// ---------------------------------------------------------------------------------------------
// Admin groups (rights stored on the group: a change reaches every member at once)
// ---------------------------------------------------------------------------------------------

export async function createGroup(ctx: Ctx, input: { name: string; rights: RightsInput }): Promise<string> {
  const snapshot = await lockAndRead(ctx);
  requireSuper(snapshot, ctx.actor);
  if ([...snapshot.groups.values()].some((g) => g.name === input.name)) throw new DomainError(AdminErrors['admin.group_name_taken'], { name: input.name });
  await checkTargets(ctx, input.rights);
  const id = newId('agrp', ctx.now);
  await tables(ctx.trx).insertInto('admin_groups').values({ corp_id: ctx.corpId, id, name: input.name, created_at: ctx.now, updated_at: ctx.now }).execute();
  const rights = toRightSet(input.rights);
  await writeRights(ctx, 'group', id, rights);
  await audit(ctx, { action: 'admin.create_group', target: { type: 'admin_group', id }, after: { name: input.name, rights: rightsView(rights) } });
  return id;
}

export async function updateGroup(ctx: Ctx, groupId: string, patch: { name?: string | undefined; rights?: RightsInput | undefined }): Promise<void> {
  const snapshot = await lockAndRead(ctx);
  requireSuper(snapshot, ctx.actor);
  const group = snapshot.groups.get(groupId);
  if (!group) throw new DomainError(AdminErrors['admin.group_not_found'], { groupId });
  if (patch.name !== undefined && patch.name !== group.name) {
    if ([...snapshot.groups.values()].some((g) => g.name === patch.name)) throw new DomainError(AdminErrors['admin.group_name_taken'], { name: patch.name });
    await tables(ctx.trx).updateTable('admin_groups').set({ name: patch.name, updated_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('id', '=', groupId).execute();
  }
  if (patch.rights) {
    await checkTargets(ctx, patch.rights);
    await writeRights(ctx, 'group', groupId, toRightSet(patch.rights));
  }
  await audit(ctx, { action: 'admin.update_group', target: { type: 'admin_group', id: groupId }, before: { name: group.name, rights: rightsView(group.rights) }, after: { name: patch.name ?? group.name, ...(patch.rights ? { rights: rightsView(toRightSet(patch.rights)) } : {}) } });
}

/** Deleting a group leaves its members as hierarchical admins with their own rights only. */
export async function deleteGroup(ctx: Ctx, groupId: string): Promise<void> {
  const snapshot = await lockAndRead(ctx);
  requireSuper(snapshot, ctx.actor);
  const group = snapshot.groups.get(groupId);
  if (!group) throw new DomainError(AdminErrors['admin.group_not_found'], { groupId });
  await tables(ctx.trx).updateTable('hierarchical_admins').set({ group_id: null, updated_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('group_id', '=', groupId).execute();
  await tables(ctx.trx).deleteFrom('admin_rights').where('corp_id', '=', ctx.corpId).where('holder_kind', '=', 'group').where('holder_id', '=', groupId).execute();
  await tables(ctx.trx).deleteFrom('admin_groups').where('corp_id', '=', ctx.corpId).where('id', '=', groupId).execute();
  await audit(ctx, { action: 'admin.delete_group', target: { type: 'admin_group', id: groupId }, before: { name: group.name, rights: rightsView(group.rights) } });
}

// ---------------------------------------------------------------------------------------------
// Hierarchical admins
// ---------------------------------------------------------------------------------------------

const NO_RIGHTS: RightsInput = { departmentIds: [], apps: [], deviceBind: false, deviceIds: [] };

/** The grantor's hierarchical entry when it may delegate, or a refusal. */
function requireDelegator(snapshot: RoleSnapshot, actor: Actor): HierarchicalAdmin {
  const admin = hierarchicalOf(snapshot, actor);
  if (!admin) throw new DomainError('forbidden', { reason: 'only admins can give admin rights' });
  if (admin.groupId === null) throw new DomainError(AdminErrors['admin.not_in_group']);
  return admin;
}

export async function addHierarchicalAdmin(ctx: Ctx, input: { memberId: string; groupId?: string | null | undefined; rights?: RightsInput | undefined }): Promise<void> {
  const snapshot = await lockAndRead(ctx);
  const member = await requireActiveMember(ctx, input.memberId);
  if (member.accountId !== null && (snapshot.creatorAccountId === member.accountId || snapshot.superAdmins.has(member.accountId))) {
    throw new DomainError(AdminErrors['admin.already_super_admin'], { memberId: input.memberId });
  }
  if (snapshot.admins.has(input.memberId)) throw new DomainError(AdminErrors['admin.already_hierarchical_admin'], { memberId: input.memberId });
  const requested = input.rights ?? NO_RIGHTS;
  await checkTargets(ctx, requested);
  let rights: RightSet;
  const groupId = input.groupId ?? null;
  if (isSuperIn(snapshot, ctx.actor)) {
    if (groupId !== null) requireGroup(snapshot, groupId);
    rights = toRightSet(requested);
  } else {
    const grantor = requireDelegator(snapshot, ctx.actor);
    if (groupId !== null) throw new DomainError('forbidden', { reason: 'only the creator and super admins seat admins in groups' });
    rights = await delegatedRights(ctx, snapshot, grantor, emptyRightSet(), requested);
  }
  await tables(ctx.trx).insertInto('hierarchical_admins').values({ corp_id: ctx.corpId, member_id: input.memberId, group_id: groupId, created_at: ctx.now, updated_at: ctx.now }).execute();
  await writeRights(ctx, 'admin', input.memberId, rights);
  await audit(ctx, { action: 'admin.add_hierarchical_admin', target: { type: 'member', id: input.memberId }, after: { groupId, rights: rightsView(rights) } });
}

/**
 * Changes an admin's group seat (super admins only) and/or own rights (super admins: any; a grouped
 * hierarchical admin: only the part it governs, within what it holds).
 */
export async function updateHierarchicalAdmin(ctx: Ctx, memberId: string, patch: { groupId?: string | null | undefined; rights?: RightsInput | undefined }): Promise<void> {
  const snapshot = await lockAndRead(ctx);
  const target = snapshot.admins.get(memberId);
  const superActor = isSuperIn(snapshot, ctx.actor);
  if (!superActor) {
    requireDelegator(snapshot, ctx.actor);
    if (ctx.actor.id === memberId) throw new DomainError(AdminErrors['admin.cannot_edit_self']);
    if (patch.groupId !== undefined) throw new DomainError('forbidden', { reason: 'only the creator and super admins seat admins in groups' });
  }
  if (!target) throw new DomainError(AdminErrors['admin.not_hierarchical_admin'], { memberId });
  const after: Record<string, unknown> = {};
  if (patch.groupId !== undefined && patch.groupId !== target.groupId) {
    if (patch.groupId !== null) requireGroup(snapshot, patch.groupId);
    await tables(ctx.trx).updateTable('hierarchical_admins').set({ group_id: patch.groupId, updated_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('member_id', '=', memberId).execute();
    after.groupId = patch.groupId;
  }
  if (patch.rights) {
    await checkTargets(ctx, patch.rights);
    const rights = superActor ? toRightSet(patch.rights) : await delegatedRights(ctx, snapshot, requireDelegator(snapshot, ctx.actor), target.own, patch.rights);
    await writeRights(ctx, 'admin', memberId, rights);
    after.rights = rightsView(rights);
  }
  await audit(ctx, { action: 'admin.update_hierarchical_admin', target: { type: 'member', id: memberId }, before: { groupId: target.groupId, rights: rightsView(target.own) }, after });
}

export async function removeHierarchicalAdmin(ctx: Ctx, memberId: string): Promise<void> {
  const snapshot = await lockAndRead(ctx);
  requireSuper(snapshot, ctx.actor);
  const target = snapshot.admins.get(memberId);
  if (!target) throw new DomainError(AdminErrors['admin.not_hierarchical_admin'], { memberId });
  await dropHierarchicalRole(ctx, memberId);
  await audit(ctx, { action: 'admin.remove_hierarchical_admin', target: { type: 'member', id: memberId }, before: { groupId: target.groupId, rights: rightsView(target.own) } });
}

// ---------------------------------------------------------------------------------------------
// Rights on what is gone
// ---------------------------------------------------------------------------------------------

const RIGHT_FIELD = { department: 'departmentIds', app: 'apps', device: 'deviceIds' } as const;

/**
 * Takes every right on a deleted department, a deleted app or an unbound device away from every
 * admin and group, in the transaction that removed it, with one audit row per changed holder
 * (before and after of that kind of right), so no grant names something that no longer exists.
 */
export async function removeRightsOn(ctx: Ctx, kind: 'department' | 'app' | 'device', targetId: string): Promise<void> {
  const snapshot = await lockAndRead(ctx);
  const holders = await tables(ctx.trx)
    .selectFrom('admin_rights')
    .select(['holder_kind', 'holder_id'])
    .where('corp_id', '=', ctx.corpId)
    .where('kind', '=', kind)
    .where('target_id', '=', targetId)
    .orderBy('holder_kind')
    .orderBy('holder_id')
    .execute();
  if (holders.length === 0) return;
  await tables(ctx.trx).deleteFrom('admin_rights').where('corp_id', '=', ctx.corpId).where('kind', '=', kind).where('target_id', '=', targetId).execute();
  const field = RIGHT_FIELD[kind];
  for (const holder of holders) {
    const group = holder.holder_kind === 'group';
    const set = group ? snapshot.groups.get(holder.holder_id)?.rights : snapshot.admins.get(holder.holder_id)?.own;
    if (!set) continue;
    const before = rightsView(set)[field];
    const after = kind === 'app' ? rightsView(set).apps.filter((a) => a.appId !== targetId) : (before as string[]).filter((id) => id !== targetId);
    await audit(ctx, {
      action: group ? 'admin.update_group' : 'admin.update_hierarchical_admin',
      target: { type: group ? 'admin_group' : 'member', id: holder.holder_id },
      before: { rights: { [field]: before } },
      after: { rights: { [field]: after }, reason: { removed: kind, id: targetId } },
    });
  }
}
