import { randomBytes } from 'node:crypto';
import { command } from '../../platform/command.ts';
import { DomainError } from '../../platform/errors.ts';
import { getCorp } from '../corp/index.ts';
import { CATALOG } from './catalog.ts';
import { getWallet, listLedger, type LedgerQuery } from './ledger.service.ts';
import { getAlert, setAlert, type AlertSettings } from './alerts.service.ts';
import { can } from '../../platform/policy/index.ts';
import { createRule, deleteRule, listRules, spendableItems, updateRule, type RuleInput } from './rules.service.ts';
import { autoDeductOffered, isAutoDeductOn, quoteAutoDeduct, setAutoDeduct } from './autodeduct.service.ts';
import { createOrder, listOrders, orderFor, payOrderWithBalance, type NewOrder } from './orders.service.ts';
import { sandboxOn } from './sandbox.ts';
import { closeTopup, createTopup, getTopup, topupCreator, handleCallback, importStatement, listPendingTransfers, listTopups, confirmTransfer, payOrderThroughChannel, type TransferReceipt } from './topups.service.ts';
import { paymentSecret, signCallback } from './channels.ts';
import { invoiceableFen, issueInvoice, listInvoiceRequests, listInvoices, requestInvoice, type InvoiceBasis } from './invoices.service.ts';
import { listManualRefunds, manualRefund, refundOrder } from './refunds.service.ts';
import { WalletErrors } from './wallet.errors.ts';
import { agreementHistory, currentAgreement, publishAgreement } from './agreement.service.ts';
import type { ChannelName, InvoiceType, OrderStatus, TopupStatus } from './wallet.tables.ts';

/** 企业充值: what can be done with the wallet, and the right each needs. */
const read = { right: 'wallet.read', tx: 'read' } as const;
const manage = { right: 'wallet.manage', tx: 'plain' } as const;
const pay = { right: 'wallet.pay', tx: 'plain' } as const;
const operatorRead = { right: 'operator.wallet', tx: 'read' } as const;
const operatorWrite = { right: 'operator.wallet', tx: 'plain' } as const;

export const wallet = {
  overview: command(read, async (ctx, input: { sandboxFlag: boolean }) => ({
    ...(await getWallet(ctx.trx, ctx.corpId)),
    invoiceableFen: await invoiceableFen(ctx.trx, ctx.corpId),
    mayTopUp: await can(ctx, 'wallet.topup'),
    sandboxPayments: await sandboxOn(ctx.trx, ctx.corpId, input.sandboxFlag),
    spendableItems: await spendableItems(ctx),
    autoDeduct: { acquisition: await isAutoDeductOn(ctx.trx, ctx.corpId, 'acquisition'), offered: await autoDeductOffered(ctx.trx, ctx.corpId) },
    alert: await getAlert(ctx.trx, ctx.corpId),
  })),
  catalog: command({ right: 'wallet.pay', tx: 'read' }, async (ctx) => {
    const mine = await spendableItems(ctx);
    return { items: CATALOG.map((i) => ({ ...i, maySpend: mine.includes(i.key) })) };
  }),
  ledger: command(read, (ctx, query: LedgerQuery & { cursor?: string | undefined; limit: number }) => listLedger(ctx.trx, ctx.corpId, query)),
};

/**
 * 充值入口 is the super admins' (企业超级管理员可以…看到企业当前可用余额与充值入口): `wallet.topup` is held by
 * the creator and the super admins only. A spending rule lets a member spend the balance, not fill it.
 */
export const topups = {
  create: command({ right: 'wallet.topup', tx: 'plain' }, (ctx, input: { channel: ChannelName; amountFen: number; idempotencyKey: string; agreementVersion?: number | undefined }) => createTopup(ctx, input)),
  list: command(read, (ctx, query: { status?: TopupStatus | undefined; cursor?: string | undefined; limit: number }) => listTopups(ctx.trx, ctx.corpId, query)),
  close: command({ right: 'wallet.topup', tx: 'plain' }, (ctx, topupId: string) => closeTopup(ctx, topupId)),
  /** The 充值服务协议 in force, shown before a top-up. */
  agreement: command(read, (ctx) => currentAgreement(ctx.trx)),
  /** Those who see the wallet, and whoever started the top-up (a member paying an order online). */
  get: command({ right: 'wallet.pay', tx: 'read' }, async (ctx, topupId: string) => {
    if (!(await can(ctx, 'wallet.read')) && (await topupCreator(ctx.trx, ctx.corpId, topupId)) !== ctx.actor.id) throw new DomainError('not_found', { topupId });
    return getTopup(ctx.trx, ctx.corpId, topupId);
  }),
  /** Sandbox: the channel reports the payment with a signed callback, as a real one would (the route checks the sandbox is on). */
  sandboxPay: command({ right: 'wallet.topup', tx: 'read' }, async (ctx, input: { topupId: string; configuredSecret: string | undefined }) => {
    const topup = await getTopup(ctx.trx, ctx.corpId, input.topupId);
    if (!['wechat_pay', 'qq_wallet', 'online_banking'].includes(topup.channel)) throw new DomainError(WalletErrors['wallet.channel_not_online']);
    const secret = await paymentSecret(ctx.trx, input.configuredSecret, ctx.now);
    const callback = { corpId: ctx.corpId, topupId: topup.id, amountFen: topup.amountFen, tradeNo: `SBX${randomBytes(10).toString('hex')}`, timestamp: ctx.now };
    const signature = signCallback(secret, topup.channel, callback);
    return { result: await handleCallback({ db: ctx.trx, now: ctx.now, log: ctx.log, registry: ctx.registry }, secret, topup.channel, { ...callback, signature }) };
  }),
};

