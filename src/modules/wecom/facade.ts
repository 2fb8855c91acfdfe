import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Caller, Command } from '../../platform/command.ts';
import type { Deps } from '../../platform/deps.ts';
import { errcodeOf, WecomError } from './wecom.errors.ts';
import { tokenHolder, type TokenHolder } from './tokens.service.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A WeCom-compatible route that needs an `access_token` (every one but gettoken). */
    wecomToken?: boolean;
  }
  interface FastifyRequest {
    /** Who the `access_token` acts as (WeCom-compatible routes). */
    wecom: TokenHolder | null;
  }
}

/** What a WeCom route handler works with: the token's holder and a way to run commands as it. */
export interface WecomCall {
  holder: TokenHolder;
  caller: Caller;
  run<I, O>(command: Command<I, O>, input: I): Promise<O>;
}

export function wecomCall(deps: Deps, request: FastifyRequest): WecomCall {
  const holder = request.wecom;
  if (!holder) throw new WecomError(41001, 'access_token missing');
  const caller: Caller = { corpId: holder.corpId, actor: holder.actor, now: request.now, log: request.log, ip: request.ip };
  return { holder, caller, run: (command, input) => deps.commands.run(command, caller, input) };
}

/**
 * The WeCom envelope for a scope of routes (../shared/wecom-api.md §0 and §2): every answer is HTTP
 * 200 with `errcode`/`errmsg`; a body is JSON whatever its Content-Type says (some clients send
 * none); the token travels as `access_token` in the query and is checked before the body is, so a
 * call without one is 41001 rather than a complaint about its body.
 */
export function installEnvelope(app: FastifyInstance, deps: Deps): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body).trim();
    if (text === '') return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new WecomError(40058, 'invalid json'), undefined);
    }
  });
  app.decorateRequest('wecom', null);
  app.addHook('preValidation', async (request) => {
    if (!request.routeOptions.config.wecomToken) return;
    const token = (request.query as { access_token?: unknown }).access_token;
    request.wecom = await tokenHolder(deps.db, request.now, typeof token === 'string' ? token : undefined);
  });
  app.setErrorHandler((error, request, reply) => {
    const answer = errcodeOf(error);
    if (answer.errcode === -1) request.log.error({ err: error }, 'wecom facade error');
    return reply.status(200).type('application/json').send(answer);
  });
}
