import type { Ctx, ReadCtx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { toIso } from '../../platform/clock.ts';
import type { EventMeta } from '../../platform/events.ts';
import { newId } from '../../platform/ids.ts';
import { enqueueJob, type JobHandler } from '../../platform/jobs.ts';
import { appCredentials, type VisibleRange } from '../apps/index.ts';
import { departmentPaths, expandRecipients } from '../directory/index.ts';
import { wecomIdsIn } from '../wecom/index.ts';
import { callbackTarget } from './callbacks.service.ts';
import { HookErrors } from './hooks.errors.ts';
import { tables, type DeliveryStatus } from './hooks.tables.ts';
import { postEvent } from './wire.ts';

export const DELIVER_JOB = 'hooks.deliver';

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
    const id = newId('dlv', ctx.now);
    const inserted = await tables(ctx.trx)
      .insertInto('hooks_deliveries')
      .values({
        corp_id: ctx.corpId,
        id,
        target_kind: 'callback',
        target_id: appId,
        event_id: meta.eventId,
        agent_id: agentIds.get(appId) ?? null,
        event_type: eventType,
        body: message,
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
    .selectFrom('hooks_deliveries as d')
    .leftJoin('hooks_callbacks as c', (j) => j.onRef('c.corp_id', '=', 'd.corp_id').onRef('c.app_id', '=', 'd.target_id'))
    .select(['d.attempts', 'd.status', 'd.agent_id', 'd.event_id', 'd.body', 'c.url', 'c.token', 'c.aes_key'])
    .where('d.corp_id', '=', corpId)
    .where('d.id', '=', deliveryId)
    .executeTakeFirst();
  if (!row || row.status !== 'pending') return { skipped: true };
  let code: number | null = null;
  let error: string | null = null;
  if (row.url === null || row.token === null || row.aes_key === null) error = 'the app has no callback URL';
  else {
    try {
      code = await postEvent({ corpId, url: row.url, token: row.token, aesKey: row.aes_key }, row.agent_id, row.body, row.event_id, jc.now);
      if (code < 200 || code > 299) error = `HTTP ${code}`;
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure);
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
  let query = tables(ctx.trx).selectFrom('hooks_deliveries').selectAll().where('corp_id', '=', ctx.corpId).where('target_kind', '=', 'callback').where('target_id', '=', appId);
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
  const row = await tables(ctx.trx)
    .selectFrom('hooks_deliveries')
    .select(['status', 'attempts', 'event_type'])
    .where('corp_id', '=', ctx.corpId)
    .where('target_kind', '=', 'callback')
    .where('target_id', '=', appId)
    .where('id', '=', deliveryId)
    .executeTakeFirst();
  if (!row) throw new DomainError(HookErrors['hooks.delivery_not_found'], { appId, deliveryId });
  if (row.status === 'pending') throw new DomainError(HookErrors['hooks.delivery_pending'], { deliveryId });
  await tables(ctx.trx).updateTable('hooks_deliveries').set({ status: 'pending', next_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('id', '=', deliveryId).execute();
  await scheduleAttempt(ctx, deliveryId, row.attempts, ctx.now);
  await audit(ctx, { action: 'hooks.delivery.replay', target: { type: 'app', id: appId }, after: { deliveryId, eventType: row.event_type } });
}
