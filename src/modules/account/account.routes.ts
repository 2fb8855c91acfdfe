import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../platform/deps.ts';
import { NoContent } from '../../platform/http/schemas.ts';
import { changePassword } from './account.service.ts';
import { ChangePasswordBody } from './account.schema.ts';

/** The per-route rate limit of sign-in, registration and password changes. */
export const signInRate = (deps: Deps) => ({ max: deps.config.signInLimitPerMinute, timeWindow: '1 minute' });

export function accountRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/v1/auth/password',
      { config: { auth: 'account', rateLimit: signInRate(deps) }, schema: { tags: ['account'], body: ChangePasswordBody, response: { 204: NoContent } } },
      async (request, reply) => {
        const session = request.session!;
        await changePassword(deps.db, request.now, deps.config.scrypt, request.ip, { accountId: session.principalId, sessionHash: session.hash }, request.body);
        return reply.status(204).send(null);
      },
    );
  };
}
