// Charges per second on one hot wallet: in-process and over HTTP, on SQLite (the file engine, WAL,
// synchronous=FULL) and, when BENCH_DATABASE_URL or TEST_DATABASE_URL is set, PostgreSQL. Each
// engine's raw baseline runs in the same process and run: one `update wallets set balance =
// balance - 1 where … and balance >= 1` per transaction (the fewest statements a safe charge can be).
// A Banyan charge does much more (idempotency claim, compare-and-set, ledger row, double entries,
// stored result) and wins by group commit: concurrent charges share one transaction, each with its
// own compare-and-set. Targets: SQLite in-process ≥ 2× raw, ≥ 4,000/s over HTTP; PostgreSQL ≥ 3× raw.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import autocannon from 'autocannon';
import type { Config } from '../src/config.ts';
import { testConfig } from '../test/support/app.ts';
import { systemClock } from '../src/platform/clock.ts';
import { systemActor } from '../src/platform/context.ts';
import { openDatabase, type Database, type DialectName } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { buildRegistry, collectMigrations } from '../src/platform/module.ts';
import { manifests } from '../src/modules/index.ts';
import { openPostgresSchema } from '../test/support/db.ts';
import { tablesOf } from '../test/support/tables.ts';
import type { Db } from '../src/platform/db/tables.ts';
import { startServer } from '../src/server.ts';
import { createAccount } from '../src/modules/account/index.ts';
import { registerCorp } from '../src/modules/session/index.ts';
import { currentMemberOfAccount } from '../src/modules/directory/index.ts';
import { createToken } from '../src/modules/tokens/testing/index.ts';
import { creditWallet, ChargeBatcher } from '../src/modules/wallet/testing/index.ts';
import { autoDeduct } from '../src/modules/wallet/index.ts';
import type { BenchResult } from './types.ts';
import { round } from './types.ts';

const RAW_CHARGES = 3_000;
const CHARGES = 6_000;
const UNBATCHED = 1_500;
const HTTP_CHARGES = 8_000;
const IN_FLIGHT = 128;
const CONNECTIONS = 100;
const log = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;
const registry = buildRegistry(manifests);

interface Corp {
  corpId: string;
  accountId: string;
  memberId: string;
}

async function enterprise(db: Db): Promise<Corp> {
  const now = Date.now();
  const account = await db.transaction().execute((trx) => createAccount(trx, now, { logN: 4, r: 8, p: 1 }, { name: '压测', loginName: `bench${randomBytes(4).toString('hex')}`, password: 'password123' }));
  const corpId = await db.transaction().execute((trx) => registerCorp(trx, { now, log, registry }, account, { name: '压测企业', shortName: '压测', industry: 'general' }));
  const member = (await currentMemberOfAccount(db, corpId, account.id))!;
  await creditWallet(db, corpId, 1_000_000_000, now);
  await db.transaction().execute(async (trx) => {
    // The switch itself is tested elsewhere (with its business-category gate); here it is simply on.
    await tablesOf(trx).updateTable('wallets').set({ auto_deduct_acquisition: 1 }).where('corp_id', '=', corpId).execute();
  });
  return { corpId, accountId: account.id, memberId: member.id };
}

/** Runs `total` async calls with at most `inFlight` at a time; returns calls per second. */
async function throughput(total: number, inFlight: number, call: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < total) await call(next++);
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

async function inProcess(db: Db, dialect: DialectName, engine: string, corp: Corp): Promise<Record<string, string | number>[]> {
  const raw = await throughput(RAW_CHARGES, IN_FLIGHT, () =>
    db.transaction().execute((trx) => sql`update wallets set balance = balance - 1 where corp_id = ${corp.corpId} and balance >= 1`.execute(trx)),
  );
  const run = randomBytes(3).toString('hex');
  const single = await throughput(UNBATCHED, IN_FLIGHT, (i) =>
    db.transaction().execute((trx) => autoDeduct({ corpId: corp.corpId, trx, now: Date.now(), actor: systemActor, log, registry }, { item: 'acquisition', amountFen: 1, idempotencyKey: `u-${run}-${i}`, description: 'bench' })),
  );
  const batcher = new ChargeBatcher({ db, dialect, log, registry });
  const batched = await throughput(CHARGES, IN_FLIGHT, (i) => batcher.charge(corp.corpId, systemActor, Date.now(), { item: 'acquisition', amountFen: 1, idempotencyKey: `b-${run}-${i}`, description: 'bench' }));
  return [
    { engine, path: 'in-process', variant: 'raw baseline: 1 UPDATE per transaction', 'charges/s': round(raw), 'vs raw': 1 },
    { engine, path: 'in-process', variant: 'Banyan charge, one transaction each', 'charges/s': round(single), 'vs raw': round(single / raw, 2) },
    { engine, path: 'in-process', variant: 'Banyan charge, group commit', 'charges/s': round(batched), 'vs raw': round(batched / raw, 2) },
  ];
}

