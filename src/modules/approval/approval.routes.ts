import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ReadCtx } from '../../platform/context.ts';
import { command } from '../../platform/command.ts';
import type { Deps } from '../../platform/deps.ts';
import { created, noContent } from '../../platform/http/replies.ts';
import { NoContent } from '../../platform/http/schemas.ts';
import { authorize, authorizeApp, requireMember } from '../../platform/policy/index.ts';
import { membersByIds, peopleToChoose } from '../directory/index.ts';
import {
  ActionBody,
  ActionResultDto,
  DataExportQuery,
  DataPage,
  DataQuery,
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
import type { TemplateInput as TemplateInputValue } from './approval.model.ts';
import { archiveTemplate, createTemplate, getTemplate, listTemplates, updateTemplate } from './templates.service.ts';
import { previewRequest, submitRequest, type SubmitInput } from './submission.service.ts';
import { actOnTask, withdrawRequest, type TaskAction } from './actions.service.ts';
import { requestEdit } from './edits.service.ts';
import { adminHandOver } from './handover.service.ts';
import { getRequest, listRequests, type ListKind } from './queries.service.ts';
import type { ResolvedPath } from './resolver.ts';
import type { FormValues, Template } from './approval.model.ts';
import { assists, inVisibleRange, isAppManager, requireManager, requireVisible } from './access.ts';
import { requestsXlsx, searchRequests, type DataQuery as DataQueryValue } from './data.service.ts';

const tags = ['approvals'];

/** Names of everyone a preview mentions, so the console can show people, not ids. */
async function withNames(ctx: ReadCtx, path: ResolvedPath) {
  const people = await membersByIds(ctx.trx, ctx.corpId, path.steps.flatMap((s) => s.assigneeIds));
  return { ...path, names: Object.fromEntries([...people.values()].map((m) => [m.id, m.name])) };
}

const use = { right: 'approvals.use', tx: 'read' } as const;
/** Submissions and actions are short writes: group-committed on SQLite. */
const act = { right: 'approvals.use', tx: 'group' } as const;
const admin = { right: 'approvals.admin', tx: 'plain' } as const;

/** A template as the caller may act on it: `canManage` for an admin of the app or an assistant of it. */
const shown = (ctx: ReadCtx, template: Template, manager: boolean) => ({ ...template, canManage: manager || assists(ctx, template) });

const templates = {
  list: command(use, async (ctx) => {
    const manager = await isAppManager(ctx);
    // Members submit a built-in template from its own feature (补卡 from the attendance records): only managers see it here, to set its flow.
    const items = await listTemplates(ctx.trx, ctx.corpId, { includeArchived: manager });
    if (manager) return { items: items.map((t) => shown(ctx, t, true)) };
    // 可见范围: a member sees the templates they may submit, and the ones they assist.
    const memberId = requireMember(ctx).id;
    const visible: Template[] = [];
    for (const t of items) if (t.builtin === null && (assists(ctx, t) || (await inVisibleRange(ctx.trx, ctx.corpId, t, memberId)))) visible.push(t);
    return { items: visible.map((t) => shown(ctx, t, false)) };
  }),
  get: command(use, async (ctx, templateId: string) => {
    const template = await getTemplate(ctx.trx, ctx.corpId, templateId);
    const manager = await isAppManager(ctx);
    if (!manager && !assists(ctx, template)) await requireVisible(ctx.trx, ctx.corpId, template, requireMember(ctx).id);
    return shown(ctx, template, manager);
  }),
  create: command(admin, async (ctx, input: TemplateInputValue) => {
    await authorizeApp(ctx, 'approvals', 'manage');
    return shown(ctx, await createTemplate(ctx, input), true);
  }),
  // 协助管理: an assistant edits the template they help manage; the command needs only a member, the service the template.
  update: command({ right: 'approvals.use', tx: 'plain' }, async (ctx, input: { templateId: string; template: TemplateInputValue; expectedVersion: number }) => {
    const { appManager } = await requireManager(ctx, await getTemplate(ctx.trx, ctx.corpId, input.templateId));
    return shown(ctx, await updateTemplate(ctx, input.templateId, input.template, input.expectedVersion, appManager), appManager);
  }),
  archive: command(admin, async (ctx, templateId: string) => {
    await authorizeApp(ctx, 'approvals', 'manage');
    await archiveTemplate(ctx, templateId);
  }),
};

const data = command(use, (ctx, query: DataQueryValue) => searchRequests(ctx, query));

const handover = command(admin, async (ctx, input: { taskId: string; toMemberId: string }) => {
  await authorizeApp(ctx, 'approvals', 'manage');
  return adminHandOver(ctx, input.taskId, input.toMemberId);
});
const people = command(use, (ctx, query: { q?: string | undefined; limit: number }) => peopleToChoose(ctx.trx, ctx.corpId, query));
const preview = command(use, async (ctx, input: SubmitInput) => withNames(ctx, await previewRequest(ctx, requireMember(ctx).id, input)));
const list = command(use, (ctx, query: { box: ListKind; cursor?: string | undefined; limit: number }) => listRequests(ctx.trx, ctx.corpId, requireMember(ctx).id, query.box, query));
const detail = command(use, (ctx, requestId: string) => getRequest(ctx, ctx.actor.kind === 'member' ? ctx.actor.id : null, requestId));
// The idempotency key is the member's own (once.ts), so these pass it on themselves.
const submit = command(act, (ctx, input: { body: SubmitInput; key: string | undefined }) => submitRequest(ctx, requireMember(ctx).id, input.body, input.key));
const withdraw = command(act, (ctx, input: { requestId: string; key: string | undefined }) => withdrawRequest(ctx, requireMember(ctx).id, input.requestId, input.key));
const edit = command(act, (ctx, input: { requestId: string; form: FormValues }) => requestEdit(ctx, requireMember(ctx).id, input.requestId, input.form));
const actOn = command(act, (ctx, input: { taskId: string; action: TaskAction; key: string | undefined }) => actOnTask(ctx, requireMember(ctx).id, input.taskId, input.action, input.key));

export function approvalRoutes(_deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const corp = { auth: 'corp' } as const;
    // ---- Admin: templates (admins with manage on the approvals app) ----
    app.get('/api/v1/approvals/templates', { config: corp, schema: { tags, summary: 'Approval templates (members see the ones in use)', response: { 200: TemplateList } } }, (request) =>
      request.run(templates.list, undefined),
    );

    app.get('/api/v1/approvals/templates/:templateId', { config: corp, schema: { tags, params: TemplateParams, response: { 200: TemplateDto } } }, (request) => request.run(templates.get, request.params.templateId));

    app.post('/api/v1/approvals/templates', { config: corp, schema: { tags, summary: 'Create a template', body: TemplateInput, response: { 201: TemplateDto } } }, async (request, reply) =>
      created(reply, request.run(templates.create, request.body)),
    );

    app.put('/api/v1/approvals/templates/:templateId', { config: corp, schema: { tags, summary: 'Replace a template (checked on save); admins of the app or its assistants (协助管理)', params: TemplateParams, body: UpdateTemplateBody, response: { 200: TemplateDto } } }, (request) => {
      const { expectedVersion, ...template } = request.body;
      return request.run(templates.update, { templateId: request.params.templateId, template, expectedVersion });
    });

    app.delete('/api/v1/approvals/templates/:templateId', { config: corp, schema: { tags, summary: 'Stop using a template (running requests go on)', params: TemplateParams, response: { 204: NoContent } } }, async (request, reply) =>
      noContent(reply, request.run(templates.archive, request.params.templateId)),
    );

    // ---- Admin and assistants: 审批数据 ----
    app.get('/api/v1/approvals/data', { config: corp, schema: { tags, summary: '审批数据: every request (of the templates one assists, for an assistant), newest first, by template, status, applicant and time', querystring: DataQuery, response: { 200: DataPage } } }, (request) =>
      request.run(data, { ...request.query, limit: request.query.limit ?? 50 }),
    );
    app.get('/api/v1/approvals/data/export', { config: corp, schema: { tags, summary: 'Export the filtered requests as .xlsx (streamed)', querystring: DataExportQuery } }, async (request, reply) => {
      // Streamed after the handler returns, so it reads outside any command.
      const ctx = request.readCtx();
      await authorize(ctx, 'approvals.use');
      const { lang, ...filters } = request.query;
      const file = await requestsXlsx(ctx, filters, lang);
      const name = lang === 'zh-CN' ? '审批数据.xlsx' : 'approval-requests.xlsx';
      reply.header('content-disposition', `attachment; filename="approval-requests.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`);
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(file);
    });

    app.post('/api/v1/approvals/tasks/:taskId/handover', { config: corp, schema: { tags, summary: "An admin hands a departed member's task to someone else", params: TaskParams, body: HandoverBody, response: { 200: ActionResultDto } } }, (request) =>
      request.run(handover, { taskId: request.params.taskId, toMemberId: request.body.toMemberId }),
    );

    // ---- Members: submit, preview, act, lists, detail ----
    app.get('/api/v1/approvals/people', { config: corp, schema: { tags, summary: 'Members, tags and departments to choose from', querystring: PeopleQuery, response: { 200: PeopleDto } } }, (request) =>
      request.run(people, { q: request.query.q, limit: request.query.limit ?? 500 }),
    );

    app.post('/api/v1/approvals/preview', { config: corp, schema: { tags, summary: 'The path a submission would take, and who gets each step', body: PreviewBody, response: { 200: PreviewDto } } }, (request) =>
      request.run(preview, request.body),
    );

    app.post('/api/v1/approvals/requests', { config: corp, schema: { tags, summary: 'Submit a request', headers: IdempotencyHeaders, body: SubmitBody, response: { 201: ActionResultDto } } }, async (request, reply) =>
      created(reply, request.run(submit, { body: request.body, key: request.headers['idempotency-key'] })),
    );

    app.get('/api/v1/approvals/requests', { config: corp, schema: { tags, summary: "The member's to do, done, submitted or CC'd requests", querystring: ListQuery, response: { 200: ListDto } } }, (request) =>
      request.run(list, { box: request.query.box, cursor: request.query.cursor, limit: request.query.limit ?? 50 }),
    );

    app.get('/api/v1/approvals/requests/:requestId', { config: corp, schema: { tags, summary: 'A request with its whole trail and why each task went to whom', params: RequestParams, response: { 200: DetailDto } } }, (request) =>
      request.run(detail, request.params.requestId),
    );

    app.post('/api/v1/approvals/requests/:requestId/withdraw', { config: corp, schema: { tags, summary: "The applicant withdraws a request, as the template's 撤销权限 allows", headers: IdempotencyHeaders, params: RequestParams, response: { 200: ActionResultDto } } }, (request) =>
      request.run(withdraw, { requestId: request.params.requestId, key: request.headers['idempotency-key'] }),
    );

    app.post('/api/v1/approvals/requests/:requestId/edit', { config: corp, schema: { tags, summary: 'Edit an approved request, with the consent of its approvers and handlers', params: RequestParams, body: EditBody, response: { 200: ActionResultDto } } }, (request) =>
      request.run(edit, { requestId: request.params.requestId, form: request.body.form }),
    );

    app.post('/api/v1/approvals/tasks/:taskId/actions', { config: corp, schema: { tags, summary: 'Approve, reject, handle, transfer, return or add approvers', headers: IdempotencyHeaders, params: TaskParams, body: ActionBody, response: { 200: ActionResultDto } } }, (request) =>
      request.run(actOn, { taskId: request.params.taskId, action: request.body, key: request.headers['idempotency-key'] }),
    );
  };
}
