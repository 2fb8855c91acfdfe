// 数据迁移: how fast the move job takes customers from one enterprise to another, on SQLite (a file,
// WAL, synchronous=FULL) and, when BENCH_DATABASE_URL or TEST_DATABASE_URL is set, PostgreSQL.
// Baseline in the same run, on the same engine: raw SQL doing the least a move of the same batches
// must do (read the next ids, insert the customers and their relations in the target, delete the
// source's relations, store the cursor, one transaction per batch), without Banyan's checks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { collectMigrations } from '../src/platform/module.ts';
import { manifests } from '../src/modules/index.ts';
import { DirectoryFixture } from '../src/modules/directory/testing/index.ts';
import { grantTier, quoteTier, seedCustomers } from '../src/modules/customers/testing/index.ts';
import { operatorClient } from '../src/modules/wallet/testing/index.ts';
import { BATCH_SIZE, paperReceivedPair, step } from '../src/modules/datamigration/testing/index.ts';
import { createTestApp } from '../test/support/app.ts';
import { openPostgresSchema } from '../test/support/db.ts';
import type { BenchResult } from './types.ts';
import { round } from './types.ts';

const CUSTOMERS = Number(process.env.BENCH_MIGRATION_CUSTOMERS ?? 10_000);

async function banyan(database: Database, dialect: 'sqlite' | 'postgres', dataDir: string): Promise<{ ms: number; moved: number }> {
  const t = await createTestApp({ dialect, database }, { dataDir });
  try {
    const operator = await operatorClient(t);
    const pair = await paperReceivedPair(t, operator);
    const source = await DirectoryFixture.open(t.deps.db, pair.sourceId, () => t.clock.now());
    const target = await DirectoryFixture.open(t.deps.db, pair.targetId, () => t.clock.now());
    const zhang = await source.member('张三', undefined, { userid: 'zhangsan' });
    await target.member('张三', undefined, { userid: 'zhangsan' });
    await seedCustomers(t.deps.db, pair.sourceId, zhang, CUSTOMERS, t.clock.now(), 'bench');
    // Room in the target beyond the free 2,000.
    await t.deps.db.transaction().execute(async (trx) => grantTier({ corpId: pair.targetId, trx, now: t.clock.now() }, await quoteTier(trx, pair.targetId, t.clock.now(), 20_000), null));
    await step(operator, pair, { step: 'start' });
    const started = performance.now();
    await t.deps.jobs.runDue();
    const ms = performance.now() - started;
    const view = (await pair.client.get<{ items: { id: string; progress: { moved: number } | null }[] }>('/api/v1/data-migrations')).body.items.find((m) => m.id === pair.migrationId)!;
    return { ms, moved: view.progress?.moved ?? 0 };
  } finally {
    await t.close();
  }
}

