import { mkdirSync, accessSync, constants } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import type { Db } from './tables.ts';
import { statementName } from './prepared.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  readonly db: Db;
  readonly dialect: DialectName;
  /** The PostgreSQL schema Banyan's tables live in (`public` unless told otherwise). */
  readonly pgSchema?: string;
  close(): Promise<void>;
}

export class StorageConfigError extends Error {}

// int8 (COUNT, SUM cast to bigint, epoch ms, fen) fits in a double for every value Banyan stores.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

export interface OpenOptions {
  /** `postgres://…` selects PostgreSQL; absent means the embedded SQLite file. */
  databaseUrl?: string | undefined;
  /** Directory of the SQLite file; `:memory:` for an in-memory database. */
  dataDir?: string;
  /** PostgreSQL schema to work in (tests isolate each file in its own). */
  pgSchema?: string;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.pgSchema, options.poolSize);
  return openSqlite(options.dataDir ?? './data');
}

function openSqlite(dataDir: string): Database {
  let file = ':memory:';
  if (dataDir !== ':memory:') {
    try {
      mkdirSync(dataDir, { recursive: true });
      accessSync(dataDir, constants.W_OK);
    } catch {
      throw new StorageConfigError(`The data directory ${dataDir} cannot be created or written to.`);
    }
    file = join(dataDir, 'banyan.db');
  }
  const lock = file === ':memory:' ? undefined : lockDataDir(dataDir);
  const handle = new SqliteDatabase(file);
  handle.pragma('journal_mode = WAL');
  // FULL: an acknowledged payment must survive a power cut, not only a process crash.
  handle.pragma('synchronous = FULL');
  handle.pragma('busy_timeout = 5000');
  handle.pragma('foreign_keys = ON');
  const db = new Kysely({ dialect: new SqliteDialect({ database: withStatementCache(handle) }) }) as Db;
  return {
    db,
    dialect: 'sqlite',
    close: async () => {
      await db.destroy();
      // Kysely closes the handle only if it ever opened a connection on it.
      if (handle.open) handle.close();
      lock?.close();
    },
  };
}

/**
 * One process owns a SQLite data directory: the caches, the group commit and the job queue of a
 * server assume nobody else writes its file. The owner holds `banyan.lock`, a small SQLite file kept
 * in exclusive locking mode for as long as the database is open (the operating system drops the lock
 * if the process dies), so a second server, or `migrate`/`demo`/`import` while a server runs, is
 * refused at once. The database file itself stays in normal locking mode, so `sqlite3 .backup` can
 * still copy it while the server runs.
 */
function lockDataDir(dataDir: string): SqliteDatabase.Database {
  const lock = new SqliteDatabase(join(dataDir, 'banyan.lock'), { timeout: 0 });
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN EXCLUSIVE; COMMIT');
    return lock;
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      throw new StorageConfigError(`Another Banyan process is using the data directory ${dataDir}: stop it first, or give this one another --data-dir.`);
    }
    throw error;
  }
}

/**
 * Kysely prepares every statement anew; preparing costs more than running a small query. Statements
 * are reused by their SQL text, except one still being iterated (a streamed export), which gets a
 * fresh statement.
 */
function withStatementCache(handle: SqliteDatabase.Database): SqliteDatabase.Database {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const MAX = 2000;
  return new Proxy(handle, {
    get(target, property, receiver) {
      if (property !== 'prepare') {
        const value = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (source: string) => {
        const cached = cache.get(source);
        if (cached && !cached.busy) return cached;
        const statement = target.prepare(source);
        if (!cached) {
          if (cache.size >= MAX) cache.delete(cache.keys().next().value!);
          cache.set(source, statement);
        }
        return statement;
      };
    },
  });
}

function parsePostgresUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StorageConfigError('DATABASE_URL is not a valid URL (expected postgres://user@host:port/database).');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new StorageConfigError(`DATABASE_URL must start with postgres://, not ${parsed.protocol}//.`);
  }
  return parsed;
}

async function openPostgres(url: string, schema: string | undefined, poolSize = 10): Promise<Database> {
  parsePostgresUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 5000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end();
    const reason = error instanceof Error ? error.message : String(error);
    throw new StorageConfigError(`Cannot connect to PostgreSQL at ${redactUrl(url)}: ${reason}`);
  }
  const db = new Kysely({ dialect: new PostgresDialect({ pool: withNamedStatements(pool) }) }) as Db;
  return { db, dialect: 'postgres', pgSchema: schema ?? 'public', close: () => db.destroy() };
}

/**
 * Kysely sends every statement unnamed, so PostgreSQL parses and plans it anew each time. The SQL of
 * prepared queries (`prepared.ts`) goes out as a named statement instead: prepared on a connection
 * the first time it runs there, then only bound and executed (one round trip, no planning).
 */
function withNamedStatements(pool: pg.Pool): PostgresPool {
  // One wrapper per pooled client, for the client's life: Kysely keeps its connection object per
  // client it is handed, so a new wrapper on every checkout would make it build a new one each query.
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient =>
    ({
      query: (text: unknown, values?: unknown[]) => {
        const name = typeof text === 'string' ? statementName(text) : undefined;
        return name ? client.query({ name, text: text as string, values: values ?? [] }) : client.query(text as string, values);
      },
      // Kysely asks to destroy a client whose rollback failed (it then refuses that connection for good).
      release: (destroy?: boolean) => client.release(destroy),
    }) as unknown as PostgresPoolClient;
  return {
    connect: async () => {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) {
        wrapper = wrap(client);
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}

/** A URL for messages and logs: the password never leaves. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
