import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import type { Deps } from '../../platform/deps.ts';
import type { Actor } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { NoContent } from '../../platform/http/schemas.ts';
import { authorize, defineRights } from '../admin/authorizer.ts';
import { getOperator } from '../operator/operator.service.ts';
import { CATALOG } from './catalog.ts';
import { getWallet, listLedger } from './ledger.service.ts';
import { ledgerCsv, ledgerXlsx } from './export.ts';
import { ALERT_JOB, getAlert, runAlerts, setAlert } from './alerts.service.ts';
import { createRule, deleteRule, listRules, mayTopUp, spendableItems, updateRule } from './rules.service.ts';
import { autoDeductOffered, isAutoDeductOn, setAutoDeduct } from './autodeduct.service.ts';
import { chargeBatcher } from './charger.ts';
import { createOrder, getOrder, listOrders, payOrderWithBalance } from './orders.service.ts';
import { createTopup, getTopup, handleCallback, importStatement, listPendingTransfers, listTopups, confirmTransfer, payOrderThroughChannel } from './topups.service.ts';
import { paymentSecret, signCallback } from './channels.ts';
import { invoiceableFen, issueInvoice, listInvoiceRequests, listInvoices, requestInvoice } from './invoices.service.ts';
import { listManualRefunds, manualRefund, refundOrder } from './refunds.service.ts';
import { WalletErrors } from './wallet.errors.ts';
import * as S from './wallet.schema.ts';
import { Type, type TSchema } from 'typebox';

const List = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item) });

defineRights({
  'wallet.read': { token: { zh: '读取企业余额与资金明细', en: 'Read the wallet balance and fund ledger' } },
  'wallet.manage': {},
  // Members may try; the spending rules (余额使用权限) decide inside the service.
  'wallet.pay': { member: true },
  'wallet.topup': { member: true },
  'wallet.deduct': { token: { zh: '从余额自动扣款（获客助手）', en: 'Charge auto-deductions to the balance (acquisition assistant)' } },
  'wallet.invoice': {},
  'wallet.refund': {},
});

const tags = ['wallet'];
const opTags = ['operator', 'wallet'];
const ms = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));

async function operatorActor(deps: Deps, request: FastifyRequest): Promise<Actor> {
  const operator = await getOperator(deps.db, request.session!.principalId);
  return { kind: 'operator', id: operator.id, name: operator.name };
}

