import { sql } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { toIso } from '../../platform/clock.ts';
import { audit } from '../../platform/audit.ts';
import { divideHalfUp } from '../../platform/money.ts';
import { idempotent } from '../../platform/idempotency.ts';
import { corpsByIds, getCorp, isCertified } from '../corp/index.ts';
import { INVOICE_SERVICE_NAME, INVOICE_TAX_PERCENT } from './catalog.ts';
import { WalletErrors } from './wallet.errors.ts';
import type { InvoiceType } from './wallet.tables.ts';
import { tables } from './wallet.tables.ts';

/**
 * 发票: only for consumption (balance-paid orders and auto-deductions), by order or by time range;
 * never for unspent top-ups. The type is chosen once per request; 6% VAT; service 信息技术服务费;
 * title the certified enterprise name. Each consumption row is invoiced at most once, and the
 * wallet's `invoiced` counter can never pass `consumed` (compare-and-set, and a CHECK constraint).
 */
export type InvoiceBasis = { basis: 'order'; orderId: string } | { basis: 'range'; from: number; to: number };

export interface InvoiceView {
  id: string;
  basis: 'order' | 'range';
  orderId: string | null;
  from: string | null;
  to: string | null;
  type: InvoiceType;
  title: string;
  serviceName: string;
  amountFen: number;
  taxRatePercent: number;
  taxFen: number;
  status: 'requested' | 'issued';
  invoiceNo: string | null;
  createdAt: string;
  issuedAt: string | null;
}

type InvoiceRow = { id: string; basis: 'order' | 'range'; order_id: string | null; range_from: number | null; range_to: number | null; type: InvoiceType; title: string; service_name: string; amount: number; tax_rate_percent: number; tax: number; status: 'requested' | 'issued'; invoice_no: string | null; created_at: number; issued_at: number | null };

function toView(r: InvoiceRow): InvoiceView {
  return {
    id: r.id,
    basis: r.basis,
    orderId: r.order_id,
    from: toIso(r.range_from === null ? null : Number(r.range_from)),
    to: toIso(r.range_to === null ? null : Number(r.range_to)),
    type: r.type,
    title: r.title,
    serviceName: r.service_name,
    amountFen: Number(r.amount),
    taxRatePercent: Number(r.tax_rate_percent),
    taxFen: Number(r.tax),
    status: r.status,
    invoiceNo: r.invoice_no,
    createdAt: toIso(Number(r.created_at)),
    issuedAt: toIso(r.issued_at === null ? null : Number(r.issued_at)),
  };
}

/** The VAT inside a tax-inclusive amount: amount × 6 / 106, rounded half up. */
export function taxOf(amountFen: number): number {
  return divideHalfUp(amountFen * INVOICE_TAX_PERCENT, 100 + INVOICE_TAX_PERCENT);
}

