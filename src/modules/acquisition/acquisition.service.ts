import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { systemActor, type Ctx, type TxCtx } from '../../platform/context.ts';
import type { Executor, Tx } from '../../platform/db/tables.ts';
import { DomainError, requireKnownIds } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { audit } from '../../platform/audit.ts';
import { publish } from '../../platform/events.ts';
import { AcquisitionEvents } from './acquisition.events.ts';
import { DAY, toIso } from '../../platform/clock.ts';
import { idempotent } from '../../platform/idempotency.ts';
import { assertCategoryAllows } from '../category/index.ts';
import { getCorp } from '../corp/index.ts';
import { addFriendship, ensureCustomer, startOfChinaDay, type CustomerIdentity } from '../customers/index.ts';
import { membersByIds, memberBrief } from '../directory/index.ts';
import { autoDeductOffered, chargeAutoDeduction, isAutoDeductOn, payWithBalance, priceQuote, type PaidOrder, type PriceQuote } from '../wallet/index.ts';
import { AcquisitionErrors } from './acquisition.errors.ts';
import type { PaidBy } from './acquisition.tables.ts';
import { prepared, tables, type AcquisitionTables } from './acquisition.tables.ts';

/** ¥1 per customer added (获客助手 ¥1/次). */
export const PRICE_PER_ADD_FEN = 100;

/** 使用量有效期为 90 天，过期失效. */
export const PACK_DAYS = 90;
export const ACQUISITION_ITEM = 'acquisition';

// --- links --------------------------------------------------------------------------------------

export interface LinkView {
  id: string;
  code: string;
  name: string;
  members: { id: string; name: string }[];
  createdBy: string;
  createdAt: string;
}

/** A link with its code's route (the public endpoint finds the enterprise by the code) and its members. */
export async function insertLink(ctx: Pick<Ctx, 'corpId' | 'trx' | 'now'>, link: { id: string; code: string; name: string; createdByName: string; memberIds: readonly string[] }): Promise<void> {
  const db = tables(ctx.trx);
  await db.insertInto('acquisition_link_codes').values({ code: link.code, corp_id: ctx.corpId, link_id: link.id }).execute();
  await db.insertInto('acquisition_links').values({ corp_id: ctx.corpId, id: link.id, code: link.code, name: link.name, created_by_name: link.createdByName, created_at: ctx.now, deleted_at: null }).execute();
  await db.insertInto('acquisition_link_members').values(link.memberIds.map((memberId) => ({ corp_id: ctx.corpId, link_id: link.id, member_id: memberId }))).execute();
}

export async function createLink(ctx: Ctx, input: { name: string; memberIds: string[] }): Promise<LinkView> {
  const memberIds = [...new Set(input.memberIds)];
  const found = await membersByIds(ctx.trx, ctx.corpId, memberIds);
  requireKnownIds(input.memberIds, found, '/memberIds');
  const inactive = input.memberIds.findIndex((id) => found.get(id)!.status !== 'active');
  if (inactive >= 0) throw new DomainError(AcquisitionErrors['acquisition.members_invalid'], { field: `/memberIds/${inactive}`, memberId: input.memberIds[inactive] });
  const id = newId('alink', ctx.now);
  // The code is the public part of the link: unguessable, so links cannot be enumerated.
  const code = randomBytes(12).toString('base64url');
  await insertLink(ctx, { id, code, name: input.name, createdByName: ctx.actor.name, memberIds });
  await audit(ctx, { action: 'acquisition.link_create', target: { type: 'acquisition_link', id }, after: { name: input.name, memberIds } });
  return (await listLinks(ctx.trx, ctx.corpId, id))[0]!;
}

