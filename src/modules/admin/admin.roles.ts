import { randomBytes } from 'node:crypto';
import type { Actor, Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { emptyRightSet, unionRights, type HierarchicalAdmin, type RightSet, type RoleSnapshot } from '../../platform/policy/index.ts';
import { getAccount } from '../account/index.ts';
import { creatorAccountOf } from '../corp/index.ts';
import { activeMemberOfAccount } from '../directory/index.ts';
import { prepared, tables } from './admin.tables.ts';

/**
 * The roles of an enterprise as the platform's policy reads them (the `roles` provider).
 *
 * Speed: the admins of an enterprise are read into an in-process snapshot, keyed by the enterprise's
 * admin stamp. Every admin change writes a fresh random stamp in its own transaction, and every check
 * reads the stamp (one primary-key read), so a revoked right is denied on the very next request, in
 * this process or any other. A stamp from a rolled-back transaction is random and never recurs, so a
 * snapshot built inside one can never be mistaken for committed state.
 */

const snapshots = new Map<string, RoleSnapshot>();
/**
 * Transactions that are changing admins. They read the admins afresh on every check (seeing their
 * own writes) and never cache: their new stamp is written before their changes are.
 */
const changing = new WeakSet<Executor>();
const MAX_CACHED_CORPS = 2000;

const stampOf = prepared((db, p: { corpId: string }) => db.selectFrom('admin_stamps').select('stamp').where('corp_id', '=', p.corpId));

/** Prepared: every check of a right reads it. */
async function readStamp(db: Executor, corpId: string): Promise<string> {
  const row = (await stampOf.execute(db, { corpId })).rows[0];
  return row?.stamp ?? '';
}

/**
 * Marks the enterprise's admins as changed. Call it FIRST in every command that changes who is an
 * admin or what an admin holds: the write takes the stamp row's lock, so concurrent admin changes
 * of one enterprise run one after the other and each reads the rights the previous one committed.
 */
export async function bumpAdminStamp(ctx: Pick<Ctx, 'corpId' | 'trx'>): Promise<void> {
  changing.add(ctx.trx);
  const stamp = randomBytes(12).toString('base64url');
  await tables(ctx.trx)
    .insertInto('admin_stamps')
    .values({ corp_id: ctx.corpId, stamp })
    .onConflict((oc) => oc.column('corp_id').doUpdateSet({ stamp }))
    .execute();
}

async function buildSnapshot(db: Executor, corpId: string, stamp: string): Promise<RoleSnapshot> {
  const admin = tables(db);
  const creatorAccountId = await creatorAccountOf(db, corpId);
  const supers = await admin.selectFrom('super_admins').select(['account_id', 'kind', 'member_id']).where('corp_id', '=', corpId).execute();
  const groupRows = await admin.selectFrom('admin_groups').select(['id', 'name']).where('corp_id', '=', corpId).execute();
  const adminRows = await admin.selectFrom('hierarchical_admins').select(['member_id', 'group_id']).where('corp_id', '=', corpId).execute();
  const rightRows = await admin.selectFrom('admin_rights').select(['holder_kind', 'holder_id', 'kind', 'target_id', 'level']).where('corp_id', '=', corpId).execute();

  const groups = new Map(groupRows.map((g) => [g.id, { name: g.name, rights: emptyRightSet() }]));
  const own = new Map(adminRows.map((a) => [a.member_id, emptyRightSet()]));
  for (const row of rightRows) {
    const set: RightSet | undefined = row.holder_kind === 'group' ? groups.get(row.holder_id)?.rights : own.get(row.holder_id);
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
    creatorAccountId,
    superAdmins: new Map(supers.map((s) => [s.account_id, { kind: s.kind, memberId: s.member_id }])),
    admins,
    groups,
  };
}

/** The enterprise's roles as of this request: the cached snapshot when the stamp still matches. */
export async function adminSnapshot(db: Executor, corpId: string): Promise<RoleSnapshot> {
  const stamp = await readStamp(db, corpId);
  if (changing.has(db)) return buildSnapshot(db, corpId, stamp);
  const cached = snapshots.get(corpId);
  if (cached && cached.stamp === stamp) return cached;
  const built = await buildSnapshot(db, corpId, stamp);
  if (snapshots.size >= MAX_CACHED_CORPS && !snapshots.has(corpId)) snapshots.delete(snapshots.keys().next().value!);
  snapshots.set(corpId, built);
  return built;
}

/** How an account acts inside an enterprise: as its active member, or as an external super admin. */
export async function accountActor(db: Executor, corpId: string, accountId: string): Promise<Actor | undefined> {
  const member = await activeMemberOfAccount(db, corpId, accountId);
  if (member) return { kind: 'member', id: member.id, name: member.name, accountId };
  const external = await tables(db)
    .selectFrom('super_admins')
    .select('account_id')
    .where('corp_id', '=', corpId)
    .where('account_id', '=', accountId)
    .where('kind', '=', 'external')
    .executeTakeFirst();
  if (!external) return undefined;
  return { kind: 'external', id: accountId, name: (await getAccount(db, accountId)).name, accountId };
}

/**
 * When a member departs or is deleted, every admin role they hold goes in the same transaction:
 * the internal super-admin role, the hierarchical-admin role, its own rights and its group seat.
 */
export async function removeAdminRolesOfMember(ctx: Pick<Ctx, 'corpId' | 'trx'>, memberId: string): Promise<void> {
  await bumpAdminStamp(ctx);
  const admin = tables(ctx.trx);
  await admin.deleteFrom('super_admins').where('corp_id', '=', ctx.corpId).where('member_id', '=', memberId).execute();
  await admin.deleteFrom('hierarchical_admins').where('corp_id', '=', ctx.corpId).where('member_id', '=', memberId).execute();
  await admin.deleteFrom('admin_rights').where('corp_id', '=', ctx.corpId).where('holder_kind', '=', 'admin').where('holder_id', '=', memberId).execute();
}

/** Enterprises where the account is an external super admin (代运营), for the enterprise switcher. */
export async function externalAdminCorpIds(db: Executor, accountId: string): Promise<string[]> {
  const rows = await tables(db).selectFrom('super_admins').select('corp_id').where('account_id', '=', accountId).where('kind', '=', 'external').execute();
  return rows.map((r) => r.corp_id);
}
