import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../platform/deps.ts';
import { IsoDateTime, NoContent, NullableIsoDateTime, StrictObject } from '../../platform/http/schemas.ts';
import { command } from '../../platform/command.ts';
import { tokenGrantableRights } from '../../platform/policy/index.ts';
import { createToken, listTokens, revokeToken } from './tokens.service.ts';
import { noContent, created } from '../../platform/http/replies.ts';

const TokenDto = Type.Object({ id: Type.String(), name: Type.String(), rights: Type.Array(Type.String()), createdAt: IsoDateTime, lastUsedAt: NullableIsoDateTime, revokedAt: NullableIsoDateTime });
const NewTokenBody = StrictObject({ name: Type.String({ minLength: 1, maxLength: 64 }), rights: Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 100 }) });

const manage = { right: 'tokens.manage', tx: 'plain' } as const;
const grantable = command({ right: 'tokens.manage', tx: 'read' }, async (ctx) => ({ items: tokenGrantableRights(ctx.registry) }));
const list = command({ right: 'tokens.manage', tx: 'read' }, async (ctx) => ({ items: await listTokens(ctx) }));
const create = command(manage, (ctx, input: { name: string; rights: string[] }) => createToken(ctx, input));
const revoke = command(manage, (ctx, tokenId: string) => revokeToken(ctx, tokenId));

/** API tokens for integrations: created and revoked by super admins, bound to one enterprise and to the rights given. */
export function tokenRoutes(_deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/api-tokens/rights',
      { config: { auth: 'corp' }, schema: { tags: ['tokens'], summary: 'Rights that can be given to a token', response: { 200: Type.Object({ items: Type.Array(Type.Object({ key: Type.String(), label: Type.Object({ zh: Type.String(), en: Type.String() }) })) }) } } },
      (request) => request.run(grantable, undefined),
    );

    app.get('/api/v1/api-tokens', { config: { auth: 'corp' }, schema: { tags: ['tokens'], response: { 200: Type.Object({ items: Type.Array(TokenDto) }) } } }, (request) => request.run(list, undefined));

    app.post('/api/v1/api-tokens', { config: { auth: 'corp' }, schema: { tags: ['tokens'], summary: 'Create a token; the secret is shown only in this response', body: NewTokenBody, response: { 201: Type.Object({ token: TokenDto, secret: Type.String() }) } } }, async (request, reply) =>
      created(reply, request.run(create, request.body)),
    );

    app.delete('/api/v1/api-tokens/:tokenId', { config: { auth: 'corp' }, schema: { tags: ['tokens'], params: StrictObject({ tokenId: Type.String({ maxLength: 40 }) }), response: { 204: NoContent } } }, async (request, reply) =>
      noContent(reply, request.run(revoke, request.params.tokenId)),
    );
  };
}
