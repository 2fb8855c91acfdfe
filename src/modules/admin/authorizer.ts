import './admin.tables.ts';
import type { Actor, Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/schema.ts';
import { DomainError } from '../../platform/errors.ts';
import { activeMemberOfAccount } from '../directory/directory.service.ts';

/**
 * The rights Banyan knows, with what holds them. The creator and super admins hold every right;
 * members hold the `member` ones; API tokens hold the ones they were given (only `grantable` ones).
 */
export interface RightSpec {
  /** Any active member of the enterprise holds it. */
  member?: boolean;
  /** Can be given to an API token; the label is shown when creating one. */
  token?: { zh: string; en: string };
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
});

/** Whether the account is the creator or a super admin of the enterprise. */
export async function isSuperAdmin(db: Executor, corpId: string, accountId: string): Promise<boolean> {
  const creator = await db.selectFrom('corps').select('id').where('id', '=', corpId).where('creator_account_id', '=', accountId).executeTakeFirst();
  if (creator) return true;
  const row = await db.selectFrom('super_admins').select('account_id').where('corp_id', '=', corpId).where('account_id', '=', accountId).executeTakeFirst();
  return row !== undefined;
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
  switch (actor.kind) {
    case 'token':
      return spec.token !== undefined && actor.rights.includes(right);
    case 'member':
      return spec.member === true || isSuperAdmin(ctx.trx, ctx.corpId, actor.accountId);
    case 'external':
      return isSuperAdmin(ctx.trx, ctx.corpId, actor.accountId);
    default:
      return false;
  }
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
 * department subtrees they were given (as materialised paths, `/dept_root/dept_a/`); others none.
 * List queries filter with it in SQL.
 */
export type ContactsScope = { kind: 'all' } | { kind: 'departments'; paths: string[] } | { kind: 'none' };

export async function contactsScope(ctx: Ctx): Promise<ContactsScope> {
  const actor = ctx.actor;
  if ((actor.kind === 'member' || actor.kind === 'external') && (await isSuperAdmin(ctx.trx, ctx.corpId, actor.accountId))) return { kind: 'all' };
  return { kind: 'none' };
}

/** Whether a department (by its path) lies inside the scope. */
export function departmentInScope(scope: ContactsScope, departmentPath: string): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'none') return false;
  return scope.paths.some((path) => departmentPath.startsWith(path));
}

export type AppRight = 'send' | 'manage';

/** 应用权限: manage includes send. System apps are `approvals`, `attendance`, `features`. */
export async function authorizeApp(ctx: Ctx, appId: string, right: AppRight): Promise<void> {
  const actor = ctx.actor;
  const allowed = (actor.kind === 'member' || actor.kind === 'external') && (await isSuperAdmin(ctx.trx, ctx.corpId, actor.accountId));
  if (!allowed) throw new DomainError('forbidden', { app: appId, right });
}

/** When a member departs or is deleted, every admin role they hold goes in the same transaction. */
export async function removeAdminRolesOfMember(ctx: Pick<Ctx, 'corpId' | 'trx'>, memberId: string): Promise<void> {
  await ctx.trx.deleteFrom('super_admins').where('corp_id', '=', ctx.corpId).where('member_id', '=', memberId).execute();
}