/** The raw baseline: the same number of customers, moved between two made-up enterprises, batch by batch. */
async function raw(database: Database): Promise<{ ms: number; moved: number }> {
  const db = database.db;
  const now = Date.now();
  const src = 'corp_rawsrc';
  const dst = 'corp_rawdst';
  for (let start = 0; start < CUSTOMERS; start += 500) {
    const n = Math.min(500, CUSTOMERS - start);
    const ids = Array.from({ length: n }, (_, i) => `cus_raw${String(start + i).padStart(8, '0')}`);
    await sql`insert into customers (corp_id, id, external_id, name, holders, counted_since, created_at) values ${sql.join(ids.map((id) => sql`(${src}, ${id}, ${`raw-${id}`}, ${'客户'}, 1, ${now}, ${now})`))}`.execute(db);
    await sql`insert into friendships (corp_id, member_id, customer_id, state, one_way_reason, source, link_id, added_at) values ${sql.join(ids.map((id) => sql`(${src}, ${'mem_raw'}, ${id}, 'mutual', ${null}, 'manual', ${null}, ${now})`))}`.execute(db);
  }
  const started = performance.now();
  let cursor = '';
  let moved = 0;
  for (;;) {
    const batch = await db.transaction().execute(async (trx) => {
      const rows = await sql<{ id: string; external_id: string; name: string }>`select c.id, c.external_id, c.name from customers c where c.corp_id = ${src} and c.id > ${cursor} order by c.id limit ${BATCH_SIZE}`.execute(trx);
      const list = rows.rows;
      if (list.length === 0) return list;
      await sql`insert into customers (corp_id, id, external_id, name, holders, counted_since, created_at) values ${sql.join(list.map((c) => sql`(${dst}, ${`n${c.id}`}, ${c.external_id}, ${c.name}, 1, ${now}, ${now})`))}`.execute(trx);
      await sql`insert into friendships (corp_id, member_id, customer_id, state, one_way_reason, source, link_id, added_at) values ${sql.join(list.map((c) => sql`(${dst}, ${'mem_rawt'}, ${`n${c.id}`}, 'mutual', ${null}, 'manual', ${null}, ${now})`))}`.execute(trx);
      await sql`delete from friendships where corp_id = ${src} and customer_id in (${sql.join(list.map((c) => c.id))})`.execute(trx);
      await sql`update customer_counters set served = served where corp_id = ${src}`.execute(trx);
      return list;
    });
    if (batch.length === 0) break;
    moved += batch.length;
    cursor = batch.at(-1)!.id;
  }
  return { ms: performance.now() - started, moved };
}

async function engineRows(dialect: 'sqlite' | 'postgres', open: () => Promise<{ database: Database; done: () => Promise<void> }>, dataDir: string): Promise<BenchResult['rows']> {
  const rows: BenchResult['rows'] = [];
  const a = await open();
  const rawResult = await raw(a.database);
  await a.done();
  const b = await open();
  const banyanResult = await banyan(b.database, dialect, dataDir);
  await b.done();
  const perSecond = (r: { ms: number; moved: number }) => round((r.moved * 1000) / r.ms, 0);
  rows.push({ engine: dialect, variant: `raw SQL, ${BATCH_SIZE} per transaction`, customers: rawResult.moved, ms: round(rawResult.ms, 0), 'customers/s': perSecond(rawResult), 'vs raw': 1 });
  rows.push({ engine: dialect, variant: `Banyan move job, ${BATCH_SIZE} per batch`, customers: banyanResult.moved, ms: round(banyanResult.ms, 0), 'customers/s': perSecond(banyanResult), 'vs raw': round(perSecond(banyanResult) / perSecond(rawResult), 2) });
  return rows;
}

export async function run(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'banyan-bench-dmig-'));
  const migrations = collectMigrations(manifests);
  let n = 0;
  try {
    const rows = await engineRows(
      'sqlite',
      async () => {
        const dir = join(dataDir, `db${++n}`);
        const database = await openDatabase({ dataDir: dir });
        await migrateToLatest(database, migrations);
        return { database, done: () => database.close() };
      },
      dataDir,
    );
    const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    if (url) {
      rows.push(
        ...(await engineRows(
          'postgres',
          async () => {
            const { database, drop } = await openPostgresSchema(url, 10);
            return { database, done: drop };
          },
          dataDir,
        )),
      );
    }
    return {
      name: 'data migration: customers moved per second by the move job',
      rows,
      notes: [
        `${CUSTOMERS} customers of one member, each with one follow relation, moved to the matching member of the target (BENCH_MIGRATION_CUSTOMERS to change). The time runs from the job's claim to its end: listing (${BATCH_SIZE} per batch) and moving.`,
        'Banyan per batch: the run and application rows, both certifications, the items, the customers with their relations, both enterprises\' members, then per customer the idempotent claim of its item, the target\'s quota, the upsert, the relation, the place, the release in the source; the counts recounted.',
        'raw SQL: per batch one read of the next ids, one multi-row insert of customers and of relations in the target, one delete of the source\'s relations and one counter write, in one transaction; no listing, no checks.',
        url ? 'PostgreSQL: a fresh schema in BENCH_DATABASE_URL / TEST_DATABASE_URL, pool of 10.' : 'PostgreSQL skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL).',
      ],
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
