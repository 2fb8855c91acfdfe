import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../platform/deps.ts';
import { IsoDateTime, NoContent, NullableIsoDateTime, StrictObject } from '../../platform/http/schemas.ts';
import type { ReadCtx } from '../../platform/context.ts';
import { command } from '../../platform/command.ts';
import { created, noContent } from '../../platform/http/replies.ts';
import { authorizeApp } from '../../platform/policy/index.ts';
import { assignSeat, buySeats, getPlan, getSettings, listSeats, quoteSeatsForConfirmation, saveSettings, takeBackSeat } from './features.service.ts';
import { PriceQuoteDto, QuotedFen } from '../wallet/index.ts';
import type { Feature } from './features.tables.ts';

/** A token reads with its right; people need manage on the 高级功能 app (super admins hold it). */
async function byAppRight(ctx: ReadCtx): Promise<void> {
  if (ctx.actor.kind !== 'token') await authorizeApp(ctx, 'features', 'manage');
}
const read = { right: 'features.read', tx: 'read' } as const;
const manage = { right: 'features.manage', tx: 'plain' } as const;

const plan = command(read, async (ctx, feature: Feature) => {
  await byAppRight(ctx);
  return { ...(await getPlan(ctx.trx, ctx.corpId, feature, ctx.now)), seats: await listSeats(ctx.trx, ctx.corpId, feature) };
});
const quote = command(read, async (ctx, input: { feature: Feature; seats: number }) => {
  await byAppRight(ctx);
  return quoteSeatsForConfirmation(ctx.trx, ctx.corpId, input.feature, ctx.now, input.seats);
});
const buy = command(manage, async (ctx, input: { feature: Feature; seats: number; quotedFen: number; idempotencyKey: string }) => {
  await byAppRight(ctx);
  return buySeats(ctx, input.feature, input);
});
const give = command(manage, async (ctx, input: { feature: Feature; memberId: string }) => {
  await byAppRight(ctx);
  await assignSeat(ctx, input.feature, input.memberId);
});
const takeBack = command(manage, async (ctx, input: { feature: Feature; memberId: string }) => {
  await byAppRight(ctx);
  await takeBackSeat(ctx, input.feature, input.memberId);
});
const settings = command(read, async (ctx, feature: Feature) => {
  await byAppRight(ctx);
  return getSettings(ctx.trx, ctx.corpId, feature);
});
const saveSettingsCommand = command(manage, async (ctx, input: { feature: Feature; settings: Record<string, unknown> }) => {
  await byAppRight(ctx);
  return saveSettings(ctx, input.feature, input.settings);
});

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
const SeatQuoteFields = { seats: Type.Integer(), priceFen: Type.Integer(), kind: Type.Union([Type.Literal('new'), Type.Literal('add')]), endsAt: IsoDateTime };
const PurchaseDto = Type.Object(SeatQuoteFields);
const QuoteDto = Type.Object({ ...SeatQuoteFields, quote: PriceQuoteDto });
const BuyBody = StrictObject({ seats: Type.Integer({ minimum: 1, maximum: 100_000 }), quotedFen: QuotedFen, idempotencyKey: Type.String({ minLength: 8, maxLength: 80 }) });
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

export function featuresRoutes(_deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const corp = { auth: 'corp' } as const;
    app.get('/api/v1/features/:feature', { config: corp, schema: { tags: ['features'], summary: 'Seats bought, in use and given', params: FeatureParams, response: { 200: PlanDto } } }, (request) =>
      request.run(plan, request.params.feature),
    );

    app.get('/api/v1/features/:feature/quote', { config: corp, schema: { tags: ['features'], params: FeatureParams, querystring: QuoteQuery, response: { 200: QuoteDto } } }, (request) =>
      request.run(quote, { feature: request.params.feature, seats: request.query.seats }),
    );

    app.post('/api/v1/features/:feature/purchases', { config: corp, schema: { tags: ['features'], summary: 'Buy seats (super admins only; non-refundable)', params: FeatureParams, body: BuyBody, response: { 201: PurchaseDto } } }, async (request, reply) =>
      created(reply, request.run(buy, { feature: request.params.feature, ...request.body })),
    );

    app.put('/api/v1/features/:feature/seats/:memberId', { config: corp, schema: { tags: ['features'], summary: 'Give a seat to a member', params: SeatParams, response: { 204: NoContent } } }, async (request, reply) =>
      noContent(reply, request.run(give, request.params)),
    );

    app.delete('/api/v1/features/:feature/seats/:memberId', { config: corp, schema: { tags: ['features'], summary: 'Take a seat back (within 7 days of giving it)', params: SeatParams, response: { 204: NoContent } } }, async (request, reply) =>
      noContent(reply, request.run(takeBack, request.params)),
    );

    app.get('/api/v1/features/:feature/settings', { config: corp, schema: { tags: ['features'], params: FeatureParams, response: { 200: SecuritySettings } } }, (request) => request.run(settings, request.params.feature));

    app.put('/api/v1/features/:feature/settings', { config: corp, schema: { tags: ['features'], params: FeatureParams, body: SecuritySettings, response: { 200: SecuritySettings } } }, (request) =>
      request.run(saveSettingsCommand, { feature: request.params.feature, settings: request.body }),
    );
  };
}
