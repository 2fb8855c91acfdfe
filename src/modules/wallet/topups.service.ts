import { systemActor, type Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { MINUTE, toIso } from '../../platform/clock.ts';
import { audit } from '../../platform/audit.ts';
import { formatYuan, yuanToFen } from '../../platform/money.ts';
import { idempotent } from '../../platform/idempotency.ts';
import { corpsByIds, getCorp } from '../corp/index.ts';
import { TOPUP_CHANNELS, transferCode, verifySignature, type ChannelCallback, type ChannelInstructions } from './channels.ts';
import { assertPositiveFen, clearingAccount, post } from './ledger.service.ts';
import { assertAgreed } from './agreement.service.ts';
import { getOrder, markOrderPaidByChannel } from './orders.service.ts';
import { WalletErrors } from './wallet.errors.ts';
import type { ChannelName, TopupStatus, WalletTables } from './wallet.tables.ts';
import { tables } from './wallet.tables.ts';

/** 充值: a top-up waits in `pending` until its channel pays it; then the balance is credited once. */
export interface TopupView {
  id: string;
  channel: ChannelName;
  amountFen: number;
  status: TopupStatus;
  orderId: string | null;
  code: string | null;
  pendingReason: string | null;
  /** The name of the member who started it. */
  createdBy: string;
  /** The 充值服务协议 version agreed to; null for an order paid online. */
  agreementVersion: number | null;
  createdAt: string;
  paidAt: string | null;
  closedAt: string | null;
  instructions: ChannelInstructions;
}

type TopupRow = Pick<
  WalletTables['wallet_topups'],
  'corp_id' | 'id' | 'channel' | 'amount' | 'status' | 'order_id' | 'code' | 'pending_reason' | 'created_by' | 'created_by_name' | 'agreement_version' | 'created_at' | 'paid_at' | 'closed_at'
>;

function toView(r: TopupRow): TopupView {
  return {
    id: r.id,
    channel: r.channel,
    amountFen: Number(r.amount),
    status: r.status,
    orderId: r.order_id,
    code: r.code,
    pendingReason: r.pending_reason,
    createdBy: r.created_by_name,
    agreementVersion: r.agreement_version === null ? null : Number(r.agreement_version),
    createdAt: toIso(Number(r.created_at)),
    paidAt: toIso(r.paid_at === null ? null : Number(r.paid_at)),
    closedAt: toIso(r.closed_at === null ? null : Number(r.closed_at)),
    instructions: TOPUP_CHANNELS[r.channel].instructions({ id: r.id, corpId: r.corp_id, amount: Number(r.amount), code: r.code }),
  };
}

export async function getTopup(db: Executor, corpId: string, topupId: string): Promise<TopupView> {
  const row = await tables(db).selectFrom('wallet_topups').selectAll().where('corp_id', '=', corpId).where('id', '=', topupId).executeTakeFirst();
  if (!row) throw new DomainError('not_found', { topupId });
  return toView(row);
}

/** Who started the top-up (a member id), or undefined when there is no such top-up. */
export async function topupCreator(db: Executor, corpId: string, topupId: string): Promise<string | undefined> {
  return (await tables(db).selectFrom('wallet_topups').select('created_by').where('corp_id', '=', corpId).where('id', '=', topupId).executeTakeFirst())?.created_by;
}

/** The enterprise's top-ups (pending and past), newest first; the cursor is the last id seen (ids sort by time). */
export async function listTopups(db: Executor, corpId: string, query: { status?: TopupStatus | undefined; cursor?: string | undefined; limit: number }): Promise<{ items: TopupView[]; nextCursor: string | null }> {
  let q = tables(db).selectFrom('wallet_topups').selectAll().where('corp_id', '=', corpId);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.cursor) q = q.where('id', '<', query.cursor);
  const rows = await q.orderBy('id', 'desc').limit(query.limit + 1).execute();
  const items = rows.slice(0, query.limit).map(toView);
  return { items, nextCursor: rows.length > query.limit ? items[items.length - 1]!.id : null };
}

/**
 * 关闭: the enterprise gives up a pending top-up (a transfer it will not make, a QR code it will not
 * pay). Its code then confirms nothing and a late callback credits nothing; a paid one cannot be closed.
 */
export async function closeTopup(ctx: Ctx, topupId: string): Promise<TopupView> {
  const closed = await tables(ctx.trx)
    .updateTable('wallet_topups')
    .set({ status: 'closed', closed_at: ctx.now })
    .where('corp_id', '=', ctx.corpId)
    .where('id', '=', topupId)
    .where('status', '=', 'pending')
    .where('order_id', 'is', null)
    .executeTakeFirst();
  if (Number(closed.numUpdatedRows) === 0) {
    const topup = await getTopup(ctx.trx, ctx.corpId, topupId);
    throw new DomainError(WalletErrors['wallet.topup_not_pending'], { topupId, status: topup.status });
  }
  await audit(ctx, { action: 'wallet.topup.close', target: { type: 'topup', id: topupId }, before: { status: 'pending' }, after: { status: 'closed' } });
  return getTopup(ctx.trx, ctx.corpId, topupId);
}

