// 数据资产交接 of a departed member with many customers (SQLite file engine): one hand-over over
// HTTP (the docs, customers and approvals each asked of their module, the record, the audit row)
// against the baseline of the same run, a bare UPDATE moving the same number of friendships of
// another member on the same database. Nothing asserts a time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { startServer } from '../src/server.ts';
import { testConfig } from '../test/support/app.ts';
import { DAY } from '../src/platform/clock.ts';
import { certifyUntil } from '../src/modules/corp/testing/index.ts';
import { setCategory } from '../src/modules/category/testing/index.ts';
import { DirectoryFixture } from '../src/modules/directory/testing/index.ts';
import { seedCustomers } from '../src/modules/customers/testing/index.ts';
import { creditWallet } from '../src/modules/wallet/testing/index.ts';
import { register, send } from './http-session.ts';
import type { BenchResult } from './types.ts';
import { round } from './types.ts';

const SIZES = [1_000, 10_000, 50_000];

export async function run(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'banyan-bench-handover-'));
  const server = await startServer(testConfig({ host: '127.0.0.1', port: 0, dataDir, workers: false, rateLimitPerMinute: 0 }));
  const db = server.deps.db;
  try {
    const admin = await register(server.url, 'benchhandover');
    const now = Date.now();
    await certifyUntil(db, admin.corpId, now + 365 * DAY);
    await setCategory(db, admin.corpId, 'approved', now);
    await creditWallet(db, admin.corpId, 1_000_000, now);
    await send(server.url, admin, 'POST', '/api/v1/features/security/purchases', { seats: 1, quotedFen: 12_000, idempotencyKey: 'bench-handover-1' });
    const contacts = await DirectoryFixture.open(db, admin.corpId, () => now);
    const rows: BenchResult['rows'] = [];
    for (const size of SIZES) {
      const [leaver, successor, other, otherTo] = [await contacts.member(`离职${size}`), await contacts.member(`继任${size}`), await contacts.member(`基线${size}`), await contacts.member(`基线继任${size}`)];
      await seedCustomers(db, admin.corpId, leaver, size, now, `l${size}`);
      await seedCustomers(db, admin.corpId, other, size, now, `b${size}`);
      await contacts.setStatus(leaver, 'departed');
      const b0 = performance.now();
      await db.transaction().execute((trx) => sql`update friendships set member_id = ${otherTo} where corp_id = ${admin.corpId} and member_id = ${other}`.execute(trx));
      const baseline = performance.now() - b0;
      const h0 = performance.now();
      const result = (await send(server.url, admin, 'POST', '/api/v1/security/handovers', { fromMemberId: leaver, toMemberId: successor })) as { moved: { customers: number } };
      const handover = performance.now() - h0;
      if (result.moved.customers !== size) throw new Error(`moved ${result.moved.customers}, expected ${size}`);
      const r0 = performance.now();
      await send(server.url, admin, 'POST', '/api/v1/security/handovers', { fromMemberId: leaver, toMemberId: successor });
      const repeat = performance.now() - r0;
      rows.push({ customers: size, 'hand-over ms': round(handover, 1), 'repeat ms': round(repeat, 1), 'baseline UPDATE ms': round(baseline, 1), 'vs baseline': round(handover / baseline, 2) });
    }
    return {
      name: '数据资产交接: one hand-over of a departed member with many customers (SQLite), vs a bare UPDATE of as many friendships',
      rows,
      notes: ['hand-over: POST /api/v1/security/handovers over loopback HTTP, the whole command (checks, docs/customers/approval lookups and moves, record, audit); repeat: the same request again (nothing left to move, the earlier record returned). Baseline: one UPDATE friendships … in its own transaction on the same file.'],
    };
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
