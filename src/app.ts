import type { DestinationStream } from 'pino';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import { Redis } from 'ioredis';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { TypeBoxValidatorCompiler, registerAjvFormats } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import type { Config } from './config.ts';
import type { Clock } from './platform/clock.ts';
import { Commands } from './platform/command.ts';
import type { Database } from './platform/db/database.ts';
import type { Deps } from './platform/deps.ts';
import { buildRegistry, type ModuleManifest } from './platform/module.ts';
import { BODY_LIMIT, MAX_PARAM_LENGTH, clientErrorHandler, frameworkErrorHandler, installErrorHandling, notFound } from './platform/http/errors.ts';
import { installAuth } from './platform/http/auth.ts';
import { installMetrics } from './platform/http/metrics.ts';
import { installSecurityHeaders } from './platform/http/security-headers.ts';
import { ReadCaches } from './platform/http/read-cache.ts';
import { postgresRateLimitStore } from './platform/http/rate-limit-store.ts';
import { loggerOptions } from './platform/logger.ts';
import { createMailer } from './platform/mail.ts';
import { Outbox } from './platform/outbox.ts';
import { JobRunner } from './platform/jobs.ts';
import { manifests } from './modules/index.ts';

export interface BuiltApp {
  app: FastifyInstance;
  deps: Deps;
}

registerAjvFormats();

/**
 * The HTTP app: platform plugins, then every module's routes, rights, events and jobs from its
 * manifest. `modules` is Banyan's list unless told otherwise (a test adds a module of its own).
 */
export async function buildApp(options: { config: Config; database: Database; clock: Clock; modules?: readonly ModuleManifest[]; logStream?: DestinationStream }): Promise<BuiltApp> {
  const { config, database, clock } = options;
  const modules = options.modules ?? manifests;
  // Set once the security headers are installed; errors raised before routing need them too.
  let headersFor: (url: string) => Record<string, string> = () => ({});
  const app = Fastify({
    // A test reads the log lines back through `logStream`; otherwise pino writes to stdout.
    logger: options.logStream ? { ...(loggerOptions(config.logLevel) as object), stream: options.logStream } : loggerOptions(config.logLevel),
    bodyLimit: BODY_LIMIT,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // A number of hops becomes Fastify's trust function: the nearest `n` proxies are believed.
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    frameworkErrors: frameworkErrorHandler(() => headersFor),
    clientErrorHandler,
  });
  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  // The API takes JSON (and multipart where a route uploads a file): a text/plain body is a 415,
  // not a string that then fails the body's schema.
  app.removeContentTypeParser('text/plain');

  const registry = buildRegistry(modules);
  const { db, dialect } = database;
  const outbox = new Outbox(db, dialect, clock, app.log, registry);
  const jobs = new JobRunner(db, dialect, clock, app.log, registry);
  const commands = new Commands(db, dialect, registry);
  // Per-process read caches only where this process is the database's only writer (see ReadCache).
  const caches = new ReadCaches(dialect === 'sqlite');
  const mailer = createMailer(config, app.log);
  app.addHook('onClose', async () => mailer.close());
  const deps: Deps = { db, dialect, clock, config, registry, commands, outbox, jobs, log: app.log, caches, mailer };

  installErrorHandling(app);
  await app.register(cookie);
  headersFor = installSecurityHeaders(app, { https: config.secureCookies });
  // Registered even when the global limit is off (0), so sign-in keeps its own limit. The counters
  // live where every process of the deployment sees them (rateLimitStore).
  await app.register(rateLimit, { global: config.rateLimitPerMinute > 0, max: config.rateLimitPerMinute, timeWindow: '1 minute', ...rateLimitStore(app, config, database) });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Banyan API', version: '1', description: 'Self-hosted enterprise workspace administration. Errors have the body { error: { code, message, details } }.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'banyan_session' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  installAuth(app, { db, clock, caches, registry, commands });
  installMetrics(app);

  app.get('/api/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { config: { auth: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { auth: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(db);
      return { status: 'ready' };
    } catch {
      return reply.status(503).send({ error: { code: 'unavailable', message: 'The database does not answer.' } });
    }
  });

  for (const manifest of modules) if (manifest.routes) await app.register(manifest.routes(deps));

  await serveConsole(app, config.webDir, config.consoleMotion);
  return { app, deps };
}

function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}

/**
 * Where rate-limit counters live: Redis when configured; else PostgreSQL, shared by every process
 * on the database; else (SQLite: one process) in memory.
 */
function rateLimitStore(app: FastifyInstance, config: Config, database: Database): { redis: Redis } | { store: ReturnType<typeof postgresRateLimitStore> } | Record<string, never> {
  if (config.redisUrl) {
    const redis = new Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: true });
    redis.on('error', (error: unknown) => app.log.warn({ err: error }, 'redis'));
    app.addHook('onClose', async () => {
      await redis.quit();
    });
    return { redis };
  }
  if (database.dialect === 'postgres') return { store: postgresRateLimitStore(database.db) };
  return {};
}

/**
 * The built console at `/`, with every non-API path falling back to index.html for client routing.
 * index.html is read on each request (a rebuilt console shows without a restart), revalidated each
 * time and, for the browser tests' server only, says that the console must not animate
 * (Config.consoleMotion). Hashed assets never change under their name: a browser keeps them a year,
 * and each goes out as its build-time .br or .gz copy when the browser accepts it.
 */
async function serveConsole(app: FastifyInstance, webDir: string, motion: boolean): Promise<void> {
  const indexFile = join(webDir, 'index.html');
  const hasConsole = existsSync(indexFile);
  const sendIndex = async (reply: FastifyReply) => {
    const html = await readFile(indexFile, 'utf8');
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(motion ? html : html.replace('<head>', '<head>\n    <meta name="banyan-motion" content="off" />'));
  };
  if (hasConsole) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      globIgnore: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, path) => res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
    app.get('/', { config: { auth: 'public' }, schema: { hide: true } }, (_request, reply) => sendIndex(reply));
    app.get('/index.html', { config: { auth: 'public' }, schema: { hide: true } }, (_request, reply) => sendIndex(reply));
  }
  // A path with a dot is a file, except the link pages, whose token has dots (corp.id.secret).
  const consolePage = (path: string) => !path.startsWith('/api/') && (!path.includes('.') || /^\/(?:activate|join)\/[^/]+$/.test(path));
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    if (hasConsole && request.method === 'GET' && consolePage(path)) return sendIndex(reply);
    return notFound(request, reply);
  });
}
