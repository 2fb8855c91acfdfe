import type { Actor, Ctx, ReadCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { audit } from '../../platform/audit.ts';
import { toIso } from '../../platform/clock.ts';
import { randomToken, sha256 } from '../../platform/auth/tokens.ts';
import { tokenGrantableRights } from '../../platform/policy/index.ts';
import { prepared, tables } from './tokens.tables.ts';

export interface TokenView {
  id: string;
  name: string;
  rights: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

type TokenRow = { id: string; name: string; rights_json: string; created_at: number; last_used_at: number | null; revoked_at: number | null };

function toView(row: TokenRow): TokenView {
  return { id: row.id, name: row.name, rights: JSON.parse(row.rights_json) as string[], createdAt: toIso(row.created_at), lastUsedAt: toIso(row.last_used_at), revokedAt: toIso(row.revoked_at) };
}

/** The secret is returned once, here, and stored only as its hash. */
export async function createToken(ctx: Ctx, input: { name: string; rights: string[] }): Promise<{ token: TokenView; secret: string }> {
  const grantable = new Set(tokenGrantableRights(ctx.registry).map((r) => r.key));
  const unknown = input.rights.find((right) => !grantable.has(right));
  if (unknown) throw new DomainError('request.invalid', { field: '/rights', reason: 'not a grantable right', right: unknown });
  const id = newId('tok', ctx.now);
  const secret = randomToken('byt');
  const rights = [...new Set(input.rights)].sort();
  const tokenHash = sha256(secret);
  await tables(ctx.trx).insertInto('api_token_routes').values({ token_hash: tokenHash, corp_id: ctx.corpId, token_id: id }).execute();
  await tables(ctx.trx)
    .insertInto('api_tokens')
    .values({ corp_id: ctx.corpId, id, name: input.name, token_hash: tokenHash, rights_json: JSON.stringify(rights), created_by: ctx.actor.id, created_at: ctx.now, last_used_at: null, revoked_at: null })
    .execute();
  await audit(ctx, { action: 'token.create', target: { type: 'token', id }, after: { name: input.name, rights } });
  return { token: { id, name: input.name, rights, createdAt: toIso(ctx.now), lastUsedAt: null, revokedAt: null }, secret };
}

export async function listTokens(ctx: ReadCtx): Promise<TokenView[]> {
  const rows = await tables(ctx.trx).selectFrom('api_tokens').select(['id', 'name', 'rights_json', 'created_at', 'last_used_at', 'revoked_at']).where('corp_id', '=', ctx.corpId).orderBy('id', 'desc').execute();
  return rows.map(toView);
}

export async function revokeToken(ctx: Ctx, tokenId: string): Promise<void> {
  const result = await tables(ctx.trx).updateTable('api_tokens').set({ revoked_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('id', '=', tokenId).where('revoked_at', 'is', null).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new DomainError('not_found', { tokenId });
  await audit(ctx, { action: 'token.revoke', target: { type: 'token', id: tokenId } });
}

const routeOf = prepared((db, p: { tokenHash: string }) => db.selectFrom('api_token_routes').select('corp_id').where('token_hash', '=', p.tokenHash));
const liveToken = prepared((db, p: { corpId: string; tokenHash: string }) =>
  db.selectFrom('api_tokens').select(['corp_id', 'id', 'name', 'rights_json', 'last_used_at']).where('corp_id', '=', p.corpId).where('token_hash', '=', p.tokenHash).where('revoked_at', 'is', null),
);

/** Resolves a bearer secret to its enterprise and rights; revoked tokens resolve to nothing. Prepared: every API call asks. */
export async function tokenActor(db: Executor, now: number, secret: string): Promise<{ corpId: string; actor: Actor } | undefined> {
  const tokenHash = sha256(secret);
  const route = (await routeOf.execute(db, { tokenHash })).rows[0];
  if (!route) return undefined;
  const row = (await liveToken.execute(db, { corpId: route.corp_id, tokenHash })).rows[0];
  if (!row) return undefined;
  // Last use is kept to the minute: writing on every request would turn reads into writes.
  if (row.last_used_at === null || now - row.last_used_at > 60_000) {
    await tables(db).updateTable('api_tokens').set({ last_used_at: now }).where('corp_id', '=', row.corp_id).where('id', '=', row.id).execute();
  }
  return { corpId: row.corp_id, actor: { kind: 'token', id: row.id, name: row.name, rights: JSON.parse(row.rights_json) as string[] } };
}
