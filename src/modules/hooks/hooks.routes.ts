import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../platform/deps.ts';
import { command } from '../../platform/command.ts';
import { DomainError } from '../../platform/errors.ts';
import { created, noContent } from '../../platform/http/replies.ts';
import { NoContent } from '../../platform/http/schemas.ts';
import { callbackTarget, readCallback, saveCallback, type CallbackSettings } from './callbacks.service.ts';
import { allowPrivateReceivers, listDeliveries, replayDelivery } from './deliveries.service.ts';
import { HookErrors } from './hooks.errors.ts';
import { AppParams, CallbackBody, CallbackDto, DeliveryPage, DeliveryParams, DeliveryQuery, WebhookBody, WebhookDeliveryParams, WebhookDto, WebhookEventType, WebhookParams, WebhookSecret } from './hooks.schema.ts';
import { createWebhook, deleteWebhook, listWebhooks, replayWebhookDelivery, rotateWebhookSecret, updateWebhook, webhookDeliveries, WEBHOOK_EVENT_TYPES, type WebhookInput } from './webhooks.service.ts';
import { handshake, privateAddressOf } from './wire.ts';

// 接收消息 belongs to the app: whoever manages the app (authorizeApp in the services) sets it.
const target = command({ right: 'apps.use', tx: 'read' }, (ctx, appId: string) => callbackTarget(ctx, appId));
const read = command({ right: 'apps.use', tx: 'read' }, (ctx, appId: string) => readCallback(ctx, appId));
const save = command({ right: 'apps.use', tx: 'plain' }, (ctx, input: { appId: string; settings: CallbackSettings }) => saveCallback(ctx, input.appId, input.settings));
const deliveries = command({ right: 'apps.use', tx: 'read' }, (ctx, input: { appId: string; cursor?: string | undefined; limit: number }) => listDeliveries(ctx, input.appId, input));
const replay = command({ right: 'apps.use', tx: 'plain' }, (ctx, input: { appId: string; deliveryId: string }) => replayDelivery(ctx, input.appId, input.deliveryId));

const webhooks = command({ right: 'hooks.webhooks', tx: 'read' }, async (ctx) => ({ items: await listWebhooks(ctx) }));
const newWebhook = command({ right: 'hooks.webhooks', tx: 'plain' }, (ctx, input: WebhookInput) => createWebhook(ctx, input));
const editWebhook = command({ right: 'hooks.webhooks', tx: 'plain' }, (ctx, input: { webhookId: string; settings: WebhookInput }) => updateWebhook(ctx, input.webhookId, input.settings));
const removeWebhook = command({ right: 'hooks.webhooks', tx: 'plain' }, (ctx, webhookId: string) => deleteWebhook(ctx, webhookId));
const rotate = command({ right: 'hooks.webhooks', tx: 'plain' }, (ctx, webhookId: string) => rotateWebhookSecret(ctx, webhookId));
const webhookLog = command({ right: 'hooks.webhooks', tx: 'read' }, (ctx, input: { webhookId: string; cursor?: string | undefined; limit: number }) => webhookDeliveries(ctx, input.webhookId, input));
const webhookReplay = command({ right: 'hooks.webhooks', tx: 'plain' }, (ctx, input: { webhookId: string; deliveryId: string }) => replayWebhookDelivery(ctx, input.webhookId, input.deliveryId));

const tags = ['callbacks'];

export function hookRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  const allowPrivate = deps.config.allowPrivateCallbacks;
  allowPrivateReceivers(deps.registry, allowPrivate);
  /** Refuses a receiver at an internal address unless the server allows them (checked again before every POST). */
  const refusePrivate = async (url: string) => {
    const address = await privateAddressOf(url, allowPrivate);
    if (address !== undefined) throw new DomainError(HookErrors['hooks.url_private'], { address });
  };
  const settingsOf = (body: { url: string; description?: string | undefined; eventTypes: WebhookInput['eventTypes']; enabled?: boolean | undefined }): WebhookInput => ({
    url: body.url,
    description: body.description ?? '',
    eventTypes: body.eventTypes,
    enabled: body.enabled ?? true,
  });
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
        await refusePrivate(request.body.url);
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

    // ------------------------------------------------------------------ Banyan's own webhooks
    const hookTags = ['webhooks'];
    app.get(
      '/api/v1/webhooks/event-types',
      { config: { auth: 'corp' }, schema: { tags: hookTags, summary: 'The event types a webhook can subscribe to', response: { 200: Type.Object({ items: Type.Array(WebhookEventType) }) } } },
      async (request) => {
        await request.run(webhooks, undefined);
        return { items: [...WEBHOOK_EVENT_TYPES] };
      },
    );

    app.get('/api/v1/webhooks', { config: { auth: 'corp' }, schema: { tags: hookTags, summary: 'The enterprise’s webhooks (their secrets are not shown again)', response: { 200: Type.Object({ items: Type.Array(WebhookDto) }) } } }, (request) =>
      request.run(webhooks, undefined),
    );

    app.post(
      '/api/v1/webhooks',
      {
        config: { auth: 'corp' },
        schema: { tags: hookTags, summary: 'Subscribe a URL to event types; answers the signing secret, shown this once', body: WebhookBody, response: { 201: Type.Object({ webhook: WebhookDto, secret: Type.String() }) } },
      },
      async (request, reply) => {
        await refusePrivate(request.body.url);
        return created(reply, request.run(newWebhook, settingsOf(request.body)));
      },
    );

    app.put(
      '/api/v1/webhooks/:webhookId',
      { config: { auth: 'corp' }, schema: { tags: hookTags, summary: 'Change a webhook’s URL, description, event types or whether it is on', params: WebhookParams, body: WebhookBody, response: { 200: WebhookDto } } },
      async (request) => {
        await refusePrivate(request.body.url);
        return request.run(editWebhook, { webhookId: request.params.webhookId, settings: settingsOf(request.body) });
      },
    );

    app.delete('/api/v1/webhooks/:webhookId', { config: { auth: 'corp' }, schema: { tags: hookTags, params: WebhookParams, response: { 204: NoContent } } }, async (request, reply) =>
      noContent(reply, request.run(removeWebhook, request.params.webhookId)),
    );

    app.post(
      '/api/v1/webhooks/:webhookId/secret',
      { config: { auth: 'corp' }, schema: { tags: hookTags, summary: 'A new signing secret, shown this once; the old one stops at once', params: WebhookParams, response: { 200: WebhookSecret } } },
      (request) => request.run(rotate, request.params.webhookId),
    );

    app.get(
      '/api/v1/webhooks/:webhookId/deliveries',
      { config: { auth: 'corp' }, schema: { tags: hookTags, summary: 'The webhook’s delivery log, newest first, with every attempt', params: WebhookParams, querystring: DeliveryQuery, response: { 200: DeliveryPage } } },
      (request) => request.run(webhookLog, { webhookId: request.params.webhookId, cursor: request.query.cursor, limit: request.query.limit ?? 50 }),
    );

    app.post(
      '/api/v1/webhooks/:webhookId/deliveries/:deliveryId/replay',
      { config: { auth: 'corp' }, schema: { tags: hookTags, summary: 'Send a delivered or failed event again now, with the same event id', params: WebhookDeliveryParams, response: { 204: NoContent } } },
      async (request, reply) => noContent(reply, request.run(webhookReplay, request.params)),
    );
  };
}