/** A top-up and, for a bank transfer, its code's route. */
export async function insertTopupRow(trx: Executor, row: WalletTables['wallet_topups']): Promise<void> {
  if (row.code !== null) await tables(trx).insertInto('wallet_topup_codes').values({ code: row.code, corp_id: row.corp_id, topup_id: row.id }).execute();
  await tables(trx).insertInto('wallet_topups').values(row).execute();
}

async function insertTopup(ctx: Ctx, channel: ChannelName, amount: number, orderId: string | null, agreementVersion: number | null): Promise<TopupView> {
  const id = newId('top', ctx.now);
  const row: WalletTables['wallet_topups'] = {
    corp_id: ctx.corpId,
    id,
    channel,
    amount,
    status: 'pending',
    order_id: orderId,
    code: channel === 'bank_transfer' ? transferCode() : null,
    pending_reason: null,
    channel_trade_no: null,
    payer_name: null,
    txn_id: null,
    created_by: ctx.actor.id,
    created_by_name: ctx.actor.name,
    agreement_version: agreementVersion,
    created_at: ctx.now,
    paid_at: null,
    closed_at: null,
  };
  await insertTopupRow(ctx.trx, row);
  await audit(ctx, { action: 'wallet.topup.create', target: { type: 'topup', id }, after: { channel, amountFen: amount, orderId, agreementVersion } });
  return toView(row);
}

/** Starts a top-up through one of the four channels, once the payer agreed to the 充值服务协议 in force. */
export async function createTopup(ctx: Ctx, input: { channel: ChannelName; amountFen: number; idempotencyKey: string; agreementVersion?: number | undefined }): Promise<TopupView> {
  assertPositiveFen(input.amountFen);
  if (input.agreementVersion === undefined) await assertAgreed(ctx.trx, undefined);
  // A replay returns the first top-up even when the operator has published a new version since.
  return idempotent(ctx, `topup:${input.idempotencyKey}`, { command: 'wallet.topup', channel: input.channel, amountFen: input.amountFen }, async () =>
    insertTopup(ctx, input.channel, input.amountFen, null, await assertAgreed(ctx.trx, input.agreementVersion)),
  );
}

/** Pays a pending order through an online channel instead of the balance. */
export async function payOrderThroughChannel(ctx: Ctx, orderId: string, channel: ChannelName): Promise<TopupView> {
  if (!TOPUP_CHANNELS[channel].online) throw new DomainError(WalletErrors['wallet.channel_not_online']);
  const order = await getOrder(ctx.trx, ctx.corpId, orderId);
  if (order.status !== 'pending') throw new DomainError(WalletErrors['wallet.order_not_pending'], { orderId, status: order.status });
  return insertTopup(ctx, channel, order.amountFen, orderId, null);
}

const CALLBACK_TOLERANCE_MS = 10 * MINUTE;

/** A paid top-up's 操作者 is the member who started it, not the channel that carried the money. */
function creatorActor(topup: TopupRow): { kind: string; id: string; name: string } {
  return { kind: 'member', id: topup.created_by, name: topup.created_by_name };
}

/** Credits a paid top-up (or pays its order): the top-up flips from pending to paid once, whoever races. */
async function settle(ctx: Ctx, topup: TopupRow, channel: ChannelName, fields: { tradeNo?: string; payerName?: string }): Promise<boolean> {
  const flipped = await tables(ctx.trx)
    .updateTable('wallet_topups')
    .set({ status: 'paid', paid_at: ctx.now, channel_trade_no: fields.tradeNo ?? null, payer_name: fields.payerName ?? null, pending_reason: null })
    .where('corp_id', '=', ctx.corpId)
    .where('id', '=', topup.id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(flipped.numUpdatedRows) === 0) return false;
  if (fields.tradeNo) await tables(ctx.trx).insertInto('wallet_trade_nos').values({ channel_trade_no: fields.tradeNo, corp_id: ctx.corpId, topup_id: topup.id }).execute();
  const actor = creatorActor(topup);
  if (topup.order_id) {
    await markOrderPaidByChannel(ctx, topup.order_id, channel, topup.id);
  } else {
    const posted = await post({ ...ctx, actor }, { type: 'topup', amount: Number(topup.amount), counterAccount: clearingAccount(channel), channel, description: `${TOPUP_CHANNELS[channel].zh}充值` });
    await tables(ctx.trx).updateTable('wallet_topups').set({ txn_id: posted.txnId }).where('corp_id', '=', ctx.corpId).where('id', '=', topup.id).execute();
  }
  return true;
}