export function walletRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  deps.jobs.register(ALERT_JOB, async (_job, ctx) => ({ sent: await runAlerts(ctx.db, ctx.now) }));
  // Every ten minutes: an hourly alert goes out early in its hour; the per-period key keeps it to one.
  deps.jobs.schedule('*/10 * * * *', ALERT_JOB);
  const secret = () => paymentSecret(deps.db, deps.config.paymentSecret, deps.clock.now());

  return async (app) => {
    app.get('/api/v1/wallet', { config: { auth: 'corp' }, schema: { tags, summary: '企业充值: balance, settings and what the actor may do', response: { 200: S.WalletDto } } }, async (request) => {
      const ctx = request.ctx();
      await authorize(ctx, 'wallet.read');
      const wallet = await getWallet(ctx.trx, ctx.corpId);
      return {
        ...wallet,
        invoiceableFen: await invoiceableFen(ctx.trx, ctx.corpId),
        mayTopUp: await mayTopUp(ctx),
        spendableItems: await spendableItems(ctx),
        autoDeduct: { acquisition: await isAutoDeductOn(ctx.trx, ctx.corpId, 'acquisition'), offered: await autoDeductOffered(ctx.trx, ctx.corpId) },
        alert: await getAlert(ctx.trx, ctx.corpId),
      };
    });

    app.get('/api/v1/wallet/catalog', { config: { auth: 'corp' }, schema: { tags, summary: 'What can be ordered, and what the actor may pay with the balance', response: { 200: S.CatalogDto } } }, async (request) => {
      const ctx = request.ctx();
      await authorize(ctx, 'wallet.pay');
      const mine = await spendableItems(ctx);
      return { items: CATALOG.map((i) => ({ ...i, maySpend: mine.includes(i.key) })) };
    });

    app.get('/api/v1/wallet/ledger', { config: { auth: 'corp' }, schema: { tags, summary: '资金明细, newest first', querystring: S.LedgerQuery, response: { 200: S.LedgerPage } } }, async (request) => {
      const ctx = request.ctx();
      await authorize(ctx, 'wallet.read');
      const q = request.query;
      return listLedger(ctx.trx, ctx.corpId, { from: ms(q.from), to: ms(q.to), type: q.type, cursor: q.cursor, limit: q.limit ?? 50 });
    });

    app.get('/api/v1/wallet/ledger/export', { config: { auth: 'corp' }, schema: { tags, summary: 'Export the fund ledger as .csv or .xlsx (streamed)', querystring: S.ExportQuery } }, async (request, reply) => {
      const ctx = request.ctx();
      await authorize(ctx, 'wallet.read');
      const q = request.query;
      const filter = { from: ms(q.from), to: ms(q.to), type: q.type };
      const name = `资金明细.${q.format}`;
      reply.header('content-disposition', `attachment; filename="ledger.${q.format}"; filename*=UTF-8''${encodeURIComponent(name)}`);
      if (q.format === 'csv') return reply.type('text/csv; charset=utf-8').send(ledgerCsv(deps.db, ctx.corpId, filter));
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(ledgerXlsx(deps.db, ctx.corpId, filter));
    });

    // 充值 ------------------------------------------------------------------------------------------
    app.post('/api/v1/wallet/topups', { config: { auth: 'corp' }, schema: { tags, summary: 'Start a top-up through one of the four channels', body: S.TopupBody, response: { 201: S.TopupDto } } }, async (request, reply) => {
      const topup = await deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'wallet.topup');
        if (!(await mayTopUp(ctx))) throw new DomainError(WalletErrors['wallet.no_balance_permission']);
        return createTopup(ctx, request.body);
      });
      return reply.status(201).send(topup);
    });

    app.get('/api/v1/wallet/topups', { config: { auth: 'corp' }, schema: { tags, querystring: S.TopupListQuery, response: { 200: List(S.TopupDto) } } }, async (request) => {
      const ctx = request.ctx();
      await authorize(ctx, 'wallet.read');
      return { items: await listTopups(ctx.trx, ctx.corpId, { status: request.query.status, limit: 100 }) };
    });

    app.get('/api/v1/wallet/topups/:topupId', { config: { auth: 'corp' }, schema: { tags, params: S.TopupParams, response: { 200: S.TopupDto } } }, async (request) => {
      const ctx = request.ctx();
      await authorize(ctx, 'wallet.topup');
      return getTopup(ctx.trx, ctx.corpId, request.params.topupId);
    });

    app.post(
      '/api/v1/wallet/topups/:topupId/sandbox-pay',
      { config: { auth: 'corp' }, schema: { tags, summary: 'Sandbox: the channel reports the payment with a signed callback, as a real one would', params: S.TopupParams, response: { 200: S.CallbackResult } } },
      async (request) => {
        const ctx = request.ctx();
        await authorize(ctx, 'wallet.topup');
        const topup = await getTopup(ctx.trx, ctx.corpId, request.params.topupId);
        if (!['wechat_pay', 'qq_wallet', 'online_banking'].includes(topup.channel)) throw new DomainError(WalletErrors['wallet.channel_not_online']);
        const callback = { corpId: ctx.corpId, topupId: topup.id, amountFen: topup.amountFen, tradeNo: `SBX${randomBytes(10).toString('hex')}`, timestamp: request.now };
        const signature = signCallback(await secret(), topup.channel, callback);
        return { result: await handleCallback(deps.db, request.now, await secret(), topup.channel, { ...callback, signature }) };
      },
    );

    app.post(
      '/api/v1/wallet/channels/:channel/callback',
      { config: { auth: 'public' }, schema: { tags, summary: "A payment channel's signed callback (HMAC-SHA256 with the payment secret)", params: S.CallbackParams, body: S.CallbackBody, response: { 200: S.CallbackResult } } },
      async (request) => ({ result: await handleCallback(deps.db, request.now, await secret(), request.params.channel, request.body) }),
    );

    // 余额预警 ----------------------------------------------------------------------------------------
    app.get('/api/v1/wallet/alert', { config: { auth: 'corp' }, schema: { tags, response: { 200: S.AlertDto } } }, async (request) => {
      const ctx = request.ctx();
      await authorize(ctx, 'wallet.read');
      return getAlert(ctx.trx, ctx.corpId);
    });

    app.put('/api/v1/wallet/alert', { config: { auth: 'corp' }, schema: { tags, summary: '余额预警: amount, recipients, frequency, on/off', body: S.AlertBody, response: { 200: S.AlertDto } } }, async (request) =>
      deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'wallet.manage');
        const b = request.body;
        return setAlert(ctx, {
          enabled: b.enabled,
          amountYuan: b.amountYuan,
          frequency: b.frequency ?? 'daily',
          recipients: { memberIds: b.recipients.memberIds ?? [], departmentIds: b.recipients.departmentIds ?? [], tagIds: b.recipients.tagIds ?? [] },
        });
      }),
    );

    // 余额使用权限 -------------------------------------------------------------------------------------
    app.get('/api/v1/wallet/spending-rules', { config: { auth: 'corp' }, schema: { tags, response: { 200: List(S.RuleDto) } } }, async (request) => {
      const ctx = request.ctx();
      await authorize(ctx, 'wallet.read');
      return { items: await listRules(ctx.trx, ctx.corpId) };
    });

    app.post('/api/v1/wallet/spending-rules', { config: { auth: 'corp' }, schema: { tags, body: S.RuleBody, response: { 201: S.RuleDto } } }, async (request, reply) => {
      const rule = await deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'wallet.manage');
        return createRule(ctx, request.body);
      });
      return reply.status(201).send(rule);
    });

    app.put('/api/v1/wallet/spending-rules/:ruleId', { config: { auth: 'corp' }, schema: { tags, params: S.RuleParams, body: S.RuleBody, response: { 200: S.RuleDto } } }, async (request) =>
      deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'wallet.manage');
        return updateRule(ctx, request.params.ruleId, request.body);
      }),
    );

    app.delete('/api/v1/wallet/spending-rules/:ruleId', { config: { auth: 'corp' }, schema: { tags, params: S.RuleParams, response: { 204: NoContent } } }, async (request, reply) => {
      await deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'wallet.manage');
        await deleteRule(ctx, request.params.ruleId);
      });
      return reply.status(204).send(null);
    });

    // 自动扣款管理 ------------------------------------------------------------------------------------
    app.put('/api/v1/wallet/auto-deduction/:item', { config: { auth: 'corp' }, schema: { tags, summary: 'Switch auto-deduction on or off (acquisition assistant only)', params: S.AutoDeductParams, body: S.AutoDeductBody, response: { 200: S.AutoDeductDto } } }, async (request) =>
      deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'wallet.pay');
        return setAutoDeduct(ctx, request.params.item, request.body.enabled);
      }),
    );

    app.post(
      '/api/v1/wallet/deductions',
      { config: { auth: 'corp' }, schema: { tags, summary: 'Charge one auto-deduction (metered usage) to the balance; group-committed', body: S.DeductionBody, response: { 201: S.DeductionDto } } },
      async (request, reply) => {
        const ctx = request.ctx();
        await authorize(ctx, 'wallet.deduct');
        const result = await chargeBatcher(deps.db, deps.dialect).charge(ctx.corpId, ctx.actor, request.now, request.body);
        return reply.status(201).send(result);
      },
    );

    // 企业订单 -----------------------------------------------------------------------------------------
    app.get('/api/v1/wallet/orders', { config: { auth: 'corp' }, schema: { tags, summary: 'Orders, newest first, with the number pending payment', querystring: S.OrderListQuery, response: { 200: S.OrderPage } } }, async (request) => {
      const ctx = request.ctx();
      await authorize(ctx, 'wallet.read');
      return listOrders(ctx.trx, ctx.corpId, { status: request.query.status, cursor: request.query.cursor, limit: request.query.limit ?? 50 });
    });

    app.post('/api/v1/wallet/orders', { config: { auth: 'corp' }, schema: { tags, body: S.NewOrderBody, response: { 201: S.OrderDto } } }, async (request, reply) => {
      const order = await deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'wallet.pay');
        return createOrder(ctx, request.body);
      });
      return reply.status(201).send(order);
    });

    app.post('/api/v1/wallet/orders/:orderId/pay', { config: { auth: 'corp' }, schema: { tags, summary: 'Pay an order with the balance or through a channel', params: S.OrderParams, body: S.PayOrderBody, response: { 200: S.PayOrderResult } } }, async (request) =>
      deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'wallet.pay');
        const body = request.body;
        if (body.method === 'balance') {
          const paid = await payOrderWithBalance(ctx, request.params.orderId, body.idempotencyKey);
          return { order: await getOrder(trx, ctx.corpId, paid.orderId), payment: { serialNo: paid.serialNo, balanceAfter: paid.balanceAfter }, topup: null };
        }
        const topup = await payOrderThroughChannel(ctx, request.params.orderId, body.channel);
        return { order: await getOrder(trx, ctx.corpId, request.params.orderId), payment: null, topup };
      }),
    );

    app.post('/api/v1/wallet/orders/:orderId/refund', { config: { auth: 'corp' }, schema: { tags, summary: 'Refund a balance-paid order to the balance (per the refund policy)', params: S.OrderParams, body: S.RefundBody, response: { 200: S.RefundDto } } }, async (request) =>
      deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'wallet.refund');
        return refundOrder(ctx, request.params.orderId, request.body);
      }),
    );

    // 发票 ----------------------------------------------------------------------------------------------
    app.get('/api/v1/wallet/invoices', { config: { auth: 'corp' }, schema: { tags, response: { 200: List(S.InvoiceDto) } } }, async (request) => {
      const ctx = request.ctx();
      await authorize(ctx, 'wallet.read');
      return { items: await listInvoices(ctx.trx, ctx.corpId, 200) };
    });

    app.post('/api/v1/wallet/invoices', { config: { auth: 'corp' }, schema: { tags, summary: 'Request an invoice for consumption, by order or by time range', body: S.InvoiceBody, response: { 201: S.InvoiceDto } } }, async (request, reply) => {
      const invoice = await deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'wallet.invoice');
        const b = request.body;
        const basis = b.basis === 'order' ? { basis: 'order' as const, orderId: b.orderId } : { basis: 'range' as const, from: Date.parse(b.from), to: Date.parse(b.to) };
        return requestInvoice(ctx, { ...basis, type: b.type, idempotencyKey: b.idempotencyKey });
      });
      return reply.status(201).send(invoice);
    });

    // Operator --------------------------------------------------------------------------------------------
    app.get('/api/v1/operator/wallet/bank-transfers', { config: { auth: 'operator' }, schema: { tags: opTags, summary: 'Bank transfers waiting for confirmation', response: { 200: List(S.PendingTransferDto) } } }, async () => ({
      items: await listPendingTransfers(deps.db, 500),
    }));

    app.post(
      '/api/v1/operator/wallet/bank-transfers/confirm',
      { config: { auth: 'operator' }, schema: { tags: opTags, summary: 'Confirm a received transfer: code, amount and payer (the full enterprise name) must match', body: S.ConfirmTransferBody, response: { 200: S.TransferOutcomeDto } } },
      async (request) => {
        const actor = await operatorActor(deps, request);
        // The reason of a mismatch is kept on the transfer, so the transaction commits before answering.
        const outcome = await deps.db.transaction().execute((trx) => confirmTransfer(trx, request.now, actor, request.body, request.ip));
        if (!outcome.confirmed) throw new DomainError(WalletErrors['wallet.bank_transfer_mismatch'], { reason: outcome.reason });
        return outcome;
      },
    );

    app.post('/api/v1/operator/wallet/bank-statements', { config: { auth: 'operator' }, schema: { tags: opTags, summary: 'Import a bank statement (CSV) and confirm the transfers it matches', body: S.StatementBody, response: { 200: S.StatementResult } } }, async (request) => {
      const actor = await operatorActor(deps, request);
      return { lines: await importStatement(deps.db, request.now, actor, request.body.csv, request.ip) };
    });

    app.get('/api/v1/operator/wallet/invoices', { config: { auth: 'operator' }, schema: { tags: opTags, querystring: S.OperatorInvoiceQuery, response: { 200: List(S.OperatorInvoiceDto) } } }, async (request) => ({
      items: await listInvoiceRequests(deps.db, request.query.status ?? 'requested', 500),
    }));

    app.post('/api/v1/operator/wallet/invoices/:corpId/:invoiceId/issue', { config: { auth: 'operator' }, schema: { tags: opTags, params: S.InvoiceParams, response: { 200: S.InvoiceDto } } }, async (request) => {
      const actor = await operatorActor(deps, request);
      return deps.db.transaction().execute((trx) => issueInvoice(trx, request.now, actor, request.params.corpId, request.params.invoiceId, request.ip));
    });

    app.get('/api/v1/operator/wallet/corps/:corpId', { config: { auth: 'operator' }, schema: { tags: opTags, params: S.CorpParams, response: { 200: S.OperatorWalletDto } } }, async (request) => {
      const corp = await deps.db.selectFrom('corps').select(['id', 'name']).where('id', '=', request.params.corpId).executeTakeFirst();
      if (!corp) throw new DomainError('not_found', { corpId: request.params.corpId });
      return { corpId: corp.id, corpName: corp.name, balanceFen: (await getWallet(deps.db, corp.id)).balanceFen };
    });

    app.post(
      '/api/v1/operator/wallet/corps/:corpId/refunds',
      { config: { auth: 'operator' }, schema: { tags: opTags, summary: 'Refund unspent balance by hand (人工退款)', params: S.CorpParams, body: S.ManualRefundBody, response: { 200: S.ManualRefundDto } } },
      async (request) => {
        const actor = await operatorActor(deps, request);
        return deps.db.transaction().execute((trx) => manualRefund(trx, request.now, actor, request.params.corpId, request.body, request.ip));
      },
    );

    app.get('/api/v1/operator/wallet/refunds', { config: { auth: 'operator' }, schema: { tags: opTags, response: { 200: List(S.ManualRefundRow) } } }, async () => ({
      items: await listManualRefunds(deps.db, 200),
    }));
  };
}
