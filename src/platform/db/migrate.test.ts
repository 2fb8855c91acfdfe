import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { testDialects } from '../../../test/support/db.ts';
import { openDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { migrations } from '../../migrations.ts';

// Only PostgreSQL can have two servers on one database; on SQLite-only runs this suite is absent.
for (const dialect of testDialects().filter((d) => d === 'postgres')) {
  describe(`migrations [${dialect}]`, () => {
    it('two servers starting at once on one database apply every migration exactly once', async () => {
      const url = process.env.TEST_DATABASE_URL!;
      const schema = `t_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      const servers = await Promise.all([1, 2].map(() => openDatabase({ databaseUrl: url, pgSchema: schema, poolSize: 2 })));
      try {
        const applied = await Promise.all(servers.map((server) => migrateToLatest(server, migrations)));
        assert.deepEqual([...applied[0]!, ...applied[1]!].sort(), Object.keys(migrations).sort());
        const rows = await sql<{ name: string }>`select name from ${sql.table(`${schema}.kysely_migration`)}`.execute(servers[0]!.db);
        assert.equal(rows.rows.length, Object.keys(migrations).length);
      } finally {
        await Promise.all(servers.map((server) => server.close()));
        await admin.end();
      }
    });
  });
}
