import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { command } from '../../platform/command.ts';
import type { Deps } from '../../platform/deps.ts';
import { auditSignInFailure } from '../../platform/auth/lockout.ts';
import { setSessionCookies } from '../../platform/http/cookies.ts';
import { NoContent } from '../../platform/http/schemas.ts';
import { signInRate } from '../account/index.ts';
import { beginSession } from '../session/index.ts';
import { deviceClaim } from '../../platform/auth/sign-in-guards.ts';
import { finishSignIn, getSettings, providerOf, saveSettings, startSignIn, takeLogin, type OidcSettingsInput } from './sso.service.ts';
import { CallbackQuery, CorpParams, OidcSettingsBody, OidcSettingsDto, ProviderDto } from './sso.schema.ts';

const readSettings = command({ right: 'sso.manage', tx: 'read' }, (ctx) => getSettings(ctx));
const writeSettings = command({ right: 'sso.manage', tx: 'plain' }, (ctx, input: OidcSettingsInput) => saveSettings(ctx, input));

export const CALLBACK_PATH = '/api/v1/auth/oidc/callback';

/**
 * Where the provider sends people back: this server at its public address (--public-url), never
 * the Host header, which the caller chooses. Normalised (no default port), as the provider compares
 * it with the registered address.
 */
function redirectUri(publicUrl: string): string {
  return new URL(CALLBACK_PATH, publicUrl).href;
}

/** The sign-in page of the enterprise, saying in one sentence why the sign-in did not happen. */
function refusedPage(corpId: string | null, code: string): string {
  return `/login?${new URLSearchParams({ ...(corpId ? { corp: corpId } : {}), error: code }).toString()}`;
}

export function ssoRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  // The settings carry the callback address the admin registers with the provider.
  const withCallback = async <T extends object>(settings: Promise<T>) => ({ ...(await settings), callbackUrl: redirectUri(deps.config.publicUrl) });
  return async (app) => {
    app.get('/api/v1/corp/sso/oidc', { config: { auth: 'corp' }, schema: { tags: ['sso'], summary: 'The enterprise identity provider (never the secret)', response: { 200: OidcSettingsDto } } }, (request) =>
      withCallback(request.run(readSettings, undefined)),
    );

    app.put(
      '/api/v1/corp/sso/oidc',
      { config: { auth: 'corp' }, schema: { tags: ['sso'], summary: 'Configure the enterprise identity provider (OpenID Connect)', body: OidcSettingsBody, response: { 200: OidcSettingsDto } } },
      (request) => withCallback(request.run(writeSettings, request.body)),
    );

    app.get(
      '/api/v1/auth/oidc/:corpId',
      { config: { auth: 'public' }, schema: { tags: ['sso'], summary: 'Whether an enterprise signs in through a provider, and its name', params: CorpParams, response: { 200: ProviderDto } } },
      (request) => providerOf(deps.db, request.params.corpId),
    );

    app.get(
      '/api/v1/auth/oidc/:corpId/start',
      { config: { auth: 'public', rateLimit: signInRate(deps) }, schema: { tags: ['sso'], summary: 'Go to the enterprise identity provider to sign in', params: CorpParams, response: { 302: NoContent } } },
      async (request, reply) => reply.redirect(await startSignIn(deps.db, request.now, request.params.corpId, redirectUri(deps.config.publicUrl))),
    );

    app.get(
      CALLBACK_PATH,
      { config: { auth: 'public', rateLimit: signInRate(deps) }, schema: { tags: ['sso'], summary: 'Where the identity provider sends the person back', querystring: CallbackQuery, response: { 302: NoContent } } },
      async (request, reply) => {
        const login = request.query.state ? await takeLogin(deps.db, request.now, request.query.state) : undefined;
        if (!login) return reply.redirect(refusedPage(null, 'sso.login_expired'));
        const query = request.url.slice(request.url.indexOf('?') + 1);
        const result = await finishSignIn(deps.db, request.now, deps.config.scrypt, login, query);
        if (!result.ok) {
          await auditSignInFailure(deps.db, request.now, request.ip, { action: 'auth.sign_in_failed', corpId: login.corp_id, kind: 'account', principal: null, login: result.subject ?? '', reason: result.code });
          return reply.redirect(refusedPage(login.corp_id, result.code));
        }
        const session = await beginSession(deps.db, deps.registry, request.now, request.ip, result.account, login.corp_id, 'oidc', deviceClaim(request));
        setSessionCookies(reply, 'session', deps.config.secureCookies, session.cookie, session.csrfToken);
        return reply.redirect('/');
      },
    );
  };
}
