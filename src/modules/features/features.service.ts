import { sql } from 'kysely';
import type { Ctx, ReadCtx, TxCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { audit } from '../../platform/audit.ts';
import { DAY, MINUTE, toIso } from '../../platform/clock.ts';
import { divideHalfUp } from '../../platform/money.ts';
import { idempotent } from '../../platform/idempotency.ts';
import { actorIsSuper } from '../../platform/policy/index.ts';
import { getMember, membersByIds } from '../directory/index.ts';
import { catalogItem, payWithBalance, priceQuote, type PaidOrder, type PriceQuote } from '../wallet/index.ts';
import { FeatureErrors } from './features.errors.ts';
import type { Feature } from './features.tables.ts';
import { tables } from './features.tables.ts';

/** A purchase covers one year. */
export const TERM_DAYS = 365;
/** 7天是从分配的那一刻开始计算的…之前可以操作移除; counted in whole minutes. */
export const TAKE_BACK_MINUTES = 7 * 24 * 60;

/** 仅支持超级管理员购买: members and hierarchical admins are refused. */
export async function assertSuperAdmin(ctx: ReadCtx): Promise<void> {
  if (!(await actorIsSuper(ctx))) throw new DomainError(FeatureErrors['features.super_admin_only']);
}

export interface PlanView {
  feature: Feature;
  seatsBought: number;
  seatsUsed: number;
  activeUntil: string | null;
  active: boolean;
  seatPriceFen: number;
  refundable: false;
}

export async function getPlan(db: Executor, corpId: string, feature: Feature, now: number): Promise<PlanView> {
  const row = await tables(db).selectFrom('feature_plans').selectAll().where('corp_id', '=', corpId).where('feature', '=', feature).executeTakeFirst();
  return {
    feature,
    seatsBought: row?.seats_bought ?? 0,
    seatsUsed: row?.seats_used ?? 0,
    activeUntil: row && row.active_until > 0 ? toIso(row.active_until) : null,
    active: row !== undefined && row.active_until > now,
    seatPriceFen: catalogItem(feature)!.unitFen,
    refundable: false,
  };
}

export interface SeatQuote {
  seats: number;
  priceFen: number;
  kind: 'new' | 'add';
  endsAt: string;
}

/**
 * Buying while a purchase is in force adds seats to it until its end, priced for the days left;
 * otherwise a new year starts with the seats bought (at least the seats still given out).
 */
export async function quoteSeats(db: Executor, corpId: string, feature: Feature, now: number, seats: number): Promise<SeatQuote> {
  const unit = catalogItem(feature)!.unitFen;
  const plan = await tables(db).selectFrom('feature_plans').selectAll().where('corp_id', '=', corpId).where('feature', '=', feature).executeTakeFirst();
  if (plan && plan.active_until > now) {
    const daysLeft = Math.ceil((plan.active_until - now) / DAY);
    return { seats, kind: 'add', priceFen: divideHalfUp(unit * seats * daysLeft, TERM_DAYS), endsAt: toIso(plan.active_until) };
  }
  if (plan && seats < plan.seats_used) throw new DomainError(FeatureErrors['features.seats_below_used'], { seatsUsed: plan.seats_used });
  return { seats, kind: 'new', priceFen: unit * seats, endsAt: toIso(now + TERM_DAYS * DAY) };
}

/** The seats' price as the confirmation shows it (item, quantity, unit price, total, validity, balance after). */
export async function quoteSeatsForConfirmation(db: Executor, corpId: string, feature: Feature, now: number, seats: number): Promise<SeatQuote & { quote: PriceQuote }> {
  const seatQuote = await quoteSeats(db, corpId, feature, now, seats);
  return { ...seatQuote, quote: await priceQuote(db, corpId, { item: feature, quantity: seats, totalFen: seatQuote.priceFen, validUntil: seatQuote.endsAt }) };
}

/** Buys seats with the balance at the price the admin confirmed; non-refundable (购买后暂不支持退款). */
export async function buySeats(ctx: Ctx, feature: Feature, input: { seats: number; quotedFen: number; idempotencyKey: string }): Promise<SeatQuote> {
  await assertSuperAdmin(ctx);
  const { seats, quotedFen } = input;
  return idempotent(ctx, `seats:${input.idempotencyKey}`, { command: 'features.buySeats', feature, seats, quotedFen }, async () => {
    await lockPlan(ctx, feature);
    const quote = await quoteSeats(ctx.trx, ctx.corpId, feature, ctx.now, seats);
    await payWithBalance(ctx, { item: feature, amountFen: quote.priceFen, quotedFen, quantity: seats, idempotencyKey: `seats-pay:${input.idempotencyKey}`, description: `安全高级功能 ${seats} 人` });
    return quote;
  });
}

/**
 * Purchases of one feature run one at a time per enterprise: the plan row (made empty on first use)
 * is locked by the first statement, so a second purchase reads the first one's committed result.
 */
async function lockPlan(ctx: TxCtx, feature: Feature): Promise<void> {
  await tables(ctx.trx).insertInto('feature_plans').values({ corp_id: ctx.corpId, feature, seats_bought: 0, seats_used: 0, active_until: 0, updated_at: ctx.now }).onConflict((oc) => oc.doNothing()).execute();
  await tables(ctx.trx).updateTable('feature_plans').set({ updated_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('feature', '=', feature).execute();
}

/** Granting the seats of a paid order, in the paying transaction (`order.paid`, features.subscribers.ts). */
export async function grantSeats(ctx: Ctx, feature: Feature, order: PaidOrder): Promise<void> {
  const { quantity: seats, id: orderId, amountFen: priceFen } = order;
  if (ctx.actor.kind === 'member' || ctx.actor.kind === 'external') await assertSuperAdmin(ctx);
  await lockPlan(ctx, feature);
  const plan = await tables(ctx.trx).selectFrom('feature_plans').selectAll().where('corp_id', '=', ctx.corpId).where('feature', '=', feature).executeTakeFirst();
  let endsAt: number;
  if (plan && plan.active_until > ctx.now) {
    endsAt = plan.active_until;
    await tables(ctx.trx).updateTable('feature_plans').set({ seats_bought: sql<number>`seats_bought + ${seats}`, updated_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('feature', '=', feature).execute();
  } else {
    endsAt = ctx.now + TERM_DAYS * DAY;
    if (plan && seats < plan.seats_used) throw new DomainError(FeatureErrors['features.seats_below_used'], { seatsUsed: plan.seats_used });
    await tables(ctx.trx)
      .insertInto('feature_plans')
      .values({ corp_id: ctx.corpId, feature, seats_bought: seats, seats_used: 0, active_until: endsAt, updated_at: ctx.now })
      .onConflict((oc) => oc.columns(['corp_id', 'feature']).doUpdateSet({ seats_bought: seats, active_until: endsAt, updated_at: ctx.now }))
      .execute();
  }
  await tables(ctx.trx).insertInto('feature_purchases').values({ corp_id: ctx.corpId, id: newId('fpur', ctx.now), feature, seats, price_fen: priceFen, order_id: orderId, purchased_at: ctx.now, ends_at: endsAt }).execute();
}

export interface SeatView {
  memberId: string;
  memberName: string;
  assignedAt: string;
  assignedBy: string;
  /** The last instant the seat can be taken back (exclusive): assigned minute + 7 days. */
  takeBackUntil: string;
}

function takeBackDeadline(assignedAt: number): number {
  return (Math.floor(assignedAt / MINUTE) + TAKE_BACK_MINUTES) * MINUTE;
}

export async function listSeats(db: Executor, corpId: string, feature: Feature): Promise<SeatView[]> {
  const rows = await tables(db).selectFrom('feature_seats').select(['member_id', 'assigned_at', 'assigned_by_name']).where('corp_id', '=', corpId).where('feature', '=', feature).orderBy('assigned_at').execute();
  const members = await membersByIds(db, corpId, rows.map((r) => r.member_id));
  return rows.map((r) => ({ memberId: r.member_id, memberName: members.get(r.member_id)?.name ?? '', assignedAt: toIso(r.assigned_at), assignedBy: r.assigned_by_name, takeBackUntil: toIso(takeBackDeadline(r.assigned_at)) }));
}

/** Gives a seat to a member: never more seats in use than bought (compare-and-set on the plan). */
export async function assignSeat(ctx: Ctx, feature: Feature, memberId: string): Promise<void> {
  const member = await getMember(ctx.trx, ctx.corpId, memberId);
  if (!member || member.status !== 'active') throw new DomainError('not_found', { memberId });
  const inserted = await tables(ctx.trx)
    .insertInto('feature_seats')
    .values({ corp_id: ctx.corpId, feature, member_id: memberId, assigned_at: ctx.now, assigned_by_name: ctx.actor.name })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return;
  const taken = await tables(ctx.trx)
    .updateTable('feature_plans')
    .set({ seats_used: sql<number>`seats_used + 1`, updated_at: ctx.now })
    .where('corp_id', '=', ctx.corpId)
    .where('feature', '=', feature)
    .where('active_until', '>', ctx.now)
    .where(sql<boolean>`seats_used < seats_bought`)
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) === 0) {
    const plan = await getPlan(ctx.trx, ctx.corpId, feature, ctx.now);
    throw new DomainError(plan.active ? FeatureErrors['features.no_free_seat'] : FeatureErrors['features.not_active'], { seatsBought: plan.seatsBought });
  }
  await audit(ctx, { action: 'features.seat_assign', target: { type: 'member', id: memberId }, after: { feature } });
}

/** Takes a seat back: only before the same minute seven days after it was given. */
export async function takeBackSeat(ctx: Ctx, feature: Feature, memberId: string): Promise<void> {
  const seat = await tables(ctx.trx).selectFrom('feature_seats').select('assigned_at').where('corp_id', '=', ctx.corpId).where('feature', '=', feature).where('member_id', '=', memberId).executeTakeFirst();
  if (!seat) throw new DomainError(FeatureErrors['features.not_assigned'], { memberId });
  const deadline = takeBackDeadline(seat.assigned_at);
  if (ctx.now >= deadline) throw new DomainError(FeatureErrors['features.seat_locked'], { assignedAt: toIso(seat.assigned_at), takeBackUntil: toIso(deadline) });
  await releaseSeat(ctx, feature, memberId);
  await audit(ctx, { action: 'features.seat_take_back', target: { type: 'member', id: memberId }, after: { feature } });
}

async function releaseSeat(ctx: TxCtx, feature: Feature, memberId: string): Promise<boolean> {
  const gone = await tables(ctx.trx).deleteFrom('feature_seats').where('corp_id', '=', ctx.corpId).where('feature', '=', feature).where('member_id', '=', memberId).executeTakeFirst();
  if (Number(gone.numDeletedRows) === 0) return false;
  await tables(ctx.trx).updateTable('feature_plans').set({ seats_used: sql<number>`seats_used - 1`, updated_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('feature', '=', feature).execute();
  return true;
}

/** A departing member frees their seats whenever they leave (no 7-day limit). */
export async function freeSeatsOfMember(ctx: TxCtx, memberId: string): Promise<void> {
  const seats = await tables(ctx.trx).selectFrom('feature_seats').select('feature').where('corp_id', '=', ctx.corpId).where('member_id', '=', memberId).execute();
  for (const seat of seats) await releaseSeat(ctx, seat.feature, memberId);
}

/**
 * Whether the member may use the feature at `now`: a seat and a purchase in force. When the
 * purchase lapses this is false for everyone, while seats and settings stay for a renewal.
 */
export async function hasFeature(db: Executor, corpId: string, memberId: string, feature: Feature, now: number): Promise<boolean> {
  const row = await tables(db)
    .selectFrom('feature_seats as s')
    .innerJoin('feature_plans as p', (j) => j.onRef('p.corp_id', '=', 's.corp_id').onRef('p.feature', '=', 's.feature'))
    .select('s.member_id')
    .where('s.corp_id', '=', corpId)
    .where('s.feature', '=', feature)
    .where('s.member_id', '=', memberId)
    .where('p.active_until', '>', now)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * When the enterprise's purchase of the feature ends (epoch ms, 0 if never bought): it is live
 * while `now < activeUntil`, so at the very instant it lapses it is no longer live.
 */
export async function featureActiveUntil(db: Executor, corpId: string, feature: Feature): Promise<number> {
  const row = await tables(db).selectFrom('feature_plans').select('active_until').where('corp_id', '=', corpId).where('feature', '=', feature).executeTakeFirst();
  return row?.active_until ?? 0;
}

export async function getSettings(db: Executor, corpId: string, feature: Feature): Promise<Record<string, unknown>> {
  const row = await tables(db).selectFrom('feature_settings').select('settings_json').where('corp_id', '=', corpId).where('feature', '=', feature).executeTakeFirst();
  return row ? (JSON.parse(row.settings_json) as Record<string, unknown>) : {};
}

/** Settings can be changed only while the purchase is in force; they are kept when it lapses. */
export async function saveSettings(ctx: Ctx, feature: Feature, settings: Record<string, unknown>): Promise<Record<string, unknown>> {
  const plan = await getPlan(ctx.trx, ctx.corpId, feature, ctx.now);
  if (!plan.active) throw new DomainError(FeatureErrors['features.not_active']);
  const before = await getSettings(ctx.trx, ctx.corpId, feature);
  const json = JSON.stringify(settings);
  await tables(ctx.trx)
    .insertInto('feature_settings')
    .values({ corp_id: ctx.corpId, feature, settings_json: json, updated_at: ctx.now })
    .onConflict((oc) => oc.columns(['corp_id', 'feature']).doUpdateSet({ settings_json: json, updated_at: ctx.now }))
    .execute();
  await audit(ctx, { action: 'features.settings', target: { type: 'feature', id: feature }, before, after: settings });
  return settings;
}
