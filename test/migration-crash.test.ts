import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { collectMigrations } from '../src/platform/module.ts';
import { manifests } from '../src/modules/index.ts';
import { LEASE_MS } from '../src/platform/jobs.ts';
import { DirectoryFixture } from '../src/modules/directory/testing/index.ts';
import { recountServed, seedCustomers, servedCount } from '../src/modules/customers/testing/index.ts';
import { operatorClient } from '../src/modules/wallet/testing/index.ts';
import { paperReceivedPair, step, type Pair } from '../src/modules/datamigration/testing/index.ts';
import { createTestApp } from './support/app.ts';
import { openPostgresSchema, testDialects } from './support/db.ts';
import { tablesOf } from './support/tables.ts';

const WORKER = join(import.meta.dirname, 'support', 'job-worker.ts');
const ZHANG = 300;
const LI = 100;
const TOTAL = ZHANG + LI;

interface Where {
  dataDir: string;
  pg?: { url: string; schema: string };
}

function worker(where: Where, now: number): ChildProcess {
  const args = [where.dataDir, String(now), ...(where.pg ? [where.pg.url, where.pg.schema] : [])];
  return spawn(process.execPath, ['--import', 'tsx', WORKER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

async function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }> {
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
  return { code: child.exitCode, signal: child.signalCode, out, err };
}

for (const dialect of testDialects()) {
  describe(`数据迁移 killed with SIGKILL mid-run [${dialect}]`, () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'banyan-migcrash-'));
    after(() => rmSync(dataDir, { recursive: true, force: true }));

    it(`a worker killed with kill -9 in the middle of the move resumes on the next start and moves all ${TOTAL} customers exactly once`, async (ctx) => {
      let database: Database;
      let where: Where;
      if (dialect === 'sqlite') {
        database = await openDatabase({ dataDir });
        await migrateToLatest(database, collectMigrations(manifests));
        where = { dataDir };
      } else {
        const url = process.env.TEST_DATABASE_URL!;
        database = (await openPostgresSchema(url, 5)).database;
        where = { dataDir, pg: { url, schema: database.pgSchema! } };
      }
      // The scene, built through the API in this process: 张三 300 customers and 李四 100, both matched in the target.
      const t = await createTestApp({ dialect, database }, { dataDir });
      const operator = await operatorClient(t);
      const pair: Pair = await paperReceivedPair(t, operator);
      const source = await DirectoryFixture.open(t.deps.db, pair.sourceId, () => t.clock.now());
      const target = await DirectoryFixture.open(t.deps.db, pair.targetId, () => t.clock.now());
      const zhang = await source.member('张三', undefined, { userid: 'zhangsan' });
      const li = await source.member('李四', undefined, { userid: 'lisi' });
      await target.member('张三', undefined, { userid: 'zhangsan' });
      await target.member('李四', undefined, { userid: 'lisi' });
      await seedCustomers(t.deps.db, pair.sourceId, zhang, ZHANG, t.clock.now(), 'z');
      await seedCustomers(t.deps.db, pair.sourceId, li, LI, t.clock.now(), 'l');
      assert.equal((await step(operator, pair, { step: 'start' })).status, 200);
      const run = () => tablesOf(t.deps.db).selectFrom('data_migration_runs').where('corp_id', '=', pair.sourceId).where('migration_id', '=', pair.migrationId);
      await tablesOf(t.deps.db).updateTable('data_migration_runs').set({ batch_size: 5 }).where('corp_id', '=', pair.sourceId).where('migration_id', '=', pair.migrationId).execute();
      const now = t.clock.now();
      await t.close();

      // How far the move has committed, read as another process would while the worker writes.
      let readMoved: () => Promise<number>;
      let closeReader: () => Promise<void>;
      if (dialect === 'sqlite') {
        await database.close(); // the worker takes the data directory's lock
        const reader = new SqliteDatabase(join(dataDir, 'banyan.db'), { readonly: true });
        reader.pragma('busy_timeout = 5000');
        const query = reader.prepare('select moved from data_migration_runs where corp_id = ? and migration_id = ?');
        readMoved = () => Promise.resolve(Number((query.get(pair.sourceId, pair.migrationId) as { moved: number }).moved));
        closeReader = () => Promise.resolve(void reader.close());
      } else {
        readMoved = async () => Number((await run().select('moved').executeTakeFirstOrThrow()).moved);
        closeReader = () => database.close();
      }

      const first = worker(where, now);
      const firstExit = exitOf(first);
      let seen = 0;
      while (seen < 20 && first.exitCode === null) {
        seen = await readMoved();
        if (seen < 20) await new Promise((resolve) => setTimeout(resolve, 2));
      }
      first.kill('SIGKILL');
      const killed = await firstExit;
      assert.equal(killed.signal, 'SIGKILL', `the worker ended before it was killed: ${killed.out} ${killed.err}`);
      const atKill = await readMoved();
      assert.ok(atKill >= 20 && atKill < TOTAL, `killed mid-run: ${atKill} of ${TOTAL} moved when the worker died`);
      await closeReader();
      ctx.diagnostic(`killed with ${atKill} of ${TOTAL} moved`);

      // The next start, once the dead worker's lease has run out.
      const resumedAt = performance.now();
      const second = await exitOf(worker(where, now + LEASE_MS + 1));
      ctx.diagnostic(`the second worker finished the move in ${Math.round(performance.now() - resumedAt)} ms (process start included)`);
      assert.equal(second.code, 0, second.err);
      assert.deepEqual(JSON.parse(second.out), { ran: 1 });

      const reopened = dialect === 'sqlite' ? await openDatabase({ dataDir }) : await openDatabase({ databaseUrl: where.pg!.url, pgSchema: where.pg!.schema, poolSize: 2 });
      try {
        const db = tablesOf(reopened.db);
        const final = await db.selectFrom('data_migration_runs').select(['phase', 'total', 'moved', 'failed']).where('corp_id', '=', pair.sourceId).where('migration_id', '=', pair.migrationId).executeTakeFirstOrThrow();
        assert.deepEqual({ ...final, total: Number(final.total), moved: Number(final.moved), failed: Number(final.failed) }, { phase: 'done', total: TOTAL, moved: TOTAL, failed: 0 });
        const items = await db.selectFrom('data_migration_items').select(['status', 'follows']).where('corp_id', '=', pair.sourceId).where('migration_id', '=', pair.migrationId).execute();
        assert.deepEqual([items.length, items.filter((i) => i.status === 'moved' && Number(i.follows) === 1).length], [TOTAL, TOTAL]);
        const targetFollows = await db.selectFrom('friendships').select(['member_id', 'customer_id']).where('corp_id', '=', pair.targetId).execute();
        assert.equal(targetFollows.length, TOTAL);
        const targetCustomers = await db.selectFrom('customers').select('external_id').where('corp_id', '=', pair.targetId).execute();
        assert.equal(new Set(targetCustomers.map((c) => c.external_id)).size, TOTAL);
        assert.equal(targetCustomers.length, TOTAL);
        assert.deepEqual([await servedCount(reopened.db, pair.targetId), await recountServed(reopened.db, pair.targetId)], [TOTAL, TOTAL]);
        assert.deepEqual([await servedCount(reopened.db, pair.sourceId), await recountServed(reopened.db, pair.sourceId)], [0, 0]);
        assert.equal((await db.selectFrom('friendships').select('customer_id').where('corp_id', '=', pair.sourceId).execute()).length, 0);
        const jobs = await db.selectFrom('jobs').select(['status', 'attempts']).where('kind', '=', 'datamigration.move').where('payload_json', 'like', `%${pair.migrationId}%`).execute();
        assert.deepEqual(jobs.map((j) => [j.status, Number(j.attempts)]), [['done', 2]]);
      } finally {
        await reopened.close();
      }
    });
  });
}
