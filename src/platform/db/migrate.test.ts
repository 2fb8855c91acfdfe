import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql, type Migration } from 'kysely';
import { testDialects } from '../../../test/support/db.ts';
import * as legacyPlatform from '../../../test/support/legacy-0001-platform.ts';
import { openDatabase, type Database, type DialectName } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { collectMigrations } from '../module.ts';
import { manifests } from '../../modules/index.ts';

const migrations = collectMigrations(manifests);
/** The migrations that took the modules' tables out of 0001_platform. */
const TAKEN_OVER = ['0060_accounts', '0070_corps', '0080_operators', '0090_inbox', '0100_api_tokens'];

/** A fresh, empty database of the engine: in-memory SQLite, or a schema of its own on PostgreSQL. */
async function emptyDatabase(dialect: DialectName, poolSize = 4): Promise<{ database: Database; schema: string | undefined; others: () => Promise<Database> }> {
  if (dialect === 'sqlite') {
    const database = await openDatabase({ dataDir: ':memory:' });
    return { database, schema: undefined, others: async () => database };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  return { database: await openDatabase({ databaseUrl: url, pgSchema: schema, poolSize }), schema, others: () => openDatabase({ databaseUrl: url, pgSchema: schema, poolSize }) };
}

/** Every table with its columns, as the engine's catalogue lists them. */
async function shape(database: Database): Promise<string[]> {
  const tables = await database.db.introspection.getTables();
  return tables
    .filter((t) => !t.name.startsWith('kysely_'))
    .flatMap((t) => t.columns.map((c) => `${t.name}.${c.name} ${c.dataType}${c.isNullable ? '' : ' not null'}`))
    .sort();
}

for (const dialect of testDialects()) {
  describe(`migrations [${dialect}]`, () => {
    it('a database made before the modules owned their migrations keeps working, with the same tables as a new one', async () => {
      const before = await emptyDatabase(dialect);
      const fresh = await emptyDatabase(dialect);
      try {
        const old: Record<string, Migration> = { ...Object.fromEntries(Object.entries(migrations).filter(([name]) => !TAKEN_OVER.includes(name))), '0001_platform': legacyPlatform };
        await migrateToLatest(before.database, old);
        await sql`insert into accounts (id, login_name, name, password_hash, created_corps, created_at, updated_at) values ('acc_1', 'zhangsan', '张三', 'x', 1, 1, 1)`.execute(before.database.db);
        const applied = await migrateToLatest(before.database, migrations);
        assert.deepEqual(applied.sort(), [...TAKEN_OVER].sort());
        const kept = await sql<{ name: string }>`select name from accounts where id = 'acc_1'`.execute(before.database.db);
        assert.deepEqual(kept.rows, [{ name: '张三' }]);
        await migrateToLatest(fresh.database, migrations);
        assert.deepEqual(await shape(before.database), await shape(fresh.database));
      } finally {
        await before.database.close();
        await fresh.database.close();
      }
    });

    if (dialect === 'postgres') {
      it('two servers starting at once on one database apply every migration exactly once', async () => {
        const first = await emptyDatabase(dialect, 2);
        const servers = [first.database, await first.others()];
        try {
          const applied = await Promise.all(servers.map((server) => migrateToLatest(server, migrations)));
          assert.deepEqual([...applied[0]!, ...applied[1]!].sort(), Object.keys(migrations).sort());
          const rows = await sql<{ name: string }>`select name from ${sql.table(`${first.schema}.kysely_migration`)}`.execute(servers[0]!.db);
          assert.equal(rows.rows.length, Object.keys(migrations).length);
        } finally {
          await Promise.all(servers.map((server) => server.close()));
        }
      });
    }
  });
}
