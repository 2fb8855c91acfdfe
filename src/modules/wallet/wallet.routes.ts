import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from 'typebox';
import type { Deps } from '../../platform/deps.ts';
import { DomainError } from '../../platform/errors.ts';
import { exportMark } from '../../platform/export-marks.ts';
import { created, noContent } from '../../platform/http/replies.ts';
import { NoContent } from '../../platform/http/schemas.ts';
import { authorize } from '../../platform/policy/index.ts';
import { chargeBatcher } from './charger.ts';
import { ledgerCsv, ledgerXlsx } from './export.ts';
import { handleCallback } from './topups.service.ts';
import { paymentSecret } from './channels.ts';
import { anySandbox, sandboxOn } from './sandbox.ts';
import { alerts, autoDeduction, invoices, operator, orders, rules, topups, wallet } from './wallet.commands.ts';
import { WalletErrors } from './wallet.errors.ts';
import * as S from './wallet.schema.ts';

const List = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item) });

const tags = ['wallet'];
const opTags = ['operator', 'wallet'];
const corp = { auth: 'corp' } as const;
const op = { auth: 'operator' } as const;
const ms = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));

/** 企业充值: balance, top-ups, alerts, spending rules, auto-deduction, orders, invoices; and the operator's side. */
export function walletRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  const callbackDeps = { db: deps.db, log: deps.log, registry: deps.registry };
  return async (app) => {
    app.get('/api/v1/wallet', { config: corp, schema: { tags, summary: '企业充值: balance, settings and what the actor may do', response: { 200: S.WalletDto } } }, (request) =>
      request.run(wallet.overview, { sandboxFlag: deps.config.sandboxPayments }),
    );

    app.get('/api/v1/wallet/catalog', { config: corp, schema: { tags, summary: 'What can be ordered, and what the actor may pay with the balance', response: { 200: S.CatalogDto } } }, (request) =>
      request.run(wallet.catalog, undefined),
    );

    app.get('/api/v1/wallet/ledger', { config: corp, schema: { tags, summary: '资金明细, newest first', querystring: S.LedgerQuery, response: { 200: S.LedgerPage } } }, (request) => {
      const q = request.query;
      return request.run(wallet.ledger, { from: ms(q.from), to: ms(q.to), type: q.type, cursor: q.cursor, limit: q.limit ?? 50 });
    });

    app.get('/api/v1/wallet/ledger/export', { config: corp, schema: { tags, summary: 'Export the fund ledger as .csv or .xlsx (streamed)', querystring: S.ExportQuery } }, async (request, reply) => {
      // Streamed after the handler returns, so it reads outside any command.
      const ctx = request.readCtx();
      await authorize(ctx, 'wallet.read');
      const q = request.query;
      const filter = { from: ms(q.from), to: ms(q.to), type: q.type };
      const lang = q.lang ?? 'zh-CN';
      const name = `${lang === 'zh-CN' ? '资金明细' : 'fund-ledger'}.${q.format}`;
      const mark = await exportMark(deps.registry, deps.db, ctx.corpId, ctx.actor, request.now, 'any');
      reply.header('content-disposition', `attachment; filename="ledger.${q.format}"; filename*=UTF-8''${encodeURIComponent(name)}`);
      if (q.format === 'csv') return reply.type('text/csv; charset=utf-8').send(ledgerCsv(deps.db, ctx.corpId, filter, lang, mark));
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(ledgerXlsx(deps.db, ctx.corpId, filter, lang, mark));
    });

    // 充值 ------------------------------------------------------------------------------------------
    app.post('/api/v1/wallet/topups', { config: corp, schema: { tags, summary: 'Start a top-up through one of the four channels', body: S.TopupBody, response: { 201: S.TopupDto } } }, async (request, reply) =>
      created(reply, request.run(topups.create, request.body)),
    );

    app.get('/api/v1/wallet/topups', { config: corp, schema: { tags, summary: 'Pending and past top-ups (待到账 / 已到账 / 已关闭), newest first', querystring: S.TopupListQuery, response: { 200: S.TopupPage } } }, (request) =>
      request.run(topups.list, { status: request.query.status, cursor: request.query.cursor, limit: request.query.limit ?? 50 }),
    );

    app.post('/api/v1/wallet/topups/:topupId/close', { config: corp, schema: { tags, summary: 'Close a pending top-up (已关闭): its code confirms nothing afterwards', params: S.TopupParams, response: { 200: S.TopupDto } } }, (request) =>
      request.run(topups.close, request.params.topupId),
    );

    app.get('/api/v1/wallet/agreement', { config: corp, schema: { tags, summary: '充值服务协议: the version in force, to agree to before a top-up', response: { 200: S.AgreementDto } } }, (request) =>
      request.run(topups.agreement, undefined),
    );

    app.get('/api/v1/wallet/topups/:topupId', { config: corp, schema: { tags, params: S.TopupParams, response: { 200: S.TopupDto } } }, (request) => request.run(topups.get, request.params.topupId));

    // The sandbox credits balance nobody paid: the route exists only with --sandbox-payments, or for the
    // demo enterprise once one is in the database; for any other enterprise it answers as a missing route.
    if (deps.config.sandboxPayments || (await anySandbox(deps.db))) {
      app.post(
        '/api/v1/wallet/topups/:topupId/sandbox-pay',
        { config: corp, schema: { tags, summary: 'Sandbox (only with --sandbox-payments, and for the demo enterprise): the channel reports the payment with a signed callback, as a real one would', params: S.TopupParams, response: { 200: S.CallbackResult } } },
        async (request) => {
          if (!(await sandboxOn(deps.db, request.readCtx().corpId, deps.config.sandboxPayments))) throw new DomainError('not_found', {}, `No route ${request.method} ${request.url.split('?')[0]}.`);
          return request.run(topups.sandboxPay, { topupId: request.params.topupId, configuredSecret: deps.config.paymentSecret });
        },
      );
    }

    app.post(
      '/api/v1/wallet/channels/:channel/callback',
      { config: { auth: 'public' }, schema: { tags, summary: "A payment channel's signed callback (HMAC-SHA256 with the payment secret)", params: S.CallbackParams, body: S.CallbackBody, response: { 200: S.CallbackResult } } },
      async (request) => {
        const secret = await paymentSecret(deps.db, deps.config.paymentSecret, request.now);
        return { result: await handleCallback({ ...callbackDeps, now: request.now }, secret, request.params.channel, request.body) };
      },
    );

    // 余额预警 ----------------------------------------------------------------------------------------
    app.get('/api/v1/wallet/alert', { config: corp, schema: { tags, response: { 200: S.AlertDto } } }, (request) => request.run(alerts.get, undefined));

    app.put('/api/v1/wallet/alert', { config: corp, schema: { tags, summary: '余额预警: amount, recipients, frequency, on/off', body: S.AlertBody, response: { 200: S.AlertDto } } }, (request) => {
      const b = request.body;
      return request.run(alerts.set, {
        enabled: b.enabled,
        amountYuan: b.amountYuan,
        frequency: b.frequency ?? 'daily',
        recipients: { memberIds: b.recipients.memberIds ?? [], departmentIds: b.recipients.departmentIds ?? [], tagIds: b.recipients.tagIds ?? [] },
      });
    });

    // 余额使用权限 -------------------------------------------------------------------------------------
    app.get('/api/v1/wallet/spending-rules', { config: corp, schema: { tags, response: { 200: List(S.RuleDto) } } }, (request) => request.run(rules.list, undefined));

    app.post('/api/v1/wallet/spending-rules', { config: corp, schema: { tags, body: S.RuleBody, response: { 201: S.RuleDto } } }, async (request, reply) => created(reply, request.run(rules.create, request.body)));

    app.put('/api/v1/wallet/spending-rules/:ruleId', { config: corp, schema: { tags, params: S.RuleParams, body: S.RuleBody, response: { 200: S.RuleDto } } }, (request) =>
      request.run(rules.update, { ruleId: request.params.ruleId, rule: request.body }),
    );

    app.delete('/api/v1/wallet/spending-rules/:ruleId', { config: corp, schema: { tags, params: S.RuleParams, response: { 204: NoContent } } }, async (request, reply) =>
      noContent(reply, request.run(rules.remove, request.params.ruleId)),
    );

    // 自动扣款管理 ------------------------------------------------------------------------------------
    app.put(
      '/api/v1/wallet/auto-deduction/:item',
      { config: corp, schema: { tags, summary: 'Switch auto-deduction on or off (acquisition assistant only)', params: S.AutoDeductParams, body: S.AutoDeductBody, response: { 200: S.AutoDeductDto } } },
      (request) => request.run(autoDeduction.set, { item: request.params.item, ...request.body }),
    );

    app.get(
      '/api/v1/wallet/auto-deduction/:item/quote',
      { config: corp, schema: { tags, summary: 'What switching auto-deduction on will charge per use, shown before it is switched on', params: S.AutoDeductParams, response: { 200: S.PriceQuoteDto } } },
      (request) => request.run(autoDeduction.quote, request.params.item),
    );

    app.post(
      '/api/v1/wallet/deductions',
      { config: corp, schema: { tags, summary: 'Charge one auto-deduction (metered usage) to the balance; group-committed', body: S.DeductionBody, response: { 201: S.DeductionDto } } },
      async (request, reply) => {
        // Its own batcher, not a command: a batch decides many charges in a handful of statements.
        const ctx = request.readCtx();
        await authorize(ctx, 'wallet.deduct');
        return created(reply, chargeBatcher(deps).charge(ctx.corpId, ctx.actor, request.now, request.body));
      },
    );

    // 企业订单 -----------------------------------------------------------------------------------------
    app.get('/api/v1/wallet/orders', { config: corp, schema: { tags, summary: 'Orders, newest first, with the number pending payment', querystring: S.OrderListQuery, response: { 200: S.OrderPage } } }, (request) =>
      request.run(orders.list, { status: request.query.status, cursor: request.query.cursor, limit: request.query.limit ?? 50 }),
    );

    app.post('/api/v1/wallet/orders', { config: corp, schema: { tags, body: S.NewOrderBody, response: { 201: S.OrderDto } } }, async (request, reply) => created(reply, request.run(orders.create, request.body)));

    app.post('/api/v1/wallet/orders/:orderId/pay', { config: corp, schema: { tags, summary: 'Pay an order with the balance or through a channel', params: S.OrderParams, body: S.PayOrderBody, response: { 200: S.PayOrderResult } } }, (request) =>
      request.run(orders.pay, { orderId: request.params.orderId, ...request.body }),
    );

    app.post(
      '/api/v1/wallet/orders/:orderId/refund',
      { config: corp, schema: { tags, summary: 'Refund a balance-paid order to the balance (per the refund policy)', params: S.OrderParams, body: S.RefundBody, response: { 200: S.RefundDto } } },
      (request) => request.run(orders.refund, { orderId: request.params.orderId, ...request.body }),
    );

    // 发票 ----------------------------------------------------------------------------------------------
    app.get('/api/v1/wallet/invoices', { config: corp, schema: { tags, response: { 200: List(S.InvoiceDto) } } }, (request) => request.run(invoices.list, undefined));

    app.post('/api/v1/wallet/invoices', { config: corp, schema: { tags, summary: 'Request an invoice for consumption, by order or by time range', body: S.InvoiceBody, response: { 201: S.InvoiceDto } } }, async (request, reply) => {
      const b = request.body;
      const basis = b.basis === 'order' ? { basis: 'order' as const, orderId: b.orderId } : { basis: 'range' as const, from: Date.parse(b.from), to: Date.parse(b.to) };
      return created(reply, request.run(invoices.request, { ...basis, type: b.type, idempotencyKey: b.idempotencyKey }));
    });

    // Operator --------------------------------------------------------------------------------------------
    app.get('/api/v1/operator/wallet/bank-transfers', { config: op, schema: { tags: opTags, summary: 'Bank transfers waiting for confirmation', response: { 200: List(S.PendingTransferDto) } } }, (request) =>
      request.runFor('', operator.pendingTransfers, undefined),
    );

    app.post(
      '/api/v1/operator/wallet/bank-transfers/confirm',
      { config: op, schema: { tags: opTags, summary: 'Confirm a received transfer: code, amount and payer (the full enterprise name) must match', body: S.ConfirmTransferBody, response: { 200: S.TransferOutcomeDto } } },
      async (request) => {
        // The reason of a mismatch is kept on the transfer, so the command commits before the answer refuses.
        const outcome = await request.runFor('', operator.confirmTransfer, request.body);
        if (!outcome.confirmed) throw new DomainError(WalletErrors['wallet.bank_transfer_mismatch'], { reason: outcome.reason });
        return outcome;
      },
    );

    app.post('/api/v1/operator/wallet/bank-statements', { config: op, schema: { tags: opTags, summary: 'Import a bank statement (CSV) and confirm the transfers it matches', body: S.StatementBody, response: { 200: S.StatementResult } } }, (request) =>
      request.runFor('', operator.importStatement, request.body.csv),
    );

    app.get('/api/v1/operator/wallet/invoices', { config: op, schema: { tags: opTags, querystring: S.OperatorInvoiceQuery, response: { 200: List(S.OperatorInvoiceDto) } } }, (request) =>
      request.runFor('', operator.invoiceRequests, request.query.status ?? 'requested'),
    );

    app.post('/api/v1/operator/wallet/invoices/:corpId/:invoiceId/issue', { config: op, schema: { tags: opTags, params: S.InvoiceParams, response: { 200: S.InvoiceDto } } }, (request) =>
      request.runFor(request.params.corpId, operator.issueInvoice, request.params.invoiceId),
    );

    app.get('/api/v1/operator/wallet/corps/:corpId', { config: op, schema: { tags: opTags, params: S.CorpParams, response: { 200: S.OperatorWalletDto } } }, (request) =>
      request.runFor(request.params.corpId, operator.walletOf, undefined),
    );

    app.post(
      '/api/v1/operator/wallet/corps/:corpId/refunds',
      { config: op, schema: { tags: opTags, summary: 'Refund unspent balance by hand (人工退款)', params: S.CorpParams, body: S.ManualRefundBody, response: { 200: S.ManualRefundDto } } },
      (request) => request.runFor(request.params.corpId, operator.refund, request.body),
    );

    app.get('/api/v1/operator/wallet/agreements', { config: op, schema: { tags: opTags, summary: '充值服务协议: every published version, newest first', response: { 200: List(S.AgreementDto) } } }, (request) =>
      request.runFor('', operator.agreements, undefined),
    );

    app.post('/api/v1/operator/wallet/agreements', { config: op, schema: { tags: opTags, summary: 'Publish a new version of the 充值服务协议 (both languages); later top-ups agree to it', body: S.AgreementBody, response: { 201: S.AgreementDto } } }, async (request, reply) =>
      created(reply, request.runFor('', operator.publishAgreement, request.body)),
    );

    app.get('/api/v1/operator/wallet/refunds', { config: op, schema: { tags: opTags, response: { 200: List(S.ManualRefundRow) } } }, (request) => request.runFor('', operator.refunds, undefined));
  };
}