export async function requestInvoice(ctx: Ctx, input: InvoiceBasis & { type: InvoiceType; idempotencyKey: string }): Promise<InvoiceView> {
  const { idempotencyKey, ...request } = input;
  return idempotent(ctx, `invoice:${idempotencyKey}`, { command: 'wallet.invoice', ...request }, async () => {
    if (!(await isCertified(ctx.trx, ctx.corpId, ctx.now))) throw new DomainError(WalletErrors['wallet.invoice_requires_certification']);
    const corp = await getCorp(ctx.trx, ctx.corpId);
    const id = newId('inv', ctx.now);
    // Claim the consumption rows: only open ones (not yet invoiced, not refunded) flip to this invoice.
    let claim = tables(ctx.trx)
      .updateTable('wallet_txns')
      .set({ invoice_state: 'invoiced', invoice_id: id })
      .where('corp_id', '=', ctx.corpId)
      .where('invoice_state', '=', 'open')
      .where('type', 'in', ['purchase', 'auto_deduct']);
    claim = input.basis === 'order' ? claim.where('order_id', '=', input.orderId) : claim.where('created_at', '>=', input.from).where('created_at', '<', input.to);
    await claim.execute();
    const sum = await tables(ctx.trx)
      .selectFrom('wallet_txns')
      .select(sql<number>`coalesce(sum(-amount), 0)`.as('s'))
      .where('corp_id', '=', ctx.corpId)
      .where('invoice_id', '=', id)
      .executeTakeFirstOrThrow();
    const amount = Number(sum.s);
    if (amount <= 0) throw new DomainError(WalletErrors['wallet.nothing_to_invoice']);
    const counted = await tables(ctx.trx)
      .updateTable('wallets')
      .set({ invoiced: sql<number>`invoiced + ${amount}`, updated_at: ctx.now })
      .where('corp_id', '=', ctx.corpId)
      .where(sql<boolean>`invoiced + ${amount} <= consumed`)
      .executeTakeFirst();
    if (Number(counted.numUpdatedRows) === 0) throw new DomainError(WalletErrors['wallet.invoice_exceeds_consumption']);
    const row: InvoiceRow = {
      id,
      basis: input.basis,
      order_id: input.basis === 'order' ? input.orderId : null,
      range_from: input.basis === 'range' ? input.from : null,
      range_to: input.basis === 'range' ? input.to : null,
      type: input.type,
      title: corp.name,
      service_name: INVOICE_SERVICE_NAME,
      amount,
      tax_rate_percent: INVOICE_TAX_PERCENT,
      tax: taxOf(amount),
      status: 'requested',
      invoice_no: null,
      created_at: ctx.now,
      issued_at: null,
    };
    await tables(ctx.trx).insertInto('wallet_invoices').values({ ...row, corp_id: ctx.corpId, requested_by: ctx.actor.name, issued_by: null }).execute();
    await audit(ctx, { action: 'wallet.invoice.request', target: { type: 'invoice', id }, after: { basis: input.basis, type: input.type, amountFen: amount } });
    return toView(row);
  });
}

export async function listInvoices(db: Executor, corpId: string, limit: number): Promise<InvoiceView[]> {
  const rows = await tables(db).selectFrom('wallet_invoices').selectAll().where('corp_id', '=', corpId).orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toView);
}

/** What is still open for invoicing: consumption not yet invoiced nor refunded. */
export async function invoiceableFen(db: Executor, corpId: string): Promise<number> {
  const row = await tables(db)
    .selectFrom('wallet_txns')
    .select(sql<number>`coalesce(sum(-amount), 0)`.as('s'))
    .where('corp_id', '=', corpId)
    .where('invoice_state', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(row.s);
}

export interface OperatorInvoiceView extends InvoiceView {
  corpId: string;
  corpName: string;
}

export async function listInvoiceRequests(db: Executor, status: 'requested' | 'issued', limit: number): Promise<OperatorInvoiceView[]> {
  const rows = await tables(db).selectFrom('wallet_invoices').selectAll().where('status', '=', status).orderBy('id').limit(limit).execute();
  const names = new Map((await corpsByIds(db, rows.map((r) => r.corp_id))).map((c) => [c.id, c.name]));
  return rows.map((r) => ({ ...toView(r), corpId: r.corp_id, corpName: names.get(r.corp_id) ?? '' }));
}

/** The operator issues a requested invoice of `ctx.corpId` (once). */
export async function issueInvoice(ctx: Ctx, invoiceId: string): Promise<InvoiceView> {
  const { trx, now, corpId, actor: operator } = ctx;
  const invoiceNo = `${new Date(now + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '')}${newId('n', now).slice(-8)}`;
  const done = await tables(trx)
    .updateTable('wallet_invoices')
    .set({ status: 'issued', invoice_no: invoiceNo, issued_at: now, issued_by: operator.name })
    .where('corp_id', '=', corpId)
    .where('id', '=', invoiceId)
    .where('status', '=', 'requested')
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0) {
    const exists = await tables(trx).selectFrom('wallet_invoices').select('id').where('corp_id', '=', corpId).where('id', '=', invoiceId).executeTakeFirst();
    throw exists ? new DomainError(WalletErrors['wallet.invoice_not_requested']) : new DomainError('not_found', { invoiceId });
  }
  await audit(ctx, { action: 'wallet.invoice.issue', target: { type: 'invoice', id: invoiceId }, after: { invoiceNo } });
  const row = await tables(trx).selectFrom('wallet_invoices').selectAll().where('corp_id', '=', corpId).where('id', '=', invoiceId).executeTakeFirstOrThrow();
  return toView(row);
}
