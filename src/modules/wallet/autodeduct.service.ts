import './wallet.tables.ts';
import type { Ctx, TxCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/schema.ts';
import { DomainError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { idempotent } from '../../platform/idempotency.ts';
import { AUTO_DEDUCT_ITEMS, type AutoDeductItem } from './catalog.ts';
import { assertPositiveFen, ensureWallet, post, revenueAccount, type MoveCtx } from './ledger.service.ts';
import { assertMaySpend } from './rules.service.ts';
import { alertIfLow } from './alerts.service.ts';
import { WalletErrors } from './wallet.errors.ts';

/**
 * 自动扣款管理: only the acquisition assistant; switched on and off by a member allowed to buy it
 * with the balance; not offered to home-school (家校) and government (政务) enterprises. With it on,
 * each successful customer add is charged at once; with too little balance the charge fails and
 * writes nothing (暂不支持欠费).
 */
export const NO_AUTO_DEDUCT_INDUSTRIES = ['home_school', 'government'] as const;

/**
 * Extra conditions for switching auto-deduction on (the business-category gate registers one).
 * A gate throws a DomainError to refuse.
 */
export type AutoDeductGate = (ctx: Ctx, item: AutoDeductItem) => Promise<void>;
const gates: AutoDeductGate[] = [];
export function registerAutoDeductGate(gate: AutoDeductGate): void {
  gates.push(gate);
}

function assertItem(item: string): asserts item is AutoDeductItem {
  if (!(AUTO_DEDUCT_ITEMS as readonly string[]).includes(item)) throw new DomainError(WalletErrors['wallet.auto_deduct_unsupported'], { item });
}

/** Whether the enterprise's industry may use auto-deduction at all. */
export async function autoDeductOffered(db: Executor, corpId: string): Promise<boolean> {
  const corp = await db.selectFrom('corps').select('industry').where('id', '=', corpId).executeTakeFirst();
  return corp !== undefined && !(NO_AUTO_DEDUCT_INDUSTRIES as readonly string[]).includes(corp.industry);
}

export async function isAutoDeductOn(db: Executor, corpId: string, item: string): Promise<boolean> {
  if (item !== 'acquisition') return false;
  const row = await db.selectFrom('wallets').select('auto_deduct_acquisition').where('corp_id', '=', corpId).executeTakeFirst();
  return row?.auto_deduct_acquisition === 1;
}

export async function setAutoDeduct(ctx: Ctx, item: string, enabled: boolean): Promise<{ item: AutoDeductItem; enabled: boolean }> {
  assertItem(item);
  await assertMaySpend(ctx, item);
  if (enabled) {
    if (!(await autoDeductOffered(ctx.trx, ctx.corpId))) throw new DomainError(WalletErrors['wallet.auto_deduct_unavailable']);
    for (const gate of gates) await gate(ctx, item);
  }
  await ensureWallet(ctx);
  const before = await isAutoDeductOn(ctx.trx, ctx.corpId, item);
  await ctx.trx.updateTable('wallets').set({ auto_deduct_acquisition: enabled ? 1 : 0, updated_at: ctx.now }).where('corp_id', '=', ctx.corpId).execute();
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

/**
 * The system charging because auto-deduction is on: no actor permission check. Runs in the caller's
 * transaction, which makes it happen once (a customer add charges inside the add); refused with
 * `wallet.auto_deduct_off` or `wallet.insufficient_balance` having written nothing, so the caller may
 * catch it and carry on.
 */
export async function chargeAutoDeduction(ctx: TxCtx & { actor: MoveCtx['actor'] }, input: Omit<AutoDeductInput, 'idempotencyKey'>): Promise<Deduction> {
  assertItem(input.item);
  assertPositiveFen(input.amountFen);
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
export async function autoDeduct(ctx: TxCtx & { actor: MoveCtx['actor'] }, input: AutoDeductInput): Promise<Deduction> {
  assertItem(input.item);
  assertPositiveFen(input.amountFen);
  return idempotent(ctx, `deduct:${input.idempotencyKey}`, { command: 'wallet.autoDeduct', item: input.item, amountFen: input.amountFen, description: input.description }, () =>
    chargeAutoDeduction(ctx, { item: input.item, amountFen: input.amountFen, description: input.description }),
  );
}
