/**
 * The wallet's public face for other modules. Sub-concepts live in their own files:
 * ledger (balance and 资金明细), channels and top-ups (充值), orders and catalog (企业订单),
 * rules (余额使用权限), auto-deduction (自动扣款管理), alerts (余额预警), invoices (发票), refunds (退款).
 *
 * For the customers / acquisition / features modules:
 * - `payWithBalance(ctx, { item, amountFen, idempotencyKey, description, quantity? })` → `{ orderId, serialNo, balanceAfter }`:
 *   the actor buys with the balance (checks the actor's spending rule), in the caller's transaction.
 * - `chargeAutoDeduction(ctx, { item: 'acquisition', amountFen, description })` → `{ serialNo, balanceAfter }`:
 *   the system charges because auto-deduction is on, once with the caller's transaction;
 *   `wallet.insufficient_balance` / `wallet.auto_deduct_off` write nothing. `autoDeduct` is the same
 *   charge once per idempotency key, for charges that arrive on their own.
 * - `isAutoDeductOn(db, corpId, 'acquisition')`.
 * - `onOrderPaid(item, hook)` / `onOrderRefunded(item, hook)`: what granting / taking back an item means, run in the same transaction.
 * - `registerAutoDeductGate(gate)`: an extra condition for switching auto-deduction on (business category).
 */
export { payWithBalance, payOrderWithBalance, createOrder, getOrder, listOrders, onOrderPaid, onOrderRefunded, type PaidOrder, type OrderHook, type BalancePayment, type PayWithBalanceInput } from './orders.service.ts';
export { autoDeduct, chargeAutoDeduction, isAutoDeductOn, setAutoDeduct, autoDeductOffered, registerAutoDeductGate, type AutoDeductGate, type AutoDeductInput, type Deduction } from './autodeduct.service.ts';
export { getWallet, checkInvariants, listLedger, type WalletView, type LedgerRow } from './ledger.service.ts';
export { maySpend, assertMaySpend, spendableItems } from './rules.service.ts';
export { CATALOG, BALANCE_ITEMS, catalogItem, type CatalogItem } from './catalog.ts';
