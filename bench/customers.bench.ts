// The customer business on SQLite (the file engine, WAL, synchronous=FULL).
// 1. Customers adding members through acquisition links over HTTP, with billing: each add makes
//    the friendship, takes a quota place and pays one unit (a usage pack first, then ¥1 by
//    auto-deduction). Target ≥ 2,000 adds/s. Two baselines in the same run, both a bare Fastify
//    route on the same database file doing the same work as raw SQL (the add's statements): one add
//    per transaction, and group-committed the way the link route is (each add in its own savepoint
//    of a shared transaction, up to 64). Banyan's adds are group-committed, so the second ratio is
//    the cost of Banyan's own code and the first includes what batching wins.
// 2. 已服务 X 位 after real adds: the counter read on the enterprises of part 1 (kept by their adds),
//    and on one enterprise that reached 1,000,000 customers through the customers module's own add
//    (ensureCustomer + addFriendship, which take a quota place on the counter), against the recount.
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
import type { Db, Tx } from '../src/platform/db/tables.ts';
import { eachInSavepoint, GroupCommit } from '../src/platform/db/group-commit.ts';
import type { Registry } from '../src/platform/module.ts';
import { startServer, openMigratedDatabase } from '../src/server.ts';
import { createAccount } from '../src/modules/account/index.ts';
import { registerCorp } from '../src/modules/session/index.ts';
import { setCategory } from '../src/modules/category/testing/index.ts';
import { certifyUntil } from '../src/modules/corp/testing/index.ts';
import { currentMemberOfAccount } from '../src/modules/directory/index.ts';
import { createLink } from '../src/modules/acquisition/testing/index.ts';
import { LINK_ADD_RATE } from '../src/modules/acquisition/index.ts';
import { addFriendship, ensureCustomer } from '../src/modules/customers/index.ts';
import { customerOverview, grantTier, quoteTier, recountServed, servedCount } from '../src/modules/customers/testing/index.ts';
import { creditWallet } from '../src/modules/wallet/testing/index.ts';
import { setAutoDeduct } from '../src/modules/wallet/index.ts';
import { buildRegistry } from '../src/platform/module.ts';
import { manifests } from '../src/modules/index.ts';
import type { BenchResult } from './types.ts';
import { postNewCustomers, type LoadResult } from './http-load.ts';
import { percentile, round } from './types.ts';

const ADDS = 8_000;
/** Every run's enterprise has a pack of this many units: half its adds use the pack, half auto-deduct. */
const PACK_UNITS = 4_000;
/**
 * Customers clicking at once: many (where the target is set: links are shared with crowds), and
 * fewer, where batches are smaller and more of each add's time is its own commit.
 */
const CONNECTIONS = [64, 16];
const SERVED = Number(process.env.BENCH_SERVED ?? 1_000_000);
/** Customers added per transaction while building the enterprise with a million. */
const SERVED_BATCH = 10_000;
const log = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;

interface LinkCorp {
  corpId: string;
  memberId: string;
  code: string;
}

/** A fresh enterprise for one run: certified, category approved, room for 20,000 customers, one link, a pack and a balance. */
async function linkCorp(db: Db, registry: Registry, now: number): Promise<LinkCorp> {
  const account = await db.transaction().execute((trx) => createAccount(trx, now, { logN: 4, r: 8, p: 1 }, { name: '压测', loginName: `bench${randomBytes(4).toString('hex')}`, password: 'password123' }));
  const corpId = await db.transaction().execute((trx) => registerCorp(trx, { now, log, registry }, account, { name: '压测企业', shortName: '压测', industry: 'general' }));
  const member = (await currentMemberOfAccount(db, corpId, account.id))!;
  const actor = { kind: 'member' as const, id: member.id, name: member.name, accountId: account.id };
  await certifyUntil(db, corpId, now + 365 * DAY);
  await setCategory(db, corpId, 'approved', now);
  await creditWallet(db, corpId, ADDS * 100, now);
  const code = await db.transaction().execute(async (trx) => {
    const ctx = { corpId, actor, trx, now, log, registry };
    await grantTier(ctx, await quoteTier(trx, corpId, now, 20_000), null);
    await sql`insert into acquisition_packs (corp_id, id, units, remaining, purchased_at, expires_at, order_id) values (${corpId}, ${`apack_${randomBytes(4).toString('hex')}`}, ${PACK_UNITS}, ${PACK_UNITS}, ${now}, ${now + 90 * DAY}, ${null})`.execute(trx);
    await setAutoDeduct(ctx, 'acquisition', true, 100);
    return (await createLink(ctx, { name: '压测链接', memberIds: [member.id] })).code;
  });
  return { corpId, memberId: member.id, code };
}

