import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../platform/deps.ts';
import { NoContent, NullableIsoDateTime, StrictObject } from '../../platform/http/schemas.ts';
import { command } from '../../platform/command.ts';
import { createApp, deleteApp, listApps, recallAppMessage, rotateAppSecret, sendAppMessage, updateApp, type AppMessage, type NewApp } from './apps.service.ts';
import { noContent, created } from '../../platform/http/replies.ts';

const list = command({ right: 'apps.read', tx: 'read' }, (ctx) => listApps(ctx));
const create = command({ right: 'apps.create', tx: 'plain' }, (ctx, input: NewApp) => createApp(ctx, input));
const update = command({ right: 'apps.use', tx: 'plain' }, (ctx, input: { appId: string; patch: Partial<NewApp> }) => updateApp(ctx, input.appId, input.patch));
const rotateSecret = command({ right: 'apps.use', tx: 'plain' }, async (ctx, appId: string) => ({ secret: await rotateAppSecret(ctx, appId) }));
const remove = command({ right: 'apps.create', tx: 'plain' }, (ctx, appId: string) => deleteApp(ctx, appId));
export const send = command({ right: 'apps.use', tx: 'plain' }, (ctx, input: { appId: string; message: AppMessage }) => sendAppMessage(ctx, input.appId, input.message));
export const recall = command({ right: 'apps.use', tx: 'plain' }, (ctx, input: { appId: string; idempotencyKey: string }) => recallAppMessage(ctx, input.appId, input.idempotencyKey));

const tags = ['apps'];
const Ids = Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 1000 });
const VisibleRange = StrictObject({ memberIds: Ids, departmentIds: Ids, tagIds: Ids });
const AppDto = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('system'), Type.Literal('custom')]),
  name: Type.String(),
  description: Type.String(),
  visibleRange: Type.Union([Type.Object({ memberIds: Type.Array(Type.String()), departmentIds: Type.Array(Type.String()), tagIds: Type.Array(Type.String()) }), Type.Null()]),
  myRight: Type.Union([Type.Literal('send'), Type.Literal('manage'), Type.Null()]),
  createdAt: NullableIsoDateTime,
});
const AppName = Type.String({ minLength: 1, maxLength: 40 });
const Description = Type.String({ maxLength: 200 });
const AppParams = StrictObject({ appId: Type.String({ minLength: 1, maxLength: 40 }) });

export function appRoutes(_deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/apps', { config: { auth: 'corp' }, schema: { tags, summary: 'Apps the actor holds a right on', response: { 200: Type.Object({ items: Type.Array(AppDto) }) } } }, async (request) => ({
      items: await request.run(list, undefined),
    }));

    app.post(
      '/api/v1/apps',
      { config: { auth: 'corp' }, schema: { tags, summary: 'Create a custom app; its secret is shown only in this response', body: StrictObject({ name: AppName, description: Description, visibleRange: VisibleRange }), response: { 201: Type.Object({ app: AppDto, secret: Type.String() }) } } },
      async (request, reply) => created(reply, request.run(create, request.body)),
    );

    app.patch(
      '/api/v1/apps/:appId',
      { config: { auth: 'corp' }, schema: { tags, params: AppParams, body: StrictObject({ name: Type.Optional(AppName), description: Type.Optional(Description), visibleRange: Type.Optional(VisibleRange) }), response: { 200: AppDto } } },
      (request) => request.run(update, { appId: request.params.appId, patch: request.body }),
    );

    app.post('/api/v1/apps/:appId/secret', { config: { auth: 'corp' }, schema: { tags, summary: 'Replace the secret; shown once', params: AppParams, response: { 200: Type.Object({ secret: Type.String() }) } } }, (request) =>
      request.run(rotateSecret, request.params.appId),
    );

    app.delete('/api/v1/apps/:appId', { config: { auth: 'corp' }, schema: { tags, params: AppParams, response: { 204: NoContent } } }, async (request, reply) =>
      noContent(reply, request.run(remove, request.params.appId)),
    );

    app.post(
      '/api/v1/apps/:appId/messages',
      {
        config: { auth: 'corp' },
        schema: {
          tags,
          summary: "Send an app message (发消息) to members inside the sender's contacts rights",
          params: AppParams,
          body: StrictObject({
            recipients: StrictObject({ memberIds: Type.Optional(Ids), departmentIds: Type.Optional(Ids), tagIds: Type.Optional(Ids) }),
            title: Type.String({ minLength: 1, maxLength: 100 }),
            body: Type.String({ minLength: 1, maxLength: 2000 }),
            idempotencyKey: Type.String({ minLength: 1, maxLength: 64 }),
          }),
          response: { 200: Type.Object({ delivered: Type.Integer(), reached: Type.Integer(), outOfScope: Type.Integer() }) },
        },
      },
      (request) => request.run(send, { appId: request.params.appId, message: request.body }),
    );

    app.post(
      '/api/v1/apps/:appId/messages/:idempotencyKey/recall',
      {
        config: { auth: 'corp' },
        schema: {
          tags,
          summary: 'Recall (撤回) a message the app sent with this idempotency key, within 24 hours: it leaves every inbox it reached',
          params: StrictObject({ appId: Type.String({ minLength: 1, maxLength: 40 }), idempotencyKey: Type.String({ minLength: 1, maxLength: 64 }) }),
          response: { 204: NoContent },
        },
      },
      async (request, reply) => noContent(reply, request.run(recall, request.params)),
    );
  };
}
