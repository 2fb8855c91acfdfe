// Banyan as several real `banyan serve` processes behind a (client-side, round-robin) load balancer:
// 1 and 3 processes on one PostgreSQL database, and 1 process on SQLite, under one mixed workload
// in one run. Each client repeats a round of five requests, as people using the console and an
// integration would: a member signs in (POST /api/v1/auth/sign-in), reads /me with the new session,
// the creator lists the first 50 members (GET /api/v1/contacts/members), an integration deducts 1 fen
// with an API token (POST /api/v1/wallet/deductions), and the approver approves one pending request
// (POST /api/v1/approvals/tasks/{id}/actions). The data (an enterprise of MEMBERS members, the
// accounts, the token, the funded wallet, one pending request per round) is made in-process before
// the servers start, on a database of its own per configuration. PostgreSQL needs BENCH_DATABASE_URL
// or TEST_DATABASE_URL; without it only SQLite runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { TEST_SCRYPT } from '../test/support/app.ts';
import { Cookies, freshPostgresDatabase, serveProcess, type ServerProcess } from '../test/support/cluster.ts';
import { tablesOf } from '../test/support/tables.ts';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { buildRegistry, collectMigrations } from '../src/platform/module.ts';
import { manifests } from '../src/modules/index.ts';
import { createAccount } from '../src/modules/account/index.ts';
import { registerCorp } from '../src/modules/session/index.ts';
import { currentMemberOfAccount } from '../src/modules/directory/index.ts';
import { createToken } from '../src/modules/tokens/testing/index.ts';
import { creditWallet } from '../src/modules/wallet/testing/index.ts';
import { createTemplate, Org, settings, submitRequest } from '../src/modules/approval/testing/index.ts';
import type { BenchResult } from './types.ts';
import { percentile, round } from './types.ts';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 2_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
/** Rounds of five requests per configuration (one pending approval each). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 400);
const SIGNERS = 50;
const PASSWORD = 'password123';
const KINDS = ['sign-in', '/me', 'members list', 'deduction', 'approval action'] as const;
type Kind = (typeof KINDS)[number];

const log = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;
const registry = buildRegistry(manifests);
const migrations = collectMigrations(manifests);

interface Fixture {
  ownerLogin: string;
  signers: string[];
  approverLogin: string;
  token: string;
  taskIds: string[];
}

async function fill(database: Database): Promise<Fixture> {
  const { db } = database;
  const now = () => Date.now();
  const run = randomBytes(3).toString('hex');
  const ownerLogin = `own${run}`;
  const owner = await db.transaction().execute((trx) => createAccount(trx, now(), TEST_SCRYPT, { name: '压测创建者', loginName: ownerLogin, password: PASSWORD }));
  const corpId = await db.transaction().execute((trx) => registerCorp(trx, { now: now(), log, registry }, owner, { name: '集群压测企业', shortName: '集群', industry: 'general' }));
  const creator = (await currentMemberOfAccount(db, corpId, owner.id))!;
  const org = await Org.open({ db, log, registry }, corpId, now);
  const signers: string[] = [];
  for (let i = 0; i < SIGNERS; i++) {
    signers.push(`s${run}x${i}`);
    await org.member(`登录成员${i}`, org.root, { login: signers[i], password: PASSWORD, scrypt: TEST_SCRYPT });
  }
  const approverLogin = `apr${run}`;
  const approver = await org.member('审批人', org.root, { login: approverLogin, password: PASSWORD, scrypt: TEST_SCRYPT });
  const applicant = await org.member('申请人', org.root);
  for (let i = 0; i < MEMBERS - SIGNERS - 3; i++) await org.member(`成员${i}`);
  await creditWallet(db, corpId, 1_000_000_000, now());
  await tablesOf(db).updateTable('wallets').set({ auto_deduct_acquisition: 1 }).where('corp_id', '=', corpId).execute();
  const actor = { kind: 'member' as const, id: creator.id, name: creator.name, accountId: owner.id };
  const token = await db.transaction().execute((trx) => createToken({ corpId, trx, now: now(), actor, log, registry }, { name: 'bench', rights: ['wallet.deduct'] }));
  const template = await db.transaction().execute((trx) =>
    createTemplate({ corpId, trx, now: now(), actor, log, registry }, {
      name: '请假',
      form: [{ id: 'reason', type: 'text', label: '事由', required: true }],
      flow: [{ id: 'a', kind: 'approver', name: '审批', assignee: { type: 'members', memberIds: [approver], mode: 'all' } }],
      settings: settings(),
    }),
  );
  for (let i = 0; i < ROUNDS; i++) await org.as(applicant, (ctx) => submitRequest(ctx, applicant, { templateId: template.id, form: { reason: `第${i}次` } }));
  const tasks = await tablesOf(db).selectFrom('approval_tasks').select('id').where('corp_id', '=', corpId).where('assignee_id', '=', approver).where('status', '=', 'pending').execute();
  return { ownerLogin, signers, approverLogin, token: token.secret, taskIds: tasks.map((t) => t.id) };
}

async function signIn(url: string, login: string): Promise<Cookies> {
  const cookies = new Cookies();
  const response = await fetch(`${url}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: PASSWORD }) });
  if (response.status !== 200) throw new Error(`sign-in of ${login} answered ${response.status}`);
  cookies.take(response);
  await response.arrayBuffer();
  return cookies;
}

interface Sample {
  kind: Kind;
  ms: number;
  ok: boolean;
}

/** The mixed workload: CLIENTS loops sharing ROUNDS rounds, each request sent to the next process in turn. */
async function workload(urls: readonly string[], fixture: Fixture): Promise<{ samples: Sample[]; seconds: number }> {
  const owner = await signIn(urls[0]!, fixture.ownerLogin);
  const approver = await signIn(urls[0]!, fixture.approverLogin);
  const samples: Sample[] = [];
  let next = 0;
  let turn = 0;
  const send = async (kind: Kind, path: string, init: RequestInit, onAnswer?: (response: Response) => void): Promise<void> => {
    const url = urls[turn++ % urls.length]!;
    const started = performance.now();
    const response = await fetch(`${url}${path}`, init);
    await response.arrayBuffer();
    const ms = performance.now() - started;
    onAnswer?.(response);
    samples.push({ kind, ms, ok: response.status >= 200 && response.status < 300 });
  };
  const json = (headers: Record<string, string>, body: unknown): RequestInit => ({ method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const client = async () => {
    for (let i = next++; i < ROUNDS; i = next++) {
      const session = new Cookies();
      await send('sign-in', '/api/v1/auth/sign-in', json({}, { login: fixture.signers[i % fixture.signers.length], password: PASSWORD }), (r) => session.take(r));
      await send('/me', '/api/v1/me', { headers: session.headers(false) });
      await send('members list', '/api/v1/contacts/members?limit=50', { headers: owner.headers(false) });
      await send('deduction', '/api/v1/wallet/deductions', json({ authorization: `Bearer ${fixture.token}` }, { item: 'acquisition', amountFen: 1, idempotencyKey: `c-${i}`, description: '获客' }));
      await send('approval action', `/api/v1/approvals/tasks/${fixture.taskIds[i]}/actions`, json(approver.headers(true), { action: 'approve' }));
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, client));
  return { samples, seconds: (performance.now() - started) / 1000 };
}

interface Setup {
  name: string;
  processes: number;
  /** A fresh, migrated and filled database, and the environment the servers need to use it. */
  open(): Promise<{ env: Record<string, string>; fixture: Fixture; drop(): Promise<void> }>;
}

function postgresSetup(base: string, processes: number): Setup {
  return {
    name: `PostgreSQL, ${processes} process${processes > 1 ? 'es' : ''}`,
    processes,
    open: async () => {
      process.env.TEST_DATABASE_URL ??= base;
      const fresh = await freshPostgresDatabase();
      const database = await openDatabase({ databaseUrl: fresh.url, poolSize: 4 });
      await migrateToLatest(database, migrations);
      const fixture = await fill(database);
      await database.close();
      return { env: { DATABASE_URL: fresh.url }, fixture, drop: () => fresh.drop() };
    },
  };
}

const sqliteSetup: Setup = {
  name: 'SQLite, 1 process',
  processes: 1,
  open: async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'banyan-cluster-bench-'));
    const database = await openDatabase({ dataDir });
    await migrateToLatest(database, migrations);
    const fixture = await fill(database);
    await database.close();
    return { env: { BANYAN_DATA_DIR: dataDir, DATABASE_URL: '' }, fixture, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  },
};

