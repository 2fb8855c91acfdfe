import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../platform/deps.ts';
import { commandRunner } from '../../platform/db/group-commit.ts';
import { NoContent } from '../../platform/http/schemas.ts';
import { authorize, defineRights } from '../admin/authorizer.ts';
import { addThroughLink, authorizeParty, buyPack, createLink, deleteLink, listAuthorizations, listLinks, usageOverview } from './acquisition.service.ts';
import { AuthorizationDto, AuthorizationList, BuyPackBody, BuyPackDto, CodeParams, LinkAddBody, LinkAddDto, LinkDto, LinkList, LinkParams, NewAuthorizationBody, NewLinkBody, UsageDto } from './acquisition.schema.ts';

defineRights({
  'acquisition.links': { token: { zh: '管理获客链接', en: 'Manage acquisition links' } },
  'acquisition.usage': { token: { zh: '查看获客数据', en: 'Read acquisition data' } },
  // Buying usage: every member may try; the wallet's spending rule decides who may pay.
  'acquisition.buy': { member: true },
  'acquisition.authorize': {},
});

/**
 * Clicks per client address and link per minute: a link is public, so adds through it are bounded.
 * Read when the routes are built; the benchmark raises it before building its app.
 */
export const LINK_ADD_RATE = { max: 120, timeWindow: '1 minute' };

export function acquisitionRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  const command = commandRunner(deps.db, deps.dialect);
  return async (app) => {
    app.get('/api/v1/acquisition/links', { config: { auth: 'corp' }, schema: { tags: ['acquisition'], response: { 200: LinkList } } }, async (request) => {
      const ctx = request.ctx();
      await authorize(ctx, 'acquisition.links');
      return { items: await listLinks(ctx.trx, ctx.corpId) };
    });

    app.post('/api/v1/acquisition/links', { config: { auth: 'corp' }, schema: { tags: ['acquisition'], summary: 'A link for one member or a set of members', body: NewLinkBody, response: { 201: LinkDto } } }, async (request, reply) => {
      const link = await deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'acquisition.links');
        return createLink(ctx, request.body);
      });
      return reply.status(201).send(link);
    });

    app.delete('/api/v1/acquisition/links/:linkId', { config: { auth: 'corp' }, schema: { tags: ['acquisition'], params: LinkParams, response: { 204: NoContent } } }, async (request, reply) => {
      await deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'acquisition.links');
        await deleteLink(ctx, request.params.linkId);
      });
      return reply.status(204).send(null);
    });

    app.post(
      '/api/v1/public/acquisition/links/:code/add',
      {
        config: { auth: 'public', rateLimit: { max: LINK_ADD_RATE.max, timeWindow: LINK_ADD_RATE.timeWindow, keyGenerator: (request: { ip: string; url: string }) => `${request.ip}|${request.url}` } },
        schema: { tags: ['acquisition'], summary: 'A customer clicks the link and adds a member (one unit is used)', params: CodeParams, body: LinkAddBody, response: { 200: LinkAddDto } },
      },
      async (request) =>
        command((trx) => addThroughLink(trx, request.now, request.params.code, request.body)),
    );

    app.get('/api/v1/acquisition/usage', { config: { auth: 'corp' }, schema: { tags: ['acquisition'], summary: '获客助手使用概况', response: { 200: UsageDto } } }, async (request) => {
      const ctx = request.ctx();
      await authorize(ctx, 'acquisition.usage');
      return usageOverview(ctx.trx, ctx.corpId, ctx.now);
    });

    app.post('/api/v1/acquisition/packs', { config: { auth: 'corp' }, schema: { tags: ['acquisition'], summary: '购买指定使用量 with the balance', body: BuyPackBody, response: { 201: BuyPackDto } } }, async (request, reply) => {
      const bought = await deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'acquisition.buy');
        return buyPack(ctx, request.body.units, request.body.idempotencyKey);
      });
      return reply.status(201).send(bought);
    });

    app.get('/api/v1/acquisition/authorizations', { config: { auth: 'corp' }, schema: { tags: ['acquisition'], response: { 200: AuthorizationList } } }, async (request) => {
      const ctx = request.ctx();
      await authorize(ctx, 'acquisition.authorize');
      return { items: await listAuthorizations(ctx.trx, ctx.corpId) };
    });

    app.post('/api/v1/acquisition/authorizations', { config: { auth: 'corp' }, schema: { tags: ['acquisition'], summary: 'Authorise the assistant to a third-party app or a 代开发 developer', body: NewAuthorizationBody, response: { 201: AuthorizationDto } } }, async (request, reply) => {
      const { idempotencyKey, ...input } = request.body;
      const made = await deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'acquisition.authorize');
        return authorizeParty(ctx, input, idempotencyKey);
      });
      return reply.status(201).send(made);
    });
  };
}
