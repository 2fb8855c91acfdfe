import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../platform/deps.ts';
import { command } from '../../platform/command.ts';
import { DomainError } from '../../platform/errors.ts';
import { noContent } from '../../platform/http/replies.ts';
import { NoContent } from '../../platform/http/schemas.ts';
import { callbackTarget, readCallback, saveCallback, type CallbackSettings } from './callbacks.service.ts';
import { listDeliveries, replayDelivery } from './deliveries.service.ts';
import { HookErrors } from './hooks.errors.ts';
import { AppParams, CallbackBody, CallbackDto, DeliveryPage, DeliveryParams, DeliveryQuery } from './hooks.schema.ts';
import { handshake } from './wire.ts';

// 接收消息 belongs to the app: whoever manages the app (authorizeApp in the services) sets it.
const target = command({ right: 'apps.use', tx: 'read' }, (ctx, appId: string) => callbackTarget(ctx, appId));
const read = command({ right: 'apps.use', tx: 'read' }, (ctx, appId: string) => readCallback(ctx, appId));
const save = command({ right: 'apps.use', tx: 'plain' }, (ctx, input: { appId: string; settings: CallbackSettings }) => saveCallback(ctx, input.appId, input.settings));
const deliveries = command({ right: 'apps.use', tx: 'read' }, (ctx, input: { appId: string; cursor?: string | undefined; limit: number }) => listDeliveries(ctx, input.appId, input));
const replay = command({ right: 'apps.use', tx: 'plain' }, (ctx, input: { appId: string; deliveryId: string }) => replayDelivery(ctx, input.appId, input.deliveryId));

const tags = ['callbacks'];

export function hookRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/apps/:appId/callback',
      { config: { auth: 'corp' }, schema: { tags, summary: '接收消息: the callback URL, Token and EncodingAESKey, or null when none is set', params: AppParams, response: { 200: Type.Object({ callback: Type.Union([CallbackDto, Type.Null()]) }) } } },
      async (request) => ({ callback: await request.run(read, request.params.appId) }),
    );

    app.put(
      '/api/v1/apps/:appId/callback',
      {
        config: { auth: 'corp' },
        schema: {
          tags,
          summary: 'Set the callback; the URL is verified first with WeCom’s GET handshake (an encrypted echostr it must answer decrypted) and nothing is saved when it fails',
          params: AppParams,
          body: CallbackBody,
          response: { 200: CallbackDto },
        },
      },
      async (request) => {
        // The handshake runs between the check and the save, outside any transaction: a slow receiver holds nothing.
        const { corpId } = await request.run(target, request.params.appId);
        const failure = await handshake({ corpId, ...request.body }, deps.clock.now());
        if (failure) throw new DomainError(HookErrors['hooks.url_verification_failed'], failure.reason === 'unreachable' ? { reason: failure.reason } : failure);
        return request.run(save, { appId: request.params.appId, settings: request.body });
      },
    );

    app.get(
      '/api/v1/apps/:appId/callback/deliveries',
      { config: { auth: 'corp' }, schema: { tags, summary: 'The delivery log of the app’s callbacks, newest first, with every attempt', params: AppParams, querystring: DeliveryQuery, response: { 200: DeliveryPage } } },
      (request) => request.run(deliveries, { appId: request.params.appId, cursor: request.query.cursor, limit: request.query.limit ?? 50 }),
    );

    app.post(
      '/api/v1/apps/:appId/callback/deliveries/:deliveryId/replay',
      { config: { auth: 'corp' }, schema: { tags, summary: 'Send a delivered or failed event again now, with the same event id', params: DeliveryParams, response: { 204: NoContent } } },
      async (request, reply) => noContent(reply, request.run(replay, request.params)),
    );
  };
}