export type CallbackOutcome = 'credited' | 'duplicate';

/** What a callback needs from its caller: the database, the instant, and the modules' registry. */
export type CallbackDeps = Pick<Ctx, 'now' | 'log' | 'registry'> & { db: Executor };

/**
 * A channel's payment callback. Forged (bad signature), stale (a replay from long ago), mismatched
 * (amount) callbacks credit nothing; a duplicate of an accepted one answers the same and credits nothing.
 */
export async function handleCallback(deps: CallbackDeps, secret: string, channel: ChannelName, callback: ChannelCallback): Promise<CallbackOutcome> {
  const { db, now } = deps;
  if (!TOPUP_CHANNELS[channel].online || !verifySignature(secret, channel, callback)) throw new DomainError(WalletErrors['wallet.callback_invalid']);
  if (Math.abs(now - callback.timestamp) > CALLBACK_TOLERANCE_MS) throw new DomainError(WalletErrors['wallet.callback_stale']);
  const result = await db.transaction().execute(async (trx): Promise<CallbackOutcome | 'mismatch'> => {
    const ctx: Ctx = { corpId: callback.corpId, actor: systemActor, trx, now, log: deps.log, registry: deps.registry };
    const topup = await tables(trx).selectFrom('wallet_topups').selectAll().where('corp_id', '=', callback.corpId).where('id', '=', callback.topupId).where('channel', '=', channel).executeTakeFirst();
    if (!topup) throw new DomainError('not_found', { topupId: callback.topupId });
    if (topup.status === 'paid') {
      if (topup.channel_trade_no === callback.tradeNo) return 'duplicate';
      throw new DomainError(WalletErrors['wallet.topup_not_pending']);
    }
    if (topup.status === 'closed') throw new DomainError(WalletErrors['wallet.topup_not_pending'], { status: 'closed' });
    if (Number(topup.amount) !== callback.amountFen) {
      await tables(trx)
        .updateTable('wallet_topups')
        .set({ pending_reason: `amount_mismatch: paid ${formatYuan(callback.amountFen)}, expected ${formatYuan(Number(topup.amount))}` })
        .where('corp_id', '=', callback.corpId)
        .where('id', '=', topup.id)
        .execute();
      return 'mismatch';
    }
    const usedTradeNo = await tables(trx).selectFrom('wallet_trade_nos').select(['corp_id', 'topup_id']).where('channel_trade_no', '=', callback.tradeNo).executeTakeFirst();
    // On PostgreSQL a concurrent duplicate may have settled this very top-up since it was read above.
    if (usedTradeNo?.corp_id === topup.corp_id && usedTradeNo.topup_id === topup.id) return 'duplicate';
    if (usedTradeNo) throw new DomainError(WalletErrors['wallet.callback_invalid'], { reason: 'trade number already used' });
    return (await settle(ctx, topup, channel, { tradeNo: callback.tradeNo })) ? 'credited' : 'duplicate';
  });
  if (result === 'mismatch') throw new DomainError(WalletErrors['wallet.callback_amount_mismatch'], { expected: 'the top-up amount' });
  return result;
}

export interface PendingTransfer {
  corpId: string;
  corpName: string;
  topupId: string;
  code: string;
  amountFen: number;
  pendingReason: string | null;
  createdAt: string;
}

/** Every enterprise's bank transfers still waiting for the operator. */
export async function listPendingTransfers(db: Executor, limit: number): Promise<PendingTransfer[]> {
  const rows = await tables(db)
    .selectFrom('wallet_topups')
    .select(['corp_id', 'id', 'code', 'amount', 'pending_reason', 'created_at'])
    .where('status', '=', 'pending')
    .where('channel', '=', 'bank_transfer')
    .orderBy('id')
    .limit(limit)
    .execute();
  const names = new Map((await corpsByIds(db, rows.map((r) => r.corp_id))).map((c) => [c.id, c.name]));
  return rows.map((r) => ({ corpId: r.corp_id, corpName: names.get(r.corp_id) ?? '', topupId: r.id, code: r.code ?? '', amountFen: Number(r.amount), pendingReason: r.pending_reason, createdAt: toIso(Number(r.created_at)) }));
}

export interface TransferReceipt {
  code: string;
  amountFen: number;
  payerName: string;
}

export type TransferOutcome = { confirmed: true; corpId: string; topupId: string } | { confirmed: false; reason: string; corpId?: string; topupId?: string };

/**
 * The operator confirms a bank transfer: only when the code names a pending transfer, the amount is
 * the same and the payer is the enterprise's full name. Otherwise the transfer stays pending and
 * the reason is recorded on it, for the enterprise and the operator to see.
 */
