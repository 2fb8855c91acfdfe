import { sql } from 'kysely';
import type { TxCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { CustomerErrors } from './customers.errors.ts';
import { quotaLimit, servedCount } from './quota.service.ts';
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

/** Ids grouped by their count: customer → n becomes n → customers. */
function byCount(counts: Map<string, number>): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const [id, n] of counts) {
    const ids = out.get(n);
    if (ids) ids.push(id);
    else out.set(n, [id]);
  }
  return out;
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

export type Received = { ok: true; customerId: string; follows: number } | { ok: false; reason: 'quota_exceeded'; limit: number };

/**
 * Receives customers with their follow relations (member ids of `ctx.corpId`), by key: each
 * customer is found by their external identity or made, each relation keeps its state and when it
 * began. Receiving one twice writes nothing the second time. A customer new to the enterprise (or
 * held by nobody) takes a place of the quota, in order, while there is room; the others are refused
 * (quota_exceeded) and nothing of theirs is written. A batch at a time: a few statements for all of
 * them, one per customer for its holders; the places are taken by one compare-and-set on the counter,
 * so concurrent adds can still never push it past the quota (the batch fails then, and is retried).
 */
export async function receiveCustomers<K extends string>(ctx: TxCtx, customers: readonly { key: K; externalId: string; name: string; follows: readonly Follow[] }[]): Promise<Map<K, Received>> {
  const out = new Map<K, Received>();
  if (customers.length === 0) return out;
  const external = [...new Set(customers.map((c) => c.externalId))];
  const known = new Map(
    (await tables(ctx.trx).selectFrom('customers').select(['id', 'external_id', 'holders']).where('corp_id', '=', ctx.corpId).where('external_id', 'in', external).execute()).map((r) => [r.external_id, { id: r.id, held: Number(r.holders) > 0 }]),
  );
  const heldBefore = new Set([...known.values()].filter((k) => k.held).map((k) => k.id));
  const { limit } = await quotaLimit(ctx.trx, ctx.corpId, ctx.now);
  let room = limit - (await servedCount(ctx.trx, ctx.corpId));
  const accepted: { key: K; customerId: string; follows: readonly Follow[] }[] = [];
  const made: { id: string; externalId: string; name: string }[] = [];
  for (const c of customers) {
    let found = known.get(c.externalId);
    if (!found?.held) {
      if (room <= 0) {
        out.set(c.key, { ok: false, reason: 'quota_exceeded', limit });
        continue;
      }
      room--;
    }
    if (!found) {
      found = { id: newId('cus', ctx.now), held: false };
      made.push({ id: found.id, externalId: c.externalId, name: c.name });
    }
    // Held from here on: a second customer of the batch with the same identity takes no second place.
    known.set(c.externalId, { id: found.id, held: true });
    accepted.push({ key: c.key, customerId: found.id, follows: c.follows });
  }
  if (made.length > 0) {
    await tables(ctx.trx)
      .insertInto('customers')
      .values(made.map((m) => ({ corp_id: ctx.corpId, id: m.id, external_id: m.externalId, name: m.name, holders: 0, counted_since: null, created_at: ctx.now })))
      .execute();
  }
  const relations = accepted.flatMap((a) => a.follows.map((f) => ({ corp_id: ctx.corpId, member_id: f.memberId, customer_id: a.customerId, state: f.state, one_way_reason: f.oneWayReason, source: f.source, link_id: null, added_at: f.addedAt })));
  const written = new Map<string, number>();
  for (let i = 0; i < relations.length; i += 500) {
    // The link belonged to the other enterprise: the relation keeps its source, not the link.
    const rows = await tables(ctx.trx).insertInto('friendships').values(relations.slice(i, i + 500)).onConflict((oc) => oc.doNothing()).returning('customer_id').execute();
    for (const r of rows) written.set(r.customer_id, (written.get(r.customer_id) ?? 0) + 1);
  }
  // One statement per number of relations written (a customer gains 1, 2, … holders), not per customer.
  let newlyCounted = 0;
  for (const [n, ids] of byCount(written)) {
    for (let i = 0; i < ids.length; i += 500) {
      await tables(ctx.trx)
        .updateTable('customers')
        .set({ holders: sql<number>`holders + ${n}`, counted_since: sql<number>`case when holders = 0 then ${ctx.now} else counted_since end` })
        .where('corp_id', '=', ctx.corpId)
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
    }
    newlyCounted += ids.filter((id) => !heldBefore.has(id)).length;
  }
  if (newlyCounted > 0) {
    await tables(ctx.trx).insertInto('customer_counters').values({ corp_id: ctx.corpId, served: 0, updated_at: ctx.now }).onConflict((oc) => oc.doNothing()).execute();
    const taken = await tables(ctx.trx)
      .updateTable('customer_counters')
      .set({ served: sql<number>`served + ${newlyCounted}`, updated_at: ctx.now })
      .where('corp_id', '=', ctx.corpId)
      .where('served', '<=', limit - newlyCounted)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) throw new DomainError(CustomerErrors['customers.quota_exceeded'], { limit });
  }
  for (const a of accepted) out.set(a.key, { ok: true, customerId: a.customerId, follows: written.get(a.customerId) ?? 0 });
  return out;
}

/**
 * Lets go of the follow relations between these customers and these members (all pairs); a
 * customer nothing holds any more releases its place.
 */
export async function releaseRelations(ctx: TxCtx, customerIds: readonly string[], memberIds: readonly string[]): Promise<number> {
  if (customerIds.length === 0 || memberIds.length === 0) return 0;
  const gone = new Map<string, number>();
  for (let i = 0; i < customerIds.length; i += 500) {
    const rows = await tables(ctx.trx)
      .deleteFrom('friendships')
      .where('corp_id', '=', ctx.corpId)
      .where('customer_id', 'in', customerIds.slice(i, i + 500))
      .where('member_id', 'in', [...new Set(memberIds)])
      .returning('customer_id')
      .execute();
    for (const r of rows) gone.set(r.customer_id, (gone.get(r.customer_id) ?? 0) + 1);
  }
  let released = 0;
  for (const [n, ids] of byCount(gone)) {
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await tables(ctx.trx)
        .updateTable('customers')
        .set({ holders: sql<number>`holders - ${n}`, counted_since: sql<number | null>`case when holders = ${n} then null else counted_since end` })
        .where('corp_id', '=', ctx.corpId)
        .where('id', 'in', ids.slice(i, i + 500))
        .returning('holders')
        .execute();
      released += rows.filter((r) => Number(r.holders) === 0).length;
    }
  }
  if (released > 0) await tables(ctx.trx).updateTable('customer_counters').set({ served: sql<number>`served - ${released}`, updated_at: ctx.now }).where('corp_id', '=', ctx.corpId).execute();
  return [...gone.values()].reduce((a, b) => a + b, 0);
}
