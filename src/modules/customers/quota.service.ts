import { sql } from 'kysely';
import type { TxCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { DAY, toIso } from '../../platform/clock.ts';
import { divideHalfUp, type Fen } from '../../platform/money.ts';
import { newId } from '../../platform/ids.ts';
import { isCertified } from '../corp/index.ts';
import { CustomerErrors } from './customers.errors.ts';
import { prepared, tables } from './customers.tables.ts';

/** 免费提供2000人的外部联系人规模. */
export const FREE_QUOTA = 2_000;
/** 添加超过 100 人以上，需要企业先做企业认证. */
export const UNCERTIFIED_LIMIT = 100;
/** A bought tier lasts one year (有效期 1 年), counted as 365 days as in the upgrade formula. */
export const TIER_DAYS = 365;

/** The seed's price ladder, per year. Larger scales (更大规模) are arranged with the operator. */
export const TIERS: readonly { size: number; priceFen: Fen }[] = [
  { size: 5_000, priceFen: 50_000 },
  { size: 20_000, priceFen: 200_000 },
  { size: 50_000, priceFen: 500_000 },
  { size: 200_000, priceFen: 2_000_000 },
  { size: 500_000, priceFen: 5_000_000 },
  { size: 1_000_000, priceFen: 10_000_000 },
];

export function tierPrice(size: number): Fen {
  const tier = TIERS.find((t) => t.size === size);
  if (!tier) throw new DomainError(CustomerErrors['customers.unknown_tier'], { size });
  return tier.priceFen;
}

export interface ActiveTier {
  size: number;
  priceFen: Fen;
  /** Start of the year the tier belongs to (an upgrade keeps the original term). */
  termStart: number;
  endsAt: number;
}

export async function activeTier(db: Executor, corpId: string, now: number): Promise<ActiveTier | undefined> {
  const row = await tables(db)
    .selectFrom('quota_tiers')
    .select(['size', 'ends_at'])
    .where('corp_id', '=', corpId)
    .where('starts_at', '<=', now)
    .where('ends_at', '>', now)
    .orderBy('size', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  return { size: row.size, priceFen: tierPrice(row.size), termStart: row.ends_at - TIER_DAYS * DAY, endsAt: row.ends_at };
}

export interface QuotaLimit {
  limit: number;
  certified: boolean;
  tier: ActiveTier | undefined;
}

/** The largest tier in force. */
const tierInForce = prepared((db, p: { corpId: string; now: number }) =>
  db.selectFrom('quota_tiers').select(['size', 'ends_at']).where('corp_id', '=', p.corpId).where('starts_at', '<=', p.now).where('ends_at', '>', p.now).orderBy('size', 'desc').limit(1),
);

/** How many customers the enterprise may hold at `now`: 100 uncertified, else the free 2,000 or the bought tier. */
export async function quotaLimit(db: Executor, corpId: string, now: number): Promise<QuotaLimit> {
  const certified = await isCertified(db, corpId, now);
  const row = (await tierInForce.execute(db, { corpId, now })).rows[0];
  const size = row === undefined ? undefined : Number(row.size);
  const tier = size === undefined ? undefined : { size, priceFen: tierPrice(size), termStart: Number(row!.ends_at) - TIER_DAYS * DAY, endsAt: Number(row!.ends_at) };
  const limit = certified ? Math.max(FREE_QUOTA, tier?.size ?? 0) : UNCERTIFIED_LIMIT;
  return { limit, certified, tier };
}

/** 已服务 X 位, read from the counter (constant time whatever the number of customers). */
export async function servedCount(db: Executor, corpId: string): Promise<number> {
  const row = await tables(db).selectFrom('customer_counters').select('served').where('corp_id', '=', corpId).executeTakeFirst();
  return row?.served ?? 0;
}

/** The same number counted from the rows: distinct customers held by a friendship or a group. For checks. */
export async function recountServed(db: Executor, corpId: string): Promise<number> {
  const row = await tables(db)
    .selectFrom('customers as c')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('c.corp_id', '=', corpId)
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('friendships as f').select('f.customer_id').whereRef('f.corp_id', '=', 'c.corp_id').whereRef('f.customer_id', '=', 'c.id')),
        eb.exists(
          eb
            .selectFrom('group_customers as g')
            .innerJoin('customer_groups as cg', (j) => j.onRef('cg.corp_id', '=', 'g.corp_id').onRef('cg.id', '=', 'g.group_id'))
            .select('g.customer_id')
            .whereRef('g.corp_id', '=', 'c.corp_id')
            .whereRef('g.customer_id', '=', 'c.id')
            .where('cg.dissolved_at', 'is', null),
        ),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Takes one place of the quota for a customer who just started being held. A compare-and-set on
 * the counter (`served < limit`), so concurrent adds can never push it past the quota.
 */
const takeCounterPlace = prepared((db, p: { corpId: string; limit: number; now: number }) =>
  db.updateTable('customer_counters').set({ served: sql<number>`served + 1`, updated_at: p.now }).where('corp_id', '=', p.corpId).where('served', '<', p.limit),
);

async function takePlace(ctx: TxCtx): Promise<void> {
  const { limit, certified } = await quotaLimit(ctx.trx, ctx.corpId, ctx.now);
  const take = async () => Number((await takeCounterPlace.execute(ctx.trx, { corpId: ctx.corpId, limit, now: ctx.now })).numAffectedRows) === 1;
  if (await take()) return;
  // No counter yet: make it (whoever comes first; the others wait for that insert to commit) and retry.
  await tables(ctx.trx).insertInto('customer_counters').values({ corp_id: ctx.corpId, served: 0, updated_at: ctx.now }).onConflict((oc) => oc.doNothing()).execute();
  if (await take()) return;
  throw new DomainError(certified ? CustomerErrors['customers.quota_exceeded'] : CustomerErrors['customers.uncertified_limit'], { limit });
}

/**
 * One more friendship or group membership holds the customer. When it is the first, the customer
 * starts counting and takes a place of the quota; re-adding a customer already counted never does.
 */
// Starts counting from now when nobody held the customer; a refused place rolls this back too.
const addHolder = prepared((db, p: { corpId: string; customerId: string; now: number }) =>
  db
    .updateTable('customers')
    .set({ holders: sql<number>`holders + 1`, counted_since: sql<number>`case when holders = 0 then ${p.now} else counted_since end` })
    .where('corp_id', '=', p.corpId)
    .where('id', '=', p.customerId)
    .returning('holders'),
);

export async function holdCustomer(ctx: TxCtx, customerId: string): Promise<{ newlyCounted: boolean }> {
  const row = (await addHolder.execute(ctx.trx, { corpId: ctx.corpId, customerId, now: ctx.now })).rows[0];
  if (!row) throw new DomainError('not_found', { customerId });
  if (Number(row.holders) !== 1) return { newlyCounted: false };
  await takePlace(ctx);
  return { newlyCounted: true };
}

/** One holder let go of these customers; those no longer held by anyone release their place. */
export async function releaseCustomers(ctx: TxCtx, customerIds: readonly string[]): Promise<number> {
  let released = 0;
  for (let i = 0; i < customerIds.length; i += 500) {
    const rows = await tables(ctx.trx)
      .updateTable('customers')
      .set({ holders: sql<number>`holders - 1`, counted_since: sql<number | null>`case when holders = 1 then null else counted_since end` })
      .where('corp_id', '=', ctx.corpId)
      .where('id', 'in', customerIds.slice(i, i + 500))
      .where('holders', '>', 0)
      .returning('holders')
      .execute();
    released += rows.filter((r) => Number(r.holders) === 0).length;
  }
  if (released > 0) {
    await tables(ctx.trx)
      .updateTable('customer_counters')
      .set({ served: sql<number>`served - ${released}`, updated_at: ctx.now })
      .where('corp_id', '=', ctx.corpId)
      .execute();
  }
  return released;
}

export interface TierQuote {
  kind: 'new' | 'upgrade';
  size: number;
  /** The tier's list price per year. */
  listPriceFen: Fen;
  /** What this purchase costs: the list price, or the upgrade difference for the days left. */
  priceFen: Fen;
  /** Days of the current term already used (n of the formula); 0 for a new tier. */
  daysUsed: number;
  startsAt: string;
  endsAt: string;
}

/**
 * The price of buying a tier now. With a tier in force, an upgrade costs
 * `y/365·(365−n) − x/365·(365−n)` (x old, y new list price, n whole days used), half-up to the fen,
 * and ends with the original term.
 */
export async function quoteTier(db: Executor, corpId: string, now: number, size: number): Promise<TierQuote> {
  const y = tierPrice(size);
  const current = await activeTier(db, corpId, now);
  if (!current) {
    return { kind: 'new', size, listPriceFen: y, priceFen: y, daysUsed: 0, startsAt: toIso(now), endsAt: toIso(now + TIER_DAYS * DAY) };
  }
  if (size <= current.size) throw new DomainError(CustomerErrors['customers.tier_not_higher'], { current: current.size, requested: size });
  const n = Math.floor((now - current.termStart) / DAY);
  const price = divideHalfUp((y - current.priceFen) * (TIER_DAYS - n), TIER_DAYS);
  return { kind: 'upgrade', size, listPriceFen: y, priceFen: price, daysUsed: n, startsAt: toIso(now), endsAt: toIso(current.endsAt) };
}

/** Records a paid tier (called in the payment's transaction). */
export async function grantTier(ctx: TxCtx, quote: TierQuote, orderId: string | null): Promise<void> {
  const current = await activeTier(ctx.trx, ctx.corpId, ctx.now);
  await tables(ctx.trx)
    .insertInto('quota_tiers')
    .values({
      corp_id: ctx.corpId,
      id: newId('qtier', ctx.now),
      size: quote.size,
      price_fen: quote.listPriceFen,
      paid_fen: quote.priceFen,
      starts_at: ctx.now,
      ends_at: Date.parse(quote.endsAt),
      upgraded_from: quote.kind === 'upgrade' ? (current?.size ?? null) : null,
      order_id: orderId,
      created_at: ctx.now,
    })
    .execute();
}
