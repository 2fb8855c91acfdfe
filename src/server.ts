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
  close(): Promise<void>;
}

/** Opens and migrates the database, builds the app, starts the workers and listens. */
export async function startServer(config: Config, clock: Clock = systemClock, database?: Database): Promise<RunningServer> {
  const db = database ?? (await openMigratedDatabase(config));
  let built: BuiltApp;
  try {
    built = await buildApp({ config, database: db, clock });
    await built.app.listen({ host: config.host, port: config.port });
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
  return {
    ...built,
    url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`,
    close: async () => {
      built.deps.outbox.stop();
      built.deps.jobs.stop();
      await built.app.close();
      await db.close();
    },
  };
}