/**
 * One link add as raw SQL: the statements `addThroughLink` runs when the customer is new (the link
 * and its member, the customer, the friendship, the holder count, the certification and tier, the
 * quota counter, a pack unit or else the wallet's compare-and-set, ledger row and entries, the add).
 */
async function rawAdd(trx: Tx, code: string, body: { externalId: string; name: string }, now: number, n: string): Promise<void> {
  const link = await sql<{ corp_id: string; link_id: string; member_id: string }>`select k.corp_id, k.id as link_id, l.member_id from acquisition_links k
    left join acquisition_link_members l on l.corp_id = k.corp_id and l.link_id = k.id where k.code = ${code} and k.deleted_at is null order by l.member_id`.execute(trx);
  const { corp_id: corpId, link_id: linkId, member_id: memberId } = link.rows[0]!;
  const member = await sql<{ status: string }>`select id, name, status from members where corp_id = ${corpId} and id = ${memberId}`.execute(trx);
  if (member.rows[0]?.status !== 'active') throw new Error('no member');
  const customer = await sql<{ id: string }>`insert into customers (corp_id, id, external_id, name, holders, counted_since, created_at) values (${corpId}, ${`cus_raw${n}`}, ${body.externalId}, ${body.name}, 0, ${null}, ${now})
    on conflict (corp_id, external_id) do update set name = customers.name returning id`.execute(trx);
  const customerId = customer.rows[0]!.id;
  const friend = await sql`insert into friendships (corp_id, member_id, customer_id, state, one_way_reason, source, link_id, added_at) values (${corpId}, ${memberId}, ${customerId}, 'mutual', ${null}, 'link', ${linkId}, ${now}) on conflict do nothing`.execute(trx);
  if (Number(friend.numAffectedRows) !== 1) return;
  const held = await sql<{ holders: number }>`update customers set holders = holders + 1, counted_since = case when holders = 0 then ${now} else counted_since end where corp_id = ${corpId} and id = ${customerId} returning holders`.execute(trx);
  if (Number(held.rows[0]!.holders) === 1) {
    const corp = await sql<{ certified_until: number | null }>`select certified_until from corps where id = ${corpId}`.execute(trx);
    const tier = await sql<{ size: number }>`select size, ends_at from quota_tiers where corp_id = ${corpId} and starts_at <= ${now} and ends_at > ${now} order by size desc limit 1`.execute(trx);
    const limit = Number(corp.rows[0]!.certified_until) > now ? Math.max(2_000, Number(tier.rows[0]?.size ?? 0)) : 100;
    const take = async () => Number((await sql`update customer_counters set served = served + 1, updated_at = ${now} where corp_id = ${corpId} and served < ${limit}`.execute(trx)).numAffectedRows) === 1;
    if (!(await take())) {
      // The enterprise's first customer: make the counter, as the quota service does, and take the place.
      await sql`insert into customer_counters (corp_id, served, updated_at) values (${corpId}, 0, ${now}) on conflict do nothing`.execute(trx);
      if (!(await take())) throw new Error('quota');
    }
  }
  const pack = await sql<{ id: string }>`update acquisition_packs set remaining = remaining - 1 where corp_id = ${corpId}
    and id = (select id from acquisition_packs where corp_id = ${corpId} and remaining > 0 and expires_at > ${now} order by expires_at, id limit 1) and remaining > 0 returning id`.execute(trx);
  let packId: string | null = pack.rows[0]?.id ?? null;
  if (!packId) {
    const left = await sql`select id from acquisition_packs where corp_id = ${corpId} and remaining > 0 and expires_at > ${now} order by expires_at, id limit 1`.execute(trx);
    if (left.rows.length > 0) throw new Error('pack raced');
    const moved = await sql<{ balance: number; seq: number }>`update wallets set balance = balance + ${-100}, seq = seq + 1, consumed = consumed + ${100}, updated_at = ${now}
      where corp_id = ${corpId} and balance >= ${100} and (${0} = 0 or consumed + ${100} >= invoiced) and (${1} = 0 or auto_deduct_acquisition = 1) returning balance, seq, alert_enabled, alert_fen`.execute(trx);
    const wallet = moved.rows[0];
    if (!wallet) throw new Error('no units');
    const txnId = `txn_raw${n}`;
    await sql`insert into wallet_txns (corp_id, id, serial_no, seq, type, item, description, amount, balance_after, order_id, invoice_state, invoice_id, actor_kind, actor_id, actor_name, created_at)
      values (${corpId}, ${txnId}, ${`RAW${n}`}, ${Number(wallet.seq)}, 'auto_deduct', 'acquisition', ${`获客助手 添加客户 ${body.name}`}, ${-100}, ${Number(wallet.balance)}, ${null}, 'open', ${null}, 'system', 'system', 'system', ${now})`.execute(trx);
    await sql`insert into wallet_entries (corp_id, txn_id, line, account, amount, created_at) values (${corpId}, ${txnId}, 0, 'wallet', ${-100}, ${now}), (${corpId}, ${txnId}, 1, 'revenue:acquisition', ${100}, ${now})`.execute(trx);
    packId = null;
  }
  await sql`insert into acquisition_adds (corp_id, id, link_id, member_id, customer_id, paid_by, pack_id, at) values (${corpId}, ${`aadd_raw${n}`}, ${linkId}, ${memberId}, ${customerId}, ${packId ? 'pack' : 'wallet'}, ${packId}, ${now})`.execute(trx);
}

