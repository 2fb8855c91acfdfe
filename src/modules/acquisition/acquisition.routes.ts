import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Deps } from '../../platform/deps.ts';
import { command } from '../../platform/command.ts';
import { commandRunner } from '../../platform/db/group-commit.ts';
import { created, noContent } from '../../platform/http/replies.ts';
import { NoContent } from '../../platform/http/schemas.ts';
import { addThroughLink, authorizeParty, previewLink, buyPack, quotePack, createLink, deleteLink, linkCustomers, linkStatistic, listAuthorizations, listLinks, updateLink, usageOverview, type LinkView } from './acquisition.service.ts';
import { PriceQuoteDto } from '../wallet/index.ts';
import { AuthorizationDto, AuthorizationList, BuyPackBody, BuyPackDto, PackQuoteQuery, CodeParams, LinkAddBody, LinkAddDto, LinkPreviewDto, LinkDto, LinkList, LinkParams, NewAuthorizationBody, NewLinkBody, UpdateLinkBody, UsageDto } from './acquisition.schema.ts';

const links = command({ right: 'acquisition.links', tx: 'read' }, async (ctx) => ({ items: await listLinks(ctx.trx, ctx.corpId) }));
const newLink = command({ right: 'acquisition.links', tx: 'plain' }, (ctx, input: { name: string; memberIds: string[] }) => createLink(ctx, input));
const editLink = command({ right: 'acquisition.links', tx: 'plain' }, (ctx, input: { linkId: string; name?: string | undefined; memberIds?: string[] | undefined }) => updateLink(ctx, input.linkId, input));
const removeLink = command({ right: 'acquisition.links', tx: 'plain' }, (ctx, linkId: string) => deleteLink(ctx, linkId));
const usage = command({ right: 'acquisition.usage', tx: 'read' }, (ctx) => usageOverview(ctx.trx, ctx.corpId, ctx.now));
const quote = command({ right: 'acquisition.buy', tx: 'read' }, (ctx, units: number) => quotePack(ctx.trx, ctx.corpId, ctx.now, units));
const buy = command({ right: 'acquisition.buy', tx: 'plain' }, (ctx, input: { units: number; quotedFen: number; idempotencyKey: string }) => buyPack(ctx, input));
const authorizations = command({ right: 'acquisition.authorize', tx: 'read' }, async (ctx) => ({ items: await listAuthorizations(ctx.trx, ctx.corpId) }));
const authorizeCommand = command({ right: 'acquisition.authorize', tx: 'plain' }, (ctx, input: Parameters<typeof authorizeParty>[1] & { idempotencyKey: string }) => {
  const { idempotencyKey, ...party } = input;
  return authorizeParty(ctx, party, idempotencyKey);
});

/** The link and usage commands REST runs, and a link's customers, for the WeCom API's customer_acquisition calls. */
export const acquisitionCommands = {
  links,
  newLink,
  editLink,
  removeLink,
  usage,
  statistic: command({ right: 'acquisition.usage', tx: 'read' }, (ctx, input: { linkId: string; from: number; to: number }) => linkStatistic(ctx.trx, ctx.corpId, input)),
  customers: command({ right: 'acquisition.usage', tx: 'read' }, (ctx, input: { linkId: string; offset: number; limit: number }) => linkCustomers(ctx.trx, ctx.corpId, input)),
};

/**
 * Clicks per client address and link per minute: a link is public, so adds through it are bounded.
 * Read when the routes are built; the benchmark raises it before building its app.
 */
export const LINK_ADD_RATE = { max: 120, timeWindow: '1 minute' };

/**
 * The page a link's customers open (the console's /c/<code>): on --public-url, else on the address
 * the admin opened the console at (shown to them only, never mailed).
 */
export function linkUrl(config: Pick<Config, 'publicUrl' | 'publicUrlGiven'>, request: Pick<FastifyRequest, 'protocol' | 'host'>, code: string): string {
  const origin = config.publicUrlGiven ? config.publicUrl : `${request.protocol}://${request.host}`;
  return `${origin}/c/${code}`;
}

