import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../platform/deps.ts';
import type { Actor } from '../../platform/context.ts';
import type { FastifyRequest } from 'fastify';
import { createSession, deleteSession } from '../../platform/auth/sessions.ts';
import { clearSessionCookies, setSessionCookies } from '../../platform/http/cookies.ts';
import { NoContent } from '../../platform/http/schemas.ts';
import { audit } from '../../platform/audit.ts';
import { signInRate } from '../account/account.routes.ts';
import { CorpDto } from '../corp/corp.schema.ts';
import { authenticateOperator, getOperator, listCorps, setCertification } from './operator.service.ts';
import { CertificationBody, CorpListQuery, CorpParams, OperatorCorpPage, OperatorEnvelope, OperatorSignInBody } from './operator.schema.ts';

async function operatorActor(deps: Deps, request: FastifyRequest): Promise<Actor> {
  const operator = await getOperator(deps.db, request.session!.principalId);
  return { kind: 'operator', id: operator.id, name: operator.name };
}

/** The platform operator's own section: its own sign-in and cookie; no enterprise identity reaches it. */
export function operatorRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/v1/operator/auth/sign-in',
      { config: { auth: 'public', rateLimit: signInRate(deps) }, schema: { tags: ['operator'], body: OperatorSignInBody, response: { 200: OperatorEnvelope } } },
      async (request, reply) => {
        const operator = await authenticateOperator(deps.db, request.now, deps.config.scrypt, request.body.login, request.body.password);
        const session = await deps.db.transaction().execute(async (trx) => {
          const created = await createSession(trx, request.now, { kind: 'operator', id: operator.id, corpId: null });
          await audit({ corpId: '', trx, now: request.now, ip: request.ip, actor: { kind: 'operator', id: operator.id, name: operator.name } }, { action: 'operator.sign_in', target: { type: 'operator', id: operator.id } });
          return created;
        });
        setSessionCookies(reply, 'operatorSession', deps.config.secureCookies, session.cookie, session.csrfToken);
        return { operator };
      },
    );

    app.post('/api/v1/operator/auth/sign-out', { config: { auth: 'operator' }, schema: { tags: ['operator'], response: { 204: NoContent } } }, async (request, reply) => {
      await deleteSession(deps.db, request.session!.hash);
      clearSessionCookies(reply, 'operatorSession');
      return reply.status(204).send(null);
    });

    app.get('/api/v1/operator/me', { config: { auth: 'operator' }, schema: { tags: ['operator'], response: { 200: OperatorEnvelope } } }, async (request) => ({
      operator: await getOperator(deps.db, request.session!.principalId),
    }));

    app.get('/api/v1/operator/corps', { config: { auth: 'operator' }, schema: { tags: ['operator'], querystring: CorpListQuery, response: { 200: OperatorCorpPage } } }, async (request) =>
      listCorps(deps.db, { cursor: request.query.cursor, limit: request.query.limit ?? 50, q: request.query.q }),
    );

    app.put(
      '/api/v1/operator/corps/:corpId/certification',
      { config: { auth: 'operator' }, schema: { tags: ['operator'], summary: 'Certify an enterprise until a date, or withdraw it', params: CorpParams, body: CertificationBody, response: { 200: CorpDto } } },
      async (request) => {
        const { corpId } = request.params;
        const actor = await operatorActor(deps, request);
        const until = request.body.certifiedUntil === null ? null : Date.parse(request.body.certifiedUntil);
        return deps.db.transaction().execute((trx) => setCertification(trx, request.now, actor, corpId, until, request.ip));
      },
    );
  };
}
