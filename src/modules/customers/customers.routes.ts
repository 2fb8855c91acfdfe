import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../platform/deps.ts';
import { NoContent } from '../../platform/http/schemas.ts';
import { toIso } from '../../platform/clock.ts';
import { command } from '../../platform/command.ts';
import { created, noContent } from '../../platform/http/replies.ts';
import { requireMember } from '../../platform/policy/index.ts';
import {
  addCustomerAsMember,
  createGroup,
  customerEvent,
  customerOverview,
  deleteFriend,
  dissolveGroup,
  joinGroup,
  leaveGroup,
  listFriends,
  listGroups,
  oneWayTerm,
} from './customers.service.ts';
import { quotaLimit, TIERS } from './quota.service.ts';
import { buyTier, quoteTierForConfirmation } from './purchase.service.ts';
import { studentsRoutes } from './students.routes.ts';
import {
  AddCustomerBody,
  BuyTierBody,
  CustomerDto,
  CustomerEventBody,
  CustomerEventParams,
  CustomerParams,
  DissolveDto,
  FriendsPage,
  FriendsQuery,
  GroupCustomerParams,
  GroupDto,
  GroupList,
  GroupParams,
  JoinDto,
  JoinGroupBody,
  NewGroupBody,
  OverviewDto,
  QuotaDto,
  QuoteDto,
  QuoteQuery,
  ReleaseDto,
  TierPurchaseDto,
} from './customers.schema.ts';

const contact = { right: 'customers.contact', tx: 'plain' } as const;
const events = { right: 'customers.events', tx: 'plain' } as const;
const quota = { right: 'customers.quota', tx: 'read' } as const;

const overview = command({ right: 'customers.stats', tx: 'read' }, (ctx) => customerOverview(ctx.trx, ctx.corpId, ctx.now));
const friends = command({ right: 'customers.contact', tx: 'read' }, async (ctx, query: { oneWay?: boolean | undefined; cursor?: string | undefined; limit: number }) => ({
  ...(await listFriends(ctx.trx, ctx.corpId, requireMember(ctx).id, query)),
  oneWayTerm: await oneWayTerm(ctx.trx, ctx.corpId),
}));
const addFriend = command(contact, (ctx, input: Parameters<typeof addCustomerAsMember>[1]) => addCustomerAsMember(ctx, input));
const removeFriend = command(contact, (ctx, customerId: string) => deleteFriend(ctx, customerId));
const customerSide = command(events, (ctx, input: { memberId: string; customerId: string; event: Parameters<typeof customerEvent>[3] }) => customerEvent(ctx, input.memberId, input.customerId, input.event));
const groups = command({ right: 'customers.contact', tx: 'read' }, async (ctx) => ({ items: await listGroups(ctx.trx, ctx.corpId) }));
const newGroup = command(contact, (ctx, name: string) => createGroup(ctx, name));
const join = command(events, (ctx, input: { groupId: string; customer: Parameters<typeof joinGroup>[2] }) => joinGroup(ctx, input.groupId, input.customer));
const leave = command(events, (ctx, input: { groupId: string; customerId: string }) => leaveGroup(ctx, input.groupId, input.customerId));
const dissolve = command(events, (ctx, groupId: string) => dissolveGroup(ctx, groupId));
const quotaState = command(quota, async (ctx) => {
  const { limit, certified, tier } = await quotaLimit(ctx.trx, ctx.corpId, ctx.now);
  return { tiers: [...TIERS], limit, certified, tier: tier ? { size: tier.size, endsAt: toIso(tier.endsAt) } : null };
});
const quote = command(quota, (ctx, size: number) => quoteTierForConfirmation(ctx.trx, ctx.corpId, ctx.now, size));
const buy = command({ right: 'customers.quota', tx: 'plain' }, (ctx, input: { size: number; quotedFen: number; idempotencyKey: string }) => buyTier(ctx, input));

