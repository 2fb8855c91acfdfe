import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../platform/deps.ts';
import { NoContent, NullableIsoDateTime, StrictObject } from '../../platform/http/schemas.ts';
import { authorize, defineRights } from '../admin/authorizer.ts';
import { createApp, deleteApp, listApps, rotateAppSecret, sendAppMessage, updateApp } from './apps.service.ts';

defineRights({
  'apps.read': { hierarchical: 'any', token: { zh: '读取应用列表', en: 'Read the apps' } },
  'apps.create': {},
  // Per-app rights (send / manage) are checked by authorizeApp on the app itself.
  'apps.use': { hierarchical: 'apps' },
});

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

export function appRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/apps', { config: { auth: 'corp' }, schema: { tags, summary: 'Apps the actor holds a right on', response: { 200: Type.Object({ items: Type.Array(AppDto) }) } } }, async (request) =>
      deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'apps.read');
        return { items: await listApps(ctx) };
      }),
    );

    app.post(
      '/api/v1/apps',
      { config: { auth: 'corp' }, schema: { tags, summary: 'Create a custom app; its secret is shown only in this response', body: StrictObject({ name: AppName, description: Description, visibleRange: VisibleRange }), response: { 201: Type.Object({ app: AppDto, secret: Type.String() }) } } },
      async (request, reply) => {
        const created = await deps.db.transaction().execute(async (trx) => {
          const ctx = request.ctx(trx);
          await authorize(ctx, 'apps.create');
          return createApp(ctx, request.body);
        });
        return reply.status(201).send(created);
      },
    );

    app.patch(
      '/api/v1/apps/:appId',
      { config: { auth: 'corp' }, schema: { tags, params: AppParams, body: StrictObject({ name: Type.Optional(AppName), description: Type.Optional(Description), visibleRange: Type.Optional(VisibleRange) }), response: { 200: AppDto } } },
      async (request) =>
        deps.db.transaction().execute(async (trx) => {
          const ctx = request.ctx(trx);
          await authorize(ctx, 'apps.use');
          return updateApp(ctx, request.params.appId, request.body);
        }),
    );

    app.post('/api/v1/apps/:appId/secret', { config: { auth: 'corp' }, schema: { tags, summary: 'Replace the secret; shown once', params: AppParams, response: { 200: Type.Object({ secret: Type.String() }) } } }, async (request) =>
      deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'apps.use');
        return { secret: await rotateAppSecret(ctx, request.params.appId) };
      }),
    );

    app.delete('/api/v1/apps/:appId', { config: { auth: 'corp' }, schema: { tags, params: AppParams, response: { 204: NoContent } } }, async (request, reply) => {
      await deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'apps.create');
        await deleteApp(ctx, request.params.appId);
      });
      return reply.status(204).send(null);
    });

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
      async (request) =>
        deps.db.transaction().execute(async (trx) => {
          const ctx = request.ctx(trx);
          await authorize(ctx, 'apps.use');
          return sendAppMessage(ctx, request.params.appId, request.body);
        }),
    );
  };
}
