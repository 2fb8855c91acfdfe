import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../platform/deps.ts';
import { NoContent, NullableIsoDateTime, IsoDateTime, PageQuery, StrictObject } from '../../platform/http/schemas.ts';
import { authorize, requireMember } from '../admin/authorizer.ts';
import { listInbox, markAllRead, markRead } from './inbox.service.ts';

const InboxItem = Type.Object({
  id: Type.String(),
  app: Type.String(),
  title: Type.String(),
  body: Type.String(),
  link: Type.Union([Type.String(), Type.Null()]),
  createdAt: IsoDateTime,
  readAt: NullableIsoDateTime,
});
const InboxPage = Type.Object({ items: Type.Array(InboxItem), nextCursor: Type.Union([Type.String(), Type.Null()]), unread: Type.Integer() });

export function inboxRoutes(_deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/inbox', { config: { auth: 'corp' }, schema: { tags: ['inbox'], summary: "The signed-in member's messages, newest first", querystring: StrictObject(PageQuery), response: { 200: InboxPage } } }, async (request) => {
      const ctx = request.ctx();
      await authorize(ctx, 'inbox.read');
      return listInbox(ctx.trx, ctx.corpId, requireMember(ctx).id, { cursor: request.query.cursor, limit: request.query.limit ?? 50 });
    });

    app.post(
      '/api/v1/inbox/:messageId/read',
      { config: { auth: 'corp' }, schema: { tags: ['inbox'], params: StrictObject({ messageId: Type.String({ maxLength: 40 }) }), response: { 204: NoContent } } },
      async (request, reply) => {
        const ctx = request.ctx();
        await authorize(ctx, 'inbox.read');
        await markRead(ctx, requireMember(ctx).id, request.params.messageId);
        return reply.status(204).send(null);
      },
    );

    app.post('/api/v1/inbox/read-all', { config: { auth: 'corp' }, schema: { tags: ['inbox'], response: { 204: NoContent } } }, async (request, reply) => {
      const ctx = request.ctx();
      await authorize(ctx, 'inbox.read');
      await markAllRead(ctx, requireMember(ctx).id);
      return reply.status(204).send(null);
    });
  };
}
