import { DomainError } from '../../platform/errors.ts';
import type { Ctx, TxCtx } from '../../platform/context.ts';
import { idempotent } from '../../platform/idempotency.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { payWithBalance, priceQuote, type PaidOrder, type PriceQuote } from '../wallet/index.ts';
import { grantTier, quoteTier, type TierQuote } from './quota.service.ts';
import { tables } from './customers.tables.ts';
import { CustomerErrors } from './customers.errors.ts';

/** The wallet item of 外部联系人规模; an order's quantity is the tier size (number of customers). */
export const QUOTA_ITEM = 'customer_quota';

/** The tier's price as the confirmation shows it (应付 ¥500.00（新购，有效期至 …）, and the balance after). */
export async function quoteTierForConfirmation(db: Executor, corpId: string, now: number, size: number): Promise<TierQuote & { quote: PriceQuote }> {
  const tier = await quoteTier(db, corpId, now, size);
  return { ...tier, quote: await priceQuote(db, corpId, { item: QUOTA_ITEM, quantity: size, totalFen: tier.priceFen, validUntil: tier.endsAt }) };
}

/**
 * Buys (or upgrades to) a tier with the balance at the price the admin confirmed: the quote, the
 * payment (the wallet checks the spending rule) and the tier are one transaction; the same key
 * replays the first result.
 */
export async function buyTier(ctx: Ctx, input: { size: number; quotedFen: number; idempotencyKey: string }): Promise<TierQuote> {
  const { size, quotedFen, idempotencyKey } = input;
  return idempotent(ctx, `quota:${idempotencyKey}`, { command: 'customers.buyTier', size, quotedFen }, async () => {
    await lockQuota(ctx);
    const quote = await quoteTier(ctx.trx, ctx.corpId, ctx.now, size);
    const label = quote.kind === 'upgrade' ? '增购' : '购买';
    await payWithBalance(ctx, { item: QUOTA_ITEM, amountFen: quote.priceFen, quotedFen, quantity: size, idempotencyKey: `quota-pay:${idempotencyKey}`, description: `外部联系人规模 ${size} 位（${label}）` });
    return quote;
  });
}

/**
 * Purchases of one enterprise's quota run one at a time: the first statement takes the row lock of
 * its counter (PostgreSQL; SQLite runs one transaction at a time anyway), so a second purchase
 * quotes only after the first committed and cannot buy the same upgrade twice.
 */
async function lockQuota(ctx: TxCtx): Promise<void> {
  await tables(ctx.trx).insertInto('customer_counters').values({ corp_id: ctx.corpId, served: 0, updated_at: ctx.now }).onConflict((oc) => oc.doNothing()).execute();
  await tables(ctx.trx).updateTable('customer_counters').set({ updated_at: ctx.now }).where('corp_id', '=', ctx.corpId).execute();
}

/**
 * Paying a quota order grants the tier, in the paying transaction (also for orders paid by a
 * channel). Quoted again under the lock: an upgrade overtaken by another purchase is refused.
 */
export async function grantPaidTier(ctx: TxCtx, order: PaidOrder): Promise<void> {
  await lockQuota(ctx);
  const quote = await quoteTier(ctx.trx, ctx.corpId, ctx.now, order.quantity);
  // A generic order is priced per customer·year; an upgrade is prorated and must come through buyQuota.
  if (order.amountFen !== quote.priceFen) throw new DomainError(CustomerErrors['customers.quota_price_mismatch'], { orderFen: order.amountFen, tierFen: quote.priceFen });
  await grantTier(ctx, quote, order.id);
}

/** Refunding a quota order takes its tier away; customers already held stay, new ones meet the lower quota. */
export async function withdrawRefundedTier(ctx: TxCtx, order: PaidOrder): Promise<void> {
  await tables(ctx.trx).deleteFrom('quota_tiers').where('corp_id', '=', ctx.corpId).where('order_id', '=', order.id).execute();
}
