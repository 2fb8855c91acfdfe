// The customer business on SQLite (the file engine, WAL, synchronous=FULL).
// 1. Customers adding members through acquisition links over HTTP, with billing: each add makes
//    the friendship, takes a quota place and pays one unit (a usage pack first, then ¥1 by
//    auto-deduction). Target ≥ 2,000 adds/s. Baseline in the same run: a bare Fastify route on the
//    same database file inserting one row in its own transaction.
// 2. 已服务 X 位 with 1,000,000 customers: the counter read (target ≤ 50 ms), against the recount.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import { sql } from 'kysely';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { testConfig } from '../test/support/app.ts';
import { DAY, systemClock } from '../src/platform/clock.ts';
import { startServer, openMigratedDatabase } from '../src/server.ts';
import { createAccount } from '../src/modules/account/index.ts';
import { registerCorp } from '../src/modules/session/index.ts';
import { setCategory } from '../src/modules/category/testing/index.ts';
import { certifyUntil } from '../src/modules/corp/testing/index.ts';
import { currentMemberOfAccount } from '../src/modules/directory/index.ts';
import { createLink } from '../src/modules/acquisition/testing/index.ts';
import { LINK_ADD_RATE } from '../src/modules/acquisition/index.ts';
import { customerOverview, grantTier, quoteTier, recountServed, servedCount } from '../src/modules/customers/testing/index.ts';
import { creditWallet } from '../src/modules/wallet/testing/index.ts';
import { setAutoDeduct } from '../src/modules/wallet/index.ts';
import { tablesOf } from '../test/support/tables.ts';
import type { BenchResult } from './types.ts';
import { postNewCustomers } from './http-load.ts';
import { percentile, round } from './types.ts';

const ADDS = 8_000;
const PACK_UNITS = 4_000;
/**
 * Customers clicking at once: many (where the target is set: links are shared with crowds), and
 * fewer, where batches are smaller and more of each add's time is its own commit.
 */
const CONNECTIONS = [64, 16];
const SERVED = Number(process.env.BENCH_SERVED ?? 1_000_000);
const log = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;

