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

    it('a database made by the migrations before 0180 keeps its rows: outbox and receipts keyed by enterprise, global codes moved to their routing tables', async () => {
      const before = await emptyDatabase(dialect);
      const fresh = await emptyDatabase(dialect);
      try {
        await migrateToLatest(before.database, Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0180')));
        const { db } = before.database;
        await sql`insert into outbox (id, corp_id, type, payload_json, created_at, available_at, delivered_at, attempts, last_error) values ('evt_1', 'corp_a', 'x.y', '{}', 1, 1, null, 0, null)`.execute(db);
        await sql`insert into outbox_receipts (handler, event_id, at) values ('inbox', 'evt_1', 2), ('gone', 'evt_0', 2)`.execute(db);
        await sql`insert into api_tokens (corp_id, id, name, token_hash, rights_json, created_by, created_at, last_used_at, revoked_at) values ('corp_a', 'tok_1', 'sync', 'hash1', '[]', 'mem_1', 1, null, null)`.execute(db);
        await sql`insert into acquisition_links (corp_id, id, code, name, created_by_name, created_at, deleted_at) values ('corp_a', 'alink_1', 'code1', '官网', '林森', 1, null)`.execute(db);
        await sql`insert into wallet_topups (corp_id, id, channel, amount, status, code, order_id, pending_reason, channel_trade_no, payer_name, txn_id, created_by, created_at, paid_at)
          values ('corp_a', 'top_1', 'bank_transfer', 100, 'pending', 'ABCD1234', null, null, null, null, null, 'mem_1', 1, null),
                 ('corp_b', 'top_2', 'wechat', 100, 'paid', null, null, null, 'T-9', null, null, 'mem_2', 1, 2)`.execute(db);
        await sql`insert into wallet_txns (corp_id, id, serial_no, seq, type, item, description, amount, balance_after, order_id, invoice_state, invoice_id, actor_kind, actor_id, actor_name, created_at)
          values ('corp_a', 'txn_1', 'S1', 1, 'topup', null, '充值', 100, 100, null, 'open', null, 'system', 'system', 'system', 1)`.execute(db);
        const applied = await migrateToLatest(before.database, migrations);
        assert.deepEqual(applied, Object.keys(migrations).filter((name) => name >= '0180').sort());
        const rows = async (query: ReturnType<typeof sql>) => (await query.execute(db)).rows;
        assert.deepEqual(await rows(sql`select corp_id, id, type from outbox`), [{ corp_id: 'corp_a', id: 'evt_1', type: 'x.y' }]);
        assert.deepEqual(await rows(sql`select corp_id, handler, event_id from outbox_receipts order by handler`), [{ corp_id: '', handler: 'gone', event_id: 'evt_0' }, { corp_id: 'corp_a', handler: 'inbox', event_id: 'evt_1' }]);
        assert.deepEqual(await rows(sql`select token_hash, corp_id, token_id from api_token_routes`), [{ token_hash: 'hash1', corp_id: 'corp_a', token_id: 'tok_1' }]);
        assert.deepEqual(await rows(sql`select code, corp_id, link_id from acquisition_link_codes`), [{ code: 'code1', corp_id: 'corp_a', link_id: 'alink_1' }]);
        assert.deepEqual(await rows(sql`select code, corp_id, topup_id from wallet_topup_codes`), [{ code: 'ABCD1234', corp_id: 'corp_a', topup_id: 'top_1' }]);
        assert.deepEqual(await rows(sql`select channel_trade_no, corp_id, topup_id from wallet_trade_nos`), [{ channel_trade_no: 'T-9', corp_id: 'corp_b', topup_id: 'top_2' }]);
        assert.deepEqual(await rows(sql`select id, code, channel_trade_no from wallet_topups order by id`), [{ id: 'top_1', code: 'ABCD1234', channel_trade_no: null }, { id: 'top_2', code: null, channel_trade_no: 'T-9' }]);
        assert.deepEqual(await rows(sql`select id, serial_no from wallet_txns`), [{ id: 'txn_1', serial_no: 'S1' }]);
        // The same serial number in another enterprise is now allowed; twice in one it is not (columns named: later migrations add some).
        await sql`insert into wallet_txns (corp_id, id, serial_no, seq, type, item, description, amount, balance_after, order_id, invoice_state, invoice_id, actor_kind, actor_id, actor_name, created_at) select 'corp_b', id, serial_no, seq, type, item, description, amount, balance_after, order_id, invoice_state, invoice_id, actor_kind, actor_id, actor_name, created_at from wallet_txns`.execute(db);
        await assert.rejects(sql`insert into wallet_txns (corp_id, id, serial_no, seq, type, item, description, amount, balance_after, order_id, invoice_state, invoice_id, actor_kind, actor_id, actor_name, created_at) select corp_id, 'txn_2', serial_no, 2, type, item, description, amount, balance_after, order_id, invoice_state, invoice_id, actor_kind, actor_id, actor_name, created_at from wallet_txns where corp_id = 'corp_a'`.execute(db));
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
