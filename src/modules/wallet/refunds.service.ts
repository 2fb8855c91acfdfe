import type { Ctx } from '../../platform/context.ts';
import { publish } from '../../platform/events.ts';
import { corpsByIds } from '../corp/index.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { idempotent } from '../../platform/idempotency.ts';
import { refundRefusal } from './orders.service.ts';
import { assertPositiveFen, clearingAccount, post, revenueAccount } from './ledger.service.ts';
import { WalletErrors } from './wallet.errors.ts';
import { WalletEvents } from './wallet.events.ts';
import { tables } from './wallet.tables.ts';

/**
 * Refund policy (退款说明, decided in docs/decisions/wallet.md): a balance-paid order may be refunded
 * in full to the balance within 7 days of payment, unless it is a security advanced feature
 * (non-refundable) or it has been invoiced. Orders paid through a channel and auto-deductions are
 * not refunded online. Unspent balance is refunded only by the operator, by hand.
 */
export async function refundOrder(ctx: Ctx, orderId: string, input: { idempotencyKey: string; reason: string }): Promise<{ orderId: string; serialNo: string; balanceAfter: number }> {
  return idempotent(ctx, `refund:${input.idempotencyKey}`, { command: 'wallet.refund', orderId, reason: input.reason }, async () => {
    const order = await tables(ctx.trx).selectFrom('wallet_orders').selectAll().where('corp_id', '=', ctx.corpId).where('id', '=', orderId).executeTakeFirst();
    if (!order) throw new DomainError('not_found', { orderId });
    const refuse = (reason: string) => new DomainError(WalletErrors['wallet.refund_not_allowed'], { reason });
    // Invoiced is checked below by the compare-and-set that takes the movement out of the pool.
    const refusal = refundRefusal(order, false, ctx.now);
    if (refusal) throw refuse(refusal);
    // The consumption row leaves the invoiceable pool at once; an invoiced one cannot be refunded.
    const released = await tables(ctx.trx)
      .updateTable('wallet_txns')
      .set({ invoice_state: 'refunded' })
      .where('corp_id', '=', ctx.corpId)
      .where('order_id', '=', orderId)
      .where('type', '=', 'purchase')
      .where('invoice_state', '=', 'open')
      .executeTakeFirst();
    if (Number(released.numUpdatedRows) === 0) throw refuse('invoiced');
    const flipped = await tables(ctx.trx)
      .updateTable('wallet_orders')
      .set({ status: 'refunded', refunded_at: ctx.now })
      .where('corp_id', '=', ctx.corpId)
      .where('id', '=', orderId)
      .where('status', '=', 'paid')
      .executeTakeFirst();
    if (Number(flipped.numUpdatedRows) === 0) throw refuse('not_paid');
    const amount = Number(order.amount);
    const posted = await post(ctx, { type: 'refund', amount, counterAccount: revenueAccount(order.item), description: `退款：${order.description}`, item: order.item, orderId, consumedDelta: -amount });
    await publish(ctx, WalletEvents['order.refunded'], { id: orderId, item: order.item, quantity: Number(order.quantity), amountFen: amount, paidBy: 'balance' });
    await audit(ctx, { action: 'wallet.order.refund', target: { type: 'order', id: orderId }, after: { amountFen: amount, reason: input.reason, serialNo: posted.serialNo } });
    return { orderId, serialNo: posted.serialNo, balanceAfter: posted.balanceAfter };
  });
}

/** The operator refunds unspent balance by hand (人工客服申请退款): a debit of the wallet to the outside. */
/** `ctx` is the operator's, inside the enterprise whose balance goes back. */
export async function manualRefund(ctx: Ctx, input: { amountFen: number; reason: string; idempotencyKey: string }): Promise<{ serialNo: string; balanceAfter: number }> {
  assertPositiveFen(input.amountFen);
  const corpId = ctx.corpId;
  return idempotent(ctx, `manual-refund:${input.idempotencyKey}`, { command: 'wallet.manualRefund', amountFen: input.amountFen, reason: input.reason }, async () => {
    const posted = await post(ctx, { type: 'manual_refund', amount: -input.amountFen, counterAccount: clearingAccount('manual_refund'), description: `人工退款：${input.reason}` });
    await audit(ctx, { action: 'wallet.manual_refund', target: { type: 'wallet', id: corpId }, after: { amountFen: input.amountFen, reason: input.reason, serialNo: posted.serialNo } });
    return { serialNo: posted.serialNo, balanceAfter: posted.balanceAfter };
  });
}

export async function listManualRefunds(db: Executor, limit: number) {
  const rows = await tables(db)
    .selectFrom('wallet_txns')
    .select(['corp_id', 'serial_no', 'amount', 'description', 'actor_name', 'created_at'])
    .where('type', '=', 'manual_refund')
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  const names = new Map((await corpsByIds(db, rows.map((r) => r.corp_id))).map((c) => [c.id, c.name]));
  return rows.map((r) => ({ corpId: r.corp_id, corpName: names.get(r.corp_id) ?? '', serialNo: r.serial_no, amountFen: -Number(r.amount), description: r.description, operator: r.actor_name, at: new Date(Number(r.created_at)).toISOString() }));
}
