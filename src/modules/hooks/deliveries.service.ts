import type { Ctx, ReadCtx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { toIso } from '../../platform/clock.ts';
import type { EventMeta } from '../../platform/events.ts';
import { newId } from '../../platform/ids.ts';
import { enqueueJob, type JobHandler } from '../../platform/jobs.ts';
import type { Registry } from '../../platform/module.ts';
import { appCredentials, type VisibleRange } from '../apps/index.ts';
import { departmentPaths, expandRecipients } from '../directory/index.ts';
import { wecomIdsIn } from '../wecom/index.ts';
import { callbackTarget } from './callbacks.service.ts';
import { HookErrors } from './hooks.errors.ts';
import { tables, type DeliveryStatus, type TargetKind } from './hooks.tables.ts';
import { postEvent, postWebhook, privateAddressOf } from './wire.ts';
import { webhookTarget } from './webhooks.target.ts';

export const DELIVER_JOB = 'hooks.deliver';

/** Whether this server lets receivers sit at internal addresses (--allow-private-callbacks), per app instance: jobs see the registry, not the config. */
const privateAllowed = new WeakMap<Registry, boolean>();
export function allowPrivateReceivers(registry: Registry, allowed: boolean): void {
  privateAllowed.set(registry, allowed);
}
export function privateReceiversAllowed(registry: Registry): boolean {
  return privateAllowed.get(registry) ?? false;
}

/**
 * When a failed delivery is tried again, after the attempt it follows: the first retry 10 s after
 * the first failure, the last 6 h after the fifth; a seventh failure ends the delivery (failed,
 * replayable from the log).
 */
export const RETRY_AFTER_MS = [10_000, 60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 6 * 3600_000] as const;

/** Who may hear of a change: the member (while in the contacts) and the departments it concerns, by path. */
export interface Audience {
  memberId?: string;
  /** The member is still in the contacts: its tags count too. */
  present: boolean;
  paths: string[];
}

function inRange(range: VisibleRange, paths: readonly string[]): boolean {
  return paths.some((path) => path.split('/').some((segment) => range.departmentIds.includes(segment)));
}

/** Whether an app whose visible range is `range` (null: a system app, everyone) sees the change. */
async function sees(ctx: Ctx, range: VisibleRange | null, audience: Audience): Promise<boolean> {
  if (range === null) return true;
  if (audience.memberId !== undefined && range.memberIds.includes(audience.memberId)) return true;
  if (inRange(range, audience.paths)) return true;
  if (!audience.present || audience.memberId === undefined || range.tagIds.length === 0) return false;
  return (await expandRecipients(ctx.trx, ctx.corpId, { tagIds: range.tagIds })).includes(audience.memberId);
}

/** The department paths of the given ids that still exist. */
export async function pathsOf(ctx: Ctx, departmentIds: readonly string[]): Promise<string[]> {
  return [...(await departmentPaths(ctx.trx, ctx.corpId, departmentIds)).values()];
}

/**
 * Queues one delivery of the event to every app with a callback URL that sees the change, in the
 * outbox subscriber's transaction (so a redelivered event queues nothing twice: one row per app and
 * event), and a job that sends it after this commits.
 */
export async function queueCallbacks(ctx: Ctx, meta: EventMeta, eventType: string, audience: Audience, message: string): Promise<void> {
  const receivers = await tables(ctx.trx).selectFrom('hooks_callbacks').select('app_id').where('corp_id', '=', ctx.corpId).orderBy('app_id').execute();
  if (receivers.length === 0) return;
  const agentIds = await wecomIdsIn(ctx.trx, ctx.corpId, 'app', receivers.map((r) => r.app_id));
  for (const { app_id: appId } of receivers) {
    const range = (await appCredentials(ctx.trx, ctx.corpId, appId))?.visibleRange ?? null;
    if (!(await sees(ctx, range, audience))) continue;
    await queueDelivery(ctx, meta, { kind: 'callback', id: appId, agentId: agentIds.get(appId) ?? null }, eventType, message);
  }
}

/**
 * Queues the event, as signed JSON, to every enabled webhook of the enterprise subscribed to its type
 * (webhooks are the enterprise's, set by its super admins: no visible range applies).
 */
export async function queueWebhooks(ctx: Ctx, meta: EventMeta, eventType: string, data: unknown): Promise<void> {
  const hooks = await tables(ctx.trx).selectFrom('hooks_webhooks').select(['id', 'event_types']).where('corp_id', '=', ctx.corpId).where('enabled', '=', 1).orderBy('id').execute();
  const subscribed = hooks.filter((h) => (JSON.parse(h.event_types) as string[]).includes(eventType));
  if (subscribed.length === 0) return;
  const body = JSON.stringify({ id: meta.eventId, type: eventType, created: Math.floor(meta.createdAt / 1000), corpid: ctx.corpId, data });
  for (const hook of subscribed) await queueDelivery(ctx, meta, { kind: 'webhook', id: hook.id, agentId: null }, eventType, body);
}

/** One row per receiver and event (a redelivered event queues nothing twice), and the job that sends it after this commits. */
async function queueDelivery(ctx: Ctx, meta: EventMeta, target: { kind: TargetKind; id: string; agentId: number | null }, eventType: string, body: string): Promise<void> {
  const id = newId('dlv', ctx.now);
  const inserted = await tables(ctx.trx)
    .insertInto('hooks_deliveries')
    .values({
      corp_id: ctx.corpId,
      id,
      target_kind: target.kind,
      target_id: target.id,
      event_id: meta.eventId,
      agent_id: target.agentId,
      event_type: eventType,
      body,
      status: 'pending',
      attempts: 0,
      next_at: ctx.now,
      last_code: null,
      created_at: ctx.now,
      delivered_at: null,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) await scheduleAttempt(ctx, id, 0, ctx.now);
}

async function scheduleAttempt(ctx: Pick<Ctx, 'corpId' | 'trx'>, deliveryId: string, attemptsSoFar: number, at: number): Promise<void> {
  // One job per attempt number: a second queueing of the same attempt is a no-op.
  await enqueueJob(ctx.trx, at, { kind: DELIVER_JOB, payload: { corpId: ctx.corpId, deliveryId }, runAt: at, dedupeKey: `${DELIVER_JOB}:${deliveryId}:${attemptsSoFar}` });
}

/**
 * Makes the next attempt of a pending delivery: POSTs it (outside any transaction), then records the
 * attempt and either the delivery (a 2xx), the next retry, or the end of the schedule.
 */
export const deliverJob: JobHandler = async (job, jc) => {
  const { corpId, deliveryId } = job.payload as { corpId: string; deliveryId: string };
  const row = await tables(jc.db)
    .selectFrom('hooks_deliveries')
    .select(['attempts', 'status', 'target_kind', 'target_id', 'agent_id', 'event_id', 'body'])
    .where('corp_id', '=', corpId)
    .where('id', '=', deliveryId)
    .executeTakeFirst();
  if (!row || row.status !== 'pending') return { skipped: true };
  let code: number | null = null;
  let error: string | null = null;
  const send = await sender(jc.db, corpId, row);
  if (typeof send === 'string') error = send;
  else {
    const blocked = await privateAddressOf(send.url, privateReceiversAllowed(jc.registry));
    if (blocked !== undefined) error = `the receiver’s address ${blocked} is internal and this server does not allow private callbacks`;
    else {
      try {
        code = await send.post(jc.now);
        if (code < 200 || code > 299) error = `HTTP ${code}`;
      } catch (failure) {
        error = failure instanceof Error ? failure.message : String(failure);
      }
    }
  }
  const n = row.attempts + 1;
  const retryAfter = RETRY_AFTER_MS[n - 1];
  const status: DeliveryStatus = error === null ? 'delivered' : retryAfter === undefined ? 'failed' : 'pending';
  const nextAt = status === 'pending' ? jc.now + retryAfter! : null;
  await jc.db.transaction().execute(async (trx) => {
    const moved = await tables(trx)
      .updateTable('hooks_deliveries')
      .set({ attempts: n, status, next_at: nextAt, last_code: code, delivered_at: status === 'delivered' ? jc.now : null })
      .where('corp_id', '=', corpId)
      .where('id', '=', deliveryId)
      .where('status', '=', 'pending')
      .where('attempts', '=', row.attempts)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 0) return;
    await tables(trx).insertInto('hooks_attempts').values({ corp_id: corpId, delivery_id: deliveryId, n, at: jc.now, code, error }).execute();
    if (nextAt !== null) await scheduleAttempt({ corpId, trx }, deliveryId, n, nextAt);
  });
  return { status, code };
};

/** Where a delivery goes now and how it is sent, or why it cannot be (the receiver was removed). */
async function sender(db: Parameters<typeof tables>[0], corpId: string, row: { target_kind: TargetKind; target_id: string; agent_id: number | null; event_id: string; body: string }): Promise<string | { url: string; post(now: number): Promise<number> }> {
  if (row.target_kind === 'webhook') {
    const hook = await webhookTarget(db, corpId, row.target_id);
    if (!hook) return 'the webhook was deleted';
    return { url: hook.url, post: (now) => postWebhook(hook, row.body, row.event_id, now) };
  }
  const callback = await tables(db).selectFrom('hooks_callbacks').select(['url', 'token', 'aes_key']).where('corp_id', '=', corpId).where('app_id', '=', row.target_id).executeTakeFirst();
  if (!callback) return 'the app has no callback URL';
  return { url: callback.url, post: (now) => postEvent({ corpId, url: callback.url, token: callback.token, aesKey: callback.aes_key }, row.agent_id, row.body, row.event_id, now) };
}

export interface DeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: { n: number; at: string; code: number | null; error: string | null }[];
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

/** 接收消息's delivery log, newest first. */
export async function listDeliveries(ctx: ReadCtx, appId: string, page: { cursor?: string | undefined; limit: number }): Promise<{ items: DeliveryView[]; nextCursor: string | null }> {
  await callbackTarget(ctx, appId);
  return deliveryLog(ctx, { kind: 'callback', id: appId }, page);
}

/** A receiver's delivery log, newest first, with every attempt (the caller checked the receiver is the enterprise's and the actor's). */
export async function deliveryLog(ctx: ReadCtx, target: { kind: TargetKind; id: string }, page: { cursor?: string | undefined; limit: number }): Promise<{ items: DeliveryView[]; nextCursor: string | null }> {
  let query = tables(ctx.trx).selectFrom('hooks_deliveries').selectAll().where('corp_id', '=', ctx.corpId).where('target_kind', '=', target.kind).where('target_id', '=', target.id);
  if (page.cursor) query = query.where('id', '<', page.cursor);
  const rows = await query.orderBy('id', 'desc').limit(page.limit + 1).execute();
  const shown = rows.slice(0, page.limit);
  const attempts =
    shown.length === 0
      ? []
      : await tables(ctx.trx)
          .selectFrom('hooks_attempts')
          .selectAll()
          .where('corp_id', '=', ctx.corpId)
          .where(
            'delivery_id',
            'in',
            shown.map((r) => r.id),
          )
          .orderBy('n')
          .execute();
  return {
    items: shown.map((r) => ({
      id: r.id,
      eventId: r.event_id,
      eventType: r.event_type,
      status: r.status,
      attempts: attempts.filter((a) => a.delivery_id === r.id).map((a) => ({ n: a.n, at: toIso(a.at), code: a.code, error: a.error })),
      nextAttemptAt: r.status === 'pending' ? toIso(r.next_at) : null,
      createdAt: toIso(r.created_at),
      deliveredAt: toIso(r.delivered_at),
    })),
    nextCursor: rows.length > page.limit ? shown[shown.length - 1]!.id : null,
  };
}

/** 重新推送: a delivered or failed delivery goes out again now, same event id (the receiver dedupes), same plaintext. */
export async function replayDelivery(ctx: Ctx, appId: string, deliveryId: string): Promise<void> {
  await callbackTarget(ctx, appId);
  const eventType = await replay(ctx, { kind: 'callback', id: appId }, deliveryId);
  await audit(ctx, { action: 'hooks.delivery.replay', target: { type: 'app', id: appId }, after: { deliveryId, eventType } });
}

/** Sends a finished delivery of the receiver again now; returns its event type. */
export async function replay(ctx: Ctx, target: { kind: TargetKind; id: string }, deliveryId: string): Promise<string> {
  const row = await tables(ctx.trx)
    .selectFrom('hooks_deliveries')
    .select(['status', 'attempts', 'event_type'])
    .where('corp_id', '=', ctx.corpId)
    .where('target_kind', '=', target.kind)
    .where('target_id', '=', target.id)
    .where('id', '=', deliveryId)
    .executeTakeFirst();
  if (!row) throw new DomainError(HookErrors['hooks.delivery_not_found'], { deliveryId });
  if (row.status === 'pending') throw new DomainError(HookErrors['hooks.delivery_pending'], { deliveryId });
  await tables(ctx.trx).updateTable('hooks_deliveries').set({ status: 'pending', next_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('id', '=', deliveryId).execute();
  await scheduleAttempt(ctx, deliveryId, row.attempts, ctx.now);
  return row.event_type;
}
