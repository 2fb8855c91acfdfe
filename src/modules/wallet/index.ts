/**
 * 企业充值: the prepaid wallet. Ledger (资金明细), top-ups through four channels, orders (企业订单),
 * spending rules (余额使用权限), auto-deduction (自动扣款管理), balance alerts (余额预警), invoices and
 * refunds. Modules that sell an item grant it on `order.paid` and take it back on `order.refunded`.
 */
import { defineModule } from '../../platform/module.ts';
import { ALERT_JOB, runAlerts } from './alerts.service.ts';
import { WalletErrors } from './wallet.errors.ts';
import { WalletEvents } from './wallet.events.ts';
import { walletRights } from './wallet.policy.ts';
import { walletRoutes } from './wallet.routes.ts';
import { fillDemoWallet } from './wallet.demo.ts';
import * as walletTables from './migrations/0030_wallet.ts';
import * as sandboxTables from './migrations/0031_wallet_sandbox.ts';
import * as walletRouteTables from './migrations/0183_wallet_routes.ts';
import * as agreementTables from './migrations/0032_wallet_agreement.ts';

export const walletModule = defineModule({
  name: 'wallet',
  tables: {
    wallets: 'tenant',
    wallet_txns: 'tenant',
    wallet_entries: 'tenant',
    wallet_topups: 'tenant',
    wallet_topup_codes: 'reference',
    wallet_trade_nos: 'reference',
    wallet_orders: 'tenant',
    wallet_spending_rules: 'tenant',
    wallet_invoices: 'tenant',
    wallet_secrets: 'reference',
    wallet_sandboxes: 'tenant',
    wallet_agreements: 'reference',
  },
  migrations: { '0030_wallet': walletTables, '0031_wallet_sandbox': sandboxTables, '0183_wallet_routes': walletRouteTables, '0032_wallet_agreement': agreementTables },
  errors: WalletErrors,
  rights: walletRights,
  events: WalletEvents,
  // Every ten minutes: an hourly alert goes out early in its hour; the inbox keeps it to one per period.
  jobs: [{ kind: ALERT_JOB, schedule: '*/10 * * * *', run: async (_job, ctx) => ({ sent: await runAlerts(ctx) }) }],
  routes: walletRoutes,
  demo: fillDemoWallet,
});

export { WalletErrors, WalletEvents };
export type { PaidOrder } from './wallet.events.ts';
export { payWithBalance, payOrderWithBalance, createOrder, getOrder, listOrders, type BalancePayment, type PayWithBalanceInput } from './orders.service.ts';
export { autoDeduct, chargeAutoDeduction, isAutoDeductOn, setAutoDeduct, autoDeductOffered, type AutoDeductInput, type Deduction } from './autodeduct.service.ts';
export { getWallet, checkInvariants, listLedger, type WalletView, type LedgerRow } from './ledger.service.ts';
export { getAlert, type AlertSettings } from './alerts.service.ts';
export { maySpend, assertMaySpend, spendableItems } from './rules.service.ts';
export { priceQuote, assertQuoted, type PriceQuote } from './quotes.ts';
export { IdempotencyKey, PriceQuoteDto, QuotedFen } from './wallet.schema.ts';
export { CATALOG, BALANCE_ITEMS, catalogItem, type CatalogItem } from './catalog.ts';