export const alerts = {
  get: command(read, (ctx) => getAlert(ctx.trx, ctx.corpId)),
  set: command(manage, (ctx, settings: AlertSettings) => setAlert(ctx, settings)),
};

export const rules = {
  list: command(read, async (ctx) => ({ items: await listRules(ctx.trx, ctx.corpId) })),
  create: command(manage, (ctx, input: RuleInput) => createRule(ctx, input)),
  update: command(manage, (ctx, input: { ruleId: string; rule: RuleInput }) => updateRule(ctx, input.ruleId, input.rule)),
  remove: command(manage, (ctx, ruleId: string) => deleteRule(ctx, ruleId)),
};

export const autoDeduction = {
  quote: command({ right: 'wallet.pay', tx: 'read' }, (ctx, item: string) => quoteAutoDeduct(ctx.trx, ctx.corpId, item)),
  set: command(pay, (ctx, input: { item: string; enabled: boolean; quotedFen?: number | undefined }) => setAutoDeduct(ctx, input.item, input.enabled, input.quotedFen)),
};

export const orders = {
  list: command(read, (ctx, query: { status?: OrderStatus | undefined; cursor?: string | undefined; limit: number }) => listOrders(ctx, query)),
  create: command(pay, async (ctx, input: NewOrder) => orderFor(ctx, (await createOrder(ctx, input)).id)),
  pay: command(pay, async (ctx, input: { orderId: string; method: 'balance'; idempotencyKey: string } | { orderId: string; method: 'channel'; channel: ChannelName }) => {
    if (input.method === 'balance') {
      const paid = await payOrderWithBalance(ctx, input.orderId, input.idempotencyKey);
      return { order: await orderFor(ctx, paid.orderId), payment: { serialNo: paid.serialNo, balanceAfter: paid.balanceAfter }, topup: null };
    }
    const topup = await payOrderThroughChannel(ctx, input.orderId, input.channel);
    return { order: await orderFor(ctx, input.orderId), payment: null, topup };
  }),
  refund: command({ right: 'wallet.refund', tx: 'plain' }, (ctx, input: { orderId: string; idempotencyKey: string; reason: string }) => refundOrder(ctx, input.orderId, input)),
};

export const invoices = {
  list: command(read, async (ctx) => ({ items: await listInvoices(ctx.trx, ctx.corpId, 200) })),
  request: command({ right: 'wallet.invoice', tx: 'plain' }, (ctx, input: InvoiceBasis & { type: InvoiceType; idempotencyKey: string }) => requestInvoice(ctx, input)),
};

/** The operator's side: across enterprises ('' as the enterprise) or inside the one named. */
export const operator = {
  pendingTransfers: command(operatorRead, async (ctx) => ({ items: await listPendingTransfers(ctx.trx, 500) })),
  confirmTransfer: command(operatorWrite, (ctx, receipt: TransferReceipt) => confirmTransfer(ctx, receipt)),
  importStatement: command(operatorWrite, async (ctx, csv: string) => ({ lines: await importStatement(ctx, csv) })),
  invoiceRequests: command(operatorRead, async (ctx, status: 'requested' | 'issued') => ({ items: await listInvoiceRequests(ctx.trx, status, 500) })),
  issueInvoice: command(operatorWrite, (ctx, invoiceId: string) => issueInvoice(ctx, invoiceId)),
  walletOf: command(operatorRead, async (ctx) => ({ corpId: ctx.corpId, corpName: (await getCorp(ctx.trx, ctx.corpId)).name, balanceFen: (await getWallet(ctx.trx, ctx.corpId)).balanceFen })),
  refund: command(operatorWrite, (ctx, input: { amountFen: number; reason: string; idempotencyKey: string }) => manualRefund(ctx, input)),
  refunds: command(operatorRead, async (ctx) => ({ items: await listManualRefunds(ctx.trx, 200) })),
  agreements: command(operatorRead, async (ctx) => ({ items: await agreementHistory(ctx.trx, 100) })),
  publishAgreement: command(operatorWrite, (ctx, input: { bodyZh: string; bodyEn: string }) => publishAgreement(ctx, input)),
};
