import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../platform/deps.ts';
import { createSession, deleteSession, setSessionCorp } from '../../platform/auth/sessions.ts';
import { setSessionCookies, clearSessionCookies } from '../../platform/http/cookies.ts';
import { NoContent } from '../../platform/http/schemas.ts';
import { DomainError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { accountActor } from '../admin/authorizer.ts';
import { canEnterCorp, corpsOfAccount, describeMe, type Me } from '../corp/corp.service.ts';
import { MeEnvelope, SwitchCorpBody } from '../corp/corp.schema.ts';
import { CorpErrors } from '../corp/corp.errors.ts';
import { authenticate, changePassword } from './account.service.ts';
import { ChangePasswordBody, SignInBody } from './account.schema.ts';

/** The per-route rate limit of sign-in, registration and password changes. */
export const signInRate = (deps: Deps) => ({ max: deps.config.signInLimitPerMinute, timeWindow: '1 minute' });

export function accountRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    // Every console page load asks for /me; see ReadCache for how it stays fresh.
    const meCache = deps.caches.create<Me>();

    app.post(
      '/api/v1/auth/sign-in',
      { config: { auth: 'public', rateLimit: signInRate(deps) }, schema: { tags: ['account'], summary: 'Sign in by login name or phone', body: SignInBody, response: { 200: MeEnvelope } } },
      async (request, reply) => {
        const account = await authenticate(deps.db, request.now, deps.config.scrypt, request.body.login, request.body.password);
        const corps = await corpsOfAccount(deps.db, account.id);
        const corpId = corps[0]?.id ?? null;
        const session = await deps.db.transaction().execute(async (trx) => {
          const created = await createSession(trx, request.now, { kind: 'account', id: account.id, corpId });
          const actor = corpId ? await accountActor(trx, corpId, account.id) : undefined;
          await audit(
            { corpId: corpId ?? '', trx, now: request.now, ip: request.ip, actor: actor ?? { kind: 'account', id: account.id, name: account.name } },
            { action: 'auth.sign_in', target: { type: 'account', id: account.id } },
          );
          return created;
        });
        setSessionCookies(reply, 'session', deps.config.secureCookies, session.cookie, session.csrfToken);
        return { me: await describeMe(deps.db, account.id, corpId) };
      },
    );

    app.post('/api/v1/auth/sign-out', { config: { auth: 'account' }, schema: { tags: ['account'], response: { 204: NoContent } } }, async (request, reply) => {
      await deleteSession(deps.db, request.session!.hash);
      clearSessionCookies(reply, 'session');
      return reply.status(204).send(null);
    });

    app.post(
      '/api/v1/auth/password',
      { config: { auth: 'account', rateLimit: signInRate(deps) }, schema: { tags: ['account'], body: ChangePasswordBody, response: { 204: NoContent } } },
      async (request, reply) => {
        const session = request.session!;
        await changePassword(deps.db, request.now, deps.config.scrypt, { accountId: session.principalId, sessionHash: session.hash }, request.body);
        return reply.status(204).send(null);
      },
    );

    app.get('/api/v1/me', { config: { auth: 'account' }, schema: { tags: ['account'], summary: 'The signed-in account and its enterprises', response: { 200: MeEnvelope } } }, async (request) => {
      const session = request.session!;
      const key = `${session.hash}:${session.corpId}`;
      let me = meCache.get(key);
      if (!me) {
        me = await describeMe(deps.db, session.principalId, session.corpId);
        meCache.set(key, me);
      }
      return { me };
    });

    app.put(
      '/api/v1/me/current-corp',
      { config: { auth: 'account' }, schema: { tags: ['account'], summary: 'Switch to another enterprise', body: SwitchCorpBody, response: { 200: MeEnvelope } } },
      async (request) => {
        const session = request.session!;
        if (!(await canEnterCorp(deps.db, request.body.corpId, session.principalId))) throw new DomainError(CorpErrors['corp.not_member']);
        await setSessionCorp(deps.db, session.hash, request.body.corpId);
        return { me: await describeMe(deps.db, session.principalId, request.body.corpId) };
      },
    );
  };
}
