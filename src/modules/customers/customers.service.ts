import type { Ctx, TxCtx } from '../../platform/context.ts';
import { publish } from '../../platform/events.ts';
import { CustomerEvents } from './customers.events.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { audit } from '../../platform/audit.ts';
import { DAY, HOUR, toIso } from '../../platform/clock.ts';
import { assertCategoryAllows } from '../category/index.ts';
import { getCorp } from '../corp/index.ts';
import { CustomerErrors } from './customers.errors.ts';
import { holdCustomer, quotaLimit, releaseCustomers, servedCount, FREE_QUOTA } from './quota.service.ts';
import type { FriendshipState, OneWayReason } from './customers.tables.ts';
import { prepared, tables } from './customers.tables.ts';

export interface CustomerIdentity {
  externalId: string;
  name: string;
}

/** The enterprise's customer for this external identity, made on first sight (not yet counted). */
// One statement whether new or known: the no-op update on conflict makes `returning` give the row.
const upsertCustomer = prepared((db, p: { corpId: string; id: string; externalId: string; name: string; now: number }) =>
  db
    .insertInto('customers')
    .values({ corp_id: p.corpId, id: p.id, external_id: p.externalId, name: p.name, holders: 0, counted_since: null, created_at: p.now })
    .onConflict((oc) => oc.columns(['corp_id', 'external_id']).doUpdateSet((eb) => ({ name: eb.ref('customers.name') })))
    .returning('id'),
);

export async function ensureCustomer(ctx: TxCtx, who: CustomerIdentity): Promise<string> {
  const { rows } = await upsertCustomer.execute(ctx.trx, { corpId: ctx.corpId, id: newId('cus', ctx.now), externalId: who.externalId, name: who.name, now: ctx.now });
  return rows[0]!.id;
}

export interface AddFriendInput {
  memberId: string;
  customerId: string;
  /** false: the customer allowed adding without verification and did not add back (单向). */
  addedBack: boolean;
  source: 'manual' | 'link';
  linkId?: string | null;
}

/**
 * Makes the customer a friend of the member. Re-adding an existing friend changes nothing; a new
 * friendship holds the customer (and takes a quota place if nobody held them).
 * Returns whether a friendship was made.
 */
const insertFriendship = prepared((db, p: { corpId: string; memberId: string; customerId: string; state: FriendshipState; oneWayReason: 'not_added_back' | null; source: 'manual' | 'link'; linkId: string | null; now: number }) =>
  db
    .insertInto('friendships')
    .values({ corp_id: p.corpId, member_id: p.memberId, customer_id: p.customerId, state: p.state, one_way_reason: p.oneWayReason, source: p.source, link_id: p.linkId, added_at: p.now })
    .onConflict((oc) => oc.doNothing()),
);

export async function addFriendship(ctx: TxCtx, input: AddFriendInput): Promise<{ created: boolean; newlyCounted: boolean }> {
  const inserted = await insertFriendship.execute(ctx.trx, {
    corpId: ctx.corpId,
    memberId: input.memberId,
    customerId: input.customerId,
    state: input.addedBack ? 'mutual' : 'one_way',
    oneWayReason: input.addedBack ? null : 'not_added_back',
    source: input.source,
    linkId: input.linkId ?? null,
    now: ctx.now,
  });
  if (Number(inserted.numAffectedRows ?? 0) === 0) return { created: false, newlyCounted: false };
  const { newlyCounted } = await holdCustomer(ctx, input.customerId);
  return { created: true, newlyCounted };
}

function memberOf(ctx: Ctx): { id: string } {
  if (ctx.actor.kind !== 'member') throw new DomainError('forbidden', { reason: 'only a member of the enterprise has customers' });
  return ctx.actor;
}

export async function addCustomerAsMember(ctx: Ctx, input: CustomerIdentity & { addedBack: boolean }): Promise<CustomerView> {
  const member = memberOf(ctx);
  const customerId = await ensureCustomer(ctx, input);
  const { created } = await addFriendship(ctx, { memberId: member.id, customerId, addedBack: input.addedBack, source: 'manual' });
  if (created) {
    await audit(ctx, { action: 'customers.add', target: { type: 'customer', id: customerId }, after: { memberId: member.id, addedBack: input.addedBack } });
    await publish(ctx, CustomerEvents['customer.added'], { memberId: member.id, customerId, oneWay: !input.addedBack });
  }
  return (await listFriends(ctx.trx, ctx.corpId, member.id, { customerId, limit: 1 })).items[0]!;
}

/**
 * The member deletes the customer (成员主动删除). Irreversible: adding them again is a new add. The
 * place is released only when no member and no group holds the customer any more.
 */
