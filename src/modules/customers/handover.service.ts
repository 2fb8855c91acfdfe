import { sql } from 'kysely';
import type { TxCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { releaseCustomers } from './quota.service.ts';
import { tables } from './customers.tables.ts';

/** What of a member's customers a hand-over (数据资产交接, 离职继承) moves: their customers and the customer groups they own. */
export interface CustomerAssets {
  customers: number;
  groups: number;
}

/** Per member among `memberIds`, the customers and live groups a hand-over would move (members with none are left out). */
export async function customerAssetsOf(db: Executor, corpId: string, memberIds: readonly string[]): Promise<Map<string, CustomerAssets>> {
  const out = new Map<string, CustomerAssets>();
  const entry = (id: string) => out.get(id) ?? out.set(id, { customers: 0, groups: 0 }).get(id)!;
  for (let at = 0; at < memberIds.length; at += 500) {
    const ids = memberIds.slice(at, at + 500);
    const friends = await tables(db).selectFrom('friendships').select(['member_id', sql<number>`count(*)`.as('n')]).where('corp_id', '=', corpId).where('member_id', 'in', ids).groupBy('member_id').execute();
    for (const r of friends) entry(r.member_id).customers = Number(r.n);
    const groups = await tables(db)
      .selectFrom('customer_groups')
      .select(['owner_member_id', sql<number>`count(*)`.as('n')])
      .where('corp_id', '=', corpId)
      .where('owner_member_id', 'in', ids)
      .where('dissolved_at', 'is', null)
      .groupBy('owner_member_id')
      .execute();
    for (const r of groups) entry(r.owner_member_id).groups = Number(r.n);
  }
  return out;
}

/**
 * 离职继承: the departed member's customers become the successor's, keeping the friendship as it was
 * (mutual or one-way, its source and when it was added), and the successor owns their live
 * customer groups. A customer both already had stays the successor's one friendship; the departed
 * member's hold on them goes, and since the successor still holds them no quota place is freed or
 * taken. Nothing is left with the departed member, so a second call moves nothing.
 */
export async function handOverCustomers(ctx: TxCtx, fromMemberId: string, toMemberId: string): Promise<CustomerAssets> {
  const db = tables(ctx.trx);
  const theirs = (await db.selectFrom('friendships').select('customer_id').where('corp_id', '=', ctx.corpId).where('member_id', '=', fromMemberId).execute()).map((r) => r.customer_id);
  const both: string[] = [];
  for (let at = 0; at < theirs.length; at += 500) {
    const rows = await db.selectFrom('friendships').select('customer_id').where('corp_id', '=', ctx.corpId).where('member_id', '=', toMemberId).where('customer_id', 'in', theirs.slice(at, at + 500)).execute();
    both.push(...rows.map((r) => r.customer_id));
  }
  let moved = 0;
  for (let at = 0; at < both.length; at += 500) {
    const gone = await db.deleteFrom('friendships').where('corp_id', '=', ctx.corpId).where('member_id', '=', fromMemberId).where('customer_id', 'in', both.slice(at, at + 500)).executeTakeFirst();
    moved += Number(gone.numDeletedRows);
  }
  if (both.length > 0) await releaseCustomers(ctx, both);
  const updated = await db.updateTable('friendships').set({ member_id: toMemberId }).where('corp_id', '=', ctx.corpId).where('member_id', '=', fromMemberId).executeTakeFirst();
  moved += Number(updated.numUpdatedRows);
  const groups = await db.updateTable('customer_groups').set({ owner_member_id: toMemberId }).where('corp_id', '=', ctx.corpId).where('owner_member_id', '=', fromMemberId).where('dissolved_at', 'is', null).executeTakeFirst();
  return { customers: moved, groups: Number(groups.numUpdatedRows) };
}
