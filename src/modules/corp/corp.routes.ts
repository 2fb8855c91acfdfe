import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../platform/deps.ts';
import { createSession, setSessionCorp } from '../../platform/auth/sessions.ts';
import { setSessionCookies } from '../../platform/http/cookies.ts';
import { authorize } from '../admin/authorizer.ts';
import { createAccount, getAccount } from '../account/account.service.ts';
import { signInRate } from '../account/account.routes.ts';
import { describeMe, getCorp, registerCorp, updateCorp } from './corp.service.ts';
import { CorpDto, MeEnvelope, NewCorpBody, RegisterBody, UpdateCorpBody } from './corp.schema.ts';

export function corpRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/v1/register',
      {
        config: { auth: 'public', rateLimit: signInRate(deps) },
        schema: { tags: ['corp'], summary: 'Create an account and register its first enterprise', body: RegisterBody, response: { 201: MeEnvelope } },
      },
      async (request, reply) => {
        const { account: accountInput, corp } = request.body;
        // Account, enterprise, creator member and session commit together or not at all.
        const { accountId, corpId, session } = await deps.db.transaction().execute(async (trx) => {
          const account = await createAccount(trx, request.now, deps.config.scrypt, accountInput);
          const newCorpId = await registerCorp(trx, request.now, account, corp, request.ip);
          const created = await createSession(trx, request.now, { kind: 'account', id: account.id, corpId: newCorpId });
          return { accountId: account.id, corpId: newCorpId, session: created };
        });
        setSessionCookies(reply, 'session', deps.config.secureCookies, session.cookie, session.csrfToken);
        return reply.status(201).send({ me: await describeMe(deps.db, accountId, corpId) });
      },
    );

    app.post(
      '/api/v1/corps',
      { config: { auth: 'account' }, schema: { tags: ['corp'], summary: 'Register another enterprise as the signed-in account', body: NewCorpBody, response: { 201: MeEnvelope } } },
      async (request, reply) => {
        const session = request.session!;
        const corpId = await deps.db.transaction().execute(async (trx) => {
          const account = await getAccount(trx, session.principalId);
          const created = await registerCorp(trx, request.now, account, request.body, request.ip);
          await setSessionCorp(trx, session.hash, created);
          return created;
        });
        return reply.status(201).send({ me: await describeMe(deps.db, session.principalId, corpId) });
      },
    );

    app.get('/api/v1/corp', { config: { auth: 'corp' }, schema: { tags: ['corp'], summary: 'The current enterprise profile', response: { 200: CorpDto } } }, async (request) => {
      const ctx = request.ctx();
      await authorize(ctx, 'corp.read');
      return getCorp(ctx.trx, ctx.corpId);
    });

    app.patch('/api/v1/corp', { config: { auth: 'corp' }, schema: { tags: ['corp'], body: UpdateCorpBody, response: { 200: CorpDto } } }, async (request) =>
      deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'corp.manage');
        return updateCorp(ctx, request.body);
      }),
    );
  };
}