/** Renames a live link or replaces its members (active members of the enterprise, as on creation). */
export async function updateLink(ctx: Ctx, linkId: string, input: { name?: string | undefined; memberIds?: string[] | undefined }): Promise<LinkView> {
  const [before] = await listLinks(ctx.trx, ctx.corpId, linkId);
  if (!before) throw new DomainError('not_found', { linkId });
  if (input.memberIds !== undefined) {
    const memberIds = [...new Set(input.memberIds)];
    const found = await membersByIds(ctx.trx, ctx.corpId, memberIds);
    requireKnownIds(input.memberIds, found, '/memberIds');
    const inactive = input.memberIds.findIndex((id) => found.get(id)!.status !== 'active');
    if (inactive >= 0) throw new DomainError(AcquisitionErrors['acquisition.members_invalid'], { field: `/memberIds/${inactive}`, memberId: input.memberIds[inactive] });
    await tables(ctx.trx).deleteFrom('acquisition_link_members').where('corp_id', '=', ctx.corpId).where('link_id', '=', linkId).execute();
    await tables(ctx.trx).insertInto('acquisition_link_members').values(memberIds.map((memberId) => ({ corp_id: ctx.corpId, link_id: linkId, member_id: memberId }))).execute();
  }
  if (input.name !== undefined) await tables(ctx.trx).updateTable('acquisition_links').set({ name: input.name }).where('corp_id', '=', ctx.corpId).where('id', '=', linkId).execute();
  const [after] = await listLinks(ctx.trx, ctx.corpId, linkId);
  await audit(ctx, {
    action: 'acquisition.link_update',
    target: { type: 'acquisition_link', id: linkId },
    before: { name: before.name, memberIds: before.members.map((m) => m.id) },
    after: { name: after!.name, memberIds: after!.members.map((m) => m.id) },
  });
  return after!;
}

/**
 * A live link's customers added per China day from `from` to `to` (instants; their whole days),
 * oldest day first. Every click that reached a member added them, so clicks are the adds.
 */
export async function linkStatistic(db: Executor, corpId: string, input: { linkId: string; from: number; to: number }): Promise<{ newCustomers: number }> {
  if ((await listLinks(db, corpId, input.linkId)).length === 0) throw new DomainError('not_found', { linkId: input.linkId });
  const row = await tables(db)
    .selectFrom('acquisition_adds')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('corp_id', '=', corpId)
    .where('link_id', '=', input.linkId)
    .where('at', '>=', startOfChinaDay(input.from))
    .where('at', '<', startOfChinaDay(input.to) + DAY)
    .executeTakeFirstOrThrow();
  return { newCustomers: Number(row.n) };
}

