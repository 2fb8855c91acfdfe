import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../platform/deps.ts';
import { IsoDateTime, NoContent, NullableIsoDateTime, StrictObject } from '../../platform/http/schemas.ts';
import type { Ctx } from '../../platform/context.ts';
import { authorizeApp, can, defineRights } from '../admin/authorizer.ts';
import { assignSeat, buySeats, freeSeatsOfMember, getPlan, getSettings, listSeats, quoteSeats, saveSettings, takeBackSeat } from './features.service.ts';

defineRights({
  'features.read': { token: { zh: '查看高级功能', en: 'Read advanced features' } },
});

/**
 * Super admins, and hierarchical admins given the 高级功能 app to manage, manage seats and
 * settings; buying is further limited to super admins in the service. Tokens may read.
 */
async function authorizeFeatures(ctx: Ctx, mode: 'read' | 'manage'): Promise<void> {
  if (mode === 'read' && (await can(ctx, 'features.read'))) return;
  await authorizeApp(ctx, 'features', 'manage');
}

const FeatureParam = Type.Literal('security');
const FeatureParams = StrictObject({ feature: FeatureParam });
const SeatParams = StrictObject({ feature: FeatureParam, memberId: Type.String({ maxLength: 40 }) });
const PlanDto = Type.Object({
  feature: FeatureParam,
  seatsBought: Type.Integer(),
  seatsUsed: Type.Integer(),
  activeUntil: NullableIsoDateTime,
  active: Type.Boolean(),
  seatPriceFen: Type.Integer(),
  refundable: Type.Boolean(),
  seats: Type.Array(Type.Object({ memberId: Type.String(), memberName: Type.String(), assignedAt: IsoDateTime, assignedBy: Type.String(), takeBackUntil: IsoDateTime })),
});
const QuoteQuery = StrictObject({ seats: Type.Integer({ minimum: 1, maximum: 100_000 }) });
const QuoteDto = Type.Object({ seats: Type.Integer(), priceFen: Type.Integer(), kind: Type.Union([Type.Literal('new'), Type.Literal('add')]), endsAt: IsoDateTime });
const BuyBody = StrictObject({ seats: Type.Integer({ minimum: 1, maximum: 100_000 }), idempotencyKey: Type.String({ minLength: 8, maxLength: 80 }) });
/** 安全管理's switches (文件防泄漏, 设备管理, 明水印, 暗水印, 数据资产交接, 截屏/录屏管控, IP 访问限制, 分享到外部管理). */
const SecuritySettings = StrictObject({
  fileLeakProtection: Type.Optional(Type.Boolean()),
  deviceManagement: Type.Optional(Type.Boolean()),
  visibleWatermark: Type.Optional(Type.Boolean()),
  hiddenWatermark: Type.Optional(Type.Boolean()),
  assetHandover: Type.Optional(Type.Boolean()),
  screenCaptureControl: Type.Optional(Type.Boolean()),
  ipRestriction: Type.Optional(Type.Boolean()),
  shareToExternalControl: Type.Optional(Type.Boolean()),
});

export function featuresRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  deps.outbox.on('member.departed', 'features.free-seat', async (trx, event, now) => {
    const { memberId } = event.payload as { memberId: string };
    await freeSeatsOfMember({ corpId: event.corpId, trx, now }, memberId);
  });

  return async (app) => {
    app.get('/api/v1/features/:feature', { config: { auth: 'corp' }, schema: { tags: ['features'], summary: 'Seats bought, in use and given', params: FeatureParams, response: { 200: PlanDto } } }, async (request) => {
      const ctx = request.ctx();
      await authorizeFeatures(ctx, 'read');
      return { ...(await getPlan(ctx.trx, ctx.corpId, request.params.feature, ctx.now)), seats: await listSeats(ctx.trx, ctx.corpId, request.params.feature) };
    });

    app.get('/api/v1/features/:feature/quote', { config: { auth: 'corp' }, schema: { tags: ['features'], params: FeatureParams, querystring: QuoteQuery, response: { 200: QuoteDto } } }, async (request) => {
      const ctx = request.ctx();
      await authorizeFeatures(ctx, 'read');
      return quoteSeats(ctx.trx, ctx.corpId, request.params.feature, ctx.now, request.query.seats);
    });

    app.post('/api/v1/features/:feature/purchases', { config: { auth: 'corp' }, schema: { tags: ['features'], summary: 'Buy seats (super admins only; non-refundable)', params: FeatureParams, body: BuyBody, response: { 201: QuoteDto } } }, async (request, reply) => {
      const bought = await deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorizeFeatures(ctx, 'manage');
        return buySeats(ctx, request.params.feature, request.body.seats, request.body.idempotencyKey);
      });
      return reply.status(201).send(bought);
    });

    app.put('/api/v1/features/:feature/seats/:memberId', { config: { auth: 'corp' }, schema: { tags: ['features'], summary: 'Give a seat to a member', params: SeatParams, response: { 204: NoContent } } }, async (request, reply) => {
      await deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorizeFeatures(ctx, 'manage');
        await assignSeat(ctx, request.params.feature, request.params.memberId);
      });
      return reply.status(204).send(null);
    });

    app.delete('/api/v1/features/:feature/seats/:memberId', { config: { auth: 'corp' }, schema: { tags: ['features'], summary: 'Take a seat back (within 7 days of giving it)', params: SeatParams, response: { 204: NoContent } } }, async (request, reply) => {
      await deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorizeFeatures(ctx, 'manage');
        await takeBackSeat(ctx, request.params.feature, request.params.memberId);
      });
      return reply.status(204).send(null);
    });

    app.get('/api/v1/features/:feature/settings', { config: { auth: 'corp' }, schema: { tags: ['features'], params: FeatureParams, response: { 200: SecuritySettings } } }, async (request) => {
      const ctx = request.ctx();
      await authorizeFeatures(ctx, 'read');
      return getSettings(ctx.trx, ctx.corpId, request.params.feature);
    });

    app.put('/api/v1/features/:feature/settings', { config: { auth: 'corp' }, schema: { tags: ['features'], params: FeatureParams, body: SecuritySettings, response: { 200: SecuritySettings } } }, async (request) =>
      deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorizeFeatures(ctx, 'manage');
        return saveSettings(ctx, request.params.feature, request.body);
      }),
    );
  };
}
