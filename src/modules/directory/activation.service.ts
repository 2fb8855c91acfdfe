import type { Ctx, ReadCtx } from '../../platform/context.ts';
import { audit } from '../../platform/audit.ts';
import { DomainError, unknownId } from '../../platform/errors.ts';
import { publish } from '../../platform/events.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { departmentInScope, refuseWiderTarget } from '../../platform/policy/index.ts';
import { activationExpression, ACTIVATIONS, type Activation } from './activation.ts';
import { DirectoryErrors } from './directory.errors.ts';
import { DirectoryEvents } from './directory.events.ts';
import { corpIdsOfAccount, insertMember, syncAccountCorp } from './directory.service.ts';
import { tables } from './directory.tables.ts';
import { lockMember } from './locks.ts';
import { loadPlacement, visibleIn } from './members.service.ts';
import { manageScope, memberScopeFilter, readScope } from './scope.ts';

/** A member an invitation can be made for, as the invitation needs it. */
export interface InviteTarget {
  id: string;
  name: string;
  email: string | null;
}

/**
 * 邀请: the actor manages the member (one of its departments lies in the actor's scope), and the
 * member is still 未激活: a departed, disabled or already activated member cannot be invited.
 */
export async function memberToInvite(ctx: Ctx, memberId: string): Promise<InviteTarget> {
  const scope = await manageScope(ctx);
  await lockMember(ctx, memberId);
  const placement = await loadPlacement(ctx.trx, ctx.corpId, memberId);
  // A departed member sits in no department any more, so the scope could not say.
  if (placement.row.status !== 'departed' && !visibleIn(scope, placement)) throw new DomainError(DirectoryErrors['directory.out_of_scope'], { memberId });
  assertActivatable(placement.row);
  return { id: placement.row.id, name: placement.row.name, email: placement.row.email };
}

function assertActivatable(row: { id: string; status: string; account_id: string | null }): void {
  if (row.status === 'departed') throw new DomainError(DirectoryErrors['directory.member_departed'], { memberId: row.id });
  if (row.status === 'disabled') throw new DomainError(DirectoryErrors['directory.member_disabled'], { memberId: row.id });
  if (row.account_id !== null) throw new DomainError(DirectoryErrors['directory.member_activated'], { memberId: row.id });
}

/** A member whose login an admin acts on (a reset link, a forced password change, signing out everywhere). */
export interface SecureTarget {
  id: string;
  name: string;
  email: string | null;
  /** null: 未激活, no login to act on. */
  accountId: string | null;
}

/**
 * The actor manages the member (one of its departments in scope) and the member holds no wider
 * admin role (a hierarchical admin never acts on a super admin's login); a departed member has none.
 */
export async function memberToSecure(ctx: Ctx, memberId: string): Promise<SecureTarget> {
  const scope = await manageScope(ctx);
  const placement = await loadPlacement(ctx.trx, ctx.corpId, memberId);
  if (placement.row.status === 'departed') throw new DomainError(DirectoryErrors['directory.member_departed'], { memberId });
  if (!visibleIn(scope, placement)) throw new DomainError(DirectoryErrors['directory.out_of_scope'], { memberId });
  await refuseWiderTarget(ctx, { accountId: placement.row.account_id, memberId });
  return { id: placement.row.id, name: placement.row.name, email: placement.row.email, accountId: placement.row.account_id };
}

/** Where an account can be written to: its active members that have an e-mail address, the oldest first. */
export async function mailboxesOfAccount(db: Executor, accountId: string): Promise<{ corpId: string; memberId: string; name: string; email: string }[]> {
  // The account's enterprises come from account_corps, so the members query names its enterprises.
  const corpIds = await corpIdsOfAccount(db, accountId);
  if (corpIds.length === 0) return [];
  const rows = await tables(db)
    .selectFrom('members')
    .select(['corp_id', 'id', 'name', 'email'])
    .where('corp_id', 'in', corpIds)
    .where('account_id', '=', accountId)
    .where('status', '=', 'active')
    .where('email', 'is not', null)
    .orderBy('created_at')
    .orderBy('corp_id')
    .execute();
  return rows.map((r) => ({ corpId: r.corp_id, memberId: r.id, name: r.name, email: r.email! }));
}

/** The account's member in the enterprise unless departed: one account is one person in one enterprise. */
async function memberOfAccount(ctx: Pick<Ctx, 'corpId' | 'trx'>, accountId: string): Promise<string | undefined> {
  const row = await tables(ctx.trx).selectFrom('members').select('id').where('corp_id', '=', ctx.corpId).where('account_id', '=', accountId).where('status', '<>', 'departed').executeTakeFirst();
  return row?.id;
}

/**
 * 激活: links the account to the member (已激活). Refused when the member departed, was disabled or is
 * already activated meanwhile, and when the account is already another (not departed) member of the
 * same enterprise. The same account may be a member of other enterprises.
 */
