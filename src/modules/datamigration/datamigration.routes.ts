import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { command } from '../../platform/command.ts';
import type { Deps } from '../../platform/deps.ts';
import { DomainError } from '../../platform/errors.ts';
import { invalidField, readUpload, refuseDeclaredOver, streamedBody, uploadScope } from '../../platform/http/upload.ts';
import { SCAN_LIMIT, fileStore } from '../certification/index.ts';
import { DataMigrationErrors } from './datamigration.errors.ts';
import { FailurePage, MigrationBody, MigrationDto, MigrationList, MigrationPage, MigrationParams, PageParams, RequirementsDto, StepBody, StepParams, TemplateDto, TemplateForm, TemplateList, TemplateParams } from './datamigration.schema.ts';
import { checklists } from './materials.ts';
import type { TemplateKind } from './datamigration.tables.ts';
import { listTemplates, readTemplate, replaceTemplate, type TemplateFile } from './templates.ts';
import { giveUpFailed, retryFailed } from './move.service.ts';
import { listFailures, listMigrations, listOpenMigrations, rowOf, rowTakingPart, submitMigration, takeStep, type MigrationInput, type Step } from './datamigration.service.ts';

const tags = ['data-migration'];

const list = command({ right: 'datamigration.apply', tx: 'read' }, async (ctx) => ({ items: await listMigrations(ctx) }));
const submit = command({ right: 'datamigration.apply', tx: 'plain' }, (ctx, input: MigrationInput) => submitMigration(ctx, input));
type PageInput = { cursor?: string | undefined; limit?: number | undefined };
const page = (query: PageInput) => ({ cursor: query.cursor, limit: query.limit ?? 50 });
const templates = command({ right: 'operator.datamigration', tx: 'read' }, async (ctx) => ({ items: await listTemplates(ctx.trx) }));
const required = command({ right: 'datamigration.apply', tx: 'read' }, async () => checklists());
const failures = command({ right: 'datamigration.apply', tx: 'read' }, async (ctx, input: { id: string } & PageInput) => listFailures(ctx.trx, await rowTakingPart(ctx.trx, ctx.corpId, input.id), page(input)));
const queue = command({ right: 'operator.datamigration', tx: 'read' }, (ctx, query: PageInput) => listOpenMigrations(ctx.trx, page(query)));
const operatorFailures = command({ right: 'operator.datamigration', tx: 'read' }, async (ctx, input: { id: string } & PageInput) => listFailures(ctx.trx, await rowOf(ctx.trx, ctx.corpId, input.id), page(input)));
const step = command({ right: 'operator.datamigration', tx: 'plain' }, (ctx, input: { id: string; step: Step | 'retry' | 'give_up'; reason?: string | undefined }) => {
  if (input.step === 'retry') return retryFailed(ctx, input.id);
  if (input.step === 'give_up') return giveUpFailed(ctx, input.id);
  return takeStep(ctx, { ...input, step: input.step });
});

