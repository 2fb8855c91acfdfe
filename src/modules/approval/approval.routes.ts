import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../platform/deps.ts';
import { commandRunner } from '../../platform/db/group-commit.ts';
import { NoContent } from '../../platform/http/schemas.ts';
import { authorize, authorizeApp, defineRights, requireMember } from '../admin/authorizer.ts';
import {
  ActionBody,
  ActionResultDto,
  DetailDto,
  EditBody,
  HandoverBody,
  IdempotencyHeaders,
  ListDto,
  ListQuery,
  PreviewBody,
  PeopleDto,
  PeopleQuery,
  PreviewDto,
  RequestParams,
  SubmitBody,
  TaskParams,
  TemplateDto,
  TemplateInput,
  TemplateList,
  TemplateParams,
  UpdateTemplateBody,
} from './approval.schema.ts';
import { archiveTemplate, createTemplate, getTemplate, listTemplates, updateTemplate } from './templates.service.ts';
import { actOnTask, adminHandOver, onMemberDeparted, previewRequest, requestEdit, submitRequest, withdrawRequest } from './engine.service.ts';
import { choosablePeople, getRequest, listRequests } from './queries.service.ts';
import type { Ctx } from '../../platform/context.ts';
import type { ResolvedPath } from './resolver.ts';

defineRights({ 'approvals.use': { member: true } });

const tags = ['approvals'];

/** Names of everyone a preview mentions, so the console can show people, not ids. */
async function withNames(ctx: Ctx, path: ResolvedPath) {
  const ids = [...new Set(path.steps.flatMap((s) => s.assigneeIds))];
  const rows = ids.length ? await ctx.trx.selectFrom('members').select(['id', 'name']).where('corp_id', '=', ctx.corpId).where('id', 'in', ids).execute() : [];
  return { ...path, names: Object.fromEntries(rows.map((r) => [r.id, r.name])) };
}

