import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../platform/deps.ts';
import { auditSignInFailure } from '../../platform/auth/lockout.ts';
import { DomainError } from '../../platform/errors.ts';
import { createSession, deleteSession, setSessionCorp } from '../../platform/auth/sessions.ts';
import { deviceClaim } from '../../platform/auth/sign-in-guards.ts';
import { clearSessionCookies, setSessionCookies } from '../../platform/http/cookies.ts';
import { NoContent } from '../../platform/http/schemas.ts';
import { AccountErrors, SignInBody, authenticate, createAccount, getAccount, signInRate } from '../account/index.ts';
import { NewCorpBody } from '../corp/index.ts';
import { beginSession, corpsOfAccount, enterCorp, describeMe, registerCorp, type Me } from './session.service.ts';
import { MeEnvelope, RegisterBody, SwitchCorpBody } from './session.schema.ts';

/** Signing in and out, registering an enterprise, and which enterprise a session acts in. */
export function sessionRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  const reads = { db: deps.db, registry: deps.registry };
  return async (app) => {
    // Every console page load asks for /me; see ReadCache for how it stays fresh.
    const meCache = deps.caches.create<Me>();

    app.post(
      '/api/v1/register',
      { config: { auth: 'public', rateLimit: signInRate(deps) }, schema: { tags: ['corp'], summary: 'Create an account and register its first enterprise', body: RegisterBody, response: { 201: MeEnvelope } } },
      async (request, reply) => {
        const { account: accountInput, corp } = request.body;
        // Account, enterprise, creator member and session commit together or not at all.
        const { accountId, corpId, session } = await deps.db.transaction().execute(async (trx) => {
          const account = await createAccount(trx, request.now, deps.config.scrypt, accountInput);
          const newCorpId = await registerCorp(trx, { now: request.now, ip: request.ip, log: request.log, registry: deps.registry }, account, corp);
          const created = await createSession(trx, request.now, { kind: 'account', id: account.id, corpId: newCorpId });
          return { accountId: account.id, corpId: newCorpId, session: created };
        });
        setSessionCookies(reply, 'session', deps.config.secureCookies, session.cookie, session.csrfToken);
        return reply.status(201).send({ me: await describeMe(reads, accountId, corpId) });
      },
    );

    app.post(
      '/api/v1/corps',
      { config: { auth: 'account' }, schema: { tags: ['corp'], summary: 'Register another enterprise as the signed-in account', body: NewCorpBody, response: { 201: MeEnvelope } } },
      async (request, reply) => {
        const session = request.session!;
        const corpId = await deps.db.transaction().execute(async (trx) => {
          const account = await getAccount(trx, session.principalId);
          const created = await registerCorp(trx, { now: request.now, ip: request.ip, log: request.log, registry: deps.registry }, account, request.body);
          await setSessionCorp(trx, session.hash, created);
          return created;
        });
        return reply.status(201).send({ me: await describeMe(reads, session.principalId, corpId) });
      },
    );

    app.post(
      '/api/v1/auth/sign-in',
      { config: { auth: 'public', rateLimit: signInRate(deps) }, schema: { tags: ['account'], summary: 'Sign in by login name or phone', body: SignInBody, response: { 200: MeEnvelope } } },
      async (request, reply) => {
        const result = await authenticate(deps.db, request.now, deps.config.scrypt, request.ip, request.body.login, request.body.password);
        if (!result.ok) {
          const principal = result.account;
          const corpId = principal ? ((await corpsOfAccount(deps.db, principal.id))[0]?.id ?? '') : '';
          await auditSignInFailure(deps.db, request.now, request.ip, { action: 'auth.sign_in_failed', corpId, kind: 'account', principal, login: request.body.login, reason: result.reason });
          throw new DomainError(AccountErrors['auth.invalid_credentials']);
        }
        const account = result.account;
        const corps = await corpsOfAccount(deps.db, account.id);
        const corpId = corps[0]?.id ?? null;
        const session = await beginSession(deps.db, deps.registry, request.now, request.ip, account, corpId, 'password', deviceClaim(request));
        setSessionCookies(reply, 'session', deps.config.secureCookies, session.cookie, session.csrfToken);
        return { me: await describeMe(reads, account.id, corpId) };
      },
    );

    app.post('/api/v1/auth/sign-out', { config: { auth: 'account' }, schema: { tags: ['account'], response: { 204: NoContent } } }, async (request, reply) => {
      await deleteSession(deps.db, request.session!.hash);
      clearSessionCookies(reply, 'session');
      return reply.status(204).send(null);
    });

    app.get('/api/v1/me', { config: { auth: 'account' }, schema: { tags: ['account'], summary: 'The signed-in account and its enterprises', response: { 200: MeEnvelope } } }, async (request) => {
      const session = request.session!;
      const key = `${session.hash}:${session.corpId}`;
      let me = meCache.get(key);
      if (!me) {
        me = await describeMe(reads, session.principalId, session.corpId);
        meCache.set(key, me);
      }
      return { me };
    });

    app.put(
      '/api/v1/me/current-corp',
      { config: { auth: 'account' }, schema: { tags: ['account'], summary: 'Switch to another enterprise', body: SwitchCorpBody, response: { 200: MeEnvelope } } },
      async (request) => {
        const session = request.session!;
        await enterCorp(deps.db, deps.registry, { now: request.now, ip: request.ip, sessionHash: session.hash, accountId: session.principalId, corpId: request.body.corpId, device: deviceClaim(request) });
        return { me: await describeMe(reads, session.principalId, request.body.corpId) };
      },
    );
  };
}
