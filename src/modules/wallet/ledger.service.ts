import { sql } from 'kysely';
import type { TxCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { chinaTime, toIso } from '../../platform/clock.ts';
import { WalletErrors } from './wallet.errors.ts';
import { CHANNELS, type ChannelName, type InvoiceState, type TxnType } from './wallet.tables.ts';
import { prepared, tables, type WalletTables } from './wallet.tables.ts';

/**
 * The fund ledger (资金明细). Every movement is one balance update guarded by compare-and-set, one
 * ledger row with the balance after it, and double entries that sum to zero:
 * `wallet` (the enterprise's balance), `clearing:<channel>` (money arriving from or leaving to
 * the outside), `revenue:<item>` (what the platform earned).
 */
export const WALLET_ACCOUNT = 'wallet';
export const clearingAccount = (channel: string) => `clearing:${channel}`;
export const revenueAccount = (item: string) => `revenue:${item}`;

export interface Movement {
  type: TxnType;
  /** Signed change of the balance: negative for a debit. */
  amount: number;
  /** Where the other side of the double entry goes. */
  counterAccount: string;
  description: string;
  item?: string | null;
  orderId?: string | null;
  /** A top-up's payment channel. */
  channel?: ChannelName | null;
  /** Consumption (balance-paid orders, auto-deductions) is counted for invoices; refunds take it back. */
  consumedDelta?: number;
  /** Only while auto-deduction of the acquisition assistant is on (checked in the same statement). */
  requireAutoDeduct?: boolean;
}

export interface Posted {
  txnId: string;
  serialNo: string;
  balanceAfter: number;
  seq: number;
  alert: { enabled: boolean; fen: number };
}

/** Who the ledger shows as 操作者. */
export interface LedgerActor {
  kind: string;
  id: string;
  name: string;
}

export type MoveCtx = TxCtx & { actor: LedgerActor };

/** The wallet row exists from the first credit or setting; reading an absent wallet reads zero. */
export async function ensureWallet(ctx: Pick<TxCtx, 'corpId' | 'now'> & { trx: Executor }): Promise<void> {
  await tables(ctx.trx)
    .insertInto('wallets')
    .values({
      corp_id: ctx.corpId,
      balance: 0,
      seq: 0,
      consumed: 0,
      invoiced: 0,
      alert_enabled: 0,
      alert_fen: 0,
      alert_frequency: 'daily',
      alert_recipients_json: '{}',
      auto_deduct_acquisition: 0,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .onConflict((oc) => oc.column('corp_id').doNothing())
    .execute();
}

/**
 * `交易流水号` as people read it: the China date of the movement and the enterprise's ledger position,
 * `20261202-000123`. The position is taken in the same update as the balance, so serial numbers are
 * unique and consecutive within the enterprise however many movements run at once.
 */
export function serialNumber(now: number, seq: number): string {
  return `${serialDay(now)}${String(seq).padStart(6, '0')}`;
}

/** The date part of a serial number: `20261202-`. */
export function serialDay(now: number): string {
  return `${chinaTime(toIso(now)).slice(0, 10).replaceAll('-', '')}-`;
}

export function assertPositiveFen(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new DomainError(WalletErrors['wallet.amount_invalid'], { amount });
}

/**
 * The one statement that moves a balance, with every guard: enough money for a debit, consumption
 * given back only while what is left still covers what was invoiced, auto-deduction on when the
 * movement needs it. Prepared once: every movement of money runs it.
 */
const moveBalance = prepared((db, p: { corpId: string; amount: number; consumedDelta: number; now: number; floor: number; givesBack: 0 | 1; requireAutoDeduct: 0 | 1 }) =>
  db
    .updateTable('wallets')
    .set({ balance: sql<number>`balance + ${p.amount}`, seq: sql<number>`seq + 1`, consumed: sql<number>`consumed + ${p.consumedDelta}`, updated_at: p.now })
    .where('corp_id', '=', p.corpId)
    .where('balance', '>=', p.floor)
    .where(sql<boolean>`(${p.givesBack} = 0 or consumed + ${p.consumedDelta} >= invoiced)`)
    .where(sql<boolean>`(${p.requireAutoDeduct} = 0 or auto_deduct_acquisition = 1)`)
    .returning(['balance', 'seq', 'alert_enabled', 'alert_fen']),
);

/** A ledger row: written on every movement of money, so prepared once. */
const insertTxn = prepared((db, p: WalletTables['wallet_txns']) =>
  db.insertInto('wallet_txns').values({
    corp_id: p.corp_id,
    id: p.id,
    serial_no: p.serial_no,
    seq: p.seq,
    type: p.type,
    item: p.item,
    description: p.description,
    amount: p.amount,
    balance_after: p.balance_after,
    order_id: p.order_id,
    invoice_state: p.invoice_state,
    invoice_id: p.invoice_id,
    actor_kind: p.actor_kind,
    actor_id: p.actor_id,
    actor_name: p.actor_name,
    channel: p.channel,
    created_at: p.created_at,
  }),
);

/** A movement's ledger row, as post() and the batched charger write it. */
export function ledgerRow(
  ctx: Pick<MoveCtx, 'corpId' | 'now' | 'actor'>,
  row: { id: string; serialNo: string; seq: number; type: TxnType; item: string | null; description: string; amount: number; balanceAfter: number; orderId: string | null; invoiceState: InvoiceState; channel?: ChannelName | null },
): WalletTables['wallet_txns'] {
  return {
    corp_id: ctx.corpId,
    id: row.id,
    serial_no: row.serialNo,
    seq: row.seq,
    type: row.type,
    item: row.item,
    description: row.description,
    amount: row.amount,
    balance_after: row.balanceAfter,
    order_id: row.orderId,
    invoice_state: row.invoiceState,
    invoice_id: null,
    actor_kind: ctx.actor.kind,
    actor_id: ctx.actor.id,
    actor_name: ctx.actor.name,
    channel: row.channel ?? null,
    created_at: ctx.now,
  };
}

/** The two entries of a movement between the wallet and one counter account (`amount` as the wallet sees it). */
export function entryPair(corpId: string, txnId: string, now: number, counterAccount: string, amount: number): WalletTables['wallet_entries'][] {
  return [
    { corp_id: corpId, txn_id: txnId, line: 0, account: WALLET_ACCOUNT, amount, created_at: now },
    { corp_id: corpId, txn_id: txnId, line: 1, account: counterAccount, amount: -amount, created_at: now },
  ];
}

/**
 * Moves money in or out of the wallet. A debit is one compare-and-set statement
 * (`balance >= amount`): with too little money it changes nothing and fails with
 * `wallet.insufficient_balance`, however many debits run at once.
 */
export async function post(ctx: MoveCtx, movement: Movement): Promise<Posted> {
  const consumedDelta = movement.consumedDelta ?? 0;
  if (movement.amount >= 0) await ensureWallet(ctx);
  const row = (
    await moveBalance.execute(ctx.trx, {
      corpId: ctx.corpId,
      amount: movement.amount,
      consumedDelta,
      now: ctx.now,
      // A debit needs the money: the compare-and-set. A credit passes (a balance is never negative).
      floor: Math.max(0, -movement.amount),
      givesBack: consumedDelta < 0 ? 1 : 0,
      requireAutoDeduct: movement.requireAutoDeduct ? 1 : 0,
    })
  ).rows[0];
  if (!row) throw await whyRefused(ctx, movement);
  const txnId = newId('txn', ctx.now);
  const balanceAfter = Number(row.balance);
  const seq = Number(row.seq);
  const serialNo = serialNumber(ctx.now, seq);
  const invoiceState: InvoiceState = consumedDelta > 0 ? 'open' : 'none';
  await insertTxn.execute(
    ctx.trx,
    ledgerRow(ctx, { id: txnId, serialNo, seq, type: movement.type, item: movement.item ?? null, description: movement.description, amount: movement.amount, balanceAfter, orderId: movement.orderId ?? null, invoiceState, channel: movement.channel ?? null }),
  );
  await insertEntries(ctx, txnId, [
    [WALLET_ACCOUNT, movement.amount],
    [movement.counterAccount, -movement.amount],
  ]);
  return { txnId, serialNo, balanceAfter, seq, alert: { enabled: row.alert_enabled === 1, fen: Number(row.alert_fen) } };
}

/** Zero rows updated: say which guard refused, reading the row only on this rare path. */
async function whyRefused(ctx: TxCtx, movement: Movement): Promise<DomainError> {
  const wallet = await tables(ctx.trx).selectFrom('wallets').select(['auto_deduct_acquisition']).where('corp_id', '=', ctx.corpId).executeTakeFirst();
  if (movement.requireAutoDeduct && wallet?.auto_deduct_acquisition !== 1) return new DomainError(WalletErrors['wallet.auto_deduct_off'], { item: movement.item });
  if (movement.amount < 0) return new DomainError(WalletErrors['wallet.insufficient_balance'], { required: -movement.amount });
  return new DomainError(WalletErrors['wallet.invoice_exceeds_consumption']);
}

/** Double entries of one transaction; refuses lines that do not sum to zero. */
export async function insertEntries(ctx: TxCtx, txnId: string, lines: [account: string, amount: number][]): Promise<void> {
  const sum = lines.reduce((s, [, amount]) => s + amount, 0);
  if (sum !== 0) throw new Error(`entries of ${txnId} sum to ${sum}, not zero`);
  if (lines.length === 2) {
    const [[account0, amount0], [account1, amount1]] = lines as [[string, number], [string, number]];
    await insertEntryPair.execute(ctx.trx, { corpId: ctx.corpId, txnId, account0, amount0, account1, amount1, now: ctx.now });
    return;
  }
  await tables(ctx.trx)
    .insertInto('wallet_entries')
    .values(lines.map(([account, amount], line) => ({ corp_id: ctx.corpId, txn_id: txnId, line, account, amount, created_at: ctx.now })))
    .execute();
}

/** The common two-line transaction (wallet and one counter account), prepared once. */
const insertEntryPair = prepared((db, p: { corpId: string; txnId: string; account0: string; amount0: number; account1: string; amount1: number; now: number }) =>
  db.insertInto('wallet_entries').values([
    { corp_id: p.corpId, txn_id: p.txnId, line: 0, account: p.account0, amount: p.amount0, created_at: p.now },
    { corp_id: p.corpId, txn_id: p.txnId, line: 1, account: p.account1, amount: p.amount1, created_at: p.now },
  ]),
);

export interface WalletView {
  balanceFen: number;
  consumedFen: number;
  invoicedFen: number;
}

export async function getWallet(db: Executor, corpId: string): Promise<WalletView> {
  const row = await tables(db).selectFrom('wallets').select(['balance', 'consumed', 'invoiced']).where('corp_id', '=', corpId).executeTakeFirst();
  return { balanceFen: Number(row?.balance ?? 0), consumedFen: Number(row?.consumed ?? 0), invoicedFen: Number(row?.invoiced ?? 0) };
}

export interface LedgerRow {
  serialNo: string;
  at: string;
  type: TxnType;
  item: string | null;
  description: string;
  amountFen: number;
  balanceAfterFen: number;
  /** The order's quantity, for a movement that pays or refunds an order. */
  quantity: number | null;
  /** 操作者: the person's name (a member, the operator, an app); empty when `operatorKind` is `system`. */
  operator: string;
  operatorKind: OperatorKind;
  /** A top-up's payment channel, so the console can name it in the details. */
  channel: ChannelName | null;
  seq: number;
}

export interface LedgerQuery {
  from?: number | undefined;
  to?: number | undefined;
  type?: TxnType | undefined;
}

export function ledgerQuery(db: Executor, corpId: string, query: LedgerQuery) {
  let q = tables(db).selectFrom('wallet_txns').selectAll().where('corp_id', '=', corpId);
  if (query.from !== undefined) q = q.where('created_at', '>=', query.from);
  if (query.to !== undefined) q = q.where('created_at', '<', query.to);
  if (query.type) q = q.where('type', '=', query.type);
  return q;
}

/** Who a ledger row shows as 操作者: a person by name, or 系统 for what ran by itself. */
export type OperatorKind = 'member' | 'operator' | 'app' | 'system';

/**
 * An auto-deduction is the system's, whoever's request charged it (a customer added through a link);
 * so is a row whose actor was the system or, before migration 0032, a payment channel.
 */
function operatorOf(row: { type: TxnType; actor_kind: string; actor_name: string }): { operator: string; operatorKind: OperatorKind } {
  if (row.type === 'auto_deduct') return { operator: '', operatorKind: 'system' };
  const kind: OperatorKind | null = row.actor_kind === 'member' || row.actor_kind === 'external' || row.actor_kind === 'account' ? 'member' : row.actor_kind === 'operator' ? 'operator' : row.actor_kind === 'token' ? 'app' : null;
  return kind && row.actor_name ? { operator: row.actor_name, operatorKind: kind } : { operator: '', operatorKind: 'system' };
}

function channelOf(row: { channel?: string | null }): ChannelName | null {
  return row.channel && (CHANNELS as readonly string[]).includes(row.channel) ? (row.channel as ChannelName) : null;
}

export function toLedgerRow(
  row: { serial_no: string; created_at: number; type: TxnType; item: string | null; description: string; amount: number; balance_after: number; actor_kind: string; actor_id: string; actor_name: string; channel: string | null; seq: number },
  quantity: number | null = null,
): LedgerRow {
  return {
    serialNo: row.serial_no,
    at: toIso(row.created_at),
    type: row.type,
    item: row.item,
    description: row.description,
    amountFen: Number(row.amount),
    balanceAfterFen: Number(row.balance_after),
    quantity,
    ...operatorOf(row),
    channel: channelOf(row),
    seq: Number(row.seq),
  };
}

/** Newest first; the cursor is the last `seq` seen. */
export async function listLedger(db: Executor, corpId: string, query: LedgerQuery & { cursor?: string | undefined; limit: number }): Promise<{ items: LedgerRow[]; nextCursor: string | null }> {
  let q = ledgerQuery(db, corpId, query);
  if (query.cursor) q = q.where('seq', '<', Number(query.cursor));
  const rows = await q.orderBy('seq', 'desc').limit(query.limit + 1).execute();
  const page = await withQuantities(db, corpId, rows.slice(0, query.limit));
  return { items: page, nextCursor: rows.length > query.limit ? String(page[page.length - 1]!.seq) : null };
}

/** Ledger rows with the quantity of the order each pays or refunds, in one query for the page. */
export async function withQuantities(db: Executor, corpId: string, rows: (Parameters<typeof toLedgerRow>[0] & { order_id: string | null })[]): Promise<LedgerRow[]> {
  const orderIds = [...new Set(rows.flatMap((r) => (r.order_id ? [r.order_id] : [])))];
  const quantities = new Map<string, number>();
  if (orderIds.length > 0) {
    const orders = await tables(db).selectFrom('wallet_orders').select(['id', 'quantity']).where('corp_id', '=', corpId).where('id', 'in', orderIds).execute();
    for (const order of orders) quantities.set(order.id, Number(order.quantity));
  }
  return rows.map((r) => toLedgerRow(r, r.order_id ? (quantities.get(r.order_id) ?? null) : null));
}

/** Ledger invariants an auditor checks: used by tests, the crash test and the property test. */
export async function checkInvariants(db: Executor, corpId: string): Promise<{ balance: number; ledgerSum: number; walletEntries: number; unbalancedTxns: number; chainBreaks: number; consumed: number; invoiced: number }> {
  const wallet = await getWallet(db, corpId);
  const sums = await tables(db)
    .selectFrom('wallet_txns')
    .select(sql<number>`coalesce(sum(amount), 0)`.as('s'))
    .where('corp_id', '=', corpId)
    .executeTakeFirstOrThrow();
  const entries = await tables(db)
    .selectFrom('wallet_entries')
    .select(sql<number>`coalesce(sum(amount), 0)`.as('s'))
    .where('corp_id', '=', corpId)
    .where('account', '=', WALLET_ACCOUNT)
    .executeTakeFirstOrThrow();
  const unbalanced = await tables(db)
    .selectFrom('wallet_entries')
    .select('txn_id')
    .where('corp_id', '=', corpId)
    .groupBy('txn_id')
    .having(sql<number>`sum(amount)`, '<>', 0)
    .execute();
  const rows = await tables(db).selectFrom('wallet_txns').select(['amount', 'balance_after', 'seq']).where('corp_id', '=', corpId).orderBy('seq').execute();
  let previous = 0;
  let breaks = 0;
  for (const [i, r] of rows.entries()) {
    if (Number(r.seq) !== i + 1 || previous + Number(r.amount) !== Number(r.balance_after)) breaks++;
    previous = Number(r.balance_after);
  }
  return {
    balance: wallet.balanceFen,
    ledgerSum: Number(sums.s),
    walletEntries: Number(entries.s),
    unbalancedTxns: unbalanced.length,
    chainBreaks: breaks,
    consumed: wallet.consumedFen,
    invoiced: wallet.invoicedFen,
  };
}