export function approvalRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  // 成员离职时: the directory reports a departure; open tasks follow their node kind's rule.
  deps.outbox.on('member.departed', 'approval.handover', async (trx, event, now) => {
    const { memberId } = event.payload as { memberId: string };
    await onMemberDeparted({ corpId: event.corpId, trx, now }, memberId);
  });
  // Submissions and actions are short writes: group-committed on SQLite.
  const command = commandRunner(deps.db, deps.dialect);

  return async (app) => {
    // ---- Admin: templates (admins with manage on the approvals app) ----
    app.get('/api/v1/approvals/templates', { config: { auth: 'corp' }, schema: { tags, summary: 'Approval templates (members see the ones in use)', response: { 200: TemplateList } } }, async (request) => {
      const ctx = request.ctx();
      await authorize(ctx, 'approvals.use');
      let admin = true;
      try {
        await authorizeApp(ctx, 'approvals', 'manage');
      } catch {
        admin = false;
      }
      return { items: await listTemplates(ctx.trx, ctx.corpId, { includeArchived: admin }) };
    });

    app.get('/api/v1/approvals/templates/:templateId', { config: { auth: 'corp' }, schema: { tags, params: TemplateParams, response: { 200: TemplateDto } } }, async (request) => {
      const ctx = request.ctx();
      await authorize(ctx, 'approvals.use');
      return getTemplate(ctx.trx, ctx.corpId, request.params.templateId);
    });

    app.post('/api/v1/approvals/templates', { config: { auth: 'corp' }, schema: { tags, summary: 'Create a template', body: TemplateInput, response: { 201: TemplateDto } } }, async (request, reply) => {
      const created = await deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorizeApp(ctx, 'approvals', 'manage');
        return createTemplate(ctx, request.body);
      });
      return reply.status(201).send(created);
    });

    app.put('/api/v1/approvals/templates/:templateId', { config: { auth: 'corp' }, schema: { tags, summary: 'Replace a template (checked on save)', params: TemplateParams, body: UpdateTemplateBody, response: { 200: TemplateDto } } }, async (request) =>
      deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorizeApp(ctx, 'approvals', 'manage');
        const { expectedVersion, ...input } = request.body;
        return updateTemplate(ctx, request.params.templateId, input, expectedVersion);
      }),
    );

    app.delete('/api/v1/approvals/templates/:templateId', { config: { auth: 'corp' }, schema: { tags, summary: 'Stop using a template (running requests go on)', params: TemplateParams, response: { 204: NoContent } } }, async (request, reply) => {
      await deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorizeApp(ctx, 'approvals', 'manage');
        await archiveTemplate(ctx, request.params.templateId);
      });
      return reply.status(204).send(null);
    });

    app.post('/api/v1/approvals/tasks/:taskId/handover', { config: { auth: 'corp' }, schema: { tags, summary: "An admin hands a departed member's task to someone else", params: TaskParams, body: HandoverBody, response: { 200: ActionResultDto } } }, async (request) =>
      deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorizeApp(ctx, 'approvals', 'manage');
        return adminHandOver(ctx, request.params.taskId, request.body.toMemberId);
      }),
    );

    // ---- Members: submit, preview, act, lists, detail ----
    app.get('/api/v1/approvals/people', { config: { auth: 'corp' }, schema: { tags, summary: 'Members, tags and departments to choose from', querystring: PeopleQuery, response: { 200: PeopleDto } } }, async (request) => {
      const ctx = request.ctx();
      await authorize(ctx, 'approvals.use');
      return choosablePeople(ctx.trx, ctx.corpId, { q: request.query.q, limit: request.query.limit ?? 500 });
    });

    app.post('/api/v1/approvals/preview', { config: { auth: 'corp' }, schema: { tags, summary: 'The path a submission would take, and who gets each step', body: PreviewBody, response: { 200: PreviewDto } } }, async (request) => {
      const ctx = request.ctx();
      await authorize(ctx, 'approvals.use');
      return withNames(ctx, await previewRequest(ctx, requireMember(ctx).id, request.body));
    });

    app.post('/api/v1/approvals/requests', { config: { auth: 'corp' }, schema: { tags, summary: 'Submit a request', headers: IdempotencyHeaders, body: SubmitBody, response: { 201: ActionResultDto } } }, async (request, reply) => {
      const result = await command(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'approvals.use');
        return submitRequest(ctx, requireMember(ctx).id, request.body, request.headers['idempotency-key']);
      });
      return reply.status(201).send(result);
    });

    app.get('/api/v1/approvals/requests', { config: { auth: 'corp' }, schema: { tags, summary: "The member's to do, done, submitted or CC'd requests", querystring: ListQuery, response: { 200: ListDto } } }, async (request) => {
      const ctx = request.ctx();
      await authorize(ctx, 'approvals.use');
      return listRequests(ctx.trx, ctx.corpId, requireMember(ctx).id, request.query.box, { cursor: request.query.cursor, limit: request.query.limit ?? 50 });
    });

    app.get('/api/v1/approvals/requests/:requestId', { config: { auth: 'corp' }, schema: { tags, summary: 'A request with its whole trail and why each task went to whom', params: RequestParams, response: { 200: DetailDto } } }, async (request) => {
      const ctx = request.ctx();
      await authorize(ctx, 'approvals.use');
      return getRequest(ctx, ctx.actor.kind === 'member' ? ctx.actor.id : null, request.params.requestId);
    });

    app.post('/api/v1/approvals/requests/:requestId/withdraw', { config: { auth: 'corp' }, schema: { tags, summary: 'The applicant withdraws a running request', headers: IdempotencyHeaders, params: RequestParams, response: { 200: ActionResultDto } } }, async (request) =>
      command(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'approvals.use');
        return withdrawRequest(ctx, requireMember(ctx).id, request.params.requestId, request.headers['idempotency-key']);
      }),
    );

    app.post('/api/v1/approvals/requests/:requestId/edit', { config: { auth: 'corp' }, schema: { tags, summary: 'Edit an approved request, with the consent of its approvers and handlers', params: RequestParams, body: EditBody, response: { 200: ActionResultDto } } }, async (request) =>
      command(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'approvals.use');
        return requestEdit(ctx, requireMember(ctx).id, request.params.requestId, request.body.form);
      }),
    );

    app.post('/api/v1/approvals/tasks/:taskId/actions', { config: { auth: 'corp' }, schema: { tags, summary: 'Approve, reject, handle, transfer, return or add approvers', headers: IdempotencyHeaders, params: TaskParams, body: ActionBody, response: { 200: ActionResultDto } } }, async (request) =>
      command(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'approvals.use');
        return actOnTask(ctx, requireMember(ctx).id, request.params.taskId, request.body, request.headers['idempotency-key']);
      }),
    );
  };
}
