import { command } from '../../platform/command.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { tables } from './customers.tables.ts';

/**
 * What an API client (the WeCom API's externalcontact/* calls) reads with `customers.api`: who has
 * customers, a member's customers, one customer with everyone following them. A one-way friendship
 * the customer made and the member never added back (单向, not added back) is not a relationship
 * yet, as in WeCom (84061); one the customer deleted (the member keeps it) still is.
 */
const related = (db: Executor, corpId: string) =>
  tables(db)
    .selectFrom('friendships')
    .where('corp_id', '=', corpId)
    .where((eb) => eb.or([eb('one_way_reason', 'is', null), eb('one_way_reason', '!=', 'not_added_back')]));

export interface Follower {
  memberId: string;
  state: 'mutual' | 'one_way';
  source: 'manual' | 'link';
  linkId: string | null;
  addedAt: number;
}

async function followerIds(db: Executor, corpId: string): Promise<string[]> {
  return (await related(db, corpId).select('member_id').distinct().orderBy('member_id').execute()).map((r) => r.member_id);
}

async function customerIdsOf(db: Executor, corpId: string, memberId: string): Promise<string[]> {
  return (await related(db, corpId).select('customer_id').where('member_id', '=', memberId).orderBy('customer_id').execute()).map((r) => r.customer_id);
}

async function customerWithFollowers(db: Executor, corpId: string, customerId: string): Promise<{ id: string; name: string; followers: Follower[] } | null> {
  const customer = await tables(db).selectFrom('customers').select(['id', 'name']).where('corp_id', '=', corpId).where('id', '=', customerId).executeTakeFirst();
  if (!customer) return null;
  const rows = await related(db, corpId).select(['member_id', 'state', 'source', 'link_id', 'added_at']).where('customer_id', '=', customerId).orderBy('added_at').orderBy('member_id').execute();
  return { ...customer, followers: rows.map((r) => ({ memberId: r.member_id, state: r.state, source: r.source, linkId: r.link_id, addedAt: Number(r.added_at) })) };
}

const read = { right: 'customers.api', tx: 'read' } as const;
export const customerApi = {
  followers: command(read, (ctx) => followerIds(ctx.trx, ctx.corpId)),
  customersOf: command(read, (ctx, memberId: string) => customerIdsOf(ctx.trx, ctx.corpId, memberId)),
  customer: command(read, (ctx, customerId: string) => customerWithFollowers(ctx.trx, ctx.corpId, customerId)),
};
