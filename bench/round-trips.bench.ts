// Round trips to PostgreSQL per request: every statement the server sends for one request (after
// three unmeasured ones), for the members first page, /me, a wallet deduction with an API token, an
// approval submission and an approval. On a busy machine these counts, unlike times, do not move.
// Needs BENCH_DATABASE_URL or TEST_DATABASE_URL.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { testConfig, TEST_SCRYPT } from '../test/support/app.ts';
import { openPostgresSchema } from '../test/support/db.ts';
import { tablesOf } from '../test/support/tables.ts';
import { systemClock } from '../src/platform/clock.ts';
import { createSession } from '../src/platform/auth/sessions.ts';
import { COOKIES } from '../src/platform/http/auth.ts';
import { buildRegistry } from '../src/platform/module.ts';
import { manifests } from '../src/modules/index.ts';
import { startServer } from '../src/server.ts';
import { createAccount } from '../src/modules/account/index.ts';
import { registerCorp } from '../src/modules/session/index.ts';
import { currentMemberOfAccount } from '../src/modules/directory/index.ts';
import { createToken } from '../src/modules/tokens/testing/index.ts';
import { DirectoryFixture } from '../src/modules/directory/testing/index.ts';
import type { BenchResult } from './types.ts';
import { creditWallet } from '../src/modules/wallet/testing/index.ts';
import { createTemplate, simpleTemplate } from '../src/modules/approval/testing/index.ts';

const log = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;
const registry = buildRegistry(manifests);

export async function run(): Promise<BenchResult> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) return { name: 'round trips per request (PostgreSQL)', rows: [], notes: ['not measured: set BENCH_DATABASE_URL or TEST_DATABASE_URL'] };
  const seen: string[] = [];
  let counting = false;
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    if (counting) {
      const first = args[0] as string | { text: string; name?: string };
      const text = typeof first === 'string' ? first : first.text;
      seen.push((typeof first === 'object' && first.name ? '[named] ' : '') + text.replace(/\s+/g, ' ').slice(0, 160));
    }
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;

  const postgres = await openPostgresSchema(url, 10);
  const { db } = postgres.database;
  const now = Date.now();
  const owner = await db.transaction().execute((trx) => createAccount(trx, now, TEST_SCRYPT, { name: '创建者', loginName: `rt${randomBytes(3).toString('hex')}`, password: 'password123' }));
  const corpId = await db.transaction().execute((trx) => registerCorp(trx, { now, log, registry }, owner, { name: '往返', shortName: '往返', industry: 'general' }));
  const contacts = await DirectoryFixture.open(db, corpId, () => now);
  const dept = await contacts.department('销售部');
  for (let i = 0; i < 60; i++) await contacts.member(`成员${i}`, [i % 2 ? dept : contacts.root]);
  const member = (await currentMemberOfAccount(db, corpId, owner.id))!;
  await creditWallet(db, corpId, 1_000_000, now);
  await db.transaction().execute((trx) => tablesOf(trx).updateTable('wallets').set({ auto_deduct_acquisition: 1 }).where('corp_id', '=', corpId).execute());
  const session = await createSession(db, now, { kind: 'account', id: owner.id, corpId });
  const server = await startServer(testConfig({ host: '127.0.0.1', port: 0, dataDir: '/nonexistent', databaseUrl: url, workers: false, rateLimitPerMinute: 0 }), systemClock, postgres.database);
  const { secret } = await db.transaction().execute((trx) =>
    createToken({ corpId, trx, now, actor: { kind: 'member', id: member.id, name: '创建者', accountId: owner.id }, log, registry }, { name: 'rt', rights: ['wallet.deduct'] }),
  );
  const cookie = `${COOKIES.session}=${session.cookie}`;
  // Approvals: the creator submits, a second signed-in member approves (a one-step flow).
  const approverAccount = await db.transaction().execute((trx) => createAccount(trx, now, TEST_SCRYPT, { name: '审批人', loginName: `rta${randomBytes(3).toString('hex')}`, password: 'password123' }));
  const approverId = await contacts.member('审批人', [contacts.root], { accountId: approverAccount.id });
  const approverSession = await createSession(db, now, { kind: 'account', id: approverAccount.id, corpId });
  const template = await db.transaction().execute((trx) =>
    createTemplate({ corpId, trx, now, log, registry, actor: { kind: 'member', id: member.id, name: '创建者', accountId: owner.id } }, simpleTemplate([{ id: 'a', kind: 'approver', name: '审批', assignee: { type: 'members', memberIds: [approverId], mode: 'all' } }])),
  );
  const asCreator = { 'content-type': 'application/json', cookie, 'x-csrf-token': session.csrfToken };
  const asApprover = { 'content-type': 'application/json', cookie: `${COOKIES.session}=${approverSession.cookie}`, 'x-csrf-token': approverSession.csrfToken };
  async function submitted(): Promise<string> {
    const res = await fetch(`${server.url}/api/v1/approvals/requests`, { method: 'POST', headers: asCreator, body: JSON.stringify({ templateId: template.id, form: { reason: '出差' } }) });
    const body = (await res.json()) as { taskId: string | null; instanceId: string };
    const tasks = await tablesOf(db).selectFrom('approval_tasks').select('id').where('corp_id', '=', corpId).where('instance_id', '=', body.instanceId).where('status', '=', 'pending').execute();
    return tasks[0]!.id;
  }
  const pendingTasks: string[] = [];
  for (let i = 0; i < 5; i++) pendingTasks.push(await submitted());
  let n = 0;
  const cases: Record<string, () => Promise<Response>> = {
    'GET /api/v1/contacts/members?limit=50': () => fetch(`${server.url}/api/v1/contacts/members?limit=50`, { headers: { cookie } }),
    'GET /api/v1/me': () => fetch(`${server.url}/api/v1/me`, { headers: { cookie } }),
    'POST /api/v1/wallet/deductions': () =>
      fetch(`${server.url}/api/v1/wallet/deductions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` }, body: JSON.stringify({ item: 'acquisition', amountFen: 1, idempotencyKey: `rt-${n++}`, description: 'rt' }) }),
    'POST /api/v1/approvals/requests': () => fetch(`${server.url}/api/v1/approvals/requests`, { method: 'POST', headers: asCreator, body: JSON.stringify({ templateId: template.id, form: { reason: '出差' } }) }),
    'POST /api/v1/approvals/tasks/:taskId/actions (approve)': () =>
      fetch(`${server.url}/api/v1/approvals/tasks/${pendingTasks.shift()}/actions`, { method: 'POST', headers: asApprover, body: JSON.stringify({ action: 'approve', comment: '' }) }),
  };
  const rows: Record<string, string | number>[] = [];
  const notes: string[] = [];
  try {
    for (const [name, call] of Object.entries(cases)) {
      for (let i = 0; i < 3; i++) await (await call()).arrayBuffer();
      seen.length = 0;
      counting = true;
      const res = await call();
      await res.arrayBuffer();
      counting = false;
      rows.push({ request: name, status: res.status, 'round trips': seen.length, named: seen.filter((q) => q.startsWith('[named]')).length });
      notes.push(`${name}: ${seen.join(' | ')}`);
    }
  } finally {
    server.deps.outbox.stop();
    server.deps.jobs.stop();
    await server.app.close();
    await postgres.drop();
    pg.Client.prototype.query = original;
  }
  return { name: 'round trips per request (PostgreSQL)', rows, notes };
}