/** A bare Fastify app on the same database with the two raw routes: one transaction per add, and group-committed like the link route. */
async function bareRoutes(db: Db): Promise<{ url: string; close(): Promise<void> }> {
  const run = randomBytes(3).toString('hex');
  let n = 0;
  const group = new GroupCommit(
    eachInSavepoint(db, (trx, work: (trx: Tx) => Promise<void>) => work(trx)),
    { maxBatch: 64 },
  );
  const bare = Fastify({ logger: false });
  bare.post('/raw/:code/one', async (request) => {
    const id = `${run}${++n}`;
    await db.transaction().execute((trx) => rawAdd(trx, (request.params as { code: string }).code, request.body as { externalId: string; name: string }, Date.now(), id));
    return { added: true };
  });
  bare.post('/raw/:code/batched', async (request) => {
    const id = `${run}${++n}`;
    await group.submit((trx) => rawAdd(trx, (request.params as { code: string }).code, request.body as { externalId: string; name: string }, Date.now(), id));
    return { added: true };
  });
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const address = bare.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => bare.close() };
}

const sample = async (f: () => Promise<unknown>, runs: number) => {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    samples.push(performance.now() - t0);
  }
  return samples;
};

async function linkAdds(): Promise<{ rows: Record<string, string | number>[]; notes: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'banyan-bench-customers-'));
  // The public link is rate-limited per client address; every bench client is 127.0.0.1.
  LINK_ADD_RATE.max = 10_000_000;
  const server = await startServer(testConfig({ host: '127.0.0.1', port: 0, dataDir: dir }), systemClock);
  const { db, registry } = server.deps;
  const bare = await bareRoutes(db);
  try {
    const rows: Record<string, string | number>[] = [];
    const ratios: string[] = [];
    const served: { corpId: string; succeeded: number }[] = [];
    const measure = async (path: (code: string) => string, connections: number): Promise<LoadResult> => {
      const corp = await linkCorp(db, registry, Date.now());
      const result = await postNewCustomers({ url: path(corp.code), connections, amount: ADDS });
      served.push({ corpId: corp.corpId, succeeded: result.succeeded });
      return result;
    };
    const row = (name: string, connections: number, r: LoadResult, rawOne: LoadResult, rawBatched: LoadResult, target = '') => ({
      case: `${name}, ${connections} clients`,
      'adds/s': round(r.perSecond, 0),
      'p50 ms': round(r.p50, 2),
      'p99 ms': round(r.p99, 2),
      failures: r.failures,
      'vs raw 1 tx each': round(r.perSecond / rawOne.perSecond, 2),
      'vs raw batched': round(r.perSecond / rawBatched.perSecond, 2),
      target,
    });
    for (const connections of CONNECTIONS) {
      const adds = await measure((code) => `${server.url}/api/v1/public/acquisition/links/${code}/add`, connections);
      const rawOne = await measure((code) => `${bare.url}/raw/${code}/one`, connections);
      const rawBatched = await measure((code) => `${bare.url}/raw/${code}/batched`, connections);
      rows.push(
        row('link add with billing (Banyan, HTTP)', connections, adds, rawOne, rawBatched, connections === CONNECTIONS[0] ? '≥ 2000/s' : ''),
        row('baseline: the same work as raw SQL, one transaction each', connections, rawOne, rawOne, rawBatched),
        row('baseline: the same work as raw SQL, group-committed like the link route', connections, rawBatched, rawOne, rawBatched),
      );
      ratios.push(`${connections} clients: Banyan adds at ${round((adds.perSecond / rawBatched.perSecond) * 100, 0)}% of the same raw work batched the same way, ${round(adds.perSecond / rawOne.perSecond, 2)}× the same raw work one transaction each.`);
    }

    // 已服务 on the enterprises whose customers came through those adds: the counter their adds kept.
    const checks = await Promise.all(served.map(async (s) => ({ ...s, counter: await servedCount(db, s.corpId), recount: await recountServed(db, s.corpId) })));
    const agree = checks.every((c) => c.counter === c.succeeded && c.recount === c.succeeded);
    const first = checks[0]!;
    const counter = await sample(() => servedCount(db, first.corpId), 200);
    const recount = await sample(() => recountServed(db, first.corpId), 20);
    rows.push(
      { case: `已服务 counter read after ${first.succeeded.toLocaleString('en')} real link adds`, 'p50 ms': round(percentile(counter, 50), 3), 'p99 ms': round(percentile(counter, 99), 3), target: '≤ 50 ms' },
      { case: `baseline: recount distinct customers (${first.succeeded.toLocaleString('en')})`, 'p50 ms': round(percentile(recount, 50), 3), 'p99 ms': round(percentile(recount, 99), 3), target: '' },
    );
    return {
      rows,
      notes: [
        `Link adds: each run ${ADDS.toLocaleString('en')} POSTs of a customer never seen before, on a fresh enterprise with a pack of ${PACK_UNITS.toLocaleString('en')} units (so half the adds use the pack and half auto-deduct ¥1), from a closed-loop load generator in a worker thread of the same process (N keep-alive connections, a new request as soon as one is answered). adds/s = successful (2xx) adds ÷ the wall time from the first request sent to the last answer; failures (non-2xx or broken connections) are counted apart, never as throughput; p50/p99 are of the successful requests.`,
        'Banyan: POST /api/v1/public/acquisition/links/:code/add on the full server (rate-limit check, schema validation, the add in addThroughLink, group-committed on SQLite: each add in its own savepoint of a transaction shared by up to 64). Raw one each: a bare Fastify route on the same database file running the add\'s 12 to 14 statements as raw SQL in its own transaction. Raw batched: the same statements through the same group commit (savepoint per add, up to 64 per transaction).',
        'vs raw 1 tx each / vs raw batched: adds/s of the row ÷ that baseline\'s, at the same clients. Against the batched baseline, what is left is the cost of Banyan\'s own code and HTTP plumbing; against one transaction each, batching\'s gain is in it.',
        ...ratios,
        `已服务 after the adds: on every run's enterprise the counter equals the successful adds and the recount${agree ? '' : ' — NOT SO: ' + JSON.stringify(checks)}. Counter read: servedCount() (one primary-key read of customer_counters), 200 calls in a row on the first run's enterprise, each timed alone; recount: recountServed() (distinct customers held by a friendship or a group), 20 calls.`,
      ],
    };
  } finally {
    await bare.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function servedAtScale(): Promise<{ rows: Record<string, string | number>[]; notes: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'banyan-bench-served-'));
  const database = await openMigratedDatabase({ dataDir: dir, databaseUrl: undefined });
  const db = database.db;
  const registry = buildRegistry(manifests);
  try {
    const now = Date.now();
    const batches = Math.ceil(SERVED / SERVED_BATCH);
    // The adds are spread over the past days, one transaction each; the enterprise held its tier from the first.
    const start = now - (batches - 1) * DAY;
    const account = await db.transaction().execute((trx) => createAccount(trx, start, { logN: 4, r: 8, p: 1 }, { name: '百万', loginName: `served${randomBytes(4).toString('hex')}`, password: 'password123' }));
    const corpId = await db.transaction().execute((trx) => registerCorp(trx, { now: start, log, registry }, account, { name: '百万客户企业', shortName: '百万', industry: 'general' }));
    const member = (await currentMemberOfAccount(db, corpId, account.id))!;
    await certifyUntil(db, corpId, now + 365 * DAY);
    await setCategory(db, corpId, 'approved', start);
    await db.transaction().execute(async (trx) => grantTier({ corpId, trx, now: start }, await quoteTier(trx, corpId, start, 1_000_000), null));
    const started = performance.now();
    for (let b = 0; b < batches; b++) {
      await db.transaction().execute(async (trx) => {
        const ctx = { corpId, trx, now: start + b * DAY };
        for (let i = b * SERVED_BATCH; i < Math.min(SERVED, (b + 1) * SERVED_BATCH); i++) {
          const customerId = await ensureCustomer(ctx, { externalId: `wx-${i}`, name: `客户${i}` });
          await addFriendship(ctx, { memberId: member.id, customerId, addedBack: true, source: 'manual' });
        }
      });
    }
    const addedS = (performance.now() - started) / 1000;
    await sql`analyze`.execute(db);

    const counter = await sample(() => servedCount(db, corpId), 200);
    const overview = await sample(() => customerOverview(db, corpId, now), 50);
    const recount = await sample(() => recountServed(db, corpId), 3);
    const value = await servedCount(db, corpId);
    const recounted = await recountServed(db, corpId);
    const size = SERVED.toLocaleString('en');
    return {
      rows: [
        { case: `已服务 counter read (${size} customers, after real adds)`, 'p50 ms': round(percentile(counter, 50), 3), 'p99 ms': round(percentile(counter, 99), 3), target: '≤ 50 ms' },
        { case: `customer overview (counter + today + quota), ${size}`, 'p50 ms': round(percentile(overview, 50), 3), 'p99 ms': round(percentile(overview, 99), 3), target: '≤ 50 ms' },
        { case: `baseline: recount distinct customers (${size})`, 'p50 ms': round(percentile(recount, 50), 1), 'p99 ms': round(percentile(recount, 99), 1), target: '' },
      ],
      notes: [
        `${size} customers added in ${round(addedS, 1)} s (${round(SERVED / addedS, 0)}/s, not a throughput figure: ${SERVED_BATCH.toLocaleString('en')} adds per transaction, in process) through the customers module's own add, ensureCustomer + addFriendship, which keeps the counter (a holder, then a compare-and-set quota place); counter ${value.toLocaleString('en')}, recount ${recounted.toLocaleString('en')}${value === recounted && value === SERVED ? ' (they agree)' : ' — THEY DIFFER'}.`,
        'Counter read: servedCount(), 200 calls in a row, each timed alone. Overview: customerOverview() (the category gate, the counter, a count of today\'s new customers, the quota limit), 50 calls. Recount: recountServed(), 3 calls.',
      ],
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
