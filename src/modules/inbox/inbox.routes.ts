import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../platform/deps.ts';
import { NoContent, NullableIsoDateTime, IsoDateTime, PageQuery, StrictObject } from '../../platform/http/schemas.ts';
import { command } from '../../platform/command.ts';
import { noContent } from '../../platform/http/replies.ts';
import { requireMember } from '../../platform/policy/index.ts';
import { NoticeText } from '../../platform/notice.ts';
import { listInbox, markAllRead, markRead } from './inbox.service.ts';

const list = command({ right: 'inbox.read', tx: 'read' }, (ctx, page: { cursor?: string | undefined; limit: number }) => listInbox(ctx.trx, ctx.corpId, requireMember(ctx).id, page));
const read = command({ right: 'inbox.read', tx: 'plain' }, (ctx, messageId: string) => markRead(ctx, requireMember(ctx).id, messageId));
const readAll = command({ right: 'inbox.read', tx: 'plain' }, (ctx) => markAllRead(ctx, requireMember(ctx).id));

const InboxItem = Type.Object({
  id: Type.String(),
  app: Type.String({ description: "who sent it: a built-in app's or module's code (approvals, attendance, features, docs) or a custom app's id" }),
  appName: Type.Union([Type.String(), Type.Null()], { description: "a custom app's name as the enterprise wrote it; null for a built-in app (the console names it by `app` in the reader's language) or a deleted one" }),
  title: Type.String(),
  body: Type.String(),
  link: Type.Union([Type.String(), Type.Null()]),
  text: Type.Union([NoticeText, Type.Null()], { description: "what the console shows in the reader's language (a module's notice); null for an app's message, shown as written" }),
  createdAt: IsoDateTime,
  readAt: NullableIsoDateTime,
});
const InboxPage = Type.Object({ items: Type.Array(InboxItem), nextCursor: Type.Union([Type.String(), Type.Null()]), unread: Type.Integer() });

export function inboxRoutes(_deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/inbox', { config: { auth: 'corp' }, schema: { tags: ['inbox'], summary: "The signed-in member's messages, newest first", querystring: StrictObject(PageQuery), response: { 200: InboxPage } } }, (request) =>
      request.run(list, { cursor: request.query.cursor, limit: request.query.limit ?? 50 }),
    );

    app.post(
      '/api/v1/inbox/:messageId/read',
      { config: { auth: 'corp' }, schema: { tags: ['inbox'], params: StrictObject({ messageId: Type.String({ maxLength: 40 }) }), response: { 204: NoContent } } },
      async (request, reply) => noContent(reply, request.run(read, request.params.messageId)),
    );

    app.post('/api/v1/inbox/read-all', { config: { auth: 'corp' }, schema: { tags: ['inbox'], response: { 204: NoContent } } }, async (request, reply) =>
      noContent(reply, request.run(readAll, undefined)),
    );
  };
}
