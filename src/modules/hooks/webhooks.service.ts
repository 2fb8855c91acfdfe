import { randomBytes } from 'node:crypto';
import type { Ctx, ReadCtx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { toIso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { deliveryLog, replay, type DeliveryView } from './deliveries.service.ts';
import { HookErrors } from './hooks.errors.ts';
import { tables, type HookTables } from './hooks.tables.ts';

/** The event types a webhook subscribes to: the same events as the WeCom callbacks, by WeCom's names. */
export const WEBHOOK_EVENT_TYPES = [
  'change_contact/create_user',
  'change_contact/update_user',
  'change_contact/delete_user',
  'change_contact/create_party',
  'change_contact/update_party',
  'change_contact/delete_party',
  'sys_approval_change',
  'change_external_contact/add_external_contact',
  'change_external_contact/add_half_external_contact',
  'change_external_contact/del_external_contact',
  'change_external_contact/del_follow_user',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** At most this many webhooks per enterprise. */
export const MAX_WEBHOOKS = 20;

export interface WebhookView {
  id: string;
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookInput {
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
  enabled: boolean;
}

function view(row: HookTables['hooks_webhooks']): WebhookView {
  return { id: row.id, url: row.url, description: row.description, eventTypes: JSON.parse(row.event_types) as WebhookEventType[], enabled: row.enabled === 1, createdAt: toIso(row.created_at), updatedAt: toIso(row.updated_at) };
}

/** `whsec_` and 32 random bytes: what signs the webhook's deliveries. */
function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** Subscribed types in the catalog's order, each once. */
function ordered(types: readonly WebhookEventType[]): WebhookEventType[] {
  return WEBHOOK_EVENT_TYPES.filter((type) => types.includes(type));
}

export async function listWebhooks(ctx: ReadCtx): Promise<WebhookView[]> {
  const rows = await tables(ctx.trx).selectFrom('hooks_webhooks').selectAll().where('corp_id', '=', ctx.corpId).orderBy('id').limit(MAX_WEBHOOKS).execute();
  return rows.map(view);
}

async function webhookRow(ctx: ReadCtx, webhookId: string): Promise<HookTables['hooks_webhooks']> {
  const row = await tables(ctx.trx).selectFrom('hooks_webhooks').selectAll().where('corp_id', '=', ctx.corpId).where('id', '=', webhookId).executeTakeFirst();
  if (!row) throw new DomainError(HookErrors['hooks.webhook_not_found'], { webhookId });
  return row;
}

/** A new webhook and its secret, shown this once. */
export async function createWebhook(ctx: Ctx, input: WebhookInput): Promise<{ webhook: WebhookView; secret: string }> {
  const count = await tables(ctx.trx).selectFrom('hooks_webhooks').select((eb) => eb.fn.countAll<number>().as('n')).where('corp_id', '=', ctx.corpId).executeTakeFirstOrThrow();
  if (Number(count.n) >= MAX_WEBHOOKS) throw new DomainError(HookErrors['hooks.webhook_limit'], { limit: MAX_WEBHOOKS });
  const id = newId('whk', ctx.now);
  const secret = newSecret();
  const row = { corp_id: ctx.corpId, id, url: input.url, description: input.description, event_types: JSON.stringify(ordered(input.eventTypes)), secret, enabled: input.enabled ? 1 : 0, created_at: ctx.now, updated_at: ctx.now };
  await tables(ctx.trx).insertInto('hooks_webhooks').values(row).execute();
  // The secret is never written to the log.
  await audit(ctx, { action: 'hooks.webhook.create', target: { type: 'webhook', id }, after: { url: input.url, eventTypes: ordered(input.eventTypes), enabled: input.enabled } });
  return { webhook: view(row), secret };
}

export async function updateWebhook(ctx: Ctx, webhookId: string, input: WebhookInput): Promise<WebhookView> {
  const before = await webhookRow(ctx, webhookId);
  const changes = { url: input.url, description: input.description, event_types: JSON.stringify(ordered(input.eventTypes)), enabled: input.enabled ? 1 : 0, updated_at: ctx.now };
  await tables(ctx.trx).updateTable('hooks_webhooks').set(changes).where('corp_id', '=', ctx.corpId).where('id', '=', webhookId).execute();
  await audit(ctx, {
    action: 'hooks.webhook.update',
    target: { type: 'webhook', id: webhookId },
    before: { url: before.url, eventTypes: JSON.parse(before.event_types) as string[], enabled: before.enabled === 1 },
    after: { url: input.url, eventTypes: ordered(input.eventTypes), enabled: input.enabled },
  });
  return view({ ...before, ...changes });
}

/** Deleted: what it had not yet delivered fails at its next attempt (the log keeps it). */
export async function deleteWebhook(ctx: Ctx, webhookId: string): Promise<void> {
  const before = await webhookRow(ctx, webhookId);
  await tables(ctx.trx).deleteFrom('hooks_webhooks').where('corp_id', '=', ctx.corpId).where('id', '=', webhookId).execute();
  await audit(ctx, { action: 'hooks.webhook.delete', target: { type: 'webhook', id: webhookId }, before: { url: before.url } });
}

/** A new secret, shown once; the old one stops signing at once (deliveries still pending are signed with the new one). */
export async function rotateWebhookSecret(ctx: Ctx, webhookId: string): Promise<{ secret: string }> {
  await webhookRow(ctx, webhookId);
  const secret = newSecret();
  await tables(ctx.trx).updateTable('hooks_webhooks').set({ secret, updated_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('id', '=', webhookId).execute();
  await audit(ctx, { action: 'hooks.webhook.rotate', target: { type: 'webhook', id: webhookId } });
  return { secret };
}

export async function webhookDeliveries(ctx: ReadCtx, webhookId: string, page: { cursor?: string | undefined; limit: number }): Promise<{ items: DeliveryView[]; nextCursor: string | null }> {
  await webhookRow(ctx, webhookId);
  return deliveryLog(ctx, { kind: 'webhook', id: webhookId }, page);
}

export async function replayWebhookDelivery(ctx: Ctx, webhookId: string, deliveryId: string): Promise<void> {
  await webhookRow(ctx, webhookId);
  const eventType = await replay(ctx, { kind: 'webhook', id: webhookId }, deliveryId);
  await audit(ctx, { action: 'hooks.webhook.replay', target: { type: 'webhook', id: webhookId }, after: { deliveryId, eventType } });
}
