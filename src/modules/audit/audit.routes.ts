import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../platform/deps.ts';
import type { AuditQuery as Query } from '../../platform/audit.ts';
import { command } from '../../platform/command.ts';
import { exportMark } from '../../platform/export-marks.ts';
import { authorize } from '../../platform/policy/index.ts';
import { ExportLanguage, IsoDateTime, Page, PageQuery, StrictObject } from '../../platform/http/schemas.ts';
import { AUDIT_ACTIONS } from './audit.catalog.ts';
import { auditXlsx, readAudit } from './audit.service.ts';

const Outcome = Type.Union([Type.Literal('done'), Type.Literal('refused')], { description: '`refused`: an attempt that was refused; nothing else of it was written' });
const Role = Type.Union(
  [Type.Literal('creator'), Type.Literal('super_admin'), Type.Literal('hierarchical_admin'), Type.Literal('member'), Type.Literal('external'), Type.Literal('token'), Type.Literal('operator'), Type.Literal('account'), Type.Literal('system')],
  { description: "the actor's role in the enterprise now (`creator`: 创建者)" },
);
const Texts = Type.Object({ zh: Type.String(), en: Type.String() });

const AuditDto = Type.Object({
  id: Type.String(),
  at: IsoDateTime,
  actor: Type.Object({ kind: Type.String(), id: Type.String(), name: Type.String(), role: Role }),
  action: Type.String(),
  target: Type.Object({ type: Type.String(), id: Type.String(), name: Type.Union([Type.String(), Type.Null()], { description: 'what the target is called; null when it has no name' }) }),
  ip: Type.Union([Type.String(), Type.Null()]),
  outcome: Outcome,
  before: Type.Unknown(),
  after: Type.Unknown(),
});

const ActionDto = Type.Object({
  action: Type.String(),
  label: Texts,
  sentence: Type.Object({ zh: Type.String(), en: Type.String() }, { description: '`{actor}` and `{target}` stand for the names' }),
});

const filters = {
  action: Type.Optional(Type.String({ maxLength: 80, description: 'prefix of the action, e.g. `auth.` or `corp.update`' })),
  actorId: Type.Optional(Type.String({ maxLength: 40 })),
  outcome: Type.Optional(Outcome),
  from: Type.Optional(IsoDateTime),
  to: Type.Optional(IsoDateTime),
};
const AuditQuery = StrictObject({ ...PageQuery, ...filters });
const ExportQuery = StrictObject({ ...filters, lang: ExportLanguage });

const search = command({ right: 'audit.read', tx: 'read' }, (ctx, query: Query) => readAudit(ctx, query));
const actionList = Object.entries(AUDIT_ACTIONS).map(([action, text]) => ({ action, ...text }));
const ms = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));

export function auditRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['audit'];
    app.get('/api/v1/audit', { config: { auth: 'corp' }, schema: { tags, summary: "Search the enterprise's audit log, newest first", querystring: AuditQuery, response: { 200: Page(AuditDto) } } }, async (request) => {
      const q = request.query;
      return request.run(search, { cursor: q.cursor, limit: q.limit ?? 50, action: q.action, actorId: q.actorId, outcome: q.outcome, from: ms(q.from), to: ms(q.to) });
    });

    app.get('/api/v1/audit/actions', { config: { auth: 'corp' }, schema: { tags, summary: 'Every kind of action the audit log records, with its name and sentence in both languages', response: { 200: Type.Object({ items: Type.Array(ActionDto) }) } } }, async (request) => {
      await authorize(request.readCtx(), 'audit.read');
      return { items: actionList };
    });

    app.get('/api/v1/audit/export', { config: { auth: 'corp' }, schema: { tags, summary: 'Export the filtered audit log as .xlsx (streamed), sentences in the language asked', querystring: ExportQuery } }, async (request, reply) => {
      // Streamed after the handler returns, so it reads outside any command.
      const ctx = request.readCtx();
      await authorize(ctx, 'audit.read');
      const q = request.query;
      const name = q.lang === 'zh-CN' ? '操作日志.xlsx' : 'audit-log.xlsx';
      const mark = await exportMark(deps.registry, deps.db, ctx.corpId, ctx.actor, request.now, 'any');
      reply.header('content-disposition', `attachment; filename="audit-log.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(auditXlsx(ctx, { action: q.action, actorId: q.actorId, outcome: q.outcome, from: ms(q.from), to: ms(q.to) }, q.lang, mark));
    });
  };
}
