import { sql } from 'kysely';
import type { Ctx, ReadCtx, TxCtx } from '../../platform/context.ts';
import { can } from '../../platform/policy/index.ts';
import { publish } from '../../platform/events.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { DAY, toIso } from '../../platform/clock.ts';
import { audit } from '../../platform/audit.ts';
import { idempotent } from '../../platform/idempotency.ts';
import { REFUND_WINDOW_DAYS, catalogItem } from './catalog.ts';
import { assertPositiveFen, insertEntries, post, revenueAccount, clearingAccount } from './ledger.service.ts';
import { assertMaySpend } from './rules.service.ts';
import { assertQuoted } from './quotes.ts';
import { alertIfLow } from './alerts.service.ts';
import { WalletErrors } from './wallet.errors.ts';
import { WalletEvents } from './wallet.events.ts';
import type { OrderStatus } from './wallet.tables.ts';
import { tables } from './wallet.tables.ts';

/**
 * 企业订单: an order for a catalog item, paid with the balance (debit, order paid and entitlement
 * granted in one transaction: `order.paid`, whose subscribers grant the item) or through a payment
 * channel.
 */
export interface OrderView {
  id: string;
  item: string;
  quantity: number;
  amountFen: number;
  status: OrderStatus;
  paidBy: 'balance' | 'channel' | null;
  description: string;
  createdBy: string;
  createdAt: string;
  paidAt: string | null;
  refundedAt: string | null;
  /** What the server would allow the caller to do with the order now (the console offers only these). */
  actions: OrderAction[];
}

export type OrderAction = 'pay' | 'refund';

type OrderRow = { id: string; item: string; quantity: number; amount: number; status: OrderStatus; paid_by: 'balance' | 'channel' | null; description: string; created_by_name: string; created_at: number; paid_at: number | null; refunded_at: number | null };

/**
 * Why the order cannot be refunded at `now` (退款说明: paid with the balance, a refundable item, within
 * 7 days of payment, not invoiced), or undefined when it can.
 */
export function refundRefusal(order: Pick<OrderRow, 'status' | 'paid_by' | 'item' | 'paid_at'>, invoiced: boolean, now: number): string | undefined {
  if (order.status !== 'paid') return 'not_paid';
  if (order.paid_by !== 'balance') return 'not_paid_with_balance';
  if (!catalogItem(order.item)?.refundable) return 'non_refundable_item';
  if (now - Number(order.paid_at) > REFUND_WINDOW_DAYS * DAY) return 'refund_window_passed';
  if (invoiced) return 'invoiced';
  return undefined;
}

/** The order with its payment's invoice state: the purchase movement (`txn_id`) leaves the pool when invoiced. */
function orderQuery(db: Executor, corpId: string) {
  return tables(db)
    .selectFrom('wallet_orders as o')
    .leftJoin('wallet_txns as t', (j) => j.onRef('t.corp_id', '=', 'o.corp_id').onRef('t.id', '=', 'o.txn_id'))
    .selectAll('o')
    .select('t.invoice_state')
    .where('o.corp_id', '=', corpId);
}

async function toViews(ctx: ReadCtx, rows: (OrderRow & { invoice_state: string | null })[]): Promise<OrderView[]> {
  const mayPay = await can(ctx, 'wallet.pay');
  const mayRefund = await can(ctx, 'wallet.refund');
  return rows.map((r) => {
    const actions: OrderAction[] = [];
    if (mayPay && r.status === 'pending') actions.push('pay');
    if (mayRefund && refundRefusal(r, r.invoice_state !== null && r.invoice_state !== 'open', ctx.now) === undefined) actions.push('refund');
    return { ...toView(r), actions };
  });
}

function toView(r: OrderRow): Omit<OrderView, 'actions'> {
  return {
    id: r.id,
    item: r.item,
    quantity: Number(r.quantity),
    amountFen: Number(r.amount),
    status: r.status,
    paidBy: r.paid_by,
    description: r.description,
    createdBy: r.created_by_name,
    createdAt: toIso(Number(r.created_at)),
    paidAt: toIso(r.paid_at === null ? null : Number(r.paid_at)),
    refundedAt: toIso(r.refunded_at === null ? null : Number(r.refunded_at)),
  };
}

export async function getOrder(db: Executor, corpId: string, orderId: string): Promise<Omit<OrderView, 'actions'>> {
  const row = await tables(db).selectFrom('wallet_orders').selectAll().where('corp_id', '=', corpId).where('id', '=', orderId).executeTakeFirst();
  if (!row) throw new DomainError('not_found', { orderId });
  return toView(row);
}

/** One order as the caller sees it, with the actions they may take. */
export async function orderFor(ctx: ReadCtx, orderId: string): Promise<OrderView> {
  const row = await orderQuery(ctx.trx, ctx.corpId).where('o.id', '=', orderId).executeTakeFirst();
  if (!row) throw new DomainError('not_found', { orderId });
  return (await toViews(ctx, [row]))[0]!;
}

export async function listOrders(ctx: ReadCtx, query: { status?: OrderStatus | undefined; cursor?: string | undefined; limit: number }): Promise<{ items: OrderView[]; nextCursor: string | null; pendingCount: number }> {
  let q = orderQuery(ctx.trx, ctx.corpId);
  if (query.status) q = q.where('o.status', '=', query.status);
  if (query.cursor) q = q.where('o.id', '<', query.cursor);
  const rows = await q.orderBy('o.id', 'desc').limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  const pending = await tables(ctx.trx).selectFrom('wallet_orders').select(sql<number>`count(*)`.as('n')).where('corp_id', '=', ctx.corpId).where('status', '=', 'pending').executeTakeFirstOrThrow();
  return { items: await toViews(ctx, page), nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null, pendingCount: Number(pending.n) };
}

