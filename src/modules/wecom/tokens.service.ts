import { createHmac, randomBytes } from 'node:crypto';
import type { Actor } from '../../platform/context.ts';
import type { Db, Executor } from '../../platform/db/tables.ts';
import { randomToken, sha256 } from '../../platform/auth/tokens.ts';
import { audit } from '../../platform/audit.ts';
import type { Ctx, ReadCtx } from '../../platform/context.ts';
import { toIso } from '../../platform/clock.ts';
import { corpsByIds } from '../corp/index.ts';
import { appCredentials, appOfSecret, type VisibleRange } from '../apps/index.ts';
import { WecomError } from './wecom.errors.ts';
import { tables } from './wecom.tables.ts';

/** gettoken's `expires_in`: a token lives 7200 s from its issue (doc/91039). */
const LIFETIME_MS = 7200 * 1000;

/** What a token stands for: the contacts-sync secret, or one app's secret with its visible range. */
export type Credential = { kind: 'sync' } | { kind: 'app'; appId: string; visibleRange: VisibleRange };

export interface TokenHolder {
  corpId: string;
  actor: Actor;
  credential: Credential;
}

/**
 * The token is derived from the secret and a per-issue salt, so the database keeps only its hash
 * and the salt: anyone presenting the secret again while it lives gets the same token back, and
 * nobody reading the database can rebuild it.
 */
function derive(secret: string, salt: string): string {
  return `wct_${createHmac('sha256', secret).update(salt).digest('base64url')}`;
}

/**
 * `gettoken`: one live token per (enterprise, secret) and its remaining lifetime; a new one once it
 * has expired. Two callers racing at expiry both end with the row that won, so a freshly issued
 * token works at once (clients that retry 40014 would otherwise loop).
 */
export async function issueToken(db: Db, now: number, corpId: string | undefined, secret: string | undefined): Promise<{ token: string; expiresIn: number }> {
  if (!corpId) throw new WecomError(41002, 'corpid missing');
  if (!secret) throw new WecomError(41004, 'corpsecret missing');
  if ((await corpsByIds(db, [corpId])).length === 0) throw new WecomError(40013, 'invalid corpid');
  const secretHash = sha256(secret);
  const sync = await tables(db).selectFrom('wecom_sync_secrets').select('corp_id').where('corp_id', '=', corpId).where('secret_hash', '=', secretHash).executeTakeFirst();
  const app = sync ? undefined : await appOfSecret(db, corpId, secret);
  if (!sync && !app) throw new WecomError(40001, 'invalid credential: the secret is not one of this enterprise’s');
  const before = await tables(db).selectFrom('wecom_tokens').select(['token_hash', 'expires_at']).where('corp_id', '=', corpId).where('secret_hash', '=', secretHash).executeTakeFirst();
  // An expired token's route goes with it; a live one is answered again below.
  if (before && before.expires_at <= now) await tables(db).deleteFrom('wecom_token_routes').where('token_hash', '=', before.token_hash).execute();
  const salt = randomBytes(16).toString('base64url');
  const fresh = derive(secret, salt);
  await tables(db)
    .insertInto('wecom_tokens')
    .values({ corp_id: corpId, secret_hash: secretHash, token_hash: sha256(fresh), salt, app_id: app?.id ?? null, issued_at: now, expires_at: now + LIFETIME_MS })
    .onConflict((oc) =>
      oc
        .columns(['corp_id', 'secret_hash'])
        .doUpdateSet({ token_hash: sha256(fresh), salt, app_id: app?.id ?? null, issued_at: now, expires_at: now + LIFETIME_MS })
        .where('wecom_tokens.expires_at', '<=', now),
    )
    .execute();
  const row = await tables(db).selectFrom('wecom_tokens').select(['salt', 'expires_at', 'token_hash']).where('corp_id', '=', corpId).where('secret_hash', '=', secretHash).executeTakeFirstOrThrow();
  await tables(db).insertInto('wecom_token_routes').values({ token_hash: row.token_hash, corp_id: corpId }).onConflict((oc) => oc.column('token_hash').doNothing()).execute();
  return { token: derive(secret, row.salt), expiresIn: Math.ceil((row.expires_at - now) / 1000) };
}

