import { createServer, type Server } from 'node:http';
import type { Config } from './config.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { openDatabase, type Database } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { collectMigrations } from './platform/module.ts';
import { manifests } from './modules/index.ts';
import { buildApp, type BuiltApp } from './app.ts';

export async function openMigratedDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'> & Partial<Pick<Config, 'dbPool'>>): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, ...(config.dbPool ? { poolSize: config.dbPool } : {}) });
  try {
    await migrateToLatest(database, collectMigrations(manifests));
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

export interface RunningServer extends BuiltApp {
  url: string;
  /** Where the WeCom-compatible API answers at the root (`/cgi-bin/...`), when its port is on. */
  wecomUrl: string | undefined;
  close(): Promise<void>;
}

/** Opens and migrates the database, builds the app, starts the workers and listens. */
export async function startServer(config: Config, clock: Clock = systemClock, database?: Database): Promise<RunningServer> {
  const db = database ?? (await openMigratedDatabase(config));
  let built: BuiltApp;
  let wecom: Server | undefined;
  try {
    built = await buildApp({ config, database: db, clock });
    await built.app.listen({ host: config.host, port: config.port });
    if (config.wecomPort > 0) wecom = await listenWecom(built, config);
  } catch (error) {
    await db.close();
    throw error;
  }
  if (config.workers) {
    built.deps.outbox.start();
    built.deps.jobs.start();
  }
  const address = built.app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  return {
    ...built,
    url: `http://${host}:${port}`,
    wecomUrl: wecom ? `http://${host}:${(wecom.address() as { port: number }).port}` : undefined,
    close: async () => {
      built.deps.outbox.stop();
      built.deps.jobs.stop();
      if (wecom) await new Promise<void>((done) => wecom.close(() => done()));
      await built.app.close();
      await db.close();
    },
  };
}

/**
 * The WeCom-compatible API's own port: the same app (hooks, rate limits, logs), answering only
 * `/cgi-bin/...`, so a client that replaces the whole path of its base URL still reaches it.
 */
async function listenWecom(built: BuiltApp, config: Config): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/cgi-bin/')) return built.app.routing(req, res);
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ errcode: 40063, errmsg: 'only /cgi-bin/ is served on this port' }));
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(config.wecomPort, config.host, () => ready());
  });
  return server;
}