export async function deleteLink(ctx: Ctx, linkId: string): Promise<void> {
  const done = await tables(ctx.trx).updateTable('acquisition_links').set({ deleted_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('id', '=', linkId).where('deleted_at', 'is', null).executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0) throw new DomainError('not_found', { linkId });
  await audit(ctx, { action: 'acquisition.link_delete', target: { type: 'acquisition_link', id: linkId } });
}

/** The customers added through a live link, oldest first; an unknown or deleted link is not found. */
export async function linkCustomers(db: Executor, corpId: string, page: { linkId: string; offset: number; limit: number }): Promise<{ items: { customerId: string; memberId: string; at: number }[]; more: boolean }> {
  if ((await listLinks(db, corpId, page.linkId)).length === 0) throw new DomainError('not_found', { linkId: page.linkId });
  const rows = await tables(db).selectFrom('acquisition_adds').select(['customer_id', 'member_id', 'at']).where('corp_id', '=', corpId).where('link_id', '=', page.linkId).orderBy('at').orderBy('id').offset(page.offset).limit(page.limit + 1).execute();
  return { items: rows.slice(0, page.limit).map((r) => ({ customerId: r.customer_id, memberId: r.member_id, at: Number(r.at) })), more: rows.length > page.limit };
}

export async function listLinks(db: Executor, corpId: string, linkId?: string): Promise<LinkView[]> {
  let q = tables(db).selectFrom('acquisition_links').selectAll().where('corp_id', '=', corpId).where('deleted_at', 'is', null);
  if (linkId) q = q.where('id', '=', linkId);
  const links = await q.orderBy('id', 'desc').limit(200).execute();
  if (links.length === 0) return [];
  const linked = await tables(db)
    .selectFrom('acquisition_link_members')
    .select(['link_id', 'member_id'])
    .where('corp_id', '=', corpId)
    .where(
      'link_id',
      'in',
      links.map((l) => l.id),
    )
    .orderBy('member_id')
    .execute();
  const people = await membersByIds(db, corpId, linked.map((m) => m.member_id));
  return links.map((l) => ({
    id: l.id,
    code: l.code,
    name: l.name,
    members: linked.flatMap((m) => {
      const person = m.link_id === l.id ? people.get(m.member_id) : undefined;
      return person ? [{ id: person.id, name: person.name }] : [];
    }),
    createdBy: l.created_by_name,
    createdAt: toIso(l.created_at),
  }));
}

// --- units: packs, then auto-deduction ------------------------------------------------------------

const soonestPack = (db: Kysely<AcquisitionTables>, p: { corpId: string; now: number }) =>
  db.selectFrom('acquisition_packs').select('id').where('corp_id', '=', p.corpId).where('remaining', '>', 0).where('expires_at', '>', p.now).orderBy('expires_at').orderBy('id').limit(1);
const findPack = prepared(soonestPack);
const takeFromPack = prepared((db, p: { corpId: string; now: number }) =>
  db
    .updateTable('acquisition_packs')
    .set({ remaining: sql<number>`remaining - 1` })
    .where('corp_id', '=', p.corpId)
    .where('id', '=', soonestPack(db, p))
    .where('remaining', '>', 0)
    .returning('id'),
);

/**
 * Takes one unit from the soonest-expiring pack still valid at `now`. The decrement is a
 * compare-and-set (`remaining > 0`); losing a race to the last unit of a pack moves on to the next.
 */
export async function takePackUnit(ctx: TxCtx): Promise<string | undefined> {
  const at = { corpId: ctx.corpId, now: ctx.now };
  for (;;) {
    const taken = (await takeFromPack.execute(ctx.trx, at)).rows[0];
    if (taken) return taken.id;
    // Nothing taken: no pack left, or (PostgreSQL) another add emptied the chosen one first.
    if ((await findPack.execute(ctx.trx, at)).rows.length === 0) return undefined;
  }
}

export interface LinkAddResult {
  memberId: string;
  memberName: string;
  customerId: string;
  /** false when the customer was already this member's friend: nothing happened, nothing was paid. */
  added: boolean;
  paidBy: PaidBy | null;
}

const insertAdd = prepared((db, p: AcquisitionTables['acquisition_adds']) =>
  db.insertInto('acquisition_adds').values({ corp_id: p.corp_id, id: p.id, link_id: p.link_id, member_id: p.member_id, customer_id: p.customer_id, paid_by: p.paid_by, pack_id: p.pack_id, at: p.at }),
);

/** The link and its members in one query (a link whose members were all removed yields one null row). */
const linkCode = prepared((db, p: { code: string }) => db.selectFrom('acquisition_link_codes').select('corp_id').where('code', '=', p.code));
const linkWithMembers = prepared((db, p: { corp_id: string; code: string }) =>
  db
    .selectFrom('acquisition_links as k')
    .leftJoin('acquisition_link_members as l', (j) => j.onRef('l.corp_id', '=', 'k.corp_id').onRef('l.link_id', '=', 'k.id'))
    .select(['k.corp_id', 'k.id as link_id', 'l.member_id'])
    .where('k.corp_id', '=', p.corp_id)
    .where('k.code', '=', p.code)
    .where('k.deleted_at', 'is', null)
    .orderBy('l.member_id'),
);

/** A live link's rows (see linkWithMembers), or the refusal a customer sees for an unknown or deleted one. */
async function openLink(db: Executor, code: string) {
  const route = (await linkCode.execute(db, { code })).rows[0];
  const { rows } = route ? await linkWithMembers.execute(db, { corp_id: route.corp_id, code }) : { rows: [] };
  if (rows.length === 0) throw new DomainError(AcquisitionErrors['acquisition.link_unavailable']);
  return rows;
}

/** What a customer who opens a link sees before adding: the enterprise it leads to. */
export async function previewLink(db: Executor, code: string): Promise<{ corpName: string }> {
  const [row] = await openLink(db, code);
  return { corpName: (await getCorp(db, row!.corp_id)).name };
}

/** What a link add runs with: the transaction, the instant and the modules' registry (it charges the wallet). */
export type LinkAddCtx = Pick<Ctx, 'now' | 'log' | 'registry'> & { trx: Tx };

/**
 * The customer clicks the link (the public endpoint plays them). In one transaction: pick the
 * member, make the friendship (quota rules apply), pay one unit — a pack unit first, else ¥1 by
 * auto-deduction when it is on, else the add fails and nothing is written.
 */
export async function addThroughLink(base: LinkAddCtx, code: string, who: CustomerIdentity): Promise<LinkAddResult> {
  const { trx, now } = base;
  const rows = await openLink(trx, code);
  const link = { corp_id: rows[0]!.corp_id, id: rows[0]!.link_id };
  const ctx: Ctx = { ...base, corpId: link.corp_id, actor: systemActor };
  const candidates: { id: string; name: string }[] = [];
  for (const r of rows) {
    const member = r.member_id ? await memberBrief(trx, link.corp_id, r.member_id) : undefined;
    if (member?.status === 'active') candidates.push({ id: member.id, name: member.name });
  }
  if (candidates.length === 0) throw new DomainError(AcquisitionErrors['acquisition.no_members']);
  // The same customer always reaches the same member of the link, so clicking twice adds once.
  const member = candidates[createHash('sha256').update(who.externalId).digest().readUInt32BE(0) % candidates.length]!;
  const customerId = await ensureCustomer(ctx, who);
  const { created } = await addFriendship(ctx, { memberId: member.id, customerId, addedBack: true, source: 'link', linkId: link.id });
  if (!created) return { memberId: member.id, memberName: member.name, customerId, added: false, paidBy: null };

  const addId = newId('aadd', now);
  const packId = await takePackUnit(ctx);
  let paidBy: PaidBy = 'pack';
  if (!packId) {
    paidBy = 'wallet';
    try {
      await chargeAutoDeduction(ctx, { item: 'acquisition', amountFen: PRICE_PER_ADD_FEN, description: `获客助手 添加客户 ${who.name}` });
    } catch (error) {
      if (error instanceof DomainError && (error.code === 'wallet.auto_deduct_off' || error.code === 'wallet.insufficient_balance')) {
        throw new DomainError(AcquisitionErrors['acquisition.no_units'], { reason: error.code });
      }
      throw error;
    }
  }
  await insertAdd.execute(trx, { corp_id: link.corp_id, id: addId, link_id: link.id, member_id: member.id, customer_id: customerId, paid_by: paidBy, pack_id: packId ?? null, at: now });
  await publish(ctx, AcquisitionEvents['acquisition.customer_added'], { linkId: link.id, memberId: member.id, customerId });
  return { memberId: member.id, memberName: member.name, customerId, added: true, paidBy };
}

// --- buying usage ---------------------------------------------------------------------------------

export interface PackView {
  id: string;
  units: number;
  remaining: number;
  purchasedAt: string;
  expiresAt: string;
  expired: boolean;
}

/** What a pack of `units` costs now, valid 90 days from payment; refused as buying would be while the category is not approved. */
export async function quotePack(db: Executor, corpId: string, now: number, units: number): Promise<PriceQuote> {
  await assertCategoryAllows(db, corpId, 'acquisition_buy');
  return priceQuote(db, corpId, { item: ACQUISITION_ITEM, quantity: units, totalFen: units * PRICE_PER_ADD_FEN, validUntil: toIso(now + PACK_DAYS * DAY) });
}

/** 购买指定使用量 at the price the admin confirmed: blocked while the business category is not approved; paid with the balance. */
export async function buyPack(ctx: Ctx, input: { units: number; quotedFen: number; idempotencyKey: string }): Promise<{ orderId: string; amountFen: number }> {
  const { units } = input;
  await assertCategoryAllows(ctx.trx, ctx.corpId, 'acquisition_buy');
  const amountFen = units * PRICE_PER_ADD_FEN;
  const paid = await payWithBalance(ctx, { item: ACQUISITION_ITEM, amountFen, quotedFen: input.quotedFen, quantity: units, idempotencyKey: `pack:${input.idempotencyKey}`, description: `获客助手 使用量 ${units} 次` });
  return { orderId: paid.orderId, amountFen };
}

/** Paying an acquisition order grants a pack of `quantity` units, valid 90 days from payment (`order.paid`). */
export async function grantPack(ctx: TxCtx, order: PaidOrder): Promise<void> {
  await assertCategoryAllows(ctx.trx, ctx.corpId, 'acquisition_buy');
  await tables(ctx.trx)
    .insertInto('acquisition_packs')
    .values({ corp_id: ctx.corpId, id: newId('apack', ctx.now), units: order.quantity, remaining: order.quantity, purchased_at: ctx.now, expires_at: ctx.now + PACK_DAYS * DAY, order_id: order.id })
    .execute();
}

/** Refunding a pack takes it back, only while none of its units was used (compare-and-set; `order.refunded`). */
export async function withdrawPack(ctx: TxCtx, order: PaidOrder): Promise<void> {
  const gone = await tables(ctx.trx).deleteFrom('acquisition_packs').where('corp_id', '=', ctx.corpId).where('order_id', '=', order.id).whereRef('remaining', '=', 'units').executeTakeFirst();
  if (Number(gone.numDeletedRows) === 0) throw new DomainError(AcquisitionErrors['acquisition.pack_used'], { orderId: order.id });
}

export async function listPacks(db: Executor, corpId: string, now: number): Promise<PackView[]> {
  const rows = await tables(db).selectFrom('acquisition_packs').selectAll().where('corp_id', '=', corpId).orderBy('expires_at').orderBy('id').limit(200).execute();
  return rows.map((r) => ({ id: r.id, units: r.units, remaining: r.remaining, purchasedAt: toIso(r.purchased_at), expiresAt: toIso(r.expires_at), expired: r.expires_at <= now }));
}

// --- usage overview (获客助手使用概况) ----------------------------------------------------------------

export interface UsageOverview {
  todayNew: number;
  totalNew: number;
  /** Units left in packs still valid now (expired units are lost). */
  unitsLeft: number;
  packs: PackView[];
  autoDeduct: { offered: boolean; on: boolean };
}

export async function usageOverview(db: Executor, corpId: string, now: number): Promise<UsageOverview> {
  await assertCategoryAllows(db, corpId, 'acquisition_data');
  const counts = await tables(db)
    .selectFrom('acquisition_adds')
    .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.sum<number>(sql`case when at >= ${startOfChinaDay(now)} then 1 else 0 end`).as('today')])
    .where('corp_id', '=', corpId)
    .executeTakeFirstOrThrow();
  const packs = await listPacks(db, corpId, now);
  return {
    todayNew: Number(counts.today ?? 0),
    totalNew: Number(counts.total),
    unitsLeft: packs.filter((p) => !p.expired).reduce((sum, p) => sum + p.remaining, 0),
    packs,
    autoDeduct: { offered: await autoDeductOffered(db, corpId), on: await isAutoDeductOn(db, corpId, ACQUISITION_ITEM) },
  };
}

