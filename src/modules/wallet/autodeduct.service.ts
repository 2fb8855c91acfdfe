import type { Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { idempotent } from '../../platform/idempotency.ts';
import { assertCategoryAllows } from '../category/index.ts';
import { getCorp } from '../corp/index.ts';
import { AUTO_DEDUCT_ITEMS, catalogItem, type AutoDeductItem } from './catalog.ts';
import { assertQuoted, priceQuote, type PriceQuote } from './quotes.ts';
import { ensureWallet, post, revenueAccount } from './ledger.service.ts';
import { assertMaySpend } from './rules.service.ts';
import { alertIfLow } from './alerts.service.ts';
import { WalletErrors } from './wallet.errors.ts';
import { tables } from './wallet.tables.ts';

/**
 * 自动扣款管理: only the acquisition assistant; switched on and off by a member allowed to buy it
 * with the balance; not offered to home-school (家校) and government (政务) enterprises. With it on,
 * each successful customer add is charged at once; with too little balance the charge fails and
 * writes nothing (暂不支持欠费).
 */
export const NO_AUTO_DEDUCT_INDUSTRIES = ['home_school', 'government'] as const;

function assertItem(item: string): asserts item is AutoDeductItem {
  if (!(AUTO_DEDUCT_ITEMS as readonly string[]).includes(item)) throw new DomainError(WalletErrors['wallet.auto_deduct_unsupported'], { item });
}

/** Whether the enterprise's industry may use auto-deduction at all. */
export async function autoDeductOffered(db: Executor, corpId: string): Promise<boolean> {
  const corp = await getCorp(db, corpId);
  return !(NO_AUTO_DEDUCT_INDUSTRIES as readonly string[]).includes(corp.industry);
}

export async function isAutoDeductOn(db: Executor, corpId: string, item: string): Promise<boolean> {
  if (item !== 'acquisition') return false;
  const row = await tables(db).selectFrom('wallets').select('auto_deduct_acquisition').where('corp_id', '=', corpId).executeTakeFirst();
  return row?.auto_deduct_acquisition === 1;
}

/** What switching auto-deduction on will charge: one unit per use (每次成功添加扣 ¥1.00), until switched off. */
export async function quoteAutoDeduct(db: Executor, corpId: string, item: string): Promise<PriceQuote> {
  assertItem(item);
  const unitFen = catalogItem(item)!.unitFen;
  return priceQuote(db, corpId, { item, quantity: 1, totalFen: unitFen, validUntil: null });
}

/** Switching on carries the unit price the admin confirmed (`quotedFen`); switching off needs none. */
export async function setAutoDeduct(ctx: Ctx, item: string, enabled: boolean, quotedFen?: number): Promise<{ item: AutoDeductItem; enabled: boolean }> {
  assertItem(item);
  await assertMaySpend(ctx, item);
  if (enabled) {
    assertQuoted(quotedFen, catalogItem(item)!.unitFen);
    if (!(await autoDeductOffered(ctx.trx, ctx.corpId))) throw new DomainError(WalletErrors['wallet.auto_deduct_unavailable']);
    // 什么是经营类目 四 5: switching the acquisition assistant's auto-deduction on needs the category.
    await assertCategoryAllows(ctx.trx, ctx.corpId, 'auto_deduct_on');
  }
  await ensureWallet(ctx);
  const before = await isAutoDeductOn(ctx.trx, ctx.corpId, item);
  await tables(ctx.trx).updateTable('wallets').set({ auto_deduct_acquisition: enabled ? 1 : 0, updated_at: ctx.now }).where('corp_id', '=', ctx.corpId).execute();
  if (before !== enabled) await audit(ctx, { action: enabled ? 'wallet.auto_deduct.on' : 'wallet.auto_deduct.off', target: { type: 'wallet', id: ctx.corpId }, before: { item, enabled: before }, after: { item, enabled } });
  return { item, enabled };
}

export interface AutoDeductInput {
  item: 'acquisition';
  amountFen: number;
  idempotencyKey: string;
  description: string;
}

export interface Deduction {
  serialNo: string;
  balanceAfter: number;
}

/** What the deduction API's idempotency key stands for: the same key with another request is refused. */
export function deductionKey(input: AutoDeductInput): { key: string; request: unknown } {
  return { key: `deduct:${input.idempotencyKey}`, request: { command: 'wallet.autoDeduct', item: input.item, amountFen: input.amountFen, description: input.description } };
}

/** Why a deduction is refused before any money is read (an item without auto-deduction, a bad amount). */
export function deductionRefusal(input: Pick<AutoDeductInput, 'item' | 'amountFen'>): DomainError | undefined {
  if (!(AUTO_DEDUCT_ITEMS as readonly string[]).includes(input.item)) return new DomainError(WalletErrors['wallet.auto_deduct_unsupported'], { item: input.item });
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) return new DomainError(WalletErrors['wallet.amount_invalid'], { amount: input.amountFen });
  return undefined;
}

/**
 * The system charging because auto-deduction is on: no actor permission check. Runs in the caller's
 * transaction, which makes it happen once (a customer add charges inside the add); refused with
 * `wallet.auto_deduct_off` or `wallet.insufficient_balance` having written nothing, so the caller may
 * catch it and carry on.
 */
export async function chargeAutoDeduction(ctx: Ctx, input: Omit<AutoDeductInput, 'idempotencyKey'>): Promise<Deduction> {
  const refusal = deductionRefusal(input);
  if (refusal) throw refusal;
  const posted = await post(ctx, {
    type: 'auto_deduct',
    amount: -input.amountFen,
    counterAccount: revenueAccount(input.item),
    description: input.description,
    item: input.item,
    consumedDelta: input.amountFen,
    requireAutoDeduct: true,
  });
  await alertIfLow(ctx, posted);
  return { serialNo: posted.serialNo, balanceAfter: posted.balanceAfter };
}

/** A charge that arrives on its own (the deduction API): once per idempotency key. */
export async function autoDeduct(ctx: Ctx, input: AutoDeductInput): Promise<Deduction> {
  const refusal = deductionRefusal(input);
  if (refusal) throw refusal;
  const { key, request } = deductionKey(input);
  return idempotent(ctx, key, request, () => chargeAutoDeduction(ctx, { item: input.item, amountFen: input.amountFen, description: input.description }));
}
