import { after, before, describe } from 'node:test';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type DialectName } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { collectMigrations } from '../../src/platform/module.ts';
import { manifests } from '../../src/modules/index.ts';

const migrations = collectMigrations(manifests);

export interface TestDatabase {
  dialect: DialectName;
  database: Database;
}

/** The engines a database test runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testDialects(): DialectName[] {
  const url = process.env.TEST_DATABASE_URL;
  if (!url && process.env.REQUIRE_POSTGRES === '1') throw new Error('REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set');
  return url ? ['sqlite', 'postgres'] : ['sqlite'];
}

/**
 * Opens a migrated, empty database: an in-memory SQLite, or a fresh schema of the PostgreSQL test
 * database (so test files run in parallel without seeing each other).
 */
export async function openTestDatabase(dialect: DialectName): Promise<TestDatabase & { close(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const database = await openDatabase({ dataDir: ':memory:' });
    await migrateToLatest(database, migrations);
    return { dialect, database, close: () => database.close() };
  }
  const { database } = await openPostgresSchema(process.env.TEST_DATABASE_URL!, 20);
  // The schema is left in place: dropping it while another test file's migrator reads the catalog
  // makes that read fail. scripts/test.js drops every test schema before a run.
  return { dialect, database, close: () => database.close() };
}

/**
 * A fresh, migrated schema (`t_…`) of a PostgreSQL database. `drop` removes it; benchmarks call it,
 * test files leave their schema for scripts/test.js to drop before the next run.
 */
export async function openPostgresSchema(url: string, poolSize: number): Promise<{ database: Database; drop(): Promise<void> }> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create schema ${schema}`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ databaseUrl: url, pgSchema: schema, poolSize });
  await migrateToLatest(database, migrations);
  return {
    database,
    drop: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}

/**
 * Runs a suite once per engine. `use()` gives the suite's database inside tests; with
 * REQUIRE_POSTGRES=1 an unreachable PostgreSQL fails the suite instead of skipping it.
 */
export function describeEachDialect(title: string, suite: (use: () => TestDatabase) => void): void {
  for (const dialect of testDialects()) {
    describe(`${title} [${dialect}]`, () => {
      let current: (TestDatabase & { close(): Promise<void> }) | undefined;
      before(async () => {
        current = await openTestDatabase(dialect);
      });
      after(async () => {
        await current?.close();
      });
      suite(() => {
        if (!current) throw new Error('the test database is not open');
        return current;
      });
    });
  }
}