// --- authorising the assistant to a third party or 代开发 ----------------------------------------------

export interface AuthorizationView {
  id: string;
  kind: 'third_party' | 'custom_dev';
  party: string;
  createdBy: string;
  createdAt: string;
}

export async function authorizeParty(ctx: Ctx, input: { kind: 'third_party' | 'custom_dev'; party: string }, idempotencyKey: string): Promise<AuthorizationView> {
  await assertCategoryAllows(ctx.trx, ctx.corpId, 'acquisition_authorize');
  return idempotent(ctx, `acq-auth:${idempotencyKey}`, { command: 'acquisition.authorize', ...input }, async () => {
    const id = newId('aauth', ctx.now);
    await tables(ctx.trx).insertInto('acquisition_authorizations').values({ corp_id: ctx.corpId, id, kind: input.kind, party: input.party, created_by_name: ctx.actor.name, created_at: ctx.now }).execute();
    await audit(ctx, { action: 'acquisition.authorize', target: { type: 'acquisition_authorization', id }, after: input });
    return { id, kind: input.kind, party: input.party, createdBy: ctx.actor.name, createdAt: toIso(ctx.now) };
  });
}

export async function listAuthorizations(db: Executor, corpId: string): Promise<AuthorizationView[]> {
  const rows = await tables(db).selectFrom('acquisition_authorizations').selectAll().where('corp_id', '=', corpId).orderBy('id', 'desc').limit(200).execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, party: r.party, createdBy: r.created_by_name, createdAt: toIso(r.created_at) }));
}