export async function deleteFriend(ctx: Ctx, customerId: string): Promise<{ released: boolean }> {
  const member = memberOf(ctx);
  const gone = await tables(ctx.trx).deleteFrom('friendships').where('corp_id', '=', ctx.corpId).where('member_id', '=', member.id).where('customer_id', '=', customerId).executeTakeFirst();
  if (Number(gone.numDeletedRows) === 0) throw new DomainError(CustomerErrors['customers.not_friend'], { customerId });
  const released = (await releaseCustomers(ctx, [customerId])) === 1;
  await audit(ctx, { action: 'customers.delete', target: { type: 'customer', id: customerId }, after: { memberId: member.id, released } });
  await publish(ctx, CustomerEvents['customer.deleted'], { memberId: member.id, customerId });
  return { released };
}

/**
 * What the customer did on their side, as reported by the messaging connector: adding the member
 * back makes the friendship mutual; deleting the member makes it one-way and releases nothing.
 */
export async function customerEvent(ctx: Ctx, memberId: string, customerId: string, event: 'added_back' | 'deleted_member'): Promise<void> {
  const set = event === 'added_back' ? { state: 'mutual' as const, one_way_reason: null } : { state: 'one_way' as const, one_way_reason: 'deleted_by_customer' as const };
  const done = await tables(ctx.trx).updateTable('friendships').set(set).where('corp_id', '=', ctx.corpId).where('member_id', '=', memberId).where('customer_id', '=', customerId).executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0) throw new DomainError(CustomerErrors['customers.not_friend'], { customerId, memberId });
  await audit(ctx, { action: `customers.${event}`, target: { type: 'customer', id: customerId }, after: { memberId } });
  if (event === 'deleted_member') await publish(ctx, CustomerEvents['customer.member_deleted'], { memberId, customerId });
}

export interface CustomerView {
  id: string;
  name: string;
  externalId: string;
  state: FriendshipState;
  oneWayReason: OneWayReason | null;
  addedAt: string;
}

export async function listFriends(
  db: Executor,
  corpId: string,
  memberId: string,
  query: { oneWay?: boolean | undefined; customerId?: string; cursor?: string | undefined; limit: number },
): Promise<{ items: CustomerView[]; nextCursor: string | null }> {
  let q = tables(db)
    .selectFrom('friendships as f')
    .innerJoin('customers as c', (j) => j.onRef('c.corp_id', '=', 'f.corp_id').onRef('c.id', '=', 'f.customer_id'))
    .select(['c.id', 'c.name', 'c.external_id', 'f.state', 'f.one_way_reason', 'f.added_at'])
    .where('f.corp_id', '=', corpId)
    .where('f.member_id', '=', memberId);
  if (query.oneWay !== undefined) q = q.where('f.state', '=', query.oneWay ? 'one_way' : 'mutual');
  if (query.customerId) q = q.where('c.id', '=', query.customerId);
  if (query.cursor) q = q.where('c.id', '>', query.cursor);
  const rows = await q.orderBy('c.id').limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({ id: r.id, name: r.name, externalId: r.external_id, state: r.state, oneWayReason: r.one_way_reason, addedAt: toIso(r.added_at) })),
    nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null,
  };
}

/** 单向学员 (`student`) in the education editions (education, home–school), 单向客户 (`customer`) elsewhere; the console names the term. */
export async function oneWayTerm(db: Executor, corpId: string): Promise<'customer' | 'student'> {
  const corp = await getCorp(db, corpId);
  return corp.industry === 'education' || corp.industry === 'home_school' ? 'student' : 'customer';
}

// --- customer groups (客户群) -------------------------------------------------------------------

export interface GroupView {
  id: string;
  name: string;
  ownerMemberId: string;
  customers: number;
  createdAt: string;
  dissolvedAt: string | null;
}

export async function createGroup(ctx: Ctx, name: string): Promise<GroupView> {
  const member = memberOf(ctx);
  const id = newId('cgrp', ctx.now);
  await tables(ctx.trx).insertInto('customer_groups').values({ corp_id: ctx.corpId, id, name, owner_member_id: member.id, created_at: ctx.now, dissolved_at: null }).execute();
  await audit(ctx, { action: 'customers.group_create', target: { type: 'customer_group', id }, after: { name } });
  return (await listGroups(ctx.trx, ctx.corpId, id))[0]!;
}

async function liveGroup(ctx: TxCtx, groupId: string): Promise<void> {
  const group = await tables(ctx.trx).selectFrom('customer_groups').select('dissolved_at').where('corp_id', '=', ctx.corpId).where('id', '=', groupId).executeTakeFirst();
  if (!group) throw new DomainError('not_found', { groupId });
  if (group.dissolved_at !== null) throw new DomainError(CustomerErrors['customers.group_dissolved'], { groupId });
}