export async function confirmTransfer(operatorCtx: Ctx, receipt: TransferReceipt): Promise<TransferOutcome> {
  const { trx } = operatorCtx;
  const code = receipt.code.trim().toUpperCase();
  const route = await tables(trx).selectFrom('wallet_topup_codes').select('corp_id').where('code', '=', code).executeTakeFirst();
  const topup = route && (await tables(trx).selectFrom('wallet_topups').selectAll().where('corp_id', '=', route.corp_id).where('code', '=', code).where('channel', '=', 'bank_transfer').executeTakeFirst());
  if (!topup) return { confirmed: false, reason: 'unknown_code' };
  if (topup.status !== 'pending') return { confirmed: false, reason: 'not_pending', corpId: topup.corp_id, topupId: topup.id };
  const corp = await getCorp(trx, topup.corp_id);
  let reason: string | null = null;
  if (receipt.amountFen !== Number(topup.amount)) reason = `amount_mismatch: received ${formatYuan(receipt.amountFen)}, expected ${formatYuan(Number(topup.amount))}`;
  else if (receipt.payerName.trim() !== corp.name) reason = `payer_mismatch: payer "${receipt.payerName.trim()}" is not the enterprise's full name "${corp.name}"`;
  const ctx: Ctx = { ...operatorCtx, corpId: topup.corp_id };
  if (reason) {
    await tables(trx).updateTable('wallet_topups').set({ pending_reason: reason }).where('corp_id', '=', topup.corp_id).where('id', '=', topup.id).execute();
    return { confirmed: false, reason, corpId: topup.corp_id, topupId: topup.id };
  }
  if (!(await settle(ctx, topup, 'bank_transfer', { payerName: receipt.payerName.trim() }))) return { confirmed: false, reason: 'not_pending', corpId: topup.corp_id, topupId: topup.id };
  await audit(ctx, { action: 'wallet.topup.confirm', target: { type: 'topup', id: topup.id }, after: { amountFen: receipt.amountFen, payerName: receipt.payerName } });
  return { confirmed: true, corpId: topup.corp_id, topupId: topup.id };
}

/** Splits one CSV line, honouring double-quoted fields. */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === ',' && !quoted) {
      out.push(field);
      field = '';
    } else {
      field += ch;
    }
  }
  out.push(field);
  return out.map((f) => f.trim());
}

export interface StatementLine {
  line: number;
  payerName: string;
  amountFen: number | null;
  code: string | null;
  outcome: TransferOutcome | { confirmed: false; reason: string };
}

/**
 * A bank statement CSV (header: 付款人/payer, 金额/amount in yuan, 备注/remarks; other columns ignored).
 * Each line whose remarks hold a transfer code is checked like a manual confirmation, all in the
 * operator's one transaction.
 */
export async function importStatement(operatorCtx: Ctx, csv: string): Promise<StatementLine[]> {
  const db = operatorCtx.trx;
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return [];
  const header = csvFields(lines[0]!).map((h) => h.toLowerCase());
  const col = (names: string[]) => header.findIndex((h) => names.includes(h));
  const payerCol = col(['付款人', '付款方', '对方户名', 'payer']);
  const amountCol = col(['金额', '交易金额', 'amount']);
  const remarksCol = col(['备注', '摘要', '附言', 'remarks']);
  if (payerCol < 0 || amountCol < 0 || remarksCol < 0) throw new DomainError('request.invalid', { field: '/csv', reason: 'the header needs payer (付款人), amount (金额) and remarks (备注) columns' });
  const results: StatementLine[] = [];
  for (const [i, text] of lines.slice(1).entries()) {
    const fields = csvFields(text);
    const payerName = fields[payerCol] ?? '';
    const yuan = Number((fields[amountCol] ?? '').replace(/[,¥\s]/g, ''));
    const amountFen = Number.isFinite(yuan) && yuan > 0 ? yuanToFen(yuan) : null;
    const candidates = (fields[remarksCol] ?? '').toUpperCase().match(/[A-Z0-9]{8}/g) ?? [];
    const found = candidates.length ? await tables(db).selectFrom('wallet_topup_codes').select('code').where('code', 'in', candidates).executeTakeFirst() : undefined;
    const code = found?.code ?? null;
    if (!code || amountFen === null) {
      results.push({ line: i + 2, payerName, amountFen, code, outcome: { confirmed: false, reason: code ? 'bad_amount' : 'no_code' } });
      continue;
    }
    const outcome = await confirmTransfer(operatorCtx, { code, amountFen, payerName });
    results.push({ line: i + 2, payerName, amountFen, code, outcome });
  }
  return results;
}
