import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { command } from '../../platform/command.ts';
import type { Deps } from '../../platform/deps.ts';
import { getCorp, listCorps, setCertification, updateCorp } from './corp.service.ts';
import { CertificationBody, CorpDto, CorpListQuery, CorpParams, OperatorCorpPage, UpdateCorpBody } from './corp.schema.ts';

const readProfile = command({ right: 'corp.read', tx: 'read' }, (ctx) => getCorp(ctx.trx, ctx.corpId));
const editProfile = command({ right: 'corp.manage', tx: 'plain' }, (ctx, patch: Parameters<typeof updateCorp>[1]) => updateCorp(ctx, patch));
const listAll = command({ right: 'operator.corps', tx: 'read' }, (ctx, query: Parameters<typeof listCorps>[1]) => listCorps(ctx, query));
const certify = command({ right: 'operator.corps', tx: 'plain' }, (ctx, until: number | null) => setCertification(ctx, until));

export function corpRoutes(_deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/corp', { config: { auth: 'corp' }, schema: { tags: ['corp'], summary: 'The current enterprise profile', response: { 200: CorpDto } } }, (request) =>
      request.run(readProfile, undefined),
    );

    app.patch('/api/v1/corp', { config: { auth: 'corp' }, schema: { tags: ['corp'], body: UpdateCorpBody, response: { 200: CorpDto } } }, (request) => request.run(editProfile, request.body));

    app.get('/api/v1/operator/corps', { config: { auth: 'operator' }, schema: { tags: ['operator'], querystring: CorpListQuery, response: { 200: OperatorCorpPage } } }, (request) =>
      request.runFor('', listAll, { cursor: request.query.cursor, limit: request.query.limit ?? 50, q: request.query.q }),
    );

    app.put(
      '/api/v1/operator/corps/:corpId/certification',
      { config: { auth: 'operator' }, schema: { tags: ['operator'], summary: 'Certify an enterprise until a date, or withdraw it', params: CorpParams, body: CertificationBody, response: { 200: CorpDto } } },
      (request) => request.runFor(request.params.corpId, certify, request.body.certifiedUntil === null ? null : Date.parse(request.body.certifiedUntil)),
    );
  };
}