async function overHttp(database: Database, config: Config, engine: string, corp: Corp, raw: number): Promise<Record<string, string | number>> {
  const server = await startServer(config, systemClock, database);
  try {
    const { secret } = await database.db.transaction().execute((trx) =>
      createToken({ corpId: corp.corpId, trx, now: Date.now(), actor: { kind: 'member', id: corp.memberId, name: '压测', accountId: corp.accountId }, log: server.app.log, registry }, { name: 'bench', rights: ['wallet.deduct'] }),
    );
    const run = randomBytes(3).toString('hex');
    // A short warm-up (not measured) so the route is compiled by the JIT before the measured run.
    await load(`${server.url}/api/v1/wallet/deductions`, secret, `${run}w`, 1_000);
    const result = await load(`${server.url}/api/v1/wallet/deductions`, secret, run, HTTP_CHARGES);
    const rps = HTTP_CHARGES / result.seconds;
    return { engine, path: 'HTTP', variant: `POST /api/v1/wallet/deductions, ${CONNECTIONS} connections (non-2xx ${result.non2xx}, errors ${result.errors}, p99 ${result.latency.p99} ms)`, 'charges/s': round(rps), 'vs raw': round(rps / raw, 2) };
  } finally {
    await server.app.close();
    server.deps.outbox.stop();
    server.deps.jobs.stop();
  }
}

/**
 * autocannon (in this process, on 127.0.0.1, a bounded number of requests); each request gets a fresh
 * idempotency key. The time is taken at the last response: autocannon itself only stops on its
 * one-second sampling tick, which would round the duration up.
 */
async function load(url: string, token: string, run: string, amount: number): Promise<{ seconds: number; non2xx: number; errors: number; latency: { p99: number } }> {
  let i = 0;
  let answered = 0;
  let last = 0;
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        method: 'POST',
        connections: CONNECTIONS,
        amount,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify({ item: 'acquisition', amountFen: 1, idempotencyKey: `h-${run}-${i++}`, description: 'bench' }) }) }],
      },
      (error, done) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done)),
    );
    instance.on('response', () => {
      answered++;
      last = performance.now();
    });
  });
  return { seconds: (last - started) / 1000, non2xx: result.non2xx, errors: result.errors + (amount - answered), latency: result.latency };
}

async function sqliteRows(): Promise<Record<string, string | number>[]> {
  const dir = mkdtempSync(join(tmpdir(), 'banyan-bench-wallet-'));
  const database = await openDatabase({ dataDir: dir });
  try {
    await migrateToLatest(database, collectMigrations(manifests));
    const corp = await enterprise(database.db);
    const rows = await inProcess(database.db, database.dialect, 'SQLite', corp);
    rows.push(await overHttp(database, testConfig({ host: '127.0.0.1', port: 0, dataDir: dir }), 'SQLite', corp, Number(rows[0]!['charges/s'])));
    return rows;
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresRows(url: string): Promise<Record<string, string | number>[]> {
  const { database, drop } = await openPostgresSchema(url, 10);
  try {
    const corp = await enterprise(database.db);
    const rows = await inProcess(database.db, database.dialect, 'PostgreSQL', corp);
    rows.push(await overHttp(database, testConfig({ host: '127.0.0.1', port: 0, dataDir: '/nonexistent', databaseUrl: url }), 'PostgreSQL', corp, Number(rows[0]!['charges/s'])));
    return rows;
  } finally {
    await drop();
  }
}

export async function run(): Promise<BenchResult> {
  const rows = await sqliteRows();
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (url) rows.push(...(await postgresRows(url)));
  return {
    name: 'wallet: charges per second on one hot wallet',
    rows,
    notes: [
      `In-process: ${IN_FLIGHT} charges in flight; raw ${RAW_CHARGES}, one-transaction ${UNBATCHED}, group commit ${CHARGES} charges. HTTP: ${HTTP_CHARGES} charges (after 1,000 unmeasured) with an API token, autocannon in the same process (it shares the server's event loop, so the HTTP figure is a floor).`,
      'Targets: SQLite group commit ≥ 2× raw and ≥ 4,000 charges/s over HTTP; PostgreSQL group commit ≥ 3× raw.',
      url ? 'PostgreSQL: a fresh schema in BENCH_DATABASE_URL / TEST_DATABASE_URL, pool of 10.' : 'PostgreSQL skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL).',
    ],
  };
}