export interface NewOrder {
  item: string;
  quantity: number;
  /** Set by modules that price the item themselves (a usage pack); otherwise catalog price × quantity. */
  amountFen?: number | undefined;
  description?: string | undefined;
}

export async function createOrder(ctx: Ctx, input: NewOrder): Promise<Omit<OrderView, 'actions'>> {
  const item = catalogItem(input.item);
  if (!item) throw new DomainError(WalletErrors['wallet.unknown_item'], { item: input.item });
  if (!Number.isSafeInteger(input.quantity) || input.quantity < 1) throw new DomainError('request.invalid', { field: '/quantity', reason: 'minimum' });
  const amount = input.amountFen ?? item.unitFen * input.quantity;
  assertPositiveFen(amount);
  const id = newId('ord', ctx.now);
  await tables(ctx.trx)
    .insertInto('wallet_orders')
    .values({
      corp_id: ctx.corpId,
      id,
      item: item.key,
      quantity: input.quantity,
      amount,
      status: 'pending',
      paid_by: null,
      description: input.description ?? `${item.zh} × ${input.quantity}`,
      txn_id: null,
      created_by: ctx.actor.id,
      created_by_name: ctx.actor.name,
      created_at: ctx.now,
      paid_at: null,
      refunded_at: null,
    })
    .execute();
  await audit(ctx, { action: 'wallet.order.create', target: { type: 'order', id }, after: { item: item.key, quantity: input.quantity, amountFen: amount } });
  return getOrder(ctx.trx, ctx.corpId, id);
}

/** Marks a pending order paid (compare-and-set: an order is paid once, whoever races). */
async function markPaid(ctx: TxCtx, orderId: string, paidBy: 'balance' | 'channel'): Promise<OrderRow & { txn_id: string | null }> {
  const row = await tables(ctx.trx)
    .updateTable('wallet_orders')
    .set({ status: 'paid', paid_by: paidBy, paid_at: ctx.now })
    .where('corp_id', '=', ctx.corpId)
    .where('id', '=', orderId)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
  if (!row) {
    const exists = await tables(ctx.trx).selectFrom('wallet_orders').select('status').where('corp_id', '=', ctx.corpId).where('id', '=', orderId).executeTakeFirst();
    if (!exists) throw new DomainError('not_found', { orderId });
    throw new DomainError(WalletErrors['wallet.order_not_pending'], { orderId, status: exists.status });
  }
  return row;
}

export interface BalancePayment {
  orderId: string;
  serialNo: string;
  balanceAfter: number;
}

/** Pays a pending order with the balance: spending right, debit, order paid and entitlement, all or nothing. */
export async function payOrderWithBalance(ctx: Ctx, orderId: string, idempotencyKey: string): Promise<BalancePayment> {
  return idempotent(ctx, idempotencyKey, { command: 'wallet.payOrder', orderId }, async () => {
    const order = await markPaid(ctx, orderId, 'balance');
    await assertMaySpend(ctx, order.item);
    const posted = await post(ctx, {
      type: 'purchase',
      amount: -Number(order.amount),
      counterAccount: revenueAccount(order.item),
      description: order.description,
      item: order.item,
      orderId,
      consumedDelta: Number(order.amount),
    });
    await tables(ctx.trx).updateTable('wallet_orders').set({ txn_id: posted.txnId }).where('corp_id', '=', ctx.corpId).where('id', '=', orderId).execute();
    await publish(ctx, WalletEvents['order.paid'], { id: orderId, item: order.item, quantity: Number(order.quantity), amountFen: Number(order.amount), paidBy: 'balance' });
    await audit(ctx, { action: 'wallet.order.pay', target: { type: 'order', id: orderId }, after: { paidBy: 'balance', amountFen: Number(order.amount), serialNo: posted.serialNo } });
    await alertIfLow(ctx, posted);
    return { orderId, serialNo: posted.serialNo, balanceAfter: posted.balanceAfter };
  });
}

export interface PayWithBalanceInput {
  item: string;
  amountFen: number;
  idempotencyKey: string;
  description: string;
  quantity?: number;
  /** The total the admin confirmed (the quote's `totalFen`): refused when it is not `amountFen`. */
  quotedFen: number;
}

/**
 * For other modules buying on the actor's behalf (features, acquisition packs): creates the order and
 * pays it with the balance in the caller's transaction. Checks the actor's spending rule.
 */
export async function payWithBalance(ctx: Ctx, input: PayWithBalanceInput): Promise<BalancePayment> {
  assertPositiveFen(input.amountFen);
  return idempotent(ctx, `buy:${input.idempotencyKey}`, { command: 'wallet.payWithBalance', ...input }, async () => {
    assertQuoted(input.quotedFen, input.amountFen);
    await assertMaySpend(ctx, input.item);
    const order = await createOrder(ctx, { item: input.item, quantity: input.quantity ?? 1, amountFen: input.amountFen, description: input.description });
    return payOrderWithBalance(ctx, order.id, `pay:${input.idempotencyKey}`);
  });
}

/** A channel paid the order (the callback was verified): revenue from the channel, the balance untouched. */
export async function markOrderPaidByChannel(ctx: Ctx, orderId: string, channel: string, paymentId: string): Promise<void> {
  const order = await markPaid(ctx, orderId, 'channel');
  await insertEntries(ctx, paymentId, [
    [clearingAccount(channel), -Number(order.amount)],
    [revenueAccount(order.item), Number(order.amount)],
  ]);
  await publish(ctx, WalletEvents['order.paid'], { id: orderId, item: order.item, quantity: Number(order.quantity), amountFen: Number(order.amount), paidBy: 'channel' });
}