export async function run(): Promise<BenchResult> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const setups = [...(url ? [postgresSetup(url, 1), postgresSetup(url, 3)] : []), sqliteSetup];
  const rows: BenchResult['rows'] = [];
  for (const setup of setups) {
    const { env, fixture, drop } = await setup.open();
    let servers: ServerProcess[] = [];
    try {
      servers = await Promise.all(Array.from({ length: setup.processes }, () => serveProcess(env, ['--db-pool', '10'])));
      const { samples, seconds } = await workload(servers.map((s) => s.url), fixture);
      const ok = samples.filter((s) => s.ok);
      rows.push({ setup: setup.name, request: 'all (mixed)', 'req/s': round(ok.length / seconds), p50: round(percentile(ok.map((s) => s.ms), 50)), p99: round(percentile(ok.map((s) => s.ms), 99)), failed: samples.length - ok.length });
      for (const kind of KINDS) {
        const mine = samples.filter((s) => s.kind === kind);
        const good = mine.filter((s) => s.ok);
        rows.push({ setup: setup.name, request: kind, 'req/s': round(good.length / seconds), p50: round(percentile(good.map((s) => s.ms), 50)), p99: round(percentile(good.map((s) => s.ms), 99)), failed: mine.length - good.length });
      }
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
      await drop();
    }
  }
  return {
    name: 'cluster',
    rows,
    notes: [
      `${CLIENTS} clients in this process (fetch, keep-alive), ${ROUNDS} rounds of 5 requests per setup, each request to the next process in turn; an enterprise of ${MEMBERS} members; scrypt at ln=4 (the servers' test setting), so sign-in measures the path, not the hash.`,
      'req/s: 2xx answers ÷ the wall time of the whole workload (per request kind: that kind\'s 2xx ÷ the same time). p50/p99 in ms, from sending a request to the end of its answer, 2xx only; failed: other answers.',
      `Servers: banyan serve --db-pool 10, workers on (outbox delivers the approval notices), rate limits off. Machine load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}.`,
    ],
  };
}