/**
 * Who an `access_token` acts as, checked on every call: expired (42001) at exactly 7200 s after its
 * issue; dead (40014) once its secret was reset or its app deleted.
 */
export async function tokenHolder(db: Executor, now: number, token: string | undefined): Promise<TokenHolder> {
  if (!token) throw new WecomError(41001, 'access_token missing');
  const tokenHash = sha256(token);
  const route = await tables(db).selectFrom('wecom_token_routes').select('corp_id').where('token_hash', '=', tokenHash).executeTakeFirst();
  const row = route && (await tables(db).selectFrom('wecom_tokens').select(['corp_id', 'secret_hash', 'app_id', 'expires_at']).where('corp_id', '=', route.corp_id).where('token_hash', '=', tokenHash).executeTakeFirst());
  if (!row) throw new WecomError(40014, 'invalid access_token');
  if (now >= row.expires_at) throw new WecomError(42001, 'access_token expired');
  if (row.app_id === null) {
    const current = await tables(db).selectFrom('wecom_sync_secrets').select('secret_hash').where('corp_id', '=', row.corp_id).executeTakeFirst();
    if (current?.secret_hash !== row.secret_hash) throw new WecomError(40014, 'invalid access_token: the secret was reset');
    return { corpId: row.corp_id, credential: { kind: 'sync' }, actor: { kind: 'token', id: 'wecom_sync', name: '通讯录同步', rights: ['contacts.read', 'contacts.manage'] } };
  }
  const app = await appCredentials(db, row.corp_id, row.app_id);
  if (app?.secretHash !== row.secret_hash) throw new WecomError(40014, 'invalid access_token: the app’s secret was reset or the app is gone');
  return { corpId: row.corp_id, credential: { kind: 'app', appId: row.app_id, visibleRange: app.visibleRange }, actor: { kind: 'token', id: row.app_id, name: `WeCom API ${row.app_id}`, rights: ['contacts.read', 'apps.use', 'approvals.api', 'customers.api', 'acquisition.links', 'acquisition.usage'], app: row.app_id } };
}

/** Whether the enterprise has a contacts-sync secret, and since when (the secret itself is never shown again). */
export async function syncSecretStatus(ctx: ReadCtx): Promise<{ configured: boolean; createdAt: string | null }> {
  const row = await tables(ctx.trx).selectFrom('wecom_sync_secrets').select('created_at').where('corp_id', '=', ctx.corpId).executeTakeFirst();
  return { configured: row !== undefined, createdAt: toIso(row?.created_at ?? null) };
}

/** A new contacts-sync secret, shown once; the old one and its token stop working at once. */
export async function resetSyncSecret(ctx: Ctx): Promise<{ secret: string }> {
  const secret = randomToken('bws');
  const old = await tables(ctx.trx).selectFrom('wecom_sync_secrets').select('secret_hash').where('corp_id', '=', ctx.corpId).executeTakeFirst();
  if (old) {
    const dead = await tables(ctx.trx).selectFrom('wecom_tokens').select('token_hash').where('corp_id', '=', ctx.corpId).where('secret_hash', '=', old.secret_hash).executeTakeFirst();
    if (dead) await tables(ctx.trx).deleteFrom('wecom_token_routes').where('token_hash', '=', dead.token_hash).execute();
    await tables(ctx.trx).deleteFrom('wecom_tokens').where('corp_id', '=', ctx.corpId).where('secret_hash', '=', old.secret_hash).execute();
  }
  await tables(ctx.trx)
    .insertInto('wecom_sync_secrets')
    .values({ corp_id: ctx.corpId, secret_hash: sha256(secret), created_at: ctx.now })
    .onConflict((oc) => oc.column('corp_id').doUpdateSet({ secret_hash: sha256(secret), created_at: ctx.now }))
    .execute();
  await audit(ctx, { action: 'wecom.sync_secret.reset', target: { type: 'wecom_sync_secret', id: ctx.corpId } });
  return { secret };
}
