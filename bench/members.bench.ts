// The members list (GET /api/v1/contacts/members) in an enterprise of 50,000 members, over HTTP with
// the creator's session, on SQLite (the file engine) and, when BENCH_DATABASE_URL or
// TEST_DATABASE_URL is set, PostgreSQL: the first page of 50 at 32 clients, and the Chinese name
// substring search 王芳 (through the pieces of names, `member_name_grams`) against the old
// `name LIKE '%王芳%'` query timed in the same run; the console's numbered pages with their total
// (共 N 人, page 1 and page 500) and the department tree with sub-department counts, against the
// plain first page and the old direct-count query. Targets: first page ≥ 1,500 req/s on SQLite and
// ≥ 800 on PostgreSQL at 32 clients; p99 ≤ 20 ms for the page in a 50,000-member scope; 王芳 p99 ≤ 10 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { testConfig, TEST_SCRYPT } from '../test/support/app.ts';
import { openPostgresSchema } from '../test/support/db.ts';
import { tablesOf } from '../test/support/tables.ts';
import type { Config } from '../src/config.ts';
import { systemClock } from '../src/platform/clock.ts';
import type { Database } from '../src/platform/db/database.ts';
import { like } from '../src/platform/db/sql.ts';
import { createSession } from '../src/platform/auth/sessions.ts';
import { COOKIES } from '../src/platform/http/auth.ts';
import { buildRegistry } from '../src/platform/module.ts';
import { manifests } from '../src/modules/index.ts';
import { openMigratedDatabase, startServer } from '../src/server.ts';
import { createAccount } from '../src/modules/account/index.ts';
import { registerCorp } from '../src/modules/session/index.ts';
import { DirectoryFixture } from '../src/modules/directory/testing/index.ts';
import { getMany, type LoadResult } from './http-load.ts';
import type { BenchResult } from './types.ts';
import { percentile, round } from './types.ts';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 50_000);
const CLIENTS = 32;
const DURATION_S = 4;
const ROUNDS = 3;
const SEARCHES = 300;
const SEARCH = '王芳';
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['芳', '伟', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平'];
const log = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;
const registry = buildRegistry(manifests);

let seed = 11;
const random = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** An enterprise of MEMBERS members with random Chinese names (about 1 in 200 holds 王芳), and the creator's session cookie. */
async function enterprise(database: Database): Promise<{ corpId: string; root: string; cookie: string; matches: number }> {
  const { db } = database;
  const now = Date.now();
  const owner = await db.transaction().execute((trx) => createAccount(trx, now, TEST_SCRYPT, { name: '压测创建者', loginName: `mem${randomBytes(3).toString('hex')}`, password: 'password123' }));
  const corpId = await db.transaction().execute((trx) => registerCorp(trx, { now, log, registry }, owner, { name: '通讯录压测', shortName: '压测', industry: 'general' }));
  const root = (await DirectoryFixture.open(db, corpId, () => now)).root;
  for (let at = 1; at < MEMBERS; at += 5_000) {
    await db.transaction().execute(async (trx) => {
      const contacts = await DirectoryFixture.open(trx as unknown as typeof db, corpId, () => now);
      for (let i = at; i < Math.min(MEMBERS, at + 5_000); i++) await contacts.member(pick(SURNAMES) + pick(GIVEN) + (random() < 0.6 ? pick(GIVEN) : ''), [root]);
    });
  }
  const session = await db.transaction().execute((trx) => createSession(trx, Date.now(), { kind: 'account', id: owner.id, corpId }));
  const matches = (await tablesOf(db).selectFrom('members as m').select('m.id').where('m.corp_id', '=', corpId).where(like('m.name', 'contains', SEARCH)).execute()).length;
  return { corpId, root, cookie: `${COOKIES.session}=${session.cookie}`, matches };
}

/** p50/p99 of `count` calls one after another, in ms. */
async function timed(count: number, call: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await call();
    times.push(performance.now() - t0);
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

async function measure(engine: string, database: Database, config: Config, notes: string[]): Promise<Record<string, string | number>[]> {
  const built = performance.now();
  const e = await enterprise(database);
  notes.push(`${engine}: ${MEMBERS} members built in ${round((performance.now() - built) / 1000, 1)} s; ${e.matches} names hold ${SEARCH}.`);
  // The statistics autovacuum gathers on a running server after a bulk load; without them (autovacuum
  // off, as on the shared test server) PostgreSQL sorts the whole enterprise for each page.
  if (database.dialect === 'postgres') await sql`analyze`.execute(database.db);
  const server = await startServer(config, systemClock, database);
  try {
    const page = `${server.url}/api/v1/contacts/members?limit=50`;
    const search = `${server.url}/api/v1/contacts/members?limit=50&q=${encodeURIComponent(SEARCH)}`;
    // What the 通讯录 page asks: the root with its sub-departments, a numbered page and the total.
    const numbered = (offset: number) => `${server.url}/api/v1/contacts/members?departmentId=${e.root}&includeSub=true&withTotal=true&limit=50&offset=${offset}`;
    const tree = `${server.url}/api/v1/contacts/departments`;
    const load = (url: string, connections: number, amount = Number.MAX_SAFE_INTEGER) => getMany({ url, connections, amount, durationS: DURATION_S, cookies: [e.cookie] });
    await load(page, 4, 300);
    await load(search, 4, 300);
    await load(numbered(0), 4, 100);
    await load(tree, 4, 20);
    const pages: LoadResult[] = [];
    const singles: LoadResult[] = [];
    const searches: LoadResult[] = [];
    const firstNumbered: LoadResult[] = [];
    const deepNumbered: LoadResult[] = [];
    const trees: LoadResult[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      pages.push(await load(page, CLIENTS));
      singles.push(await load(page, 1, SEARCHES));
      searches.push(await load(search, 1, SEARCHES));
      firstNumbered.push(await load(numbered(0), 1, SEARCHES));
      deepNumbered.push(await load(numbered(24_950), 1, SEARCHES / 3));
      trees.push(await load(tree, 1, SEARCHES / 10));
    }
    // The search's own SQL against the old one, in-process, one after another, on the same database.
    const db = tablesOf(database.db);
    // As the route orders a search: by an expression equal to name_pinyin, so the planner starts from the matches.
    const byPinyin = sql<string>`lower(${sql.ref('m.name_pinyin')})`;
    const old = () => db.selectFrom('members as m').select(['m.id', 'm.name']).where('m.corp_id', '=', e.corpId).where('m.status', '<>', 'departed').where(like('m.name', 'contains', SEARCH)).orderBy(byPinyin).orderBy('m.id').limit(51).execute();
    const grams = () =>
      db
        .selectFrom('members as m')
        .select(['m.id', 'm.name'])
        .where('m.corp_id', '=', e.corpId)
        .where('m.status', '<>', 'departed')
        .where('m.id', 'in', db.selectFrom('member_name_grams').select('member_id').where('corp_id', '=', e.corpId).where('gram', '=', SEARCH))
        .where(like('m.name', 'contains', SEARCH))
        .orderBy(byPinyin)
        .orderBy('m.id')
        .limit(51)
        .execute();
    // The tree's counts before sub-departments were counted: members directly in each department.
    const directCounts = () =>
      db
        .selectFrom('member_departments as md')
        .innerJoin('members as m', (j) => j.onRef('m.corp_id', '=', 'md.corp_id').onRef('m.id', '=', 'md.member_id'))
        .select(['md.department_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('md.corp_id', '=', e.corpId)
        .where('m.status', '<>', 'departed')
        .groupBy('md.department_id')
        .execute();
    await timed(20, old);
    await timed(20, grams);
    await timed(5, directCounts);
    const oldSql = await timed(SEARCHES, old);
    const gramSql = await timed(SEARCHES, grams);
    const directSql = await timed(SEARCHES / 10, directCounts);
    const median = (list: LoadResult[]) => [...list].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(list.length / 2)]!;
    const row = (what: string, r: LoadResult, list: LoadResult[]) => ({ engine, what, 'req/s': round(r.perSecond, 0), 'p50 ms': round(r.p50, 2), 'p99 ms': round(r.p99, 2), failures: list.reduce((s, x) => s + x.failures, 0), runs: list.map((x) => round(x.perSecond, 0)).join(' / ') });
    return [
      row(`HTTP first page of 50, ${CLIENTS} clients`, median(pages), pages),
      row('HTTP first page of 50, 1 client', median(singles), singles),
      row(`HTTP search ${SEARCH}, 1 client`, median(searches), searches),
      row('HTTP console page 1 of 50 with total (root incl. sub), 1 client', median(firstNumbered), firstNumbered),
      row('HTTP console page 500 of 50 with total (offset 24,950), 1 client', median(deepNumbered), deepNumbered),
      row('HTTP department tree with sub-department counts, 1 client', median(trees), trees),
      { engine, what: 'SQL: old direct member counts of the tree', 'req/s': round(1000 / directSql.p50, 0), 'p50 ms': round(directSql.p50, 2), 'p99 ms': round(directSql.p99, 2), failures: 0, runs: '' },
      { engine, what: `SQL: old name LIKE '%${SEARCH}%' page query`, 'req/s': round(1000 / oldSql.p50, 0), 'p50 ms': round(oldSql.p50, 2), 'p99 ms': round(oldSql.p99, 2), failures: 0, runs: '' },
      { engine, what: 'SQL: the same through member_name_grams', 'req/s': round(1000 / gramSql.p50, 0), 'p50 ms': round(gramSql.p50, 2), 'p99 ms': round(gramSql.p99, 2), failures: 0, runs: `${round(oldSql.p99 / gramSql.p99, 1)}× lower p99` },
    ];
  } finally {
    server.deps.outbox.stop();
    server.deps.jobs.stop();
    await server.app.close();
  }
}

export async function run(): Promise<BenchResult> {
  seed = 11;
  const notes = [
    `machine load average at start: ${loadavg().map((l) => round(l, 1)).join(', ')}`,
    `What each figure times. HTTP rows: GET /api/v1/contacts/members?limit=50 (and &q=${SEARCH}) with the creator's session cookie (session, authorizer, validation, the page query, departments and heads of the page), from a load generator in a worker thread of this process; req/s = 2xx answers ÷ the time from the first request to the last answer (${CLIENTS} clients: ${DURATION_S} s closed loop; 1 client: ${SEARCHES} requests one after another), failures summed over the rounds apart; p50/p99 of the successful requests. ${ROUNDS} rounds, the cases taking turns, the median round shown and each round's req/s under runs.`,
    'PostgreSQL: the tables are ANALYZEd after the members are built (what autovacuum does after a bulk load; the shared test server runs with autovacuum off, and without statistics the first page sorted all 50,000 members: 14.5 ms against 0.19 ms at 10,000 members, EXPLAIN ANALYZE).',
    `SQL rows: the page's member query for ${SEARCH} alone (status not departed, ordered by lower(pinyin) as the route orders a search, 51 rows), ${SEARCHES} calls one after another in this process, old LIKE scan against the same filtered through member_name_grams; req/s there is 1000 ÷ p50.`,
    `Console rows: GET /api/v1/contacts/members?departmentId=<root>&includeSub=true&withTotal=true&limit=50 at offset 0 and 24,950 (${SEARCHES} and ${SEARCHES / 3} requests, 1 client), to compare with the plain first page; GET /api/v1/contacts/departments (${SEARCHES / 10} requests), whose counts query (members directly in each department and in its subtree, one recursive query) replaces the old direct count timed alone in SQL.`,
  ];
  const out: Record<string, string | number>[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'banyan-bench-members-'));
  const config = testConfig({ host: '127.0.0.1', port: 0, dataDir, workers: false, rateLimitPerMinute: 0 });
  const sqlite = await openMigratedDatabase(config);
  try {
    out.push(...(await measure('SQLite', sqlite, config, notes)));
  } finally {
    await sqlite.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) notes.push('PostgreSQL: not measured (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
  else {
    const postgres = await openPostgresSchema(url, 10);
    try {
      out.push(...(await measure('PostgreSQL', postgres.database, testConfig({ host: '127.0.0.1', port: 0, dataDir: '/nonexistent', databaseUrl: url, workers: false, rateLimitPerMinute: 0 }), notes)));
    } finally {
      await postgres.drop();
    }
  }
  return { name: 'members list and 王芳 search in 50,000 members', rows: out, notes };
}