export function acquisitionRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  // The public add has no caller inside the enterprise, so it is not a command: it group-commits itself.
  const groupCommit = commandRunner(deps.db, deps.dialect);
  /** A link's public routes: no caller, bounded per client address and link. */
  const publicLinkRoute = { auth: 'public', rateLimit: { max: LINK_ADD_RATE.max, timeWindow: LINK_ADD_RATE.timeWindow, keyGenerator: (request: { ip: string; url: string }) => `${request.ip}|${request.url}` } } as const;
  const withUrl = (request: FastifyRequest, link: LinkView) => ({ ...link, url: linkUrl(deps.config, request, link.code) });
  return async (app) => {
    app.get('/api/v1/acquisition/links', { config: { auth: 'corp' }, schema: { tags: ['acquisition'], response: { 200: LinkList } } }, async (request) => ({
      items: (await request.run(links, undefined)).items.map((link) => withUrl(request, link)),
    }));

    app.post('/api/v1/acquisition/links', { config: { auth: 'corp' }, schema: { tags: ['acquisition'], summary: 'A link for one member or a set of members', body: NewLinkBody, response: { 201: LinkDto } } }, async (request, reply) =>
      created(reply, request.run(newLink, request.body).then((link) => withUrl(request, link))),
    );

    app.patch(
      '/api/v1/acquisition/links/:linkId',
      { config: { auth: 'corp' }, schema: { tags: ['acquisition'], summary: 'Rename a link or replace its members', params: LinkParams, body: UpdateLinkBody, response: { 200: LinkDto } } },
      async (request) => withUrl(request, await request.run(editLink, { linkId: request.params.linkId, ...request.body })),
    );

    app.delete('/api/v1/acquisition/links/:linkId', { config: { auth: 'corp' }, schema: { tags: ['acquisition'], params: LinkParams, response: { 204: NoContent } } }, async (request, reply) =>
      noContent(reply, request.run(removeLink, request.params.linkId)),
    );

    app.get(
      '/api/v1/public/acquisition/links/:code',
      { config: publicLinkRoute, schema: { tags: ['acquisition'], summary: 'What the customer who opens a link sees before adding', params: CodeParams, response: { 200: LinkPreviewDto } } },
      (request) => previewLink(deps.db, request.params.code),
    );

    app.post(
      '/api/v1/public/acquisition/links/:code/add',
      {
        config: publicLinkRoute,
        schema: { tags: ['acquisition'], summary: 'A customer clicks the link and adds a member (one unit is used)', params: CodeParams, body: LinkAddBody, response: { 200: LinkAddDto } },
      },
      async (request) => groupCommit((trx) => addThroughLink({ trx, now: request.now, log: request.log, registry: deps.registry }, request.params.code, request.body)),
    );

    app.get('/api/v1/acquisition/usage', { config: { auth: 'corp' }, schema: { tags: ['acquisition'], summary: '获客助手使用概况', response: { 200: UsageDto } } }, (request) => request.run(usage, undefined));

    app.get('/api/v1/acquisition/packs/quote', { config: { auth: 'corp' }, schema: { tags: ['acquisition'], summary: 'The price of a pack of units now, shown before buying', querystring: PackQuoteQuery, response: { 200: PriceQuoteDto } } }, (request) =>
      request.run(quote, request.query.units),
    );

    app.post('/api/v1/acquisition/packs', { config: { auth: 'corp' }, schema: { tags: ['acquisition'], summary: '购买指定使用量 with the balance', body: BuyPackBody, response: { 201: BuyPackDto } } }, async (request, reply) =>
      created(reply, request.run(buy, request.body)),
    );

    app.get('/api/v1/acquisition/authorizations', { config: { auth: 'corp' }, schema: { tags: ['acquisition'], response: { 200: AuthorizationList } } }, (request) => request.run(authorizations, undefined));

    app.post('/api/v1/acquisition/authorizations', { config: { auth: 'corp' }, schema: { tags: ['acquisition'], summary: 'Authorise the assistant to a third-party app or a 代开发 developer', body: NewAuthorizationBody, response: { 201: AuthorizationDto } } }, async (request, reply) =>
      created(reply, request.run(authorizeCommand, request.body)),
    );
  };
}