async function linkAdds(): Promise<{ rows: Record<string, string | number>[]; notes: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'banyan-bench-customers-'));
  // The public link is rate-limited per client address; every bench client is 127.0.0.1.
  LINK_ADD_RATE.max = 10_000_000;
  const server = await startServer(testConfig({ host: '127.0.0.1', port: 0, dataDir: dir }), systemClock);
  const { db, registry } = server.deps;
  try {
    const now = Date.now();
    const account = await db.transaction().execute((trx) => createAccount(trx, now, { logN: 4, r: 8, p: 1 }, { name: '压测', loginName: `bench${randomBytes(4).toString('hex')}`, password: 'password123' }));
    const corpId = await db.transaction().execute((trx) => registerCorp(trx, { now, log, registry }, account, { name: '压测企业', shortName: '压测', industry: 'general' }));
    const member = (await currentMemberOfAccount(db, corpId, account.id))!;
    const actor = { kind: 'member' as const, id: member.id, name: member.name, accountId: account.id };
    await certifyUntil(db, corpId, now + 365 * DAY);
    await setCategory(db, corpId, 'approved', now);
    await creditWallet(db, corpId, CONNECTIONS.length * ADDS * 100, now);
    const code = await db.transaction().execute(async (trx) => {
      const ctx = { corpId, actor, trx, now, log, registry };
      await grantTier(ctx, await quoteTier(trx, corpId, now, 20_000), null);
      await tablesOf(trx).insertInto('acquisition_packs').values({ corp_id: corpId, id: 'apack_bench', units: PACK_UNITS, remaining: PACK_UNITS, purchased_at: now, expires_at: now + 90 * DAY, order_id: null }).execute();
      await setAutoDeduct(ctx, 'acquisition', true);
      const members = [member.id];
      return (await createLink(ctx, { name: '压测链接', memberIds: members })).code;
    });

    // Baseline: a bare Fastify route inserting one row per request in its own transaction, same file.
    await sql`create table if not exists bench_rows (id text primary key, body text not null)`.execute(db);
    const bare = Fastify({ logger: false });
    bare.post('/bare', async (request) => {
      const body = request.body as { externalId: string };
      await db.transaction().execute((trx) => sql`insert into bench_rows (id, body) values (${body.externalId}, ${JSON.stringify(body)})`.execute(trx));
      return { ok: true };
    });
    await bare.listen({ host: '127.0.0.1', port: 0 });
    const address = bare.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;

    const rows: Record<string, string | number>[] = [];
    const ratios: string[] = [];
    for (const connections of CONNECTIONS) {
      const adds = await postNewCustomers({ url: `${server.url}/api/v1/public/acquisition/links/${code}/add`, connections, amount: ADDS });
      const baseline = await postNewCustomers({ url: `http://127.0.0.1:${port}/bare`, connections, amount: ADDS });
      rows.push(
        { case: `link add with billing (HTTP), ${connections} clients`, requests: ADDS, 'per s': round(adds.perSecond, 0), 'p50 ms': round(adds.p50, 2), 'p99 ms': round(adds.p99, 2), failures: adds.failures, target: connections === CONNECTIONS[0] ? '≥ 2000/s' : '' },
        { case: `baseline: bare route, one insert, ${connections} clients`, requests: ADDS, 'per s': round(baseline.perSecond, 0), 'p50 ms': round(baseline.p50, 2), 'p99 ms': round(baseline.p99, 2), failures: baseline.failures, target: '' },
      );
      ratios.push(`${connections} clients: link adds run at ${round((adds.perSecond / baseline.perSecond) * 100, 0)}% of the bare-route baseline.`);
    }
    await bare.close();
    const byWallet = await tablesOf(db).selectFrom('acquisition_adds').select((eb) => eb.fn.countAll<number>().as('n')).where('corp_id', '=', corpId).where('paid_by', '=', 'wallet').executeTakeFirstOrThrow();
    const served = await servedCount(db, corpId);

    return {
      rows,
      notes: [
        `${PACK_UNITS} adds paid from a usage pack, ${Number(byWallet.n)} by auto-deduction; served after the runs: ${served}.`,
        ...ratios,
        'Each add is about twelve statements (link and members, customer, friendship, holders, quota counter, pack or wallet ledger, add row), prepared once; adds are group-committed on SQLite (one fsync per batch). The load generator runs in a worker thread of the same process.',
      ],
    };
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function servedAtScale(): Promise<{ rows: Record<string, string | number>[]; notes: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'banyan-bench-served-'));
  const database = await openMigratedDatabase({ dataDir: dir, databaseUrl: undefined });
  const db = database.db;
  try {
    const now = Date.now();
    const corpId = 'corp_bench_served';
    const started = performance.now();
    // Generated in SQL (a recursive sequence), spread over the past year, each held by one friendship.
    await db.transaction().execute(async (trx) => {
      await sql`with recursive s(i) as (select 0 union all select i + 1 from s where i < ${SERVED - 1})
        insert into customers (corp_id, id, external_id, name, holders, counted_since, created_at)
        select ${corpId}, 'cus_' || i, 'wx-' || i, '客户' || i, 1, ${now - 365 * DAY} + i * 31, ${now - 365 * DAY} from s`.execute(trx);
      await sql`insert into friendships (corp_id, member_id, customer_id, state, one_way_reason, source, link_id, added_at)
        select corp_id, 'mem_' || (abs(random()) % 500), id, 'mutual', null, 'manual', null, created_at from customers where corp_id = ${corpId}`.execute(trx);
      const all = tablesOf(trx);
      await all.insertInto('customer_counters').values({ corp_id: corpId, served: SERVED, updated_at: now }).execute();
      await all.insertInto('corp_categories').values({ corp_id: corpId, code: '02-01', status: 'approved', chosen_by_name: 'bench', chosen_at: now, reviewed_at: now, review_note: null, version: 1 }).execute();
      await all.insertInto('corps').values({ id: corpId, name: '百万客户企业', short_name: '百万', industry: 'general', certified_until: now + DAY, creator_account_id: 'acc_bench', created_at: now, updated_at: now }).execute();
    });
    const generatedS = (performance.now() - started) / 1000;
    await sql`analyze`.execute(db);

    const time = async (f: () => Promise<unknown>, runs: number) => {
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        await f();
        samples.push(performance.now() - t0);
      }
      return samples;
    };
    const counter = await time(() => servedCount(db, corpId), 200);
    const overview = await time(() => customerOverview(db, corpId, now), 50);
    const recount = await time(() => recountServed(db, corpId), 3);
    const value = await servedCount(db, corpId);
    const recounted = await recountServed(db, corpId);
    return {
      rows: [
        { case: '已服务 counter read (1M customers)', runs: counter.length, 'p50 ms': round(percentile(counter, 50), 3), 'p99 ms': round(percentile(counter, 99), 3), target: '≤ 50 ms' },
        { case: 'customer overview (counter + today + quota)', runs: overview.length, 'p50 ms': round(percentile(overview, 50), 3), 'p99 ms': round(percentile(overview, 99), 3), target: '≤ 50 ms' },
        { case: 'baseline: recount distinct customers', runs: recount.length, 'p50 ms': round(percentile(recount, 50), 1), 'p99 ms': round(percentile(recount, 99), 1), target: '' },
      ],
      notes: [`1,000,000 customers and friendships generated in ${round(generatedS, 1)} s; counter ${value}, recount ${recounted}.`],
    };
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchResult> {
  const adds = await linkAdds();
  const served = await servedAtScale();
  return { name: 'customers', rows: [...adds.rows, ...served.rows], notes: [...adds.notes, ...served.notes] };
}
