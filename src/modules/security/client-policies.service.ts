import type { Ctx, ReadCtx } from '../../platform/context.ts';
import { toIso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { requireMember } from '../../platform/policy/index.ts';
import { membersByIds } from '../directory/index.ts';
import type { PolicyCache } from './enforcement.ts';
import { restricts } from './enforcement.ts';
import { assertActive, checkScope, savePolicy } from './policies.service.ts';
import type { ClientPolicy } from './security.schema.ts';
import { tables, type ViolationKind } from './security.tables.ts';

export async function saveClientPolicy(ctx: Ctx, kind: ViolationKind, input: ClientPolicy): Promise<ClientPolicy> {
  await checkScope(ctx, input.scope, '/scope');
  await checkScope(ctx, input.whitelist, '/whitelist');
  return savePolicy(ctx, kind, input);
}

/** What the member's clients (the phone app, a desktop client) must obey now. */
export async function myClientPolicies(ctx: ReadCtx, cache: PolicyCache): Promise<{ screenCaptureRestricted: boolean; shareExternalRestricted: boolean }> {
  const actor = requireMember(ctx);
  const [capture, share] = await Promise.all([cache.client(ctx.trx, ctx.corpId, 'screen_capture'), cache.client(ctx.trx, ctx.corpId, 'share_external')]);
  return { screenCaptureRestricted: restricts(capture, actor.id, ctx.now), shareExternalRestricted: restricts(share, actor.id, ctx.now) };
}

/** A client reports what it saw (a screenshot taken, a share tried): kept as is, never changed. */
export async function reportViolation(ctx: Ctx, input: { kind: ViolationKind; detail: string }): Promise<{ id: string }> {
  const actor = requireMember(ctx);
  await assertActive(ctx.trx, ctx.corpId, ctx.now);
  const id = newId('viol', ctx.now);
  await tables(ctx.trx)
    .insertInto('security_violations')
    .values({ corp_id: ctx.corpId, id, kind: input.kind, member_id: actor.id, detail: input.detail, address: ctx.ip ?? '', occurred_at: ctx.now })
    .execute();
  return { id };
}

export interface ViolationSearch {
  kind?: ViolationKind | undefined;
  memberId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** The reports, newest first, by kind, member and time (`from` inclusive, `to` exclusive). */
export async function searchViolations(ctx: ReadCtx, query: ViolationSearch) {
  let q = tables(ctx.trx).selectFrom('security_violations').selectAll().where('corp_id', '=', ctx.corpId);
  if (query.kind) q = q.where('kind', '=', query.kind);
  if (query.memberId) q = q.where('member_id', '=', query.memberId);
  if (query.from) q = q.where('occurred_at', '>=', Date.parse(query.from));
  if (query.to) q = q.where('occurred_at', '<', Date.parse(query.to));
  if (query.cursor) q = q.where('id', '<', query.cursor);
  const rows = await q.orderBy('id', 'desc').limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  const names = await membersByIds(ctx.trx, ctx.corpId, page.map((r) => r.member_id));
  return {
    items: page.map((r) => ({ id: r.id, kind: r.kind, memberId: r.member_id, memberName: names.get(r.member_id)?.name ?? '', detail: r.detail, address: r.address, occurredAt: toIso(r.occurred_at) })),
    nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null,
  };
}
