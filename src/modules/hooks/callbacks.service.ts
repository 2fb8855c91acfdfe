import type { Ctx, ReadCtx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { toIso } from '../../platform/clock.ts';
import { authorizeApp } from '../../platform/policy/index.ts';
import { existingAppIds } from '../apps/index.ts';
import { HookErrors } from './hooks.errors.ts';
import { tables } from './hooks.tables.ts';

export interface CallbackSettings {
  url: string;
  token: string;
  aesKey: string;
}

export interface CallbackView extends CallbackSettings {
  updatedAt: string;
}

/** The app exists in the enterprise and the actor manages it (接收消息 is the app managers'); returns the enterprise for the handshake. */
export async function callbackTarget(ctx: ReadCtx, appId: string): Promise<{ corpId: string }> {
  await authorizeApp(ctx, appId, 'manage');
  if (!(await existingAppIds(ctx.trx, ctx.corpId, [appId])).has(appId)) throw new DomainError(HookErrors['hooks.app_not_found'], { appId });
  return { corpId: ctx.corpId };
}

export async function readCallback(ctx: ReadCtx, appId: string): Promise<CallbackView | null> {
  await callbackTarget(ctx, appId);
  const row = await tables(ctx.trx).selectFrom('hooks_callbacks').selectAll().where('corp_id', '=', ctx.corpId).where('app_id', '=', appId).executeTakeFirst();
  return row ? { url: row.url, token: row.token, aesKey: row.aes_key, updatedAt: toIso(row.updated_at) } : null;
}

/** Saves settings whose URL already passed the handshake (the route verifies before this transaction opens). */
export async function saveCallback(ctx: Ctx, appId: string, settings: CallbackSettings): Promise<CallbackView> {
  await callbackTarget(ctx, appId);
  const before = await tables(ctx.trx).selectFrom('hooks_callbacks').select('url').where('corp_id', '=', ctx.corpId).where('app_id', '=', appId).executeTakeFirst();
  await tables(ctx.trx)
    .insertInto('hooks_callbacks')
    .values({ corp_id: ctx.corpId, app_id: appId, url: settings.url, token: settings.token, aes_key: settings.aesKey, created_at: ctx.now, updated_at: ctx.now })
    .onConflict((oc) => oc.columns(['corp_id', 'app_id']).doUpdateSet({ url: settings.url, token: settings.token, aes_key: settings.aesKey, updated_at: ctx.now }))
    .execute();
  // The Token and key are secrets of the receiver: the log keeps the address only.
  await audit(ctx, { action: 'hooks.callback.save', target: { type: 'app', id: appId }, before: before ? { url: before.url } : null, after: { url: settings.url } });
  return { ...settings, updatedAt: toIso(ctx.now) };
}
