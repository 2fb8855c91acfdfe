import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, ReadCtx } from '../context.ts';
import type { Caller, Command, Commands } from '../command.ts';
import type { Db } from '../db/tables.ts';
import { DomainError } from '../errors.ts';
import type { Clock } from '../clock.ts';
import type { Registry } from '../module.ts';
import { findSession, type Session } from '../auth/sessions.ts';
import type { ReadCaches } from './read-cache.ts';

/**
 * Who may call a route. Every route must say; a route that does not is refused (default deny).
 * - public: anyone (sign-in, register, payment callbacks).
 * - account: a signed-in account, in or out of an enterprise.
 * - corp: an actor inside the current enterprise: a member, an external super admin or an API token.
 * - operator: a platform operator, by its own session cookie only.
 */
export type AuthMode = 'public' | 'account' | 'corp' | 'operator';

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: AuthMode;
  }
  interface FastifyRequest {
    /** The instant of this request, read once. */
    now: number;
    session: Session | null;
    corp: { corpId: string; actor: Actor } | null;
    operator: Actor | null;
    /** The caller of a `corp` route, as commands take it. */
    caller(): Caller;
    /** Runs a command as this route's caller (`corp` routes). */
    run<I, O>(command: Command<I, O>, input: I): Promise<O>;
    /** Runs a command as the signed-in operator, inside the named enterprise ('' for the platform). */
    runFor<I, O>(corpId: string, command: Command<I, O>, input: I): Promise<O>;
    /** A read outside any command (streamed exports): the caller with the database handle. */
    readCtx(): ReadCtx;
  }
}

export const COOKIES = {
  session: 'banyan_session',
  operatorSession: 'banyan_op_session',
  csrf: 'banyan_csrf',
  operatorCsrf: 'banyan_op_csrf',
} as const;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function installAuth(app: FastifyInstance, deps: { db: Db; clock: Clock; caches: ReadCaches; registry: Registry; commands: Commands }): void {
  const { providers } = deps.registry;
  app.decorateRequest('now', 0);
  app.decorateRequest('session', null);
  app.decorateRequest('corp', null);
  app.decorateRequest('operator', null);
  app.decorateRequest('caller', function (this: FastifyRequest): Caller {
    if (!this.corp) throw new DomainError('auth.required');
    const key = this.headers['idempotency-key'];
    return { corpId: this.corp.corpId, actor: this.corp.actor, now: this.now, log: this.log, ip: this.ip, idempotencyKey: typeof key === 'string' ? key : undefined };
  });
  app.decorateRequest('run', function <I, O>(this: FastifyRequest, command: Command<I, O>, input: I): Promise<O> {
    return deps.commands.run(command, this.caller(), input);
  });
  app.decorateRequest('runFor', function <I, O>(this: FastifyRequest, corpId: string, command: Command<I, O>, input: I): Promise<O> {
    if (!this.operator) throw new DomainError('auth.required');
    return deps.commands.run(command, { corpId, actor: this.operator, now: this.now, log: this.log, ip: this.ip }, input);
  });
  app.decorateRequest('readCtx', function (this: FastifyRequest): ReadCtx {
    const caller = this.caller();
    return { corpId: caller.corpId, actor: caller.actor, now: caller.now, log: caller.log, ip: caller.ip, trx: deps.db, registry: deps.registry };
  });

  app.addHook('onRequest', (request, _reply, done) => {
    request.now = deps.clock.now();
    done();
  });
  // Sessions looked up in the last second (see ReadCache for why this is safe).
  const sessionCache = deps.caches.create<Session>();
  app.addHook('onResponse', (request, _reply, done) => {
    if (!SAFE_METHODS.has(request.method)) deps.caches.clearAll();
    done();
  });

  app.addHook('preHandler', async (request: FastifyRequest, _reply: FastifyReply) => {
    const mode = request.routeOptions.config.auth;
    // Static files, the API reference and the 404 handler have no auth mode: only /api/v1 is guarded here.
    if (!request.routeOptions.url?.startsWith('/api/v1/')) return;
    if (!mode) throw new DomainError('forbidden', { reason: 'route has no auth mode' });
    if (mode === 'public') return;

    if (mode === 'operator') {
      const session = await useSession(request, 'operator');
      request.operator = (await providers.operatorActor(deps.db, session.principalId)) ?? null;
      if (!request.operator) throw new DomainError('auth.required');
      return;
    }

    const bearer = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer) {
      if (mode !== 'corp') throw new DomainError('forbidden', { reason: 'API tokens act only inside their enterprise' });
      const found = await providers.tokenActor(deps.db, request.now, bearer);
      if (!found) throw new DomainError('auth.required', { reason: 'token unknown or revoked' });
      request.corp = found;
      return;
    }

    const session = await useSession(request, 'account');
    if (mode === 'corp') {
      const actor = session.corpId ? await providers.accountActor(deps.db, session.corpId, session.principalId) : undefined;
      if (!actor || !session.corpId) throw new DomainError('auth.no_enterprise');
      // 下次登录时修改密码: until a new password is set, only /me, the password change and sign-out answer.
      if (session.passwordChange) throw new DomainError('auth.password_change_required');
      request.corp = { corpId: session.corpId, actor };
    }
  });

  async function cachedSession(kind: 'account' | 'operator', cookie: string, now: number): Promise<Session | undefined> {
    const key = `${kind}:${cookie}`;
    const cached = sessionCache.get(key);
    if (cached && cached.expiresAt > now) return cached;
    const session = await findSession(deps.db, now, kind, cookie);
    if (session) sessionCache.set(key, session);
    return session;
  }

  async function useSession(request: FastifyRequest, kind: 'account' | 'operator'): Promise<Session> {
    const cookie = request.cookies[kind === 'account' ? COOKIES.session : COOKIES.operatorSession];
    const session = cookie ? await cachedSession(kind, cookie, request.now) : undefined;
    if (!session) throw new DomainError('auth.required');
    // Cookies ride along with cross-site requests; the CSRF header cannot.
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameSecret(header, session.csrfToken)) throw new DomainError('auth.csrf');
    }
    request.session = session;
    return session;
  }
}
