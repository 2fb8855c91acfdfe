import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { command } from '../../platform/command.ts';
import type { Deps } from '../../platform/deps.ts';
import { MigrationBody, MigrationDto, MigrationList, StepBody, StepParams } from './datamigration.schema.ts';
import { listMigrations, listOpenMigrations, submitMigration, takeStep, type MigrationInput, type Step } from './datamigration.service.ts';

const tags = ['data-migration'];

const list = command({ right: 'datamigration.apply', tx: 'read' }, async (ctx) => ({ items: await listMigrations(ctx) }));
const submit = command({ right: 'datamigration.apply', tx: 'plain' }, (ctx, input: MigrationInput) => submitMigration(ctx, input));
const queue = command({ right: 'operator.datamigration', tx: 'read' }, async (ctx) => ({ items: await listOpenMigrations(ctx.trx, 200) }));
const step = command({ right: 'operator.datamigration', tx: 'plain' }, (ctx, input: { id: string; step: Step; reason?: string | undefined }) => takeStep(ctx, input));

/** 数据迁移: the enterprise's applications (as source or target), and the operator's steps. */
export function dataMigrationRoutes(_deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/data-migrations', { config: { auth: 'corp' }, schema: { tags, summary: 'Data migrations the enterprise takes part in, with their timelines', response: { 200: MigrationList } } }, (request) =>
      request.run(list, undefined),
    );
    app.post(
      '/api/v1/data-migrations',
      { config: { auth: 'corp' }, schema: { tags, summary: 'Apply to migrate this enterprise’s data (迁出) to another (迁入), with the materials the relationship requires', body: MigrationBody, response: { 201: MigrationDto } } },
      async (request, reply) => reply.status(201).send(await request.run(submit, request.body as MigrationInput)),
    );
    app.get('/api/v1/operator/data-migrations', { config: { auth: 'operator' }, schema: { tags: ['operator'], summary: 'Open data migrations, oldest first', response: { 200: MigrationList } } }, (request) =>
      request.runFor('', queue, undefined),
    );
    app.post(
      '/api/v1/operator/corps/:corpId/data-migrations/:id/steps',
      { config: { auth: 'operator' }, schema: { tags: ['operator'], summary: 'Take the next step (approve, paper received, start, finish) or reject with a reason', params: StepParams, body: StepBody, response: { 200: MigrationDto } } },
      (request) => request.runFor(request.params.corpId, step, { id: request.params.id, step: request.body.step, reason: request.body.reason }),
    );
  };
}
