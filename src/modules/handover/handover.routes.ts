import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ReadCtx } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { command } from '../../platform/command.ts';
import { authorizeApp } from '../../platform/policy/index.ts';
import { handOver, listHandovers, pendingHandovers } from './handover.service.ts';
import { HandoverBody, HandoverDto, HandoverPage, HandoverQuery, HandoverRuleDto, HandoverRuleSchema, PendingDto, type HandoverInput, type HandoverRule } from './handover.schema.ts';
import { readRule, saveRule } from './rule.service.ts';
import { isActive } from './handover.service.ts';

/** The admins of 安全管理 (super admins, and hierarchical admins managing the 高级功能 app), as for its other functions. */
const byAppRight = (ctx: ReadCtx) => authorizeApp(ctx, 'features', 'manage');

const pending = command({ right: 'security.manage', tx: 'read' }, async (ctx) => {
  await byAppRight(ctx);
  return pendingHandovers(ctx);
});
const history = command({ right: 'security.manage', tx: 'read' }, async (ctx, query: { memberId?: string | undefined; cursor?: string | undefined; limit: number }) => {
  await byAppRight(ctx);
  return listHandovers(ctx, query);
});
const handover = command({ right: 'security.manage', tx: 'plain', idempotent: 'handover' }, async (ctx, input: HandoverInput) => {
  await byAppRight(ctx);
  return handOver(ctx, input);
});

const getRule = command({ right: 'security.manage', tx: 'read' }, async (ctx) => {
  await byAppRight(ctx);
  return { active: await isActive(ctx.trx, ctx.corpId, ctx.now), rule: await readRule(ctx) };
});
const putRule = command({ right: 'security.manage', tx: 'plain' }, async (ctx, rule: HandoverRule) => {
  await byAppRight(ctx);
  return { active: true, rule: await saveRule(ctx, rule) };
});

export function handoverRoutes(_deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const config = { auth: 'corp' } as const;
    const tags = ['security'];
    app.get('/api/v1/security/handovers/pending', { config, schema: { tags, summary: '数据资产交接: departed members whose docs, customers or approvals wait for a successor', response: { 200: PendingDto } } }, (request) =>
      request.run(pending, undefined),
    );
    app.get('/api/v1/security/handovers', { config, schema: { tags, summary: 'The hand-overs made, newest first', querystring: HandoverQuery, response: { 200: HandoverPage } } }, (request) =>
      request.run(history, { ...request.query, limit: request.query.limit ?? 50 }),
    );
    app.get('/api/v1/security/handover-rule', { config, schema: { tags, summary: '数据资产交接 by rule: who receives a departing member’s data without an admin', response: { 200: HandoverRuleDto } } }, (request) =>
      request.run(getRule, undefined),
    );
    app.put('/api/v1/security/handover-rule', { config, schema: { tags, summary: 'Set the hand-over rule (manual, the department head, a named member)', body: HandoverRuleSchema, response: { 200: HandoverRuleDto } } }, (request) =>
      request.run(putRule, request.body),
    );
    app.post(
      '/api/v1/security/handovers',
      { config, schema: { tags, summary: 'Hand a departed member’s docs, customers and open approvals to a successor (a repeat moves nothing: 200 with the earlier record)', body: HandoverBody, response: { 200: HandoverDto, 201: HandoverDto } } },
      async (request, reply) => {
        const result = await request.run(handover, request.body);
        return reply.code(result.repeated ? 200 : 201).send(result);
      },
    );
  };
}