export function customersRoutes(_deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/customers/overview', { config: { auth: 'corp' }, schema: { tags: ['customers'], summary: '已服务 X 位, today’s new customers and the quota', response: { 200: OverviewDto } } }, (request) => request.run(overview, undefined));

    app.get('/api/v1/customers/friends', { config: { auth: 'corp' }, schema: { tags: ['customers'], summary: "The signed-in member's customers; oneWay=true lists 单向客户", querystring: FriendsQuery, response: { 200: FriendsPage } } }, (request) =>
      request.run(friends, { oneWay: request.query.oneWay, cursor: request.query.cursor, limit: request.query.limit ?? 50 }),
    );

    app.post('/api/v1/customers/friends', { config: { auth: 'corp' }, schema: { tags: ['customers'], summary: 'The signed-in member adds a customer', body: AddCustomerBody, response: { 201: CustomerDto } } }, async (request, reply) =>
      created(reply, request.run(addFriend, { ...request.body, addedBack: request.body.addedBack ?? true })),
    );

    app.delete('/api/v1/customers/friends/:customerId', { config: { auth: 'corp' }, schema: { tags: ['customers'], summary: 'The signed-in member deletes a customer (cannot be undone)', params: CustomerParams, response: { 200: ReleaseDto } } }, (request) =>
      request.run(removeFriend, request.params.customerId),
    );

    app.post(
      '/api/v1/customers/:customerId/members/:memberId/events',
      { config: { auth: 'corp' }, schema: { tags: ['customers'], summary: 'A customer-side event: added the member back, or deleted the member', params: CustomerEventParams, body: CustomerEventBody, response: { 204: NoContent } } },
      async (request, reply) => noContent(reply, request.run(customerSide, { ...request.params, event: request.body.event })),
    );

    app.get('/api/v1/customer-groups', { config: { auth: 'corp' }, schema: { tags: ['customers'], summary: 'Customer groups (客户群)', response: { 200: GroupList } } }, (request) => request.run(groups, undefined));

    app.post('/api/v1/customer-groups', { config: { auth: 'corp' }, schema: { tags: ['customers'], body: NewGroupBody, response: { 201: GroupDto } } }, async (request, reply) =>
      created(reply, request.run(newGroup, request.body.name)),
    );

    app.post('/api/v1/customer-groups/:groupId/customers', { config: { auth: 'corp' }, schema: { tags: ['customers'], summary: 'A customer joins the group', params: GroupParams, body: JoinGroupBody, response: { 200: JoinDto } } }, (request) =>
      request.run(join, { groupId: request.params.groupId, customer: request.body }),
    );

    app.delete('/api/v1/customer-groups/:groupId/customers/:customerId', { config: { auth: 'corp' }, schema: { tags: ['customers'], summary: 'A customer leaves the group', params: GroupCustomerParams, response: { 200: ReleaseDto } } }, (request) =>
      request.run(leave, request.params),
    );

    app.delete('/api/v1/customer-groups/:groupId', { config: { auth: 'corp' }, schema: { tags: ['customers'], summary: 'Dissolve the group (解散): its customers are let go', params: GroupParams, response: { 200: DissolveDto } } }, (request) =>
      request.run(dissolve, request.params.groupId),
    );

    app.get('/api/v1/customers/quota', { config: { auth: 'corp' }, schema: { tags: ['customers'], summary: '外部联系人规模: tiers, limit and the tier in force', response: { 200: QuotaDto } } }, (request) => request.run(quotaState, undefined));

    app.get('/api/v1/customers/quota/quote', { config: { auth: 'corp' }, schema: { tags: ['customers'], summary: 'The price of buying or upgrading to a tier now', querystring: QuoteQuery, response: { 200: QuoteDto } } }, (request) => request.run(quote, request.query.size));

    app.post('/api/v1/customers/quota/purchases', { config: { auth: 'corp' }, schema: { tags: ['customers'], summary: 'Buy or upgrade a tier with the wallet balance', body: BuyTierBody, response: { 201: TierPurchaseDto } } }, async (request, reply) =>
      created(reply, request.run(buy, request.body)),
    );

    await app.register(studentsRoutes);
  };
}
