import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../platform/deps.ts';
import { IsoDateTime, NoContent, NullableIsoDateTime, StrictObject } from '../../platform/http/schemas.ts';
import { authorize, tokenGrantableRights } from '../admin/authorizer.ts';
import { createToken, listTokens, revokeToken } from './tokens.service.ts';

const TokenDto = Type.Object({ id: Type.String(), name: Type.String(), rights: Type.Array(Type.String()), createdAt: IsoDateTime, lastUsedAt: NullableIsoDateTime, revokedAt: NullableIsoDateTime });
const NewTokenBody = StrictObject({ name: Type.String({ minLength: 1, maxLength: 64 }), rights: Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 100 }) });

/** API tokens for integrations: created and revoked by super admins, bound to one enterprise and to the rights given. */
export function tokenRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/api-tokens/rights',
      { config: { auth: 'corp' }, schema: { tags: ['tokens'], summary: 'Rights that can be given to a token', response: { 200: Type.Object({ items: Type.Array(Type.Object({ key: Type.String(), label: Type.Object({ zh: Type.String(), en: Type.String() }) })) }) } } },
      async (request) => {
        await authorize(request.ctx(), 'tokens.manage');
        return { items: tokenGrantableRights() };
      },
    );

    app.get('/api/v1/api-tokens', { config: { auth: 'corp' }, schema: { tags: ['tokens'], response: { 200: Type.Object({ items: Type.Array(TokenDto) }) } } }, async (request) => {
      const ctx = request.ctx();
      await authorize(ctx, 'tokens.manage');
      return { items: await listTokens(ctx) };
    });

    app.post('/api/v1/api-tokens', { config: { auth: 'corp' }, schema: { tags: ['tokens'], summary: 'Create a token; the secret is shown only in this response', body: NewTokenBody, response: { 201: Type.Object({ token: TokenDto, secret: Type.String() }) } } }, async (request, reply) => {
      const created = await deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'tokens.manage');
        return createToken(ctx, request.body);
      });
      return reply.status(201).send(created);
    });

    app.delete('/api/v1/api-tokens/:tokenId', { config: { auth: 'corp' }, schema: { tags: ['tokens'], params: StrictObject({ tokenId: Type.String({ maxLength: 40 }) }), response: { 204: NoContent } } }, async (request, reply) => {
      await deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'tokens.manage');
        await revokeToken(ctx, request.params.tokenId);
      });
      return reply.status(204).send(null);
    });
  };
}
