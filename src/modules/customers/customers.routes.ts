import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../platform/deps.ts';
import { NoContent } from '../../platform/http/schemas.ts';
import { toIso } from '../../platform/clock.ts';
import { authorize, defineRights, requireMember } from '../admin/authorizer.ts';
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
  oneWayLabel,
} from './customers.service.ts';
import { quotaLimit, quoteTier, TIERS } from './quota.service.ts';
import { buyTier } from './purchase.service.ts';
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
} from './customers.schema.ts';

defineRights({
  // A member's own customers and groups (客户联系).
  'customers.contact': { member: true },
  // 客户总数 / 今日新增 / 已服务 X 位, and buying a quota tier (the wallet checks the spending rule).
  'customers.stats': { token: { zh: '读取客户统计', en: 'Read customer statistics' } },
  'customers.quota': { member: true },
  // Events from the customer's side (added back, deleted the member, joined or left a group).
  'customers.events': { token: { zh: '同步客户侧事件', en: 'Sync customer-side events' } },
});

export function customersRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/customers/overview', { config: { auth: 'corp' }, schema: { tags: ['customers'], summary: '已服务 X 位, today’s new customers and the quota', response: { 200: OverviewDto } } }, async (request) => {
      const ctx = request.ctx();
      await authorize(ctx, 'customers.stats');
      return customerOverview(ctx.trx, ctx.corpId, ctx.now);
    });

    app.get('/api/v1/customers/friends', { config: { auth: 'corp' }, schema: { tags: ['customers'], summary: "The signed-in member's customers; oneWay=true lists 单向客户", querystring: FriendsQuery, response: { 200: FriendsPage } } }, async (request) => {
      const ctx = request.ctx();
      await authorize(ctx, 'customers.contact');
      const page = await listFriends(ctx.trx, ctx.corpId, requireMember(ctx).id, { oneWay: request.query.oneWay, cursor: request.query.cursor, limit: request.query.limit ?? 50 });
      return { ...page, oneWayLabel: await oneWayLabel(ctx.trx, ctx.corpId) };
    });

    app.post('/api/v1/customers/friends', { config: { auth: 'corp' }, schema: { tags: ['customers'], summary: 'The signed-in member adds a customer', body: AddCustomerBody, response: { 201: CustomerDto } } }, async (request, reply) => {
      const added = await deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'customers.contact');
        return addCustomerAsMember(ctx, { ...request.body, addedBack: request.body.addedBack ?? true });
      });
      return reply.status(201).send(added);
    });

    app.delete('/api/v1/customers/friends/:customerId', { config: { auth: 'corp' }, schema: { tags: ['customers'], summary: 'The signed-in member deletes a customer (cannot be undone)', params: CustomerParams, response: { 200: ReleaseDto } } }, async (request) =>
      deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'customers.contact');
        return deleteFriend(ctx, request.params.customerId);
      }),
    );

    app.post(
      '/api/v1/customers/:customerId/members/:memberId/events',
      { config: { auth: 'corp' }, schema: { tags: ['customers'], summary: 'A customer-side event: added the member back, or deleted the member', params: CustomerEventParams, body: CustomerEventBody, response: { 204: NoContent } } },
      async (request, reply) => {
        await deps.db.transaction().execute(async (trx) => {
          const ctx = request.ctx(trx);
          await authorize(ctx, 'customers.events');
          await customerEvent(ctx, request.params.memberId, request.params.customerId, request.body.event);
        });
        return reply.status(204).send(null);
      },
    );

    app.get('/api/v1/customer-groups', { config: { auth: 'corp' }, schema: { tags: ['customers'], summary: 'Customer groups (客户群)', response: { 200: GroupList } } }, async (request) => {
      const ctx = request.ctx();
      await authorize(ctx, 'customers.contact');
      return { items: await listGroups(ctx.trx, ctx.corpId) };
    });

    app.post('/api/v1/customer-groups', { config: { auth: 'corp' }, schema: { tags: ['customers'], body: NewGroupBody, response: { 201: GroupDto } } }, async (request, reply) => {
      const group = await deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'customers.contact');
        return createGroup(ctx, request.body.name);
      });
      return reply.status(201).send(group);
    });

    app.post('/api/v1/customer-groups/:groupId/customers', { config: { auth: 'corp' }, schema: { tags: ['customers'], summary: 'A customer joins the group', params: GroupParams, body: JoinGroupBody, response: { 200: JoinDto } } }, async (request) =>
      deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'customers.events');
        return joinGroup(ctx, request.params.groupId, request.body);
      }),
    );

    app.delete('/api/v1/customer-groups/:groupId/customers/:customerId', { config: { auth: 'corp' }, schema: { tags: ['customers'], summary: 'A customer leaves the group', params: GroupCustomerParams, response: { 200: ReleaseDto } } }, async (request) =>
      deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'customers.events');
        return leaveGroup(ctx, request.params.groupId, request.params.customerId);
      }),
    );

    app.delete('/api/v1/customer-groups/:groupId', { config: { auth: 'corp' }, schema: { tags: ['customers'], summary: 'Dissolve the group (解散): its customers are let go', params: GroupParams, response: { 200: DissolveDto } } }, async (request) =>
      deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'customers.events');
        return dissolveGroup(ctx, request.params.groupId);
      }),
    );

    app.get('/api/v1/customers/quota', { config: { auth: 'corp' }, schema: { tags: ['customers'], summary: '外部联系人规模: tiers, limit and the tier in force', response: { 200: QuotaDto } } }, async (request) => {
      const ctx = request.ctx();
      await authorize(ctx, 'customers.quota');
      const { limit, certified, tier } = await quotaLimit(ctx.trx, ctx.corpId, ctx.now);
      return { tiers: [...TIERS], limit, certified, tier: tier ? { size: tier.size, endsAt: toIso(tier.endsAt) } : null };
    });

    app.get('/api/v1/customers/quota/quote', { config: { auth: 'corp' }, schema: { tags: ['customers'], summary: 'The price of buying or upgrading to a tier now', querystring: QuoteQuery, response: { 200: QuoteDto } } }, async (request) => {
      const ctx = request.ctx();
      await authorize(ctx, 'customers.quota');
      return quoteTier(ctx.trx, ctx.corpId, ctx.now, request.query.size);
    });

    app.post('/api/v1/customers/quota/purchases', { config: { auth: 'corp' }, schema: { tags: ['customers'], summary: 'Buy or upgrade a tier with the wallet balance', body: BuyTierBody, response: { 201: QuoteDto } } }, async (request, reply) => {
      const bought = await deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'customers.quota');
        return buyTier(ctx, request.body.size, request.body.idempotencyKey);
      });
      return reply.status(201).send(bought);
    });
  };
}
