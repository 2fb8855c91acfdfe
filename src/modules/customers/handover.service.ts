import type { TxCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { newId } from '../../platform/ids.ts';
import { holdCustomer, quotaLimit, releaseCustomers, servedCount } from './quota.service.ts';
import type { FriendshipState, OneWayReason } from './customers.tables.ts';
import { tables } from './customers.tables.ts';

/**
 * Customers handed from one enterprise to another (数据迁移): who can be handed over, the follow
 * relations that go with them, written in the receiving enterprise and let go in the giving one.
 * A follow relation is what the API calls one (customers.api.ts): a one-way add the customer never
 * answered (not added back) is not one yet, so a contact held only by such adds, or only by
 * customer groups, is a plain external contact and is not handed over.
 */

export interface Follow {
  memberId: string;
  state: FriendshipState;
  oneWayReason: OneWayReason | null;
  source: 'manual' | 'link';
  addedAt: number;
}

export interface HandoverCustomer {
  id: string;
  externalId: string;
  name: string;
  follows: Follow[];
}

const related = (db: Executor, corpId: string) =>
  tables(db)
    .selectFrom('friendships')
    .where('corp_id', '=', corpId)
    .where((eb) => eb.or([eb('one_way_reason', 'is', null), eb('one_way_reason', '!=', 'not_added_back')]));

/** Up to `limit` customers after `after` (by id) that have at least one follow relation, with those relations. */
export async function customersWithFollows(db: Executor, corpId: string, query: { after: string; limit: number }): Promise<HandoverCustomer[]> {
  const ids = (await related(db, corpId).select('customer_id').where('customer_id', '>', query.after).distinct().orderBy('customer_id').limit(query.limit).execute()).map((r) => r.customer_id);
  return customersByIds(db, corpId, ids);
}

/** The named customers with their follow relations now (a customer without any has none). */
export async function customersByIds(db: Executor, corpId: string, ids: readonly string[]): Promise<HandoverCustomer[]> {
  if (ids.length === 0) return [];
  const customers = await tables(db).selectFrom('customers').select(['id', 'external_id', 'name']).where('corp_id', '=', corpId).where('id', 'in', [...ids]).orderBy('id').execute();
  const follows = await related(db, corpId).select(['customer_id', 'member_id', 'state', 'one_way_reason', 'source', 'added_at']).where('customer_id', 'in', [...ids]).orderBy('customer_id').orderBy('member_id').execute();
  const byCustomer = new Map<string, Follow[]>();
  for (const f of follows) {
    const list = byCustomer.get(f.customer_id) ?? [];
    list.push({ memberId: f.member_id, state: f.state, oneWayReason: f.one_way_reason, source: f.source, addedAt: Number(f.added_at) });
    byCustomer.set(f.customer_id, list);
  }
  return customers.map((c) => ({ id: c.id, externalId: c.external_id, name: c.name, follows: byCustomer.get(c.id) ?? [] }));
}

/**
 * Receives a customer with its follow relations (member ids of `ctx.corpId`): the customer is found
 * by their external identity or made, each relation keeps its state and when it began. Writing it
 * twice writes nothing the second time. Refused, writing nothing, when the customer is new to the
 * enterprise and its quota is full.
 */
export async function receiveCustomer(ctx: TxCtx, customer: { externalId: string; name: string; follows: readonly Follow[] }): Promise<{ ok: true; customerId: string; follows: number } | { ok: false; reason: 'quota_exceeded'; limit: number }> {
  const known = await tables(ctx.trx).selectFrom('customers').select(['id', 'holders']).where('corp_id', '=', ctx.corpId).where('external_id', '=', customer.externalId).executeTakeFirst();
  if (!known || Number(known.holders) === 0) {
    const { limit } = await quotaLimit(ctx.trx, ctx.corpId, ctx.now);
    if ((await servedCount(ctx.trx, ctx.corpId)) >= limit) return { ok: false, reason: 'quota_exceeded', limit };
  }
  let customerId = known?.id;
  if (!customerId) {
    customerId = newId('cus', ctx.now);
    await tables(ctx.trx).insertInto('customers').values({ corp_id: ctx.corpId, id: customerId, external_id: customer.externalId, name: customer.name, holders: 0, counted_since: null, created_at: ctx.now }).execute();
  }
  let written = 0;
  for (const f of customer.follows) {
    const inserted = await tables(ctx.trx)
      .insertInto('friendships')
      // The link belonged to the other enterprise: the relation keeps its source, not the link.
      .values({ corp_id: ctx.corpId, member_id: f.memberId, customer_id: customerId, state: f.state, one_way_reason: f.oneWayReason, source: f.source, link_id: null, added_at: f.addedAt })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) continue;
    await holdCustomer(ctx, customerId);
    written++;
  }
  return { ok: true, customerId, follows: written };
}

/** Lets go of the customer's follow relations with these members; the place is released when nothing holds them any more. */
export async function releaseFollows(ctx: TxCtx, customerId: string, memberIds: readonly string[]): Promise<number> {
  if (memberIds.length === 0) return 0;
  const gone = await tables(ctx.trx).deleteFrom('friendships').where('corp_id', '=', ctx.corpId).where('customer_id', '=', customerId).where('member_id', 'in', [...memberIds]).executeTakeFirst();
  const n = Number(gone.numDeletedRows);
  for (let i = 0; i < n; i++) await releaseCustomers(ctx, [customerId]);
  return n;
}
