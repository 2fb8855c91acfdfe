import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../platform/deps.ts';
import { searchAudit, type AuditQuery as Query } from '../../platform/audit.ts';
import { command } from '../../platform/command.ts';
import { IsoDateTime, Page, PageQuery, StrictObject } from '../../platform/http/schemas.ts';

const Outcome = Type.Union([Type.Literal('done'), Type.Literal('refused')], { description: '`refused`: an attempt that was refused; nothing else of it was written' });

const AuditDto = Type.Object({
  id: Type.String(),
  at: IsoDateTime,
  actor: Type.Object({ kind: Type.String(), id: Type.String(), name: Type.String() }),
  action: Type.String(),
  target: Type.Object({ type: Type.String(), id: Type.String() }),
  ip: Type.Union([Type.String(), Type.Null()]),
  outcome: Outcome,
  before: Type.Unknown(),
  after: Type.Unknown(),
});

const AuditQuery = StrictObject({
  ...PageQuery,
  action: Type.Optional(Type.String({ maxLength: 80, description: 'prefix of the action, e.g. `auth.` or `corp.update`' })),
  actorId: Type.Optional(Type.String({ maxLength: 40 })),
  outcome: Type.Optional(Outcome),
  from: Type.Optional(IsoDateTime),
  to: Type.Optional(IsoDateTime),
});

const search = command({ right: 'audit.read', tx: 'read' }, (ctx, query: Query) => searchAudit(ctx, query));

export function auditRoutes(_deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/audit', { config: { auth: 'corp' }, schema: { tags: ['audit'], summary: "Search the enterprise's audit log, newest first", querystring: AuditQuery, response: { 200: Page(AuditDto) } } }, async (request) => {
      const q = request.query;
      return request.run(search, {
        cursor: q.cursor,
        limit: q.limit ?? 50,
        action: q.action,
        actorId: q.actorId,
        outcome: q.outcome,
        from: q.from === undefined ? undefined : Date.parse(q.from),
        to: q.to === undefined ? undefined : Date.parse(q.to),
      });
    });
  };
}