export async function activateMember(ctx: Ctx, memberId: string, accountId: string): Promise<void> {
  await lockMember(ctx, memberId);
  const placement = await loadPlacement(ctx.trx, ctx.corpId, memberId);
  assertActivatable(placement.row);
  if (await memberOfAccount(ctx, accountId)) throw new DomainError(DirectoryErrors['directory.account_taken'], { memberId });
  const result = await tables(ctx.trx)
    .updateTable('members')
    .set({ account_id: accountId, updated_at: ctx.now })
    .where('corp_id', '=', ctx.corpId)
    .where('id', '=', memberId)
    .where('status', '=', 'active')
    .where('account_id', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new DomainError(DirectoryErrors['directory.member_activated'], { memberId });
  await syncAccountCorp(ctx, memberId);
  await audit(ctx, { action: 'contacts.member.activate', target: { type: 'member', id: memberId }, before: { activation: 'not_activated' }, after: { activation: 'activated' } });
}

/** A department people may join through the enterprise link: the enterprise's, and in the actor's scope. */
export async function departmentToJoin(ctx: ReadCtx, departmentId: string, field = '/departmentId'): Promise<{ id: string; name: string }> {
  const row = await tables(ctx.trx).selectFrom('departments').select(['id', 'name', 'path']).where('corp_id', '=', ctx.corpId).where('id', '=', departmentId).executeTakeFirst();
  if (!row) throw unknownId(field, departmentId);
  if (!departmentInScope(await manageScope(ctx), row.path)) throw new DomainError(DirectoryErrors['directory.out_of_scope'], { departmentId });
  return { id: row.id, name: row.name };
}

/** The department's name, for the join page; undefined when it has been deleted since. */
export async function departmentName(ctx: Pick<ReadCtx, 'corpId' | 'trx'>, departmentId: string): Promise<string | undefined> {
  const row = await tables(ctx.trx).selectFrom('departments').select('name').where('corp_id', '=', ctx.corpId).where('id', '=', departmentId).executeTakeFirst();
  return row?.name;
}

export interface Joiner {
  accountId: string;
  name: string;
  loginName: string;
  departmentId: string;
}

/**
 * 加入企业 by the enterprise link: the account becomes an activated member of the department, with its
 * login name as userid (or the first free `login-2`, `login-3`, …). An account that already is a
 * member (not departed) is refused.
 */
export async function joinMember(ctx: Ctx, joiner: Joiner): Promise<string> {
  if (await memberOfAccount(ctx, joiner.accountId)) throw new DomainError(DirectoryErrors['directory.already_member'], {});
  const department = await tables(ctx.trx).selectFrom('departments').select('id').where('corp_id', '=', ctx.corpId).where('id', '=', joiner.departmentId).executeTakeFirst();
  if (!department) throw new DomainError(DirectoryErrors['directory.department_not_found'], { departmentId: joiner.departmentId });
  const taken = new Set(
    (await tables(ctx.trx).selectFrom('members').select('userid').where('corp_id', '=', ctx.corpId).where('userid', 'like', `${joiner.loginName}%`).execute()).map((r) => r.userid.toLowerCase()),
  );
  let userid = joiner.loginName;
  for (let n = 2; taken.has(userid.toLowerCase()); n++) userid = `${joiner.loginName}-${n}`;
  const id = await insertMember(ctx, { name: joiner.name, userid, accountId: joiner.accountId, departmentIds: [joiner.departmentId], mainDepartmentId: joiner.departmentId });
  await audit(ctx, { action: 'contacts.member.join', target: { type: 'member', id }, after: { name: joiner.name, userid, departmentIds: [joiner.departmentId] } });
  await publish(ctx, DirectoryEvents['member.created'], { memberId: id });
  return id;
}

/** How many members the actor reads are in each activation state (the contacts' counts). */
export async function activationCounts(ctx: ReadCtx): Promise<Record<Activation, number>> {
  const read = await readScope(ctx);
  const rows = await tables(ctx.trx)
    .selectFrom('members as m')
    .select([activationExpression.as('activation'), (eb) => eb.fn.countAll<number>().as('count')])
    .where('m.corp_id', '=', ctx.corpId)
    .where((eb) => memberScopeFilter(eb, read))
    .groupBy(activationExpression)
    .execute();
  const counts = Object.fromEntries(ACTIVATIONS.map((a) => [a, 0])) as Record<Activation, number>;
  for (const row of rows) counts[row.activation] = Number(row.count);
  return counts;
}

/** The named departments that exist, with their names and whether the actor manages each. */
export async function departmentsForActor(ctx: ReadCtx, ids: readonly string[]): Promise<Map<string, { name: string; managed: boolean }>> {
  if (ids.length === 0) return new Map();
  const scope = await manageScope(ctx);
  const rows = await tables(ctx.trx).selectFrom('departments').select(['id', 'name', 'path']).where('corp_id', '=', ctx.corpId).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, managed: departmentInScope(scope, r.path) }]));
}