/** 数据迁移: the enterprise's applications (as source or target), and the operator's steps. */
export function dataMigrationRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  const store = fileStore(deps.config.dataDir);
  const template = command({ right: 'datamigration.apply', tx: 'read' }, (ctx, kind: TemplateKind) => readTemplate(ctx.trx, store, kind));
  const operatorTemplate = command({ right: 'operator.datamigration', tx: 'read' }, (ctx, kind: TemplateKind) => readTemplate(ctx.trx, store, kind));
  const download = (reply: FastifyReply, kind: TemplateKind, file: TemplateFile) => {
    reply.header('content-disposition', `attachment; filename="${kind}"; filename*=UTF-8''${encodeURIComponent(file.name)}`);
    return reply.type(file.mime).send(file.content);
  };
  const replace = command({ right: 'operator.datamigration', tx: 'plain' }, (ctx, input: { kind: TemplateKind; content: Buffer; filename: string }) => replaceTemplate(ctx, store, input.kind, input));
  const limits = { fileLimit: SCAN_LIMIT, fields: [], tooLarge: () => new DomainError(DataMigrationErrors['datamigration.template_too_large'], { limitBytes: SCAN_LIMIT }) };

  return async (app) => {
    app.get('/api/v1/data-migration-templates/:kind', { config: { auth: 'corp' }, schema: { tags, summary: 'Download the entrustment-letter or name-authorisation template', params: TemplateParams } }, async (request, reply) =>
      download(reply, request.params.kind, await request.run(template, request.params.kind)),
    );
    app.get('/api/v1/operator/data-migration-templates', { config: { auth: 'operator' }, schema: { tags: ['operator'], summary: 'Both templates as enterprises download them now (built in or uploaded, by whom, when)', response: { 200: TemplateList } } }, (request) =>
      request.runFor('', templates, undefined),
    );
    app.get('/api/v1/operator/data-migration-templates/:kind', { config: { auth: 'operator' }, schema: { tags: ['operator'], summary: 'Download a template as enterprises get it now', params: TemplateParams } }, async (request, reply) =>
      download(reply, request.params.kind, await request.runFor('', operatorTemplate, request.params.kind)),
    );
    await app.register(async (uploads) => {
      await uploadScope(uploads, SCAN_LIMIT);
      uploads.put(
        '/api/v1/operator/data-migration-templates/:kind',
        {
          config: { auth: 'operator' },
          onRequest: refuseDeclaredOver(limits),
          validatorCompiler: streamedBody,
          schema: {
            tags: ['operator'],
            summary: 'Replace a template (multipart/form-data: file; PDF or .docx, at most 5 MiB)',
            params: TemplateParams,
            body: { content: { 'multipart/form-data': { schema: TemplateForm } } } as unknown as typeof TemplateForm,
            response: { 200: TemplateDto },
          },
        },
        async (request) => {
          const { content, filename } = await readUpload(request, limits);
          if (content === undefined || content.length === 0) throw invalidField('file', content === undefined ? 'required' : 'minLength');
          return request.runFor('', replace, { kind: (request.params as { kind: TemplateKind }).kind, content, filename: filename ?? '' });
        },
      );
    });
    app.get('/api/v1/data-migrations', { config: { auth: 'corp' }, schema: { tags, summary: 'Data migrations the enterprise takes part in, with their timelines', response: { 200: MigrationList } } }, (request) =>
      request.run(list, undefined),
    );
    app.post(
      '/api/v1/data-migrations',
      { config: { auth: 'corp' }, schema: { tags, summary: 'Apply to migrate this enterprise’s data (迁出) to another (迁入), with the materials the relationship requires', body: MigrationBody, response: { 201: MigrationDto } } },
      async (request, reply) => reply.status(201).send(await request.run(submit, request.body as MigrationInput)),
    );
    app.get('/api/v1/data-migration-requirements', { config: { auth: 'corp' }, schema: { tags, summary: 'The materials each relationship requires (数据迁移服务-企业准入要求)', response: { 200: RequirementsDto } } }, (request) =>
      request.run(required, undefined),
    );
    app.get(
      '/api/v1/data-migrations/:id/failures',
      { config: { auth: 'corp' }, schema: { tags, summary: 'The customers that could not move (未迁移成功), a page at a time', params: MigrationParams, querystring: PageParams, response: { 200: FailurePage } } },
      (request) => request.run(failures, { id: request.params.id, ...request.query }),
    );
    app.get('/api/v1/operator/data-migrations', { config: { auth: 'operator' }, schema: { tags: ['operator'], summary: 'Open data migrations, oldest first, a page at a time', querystring: PageParams, response: { 200: MigrationPage } } }, (request) =>
      request.runFor('', queue, request.query),
    );
    app.get(
      '/api/v1/operator/corps/:corpId/data-migrations/:id/failures',
      { config: { auth: 'operator' }, schema: { tags: ['operator'], summary: 'The customers that could not move (未迁移成功), a page at a time', params: StepParams, querystring: PageParams, response: { 200: FailurePage } } },
      (request) => request.runFor(request.params.corpId, operatorFailures, { id: request.params.id, ...request.query }),
    );
    app.post(
      '/api/v1/operator/corps/:corpId/data-migrations/:id/steps',
      { config: { auth: 'operator' }, schema: { tags: ['operator'], summary: 'Take the next step (approve, paper received, start, finish), retry or give up the customers that failed to move, or reject with a reason', params: StepParams, body: StepBody, response: { 200: MigrationDto } } },
      (request) => request.runFor(request.params.corpId, step, { id: request.params.id, step: request.body.step, reason: request.body.reason }),
    );
  };
}
