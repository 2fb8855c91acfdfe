import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { command } from '../../platform/command.ts';
import type { Deps } from '../../platform/deps.ts';
import { NullableIsoDateTime } from '../../platform/http/schemas.ts';
import { contactRoutes } from './contacts.wecom.ts';
import { installEnvelope } from './facade.ts';
import { messageRoutes } from './messages.wecom.ts';
import { oaRoutes } from './oa.wecom.ts';
import { externalContactRoutes } from './externalcontact.wecom.ts';
import { issueToken, resetSyncSecret, syncSecretStatus } from './tokens.service.ts';

const syncStatus = command({ right: 'wecom.sync_secret', tx: 'read' }, (ctx) => syncSecretStatus(ctx));
const syncReset = command({ right: 'wecom.sync_secret', tx: 'plain' }, (ctx) => resetSyncSecret(ctx));

const tags = ['wecom'];

/**
 * The console's side (the contacts-sync secret) under /api/v1, and the WeCom-compatible API at
 * /cgi-bin/... in a scope of its own: WeCom's envelope, JSON without a Content-Type, token auth.
 */
export function wecomRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/wecom/sync-secret',
      { config: { auth: 'corp' }, schema: { tags, summary: 'Whether the contacts-sync secret (通讯录同步) is set, and since when', response: { 200: Type.Object({ configured: Type.Boolean(), createdAt: NullableIsoDateTime }) } } },
      (request) => request.run(syncStatus, undefined),
    );
    app.post(
      '/api/v1/wecom/sync-secret',
      { config: { auth: 'corp' }, schema: { tags, summary: 'Reset the contacts-sync secret; shown once, the old one and its token stop working', response: { 200: Type.Object({ secret: Type.String() }) } } },
      (request) => request.run(syncReset, undefined),
    );

    await app.register(async (scope) => {
      installEnvelope(scope, deps);
      const facade = scope.withTypeProvider<TypeBoxTypeProvider>();
      facade.get(
        '/cgi-bin/gettoken',
        { schema: { hide: true, querystring: Type.Object({ corpid: Type.Optional(Type.String()), corpsecret: Type.Optional(Type.String()) }) } },
        async (request) => {
          const { token, expiresIn } = await issueToken(deps.db, request.now, request.query.corpid, request.query.corpsecret);
          return { errcode: 0, errmsg: 'ok', access_token: token, expires_in: expiresIn };
        },
      );
      contactRoutes(scope, deps);
      messageRoutes(scope, deps);
      oaRoutes(scope, deps);
      externalContactRoutes(scope, deps);
    });
  };
}