/** A customer joins a group: the group holds them (a new customer takes a quota place). */
export async function joinGroup(ctx: Ctx, groupId: string, who: CustomerIdentity): Promise<{ customerId: string; newlyCounted: boolean }> {
  await liveGroup(ctx, groupId);
  const customerId = await ensureCustomer(ctx, who);
  const inserted = await tables(ctx.trx).insertInto('group_customers').values({ corp_id: ctx.corpId, group_id: groupId, customer_id: customerId, joined_at: ctx.now }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return { customerId, newlyCounted: false };
  const { newlyCounted } = await holdCustomer(ctx, customerId);
  await audit(ctx, { action: 'customers.group_join', target: { type: 'customer_group', id: groupId }, after: { customerId } });
  return { customerId, newlyCounted };
}

/** A customer leaves a group; released only when out of every group and no member holds them. */
export async function leaveGroup(ctx: Ctx, groupId: string, customerId: string): Promise<{ released: boolean }> {
  const gone = await tables(ctx.trx).deleteFrom('group_customers').where('corp_id', '=', ctx.corpId).where('group_id', '=', groupId).where('customer_id', '=', customerId).executeTakeFirst();
  if (Number(gone.numDeletedRows) === 0) throw new DomainError('not_found', { groupId, customerId });
  const released = (await releaseCustomers(ctx, [customerId])) === 1;
  await audit(ctx, { action: 'customers.group_leave', target: { type: 'customer_group', id: groupId }, after: { customerId, released } });
  return { released };
}

/** Dissolving a group (解散) lets go of all its customers at once. */
export async function dissolveGroup(ctx: Ctx, groupId: string): Promise<{ released: number }> {
  // Another enterprise's group (or none) is not found, not "already dissolved".
  await liveGroup(ctx, groupId);
  const done = await tables(ctx.trx).updateTable('customer_groups').set({ dissolved_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('id', '=', groupId).where('dissolved_at', 'is', null).executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0) throw new DomainError(CustomerErrors['customers.group_dissolved'], { groupId });
  const members = await tables(ctx.trx).deleteFrom('group_customers').where('corp_id', '=', ctx.corpId).where('group_id', '=', groupId).returning('customer_id').execute();
  const released = await releaseCustomers(
    ctx,
    members.map((m) => m.customer_id),
  );
  await audit(ctx, { action: 'customers.group_dissolve', target: { type: 'customer_group', id: groupId }, after: { customers: members.length, released } });
  return { released };
}

export async function listGroups(db: Executor, corpId: string, groupId?: string): Promise<GroupView[]> {
  let q = tables(db)
    .selectFrom('customer_groups as g')
    .select((eb) => [
      'g.id',
      'g.name',
      'g.owner_member_id',
      'g.created_at',
      'g.dissolved_at',
      eb.selectFrom('group_customers as gc').select(eb.fn.countAll<number>().as('n')).whereRef('gc.corp_id', '=', 'g.corp_id').whereRef('gc.group_id', '=', 'g.id').as('customers'),
    ])
    .where('g.corp_id', '=', corpId);
  if (groupId) q = q.where('g.id', '=', groupId);
  const rows = await q.orderBy('g.id', 'desc').limit(200).execute();
  return rows.map((r) => ({ id: r.id, name: r.name, ownerMemberId: r.owner_member_id, customers: Number(r.customers ?? 0), createdAt: toIso(r.created_at), dissolvedAt: toIso(r.dissolved_at) }));
}

// --- the overview (客户总数 / 今日新增 / 已服务 X 位) ----------------------------------------------------

/** Midnight in China (UTC+8) of the day holding `now`: "today" for the overview. */
export function startOfChinaDay(now: number): number {
  return now - ((now + 8 * HOUR) % DAY);
}

export interface CustomerOverview {
  served: number;
  todayNew: number;
  limit: number;
  freeQuota: number;
  certified: boolean;
  tier: { size: number; endsAt: string } | null;
}

/** Blocked with `category.required` while the business category is unset (seed: 查看客户总数/今日新增). */
export async function customerOverview(db: Executor, corpId: string, now: number): Promise<CustomerOverview> {
  await assertCategoryAllows(db, corpId, 'customer_stats');
  const served = await servedCount(db, corpId);
  const today = await tables(db)
    .selectFrom('customers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('corp_id', '=', corpId)
    .where('counted_since', '>=', startOfChinaDay(now))
    .executeTakeFirstOrThrow();
  const { limit, certified, tier } = await quotaLimit(db, corpId, now);
  return { served, todayNew: Number(today.n), limit, freeQuota: FREE_QUOTA, certified, tier: tier ? { size: tier.size, endsAt: toIso(tier.endsAt) } : null };
}
