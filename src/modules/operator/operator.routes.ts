import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../platform/deps.ts';
import { createSession, deleteSession } from '../../platform/auth/sessions.ts';
import { clearSessionCookies, setSessionCookies } from '../../platform/http/cookies.ts';
import { NoContent } from '../../platform/http/schemas.ts';
import { audit } from '../../platform/audit.ts';
import { auditSignInFailure } from '../../platform/auth/lockout.ts';
import { DomainError } from '../../platform/errors.ts';
import { AccountErrors, signInRate } from '../account/index.ts';
import { authenticateOperator, getOperator } from './operator.service.ts';
import { OperatorEnvelope, OperatorSignInBody } from './operator.schema.ts';

/** The platform operator's own sign-in and cookie; no enterprise identity reaches the operator section. */
export function operatorRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/v1/operator/auth/sign-in',
      { config: { auth: 'public', rateLimit: signInRate(deps) }, schema: { tags: ['operator'], body: OperatorSignInBody, response: { 200: OperatorEnvelope } } },
      async (request, reply) => {
        const result = await authenticateOperator(deps.db, request.now, deps.config.scrypt, request.ip, request.body.login, request.body.password);
        if (!result.ok) {
          const principal = result.operatorId ? await getOperator(deps.db, result.operatorId) : null;
          await auditSignInFailure(deps.db, request.now, request.ip, { action: 'operator.sign_in_failed', corpId: '', kind: 'operator', principal, login: request.body.login, reason: result.reason });
          throw new DomainError(AccountErrors['auth.invalid_credentials']);
        }
        const operator = result.operator;
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
  };
}
