import { after, before, describe } from 'node:test';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type DialectName } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { migrations } from '../../src/migrations.ts';

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
 * database (so test files run in parallel without seeing each other). `close` drops the schema.
 */
export async function openTestDatabase(dialect: DialectName): Promise<TestDatabase & { close(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const database = await openDatabase({ dataDir: ':memory:' });
    await migrateToLatest(database.db, migrations);
    return { dialect, database, close: () => database.close() };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = await openDatabase({ databaseUrl: url, pgSchema: schema, poolSize: 20 });
  await migrateToLatest(database.db, migrations);
  return {
    dialect,
    database,
    close: async () => {
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
