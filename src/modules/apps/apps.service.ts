import type { Ctx, ReadCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { audit } from '../../platform/audit.ts';
import { toIso } from '../../platform/clock.ts';
import { randomToken, sha256 } from '../../platform/auth/tokens.ts';
import { publish } from '../../platform/events.ts';
import { claimKey, storeResult, usedAt } from '../../platform/idempotency.ts';
import { appLevelIn, authorizeApp, contactsScope, isSuperIn, roleSnapshot, type AppRight, type ContactsScope } from '../../platform/policy/index.ts';
import { checkRecipients, expandRecipients, membersInScope, type Recipients } from '../directory/index.ts';
import { AppEvents } from './apps.events.ts';
import { AppErrors } from './apps.errors.ts';
import { tables } from './apps.tables.ts';

/** System apps that speak to members (审批, 打卡, 高级功能); custom apps use their own app id. */
export const SYSTEM_APPS = ['approvals', 'attendance', 'features'] as const;

/**
 * The built-in apps every enterprise has, named in zh-CN for API clients; the console names them
 * by id in the chosen language.
 */
export const SYSTEM_APP_NAMES: Record<(typeof SYSTEM_APPS)[number], string> = {
  approvals: '审批',
  attendance: '打卡',
  features: '高级功能',
};

export interface VisibleRange {
  memberIds: string[];
  departmentIds: string[];
  tagIds: string[];
}

export interface AppView {
  id: string;
  kind: 'system' | 'custom';
  name: string;
  description: string;
  /** null for system apps: visible to everyone. */
  visibleRange: VisibleRange | null;
  /** What the acting admin holds on it. */
  myRight: AppRight | null;
  createdAt: string | null;
}

function isSystemApp(appId: string): appId is (typeof SYSTEM_APPS)[number] {
  return (SYSTEM_APPS as readonly string[]).includes(appId);
}

/** Ids of the given apps that exist in the enterprise (system apps always do). */
export async function existingAppIds(db: Executor, corpId: string, appIds: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>(appIds.filter(isSystemApp));
  const custom = appIds.filter((id) => !isSystemApp(id));
  if (custom.length > 0) {
    const rows = await tables(db).selectFrom('apps').select('id').where('corp_id', '=', corpId).where('id', 'in', custom).execute();
    for (const row of rows) found.add(row.id);
  }
  return found;
}

/** The names of the enterprise's custom apps among `appIds`, by id; a built-in or deleted app has none here. */
export async function customAppNames(db: Executor, corpId: string, appIds: readonly string[]): Promise<Map<string, string>> {
  const custom = [...new Set(appIds)].filter((id) => !isSystemApp(id));
  if (custom.length === 0) return new Map();
  const rows = await tables(db).selectFrom('apps').select(['id', 'name']).where('corp_id', '=', corpId).where('id', 'in', custom).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Every app of the enterprise, id and name, for rights editors. */
export async function allApps(db: Executor, corpId: string): Promise<{ id: string; name: string }[]> {
  const rows = await tables(db).selectFrom('apps').select(['id', 'name']).where('corp_id', '=', corpId).orderBy('id').execute();
  return [...SYSTEM_APPS.map((id) => ({ id, name: SYSTEM_APP_NAMES[id] })), ...rows];
}

/** The custom app whose secret this is, with its visible range (the WeCom API's gettoken). */
export async function appOfSecret(db: Executor, corpId: string, secret: string): Promise<{ id: string; name: string; secretHash: string } | undefined> {
  const row = await tables(db).selectFrom('apps').select(['id', 'name', 'secret_hash']).where('corp_id', '=', corpId).where('secret_hash', '=', sha256(secret)).executeTakeFirst();
  return row && { id: row.id, name: row.name, secretHash: row.secret_hash };
}

/** The app's current secret hash and visible range, or nothing once it is gone: a token bound to an older secret is dead. */
export async function appCredentials(db: Executor, corpId: string, appId: string): Promise<{ secretHash: string; visibleRange: VisibleRange } | undefined> {
  const row = await tables(db).selectFrom('apps').select(['secret_hash', 'visible_json']).where('corp_id', '=', corpId).where('id', '=', appId).executeTakeFirst();
  return row && { secretHash: row.secret_hash, visibleRange: JSON.parse(row.visible_json) as VisibleRange };
}

/** Apps the actor holds a right on (every app for super admins and read tokens). */
export async function listApps(ctx: ReadCtx): Promise<AppView[]> {
  const snapshot = await roleSnapshot(ctx);
  const rows = await tables(ctx.trx).selectFrom('apps').selectAll().where('corp_id', '=', ctx.corpId).orderBy('id').execute();
  const all: AppView[] = [
    ...SYSTEM_APPS.map((id) => ({ id, kind: 'system' as const, name: SYSTEM_APP_NAMES[id], description: '', visibleRange: null, myRight: null, createdAt: null })),
    ...rows.map((r) => ({ id: r.id, kind: 'custom' as const, name: r.name, description: r.description, visibleRange: JSON.parse(r.visible_json) as VisibleRange, myRight: null, createdAt: toIso(r.created_at) })),
  ];
  // An API token with apps.read sees every app (it holds no app right itself).
  if (ctx.actor.kind === 'token') return all;
  return all.flatMap((app) => {
    const level = appLevelIn(snapshot, ctx.actor, app.id);
    return level ? [{ ...app, myRight: level }] : [];
  });
}

export interface NewApp {
  name: string;
  description: string;
  visibleRange: VisibleRange;
}

function normaliseRange(range: VisibleRange): VisibleRange {
  return { memberIds: [...new Set(range.memberIds)].sort(), departmentIds: [...new Set(range.departmentIds)].sort(), tagIds: [...new Set(range.tagIds)].sort() };
}

/** A custom app; its secret is in this answer only and stored as its hash. */
export async function createApp(ctx: Ctx, input: NewApp): Promise<{ app: AppView; secret: string }> {
  await checkRecipients(ctx.trx, ctx.corpId, input.visibleRange, '/visibleRange');
  const id = newId('app', ctx.now);
  const secret = randomToken('bys');
  const visibleRange = normaliseRange(input.visibleRange);
  await tables(ctx.trx)
    .insertInto('apps')
    .values({ corp_id: ctx.corpId, id, name: input.name, description: input.description, secret_hash: sha256(secret), visible_json: JSON.stringify(visibleRange), created_at: ctx.now, updated_at: ctx.now })
    .execute();
  await audit(ctx, { action: 'app.create', target: { type: 'app', id }, after: { name: input.name, description: input.description, visibleRange } });
  return { app: { id, kind: 'custom', name: input.name, description: input.description, visibleRange, myRight: 'manage', createdAt: toIso(ctx.now) }, secret };
}

async function customApp(ctx: Ctx, appId: string) {
  if (isSystemApp(appId)) throw new DomainError(AppErrors['app.system_app'], { appId });
  const row = await tables(ctx.trx).selectFrom('apps').selectAll().where('corp_id', '=', ctx.corpId).where('id', '=', appId).executeTakeFirst();
  if (!row) throw new DomainError(AppErrors['app.not_found'], { appId });
  return row;
}

/** Needs manage on the app. */
export async function updateApp(ctx: Ctx, appId: string, patch: Partial<NewApp>): Promise<AppView> {
  await authorizeApp(ctx, appId, 'manage');
  const before = await customApp(ctx, appId);
  if (patch.visibleRange) await checkRecipients(ctx.trx, ctx.corpId, patch.visibleRange, '/visibleRange');
  const visibleRange = patch.visibleRange ? normaliseRange(patch.visibleRange) : (JSON.parse(before.visible_json) as VisibleRange);
  const after = { name: patch.name ?? before.name, description: patch.description ?? before.description, visibleRange };
  await tables(ctx.trx)
    .updateTable('apps')
    .set({ name: after.name, description: after.description, visible_json: JSON.stringify(visibleRange), updated_at: ctx.now })
    .where('corp_id', '=', ctx.corpId)
    .where('id', '=', appId)
    .execute();
  await audit(ctx, { action: 'app.update', target: { type: 'app', id: appId }, before: { name: before.name, description: before.description, visibleRange: JSON.parse(before.visible_json) }, after });
  return { id: appId, kind: 'custom', ...after, myRight: 'manage', createdAt: toIso(before.created_at) };
}

/** A new secret replaces the old one at once; shown once. Needs manage on the app. */
export async function rotateAppSecret(ctx: Ctx, appId: string): Promise<string> {
  await authorizeApp(ctx, appId, 'manage');
  await customApp(ctx, appId);
  const secret = randomToken('bys');
  await tables(ctx.trx).updateTable('apps').set({ secret_hash: sha256(secret), updated_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('id', '=', appId).execute();
  await audit(ctx, { action: 'app.rotate_secret', target: { type: 'app', id: appId } });
  return secret;
}

/** Deletes a custom app; `app.deleted` takes every admin right on it away in the same transaction. */
export async function deleteApp(ctx: Ctx, appId: string): Promise<void> {
  const before = await customApp(ctx, appId);
  await tables(ctx.trx).deleteFrom('apps').where('corp_id', '=', ctx.corpId).where('id', '=', appId).execute();
  await publish(ctx, AppEvents['app.deleted'], { appId });
  await audit(ctx, { action: 'app.delete', target: { type: 'app', id: appId }, before: { name: before.name } });
}

export interface AppMessage {
  recipients: Recipients;
  title: string;
  body: string;
  /** The same key sends once: a retried request delivers nothing new. */
  idempotencyKey: string;
}

/**
 * 发消息: needs send (or manage) on the app; every id named must be the enterprise's; reaches only
 * the named members who lie inside the sender's contacts rights (其发消息等操作只能在其通讯录管理权限下进行) and, for a custom app, its
 * visible range. Lands in their inbox.
 */
export async function sendAppMessage(ctx: Ctx, appId: string, message: AppMessage): Promise<{ delivered: number; reached: number; outOfScope: number }> {
  await authorizeApp(ctx, appId, 'send');
  const app = isSystemApp(appId) ? undefined : await customApp(ctx, appId);
  await checkRecipients(ctx.trx, ctx.corpId, message.recipients, '/recipients');
  let named = await expandRecipients(ctx.trx, ctx.corpId, message.recipients);
  const total = named.length;
  if (app) {
    const visible = new Set(await expandRecipients(ctx.trx, ctx.corpId, JSON.parse(app.visible_json) as VisibleRange));
    named = named.filter((id) => visible.has(id));
  }
  const snapshot = await roleSnapshot(ctx);
  // An app's own token (the WeCom API) speaks for the app: its visible range is the limit, not an admin's contacts rights.
  const scope: ContactsScope = isSuperIn(snapshot, ctx.actor) || ctx.actor.kind === 'token' ? { kind: 'all' } : await contactsScope(ctx);
  const reached = await membersInScope(ctx.trx, ctx.corpId, scope, named);
  const answer = { reached: reached.length, outOfScope: total - reached.length };
  // A retried send (same key) reaches the same people and puts nothing new in their inboxes.
  const key = `appmsg:${appId}:${message.idempotencyKey}`;
  if ((await claimKey(ctx, key, { appId })).replay) return { delivered: 0, ...answer };
  await publish(ctx, AppEvents['app.message_sent'], { appId, memberIds: reached, title: message.title, body: message.body, key });
  await storeResult(ctx, key, answer);
  await audit(ctx, { action: 'app.send_message', target: { type: 'app', id: appId }, after: { title: message.title, ...answer } });
  return { delivered: reached.length, ...answer };
}

/** How long after sending a message can still be recalled (WeCom: 24 hours). */
export const RECALL_WINDOW_MS = 24 * 3600 * 1000;

/**
 * 撤回: the message the app sent with this idempotency key leaves every inbox it reached. Needs send
 * (or manage) on the app; a key this app never sent with is not found (another app's message is
 * not revealed), a second recall is refused, and so is one more than 24 hours after sending.
 */
export async function recallAppMessage(ctx: Ctx, appId: string, idempotencyKey: string): Promise<void> {
  await authorizeApp(ctx, appId, 'send');
  const key = `appmsg:${appId}:${idempotencyKey}`;
  const sentAt = await usedAt(ctx, key);
  if (sentAt === null) throw new DomainError(AppErrors['app.message_not_found'], { appId, idempotencyKey });
  if (ctx.now - sentAt > RECALL_WINDOW_MS) throw new DomainError(AppErrors['app.message_too_old'], { appId, idempotencyKey });
  const recallKey = `appmsg-recall:${appId}:${idempotencyKey}`;
  if ((await claimKey(ctx, recallKey, { appId })).replay) throw new DomainError(AppErrors['app.message_recalled'], { appId, idempotencyKey });
  await publish(ctx, AppEvents['app.message_recalled'], { appId, key });
  await storeResult(ctx, recallKey, {});
  await audit(ctx, { action: 'app.recall_message', target: { type: 'app', id: appId }, after: { idempotencyKey } });
}
