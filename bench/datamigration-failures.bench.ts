// 未迁移成功, page by page: how long one page of 100 failures takes to answer at the end of a long
// list, against the first page (the baseline, measured in the same run on the same data), on SQLite.
// A cursor page reads from the last id on, so the last page should cost what the first does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectoryFixture } from '../src/modules/directory/testing/index.ts';
import { seedCustomers } from '../src/modules/customers/testing/index.ts';
import { operatorClient } from '../src/modules/wallet/testing/index.ts';
import { failuresPage, paperReceivedPair, step } from '../src/modules/datamigration/testing/index.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { collectMigrations } from '../src/platform/module.ts';
import { manifests } from '../src/modules/index.ts';
import { createTestApp } from '../test/support/app.ts';
import type { BenchResult } from './types.ts';
import { percentile, round } from './types.ts';

const FAILURES = Number(process.env.BENCH_MIGRATION_FAILURES ?? 10_000);
const PAGE = 100;
const RUNS = 30;

export async function run(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'banyan-bench-dmig-fail-'));
  const database = await openDatabase({ dataDir: join(dataDir, 'db') });
  await migrateToLatest(database, collectMigrations(manifests));
  const t = await createTestApp({ dialect: 'sqlite', database }, { dataDir });
  try {
    const operator = await operatorClient(t);
    const pair = await paperReceivedPair(t, operator);
    // 赵六 has no match in the target: every one of his customers fails.
    const zhao = await (await DirectoryFixture.open(t.deps.db, pair.sourceId, () => t.clock.now())).member('赵六', undefined, { userid: 'zhaoliu' });
    await seedCustomers(t.deps.db, pair.sourceId, zhao, FAILURES, t.clock.now(), 'bench');
    await step(operator, pair, { step: 'start' });
    await t.deps.jobs.runDue();
    // The cursor of the last page: walk the list once.
    let cursor: string | null = null;
    let last = '';
    let pages = 0;
    do {
      const page: { items: unknown[]; nextCursor: string | null } = await failuresPage(pair, `?limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`);
      pages++;
      if (page.nextCursor) last = page.nextCursor;
      cursor = page.nextCursor;
    } while (cursor);
    // Alternating, after a warm-up of both, so neither gets the colder cache.
    const queries = [`?limit=${PAGE}`, `?limit=${PAGE}&cursor=${last}`];
    const ms: number[][] = [[], []];
    for (let i = 0; i < RUNS + 5; i++) {
      for (const [k, query] of queries.entries()) {
        const started = performance.now();
        await failuresPage(pair, query);
        if (i >= 5) ms[k]!.push(performance.now() - started);
      }
    }
    const [first, end] = ms.map((list) => ({ p50: percentile(list, 50), p99: percentile(list, 99) })) as [{ p50: number; p99: number }, { p50: number; p99: number }];
    const row = (variant: string, r: { p50: number; p99: number }) => ({ engine: 'sqlite', variant, 'p50 ms': round(r.p50, 2), 'p99 ms': round(r.p99, 2), 'vs first page': round(r.p50 / first.p50, 2) });
    return {
      name: 'data migration: one page of the 未迁移成功 list, first and last',
      rows: [row(`first page (baseline), ${PAGE} failures`, first), row(`last page of ${pages}, after the cursor`, end)],
      notes: [
        `${FAILURES} failed customers (BENCH_MIGRATION_FAILURES to change), ${PAGE} per page, ${RUNS} requests each through the HTTP app (inject), the two alternating after 5 warm-up rounds; the median (p50) and p99 of each.`,
        'The baseline is the first page of the same list in the same run; the last page is the one the console reaches with 加载更多.',
      ],
    };
  } finally {
    await t.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
