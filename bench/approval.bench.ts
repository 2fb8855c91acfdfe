// The approval engine over HTTP, as the console drives it: members signed in with their own sessions
// (cookie + CSRF header) submit requests and complete their tasks through the real routes, with the
// session lookup, the authorizer, TypeBox validation and the group commit on the way. An organisation
// of 10,000 members, a 6-node template (condition → department head → 会签 of 3 → tag 或签 → handler →
// CC), on SQLite (the file engine, WAL, synchronous=FULL) and, when BENCH_DATABASE_URL or
// TEST_DATABASE_URL is set, PostgreSQL.
// Targets: ≥ 300 submissions/s, ≥ 600 task completions/s, complete-task p99 ≤ 40 ms under 50
// concurrent clients.
// Baselines in the same run, on the same database and the same HTTP client: a bare Fastify route per
// operation doing the same work as hand-written SQL (the same reads and the same rows written as
// Banyan's submit and completion of this template), once with one transaction per request and once
// batched the same way as Banyan (the platform's group commit, one savepoint per request).
// A last row set calls the engine's services in-process (no HTTP, session, authorizer or validation).
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { testConfig, TEST_SCRYPT } from '../test/support/app.ts';
import { openPostgresSchema } from '../test/support/db.ts';
import { tablesOf } from '../test/support/tables.ts';
import type { Config } from '../src/config.ts';
import { systemClock } from '../src/platform/clock.ts';
import type { Ctx } from '../src/platform/context.ts';
import type { Database } from '../src/platform/db/database.ts';
import { commandRunner, type RunCommand } from '../src/platform/db/group-commit.ts';
import type { Db, Tx } from '../src/platform/db/tables.ts';
import { newId } from '../src/platform/ids.ts';
import { sha256 } from '../src/platform/auth/tokens.ts';
import { createSession } from '../src/platform/auth/sessions.ts';
import type { Registry } from '../src/platform/module.ts';
import { openMigratedDatabase, startServer, type RunningServer } from '../src/server.ts';
import { createAccount } from '../src/modules/account/index.ts';
import { registerCorp } from '../src/modules/session/index.ts';
import { DirectoryFixture } from '../src/modules/directory/testing/index.ts';
import { actOnTask, createTemplate, settings, submitRequest, type TemplateInput } from '../src/modules/approval/testing/index.ts';
import { postAll, type HttpAnswer, type HttpRequest } from './http-requests.ts';
import type { BenchResult } from './types.ts';
import { percentile, round } from './types.ts';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 10_000);
const CLIENTS = 50;
const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 600);
/** Completions per request: the head, three 会签, one of the tag's 或签, the handler. */
const COMPLETIONS_EACH = 6;
/** Nodes whose people act as 或签 (one of them completes the step; the others' tasks are cancelled). */
const ANY_NODES = new Set(['head1', 'head2', 'tag']);
const log = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;

/** A seeded generator, so two runs queue the same order. */
let seed = 42;
const random = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;

interface Person {
  id: string;
  name: string;
  accountId: string;
  cookie: string;
  csrf: string;
}

interface Org {
  db: Db;
  corpId: string;
  templateId: string;
  applicants: Person[];
  people: Map<string, Person>;
  signers: string[];
  cashiers: string[];
  tagId: string;
  handler: string;
  cc: string;
  now: () => number;
}

/**
 * 10 divisions × 10 teams, every department with a head; the other members spread over the teams.
 * Everyone who acts (the applicants used, the heads, the signers, the cashiers, the handler) gets an
 * account and a session, as if signed in to the console.
 */
async function buildOrganisation(db: Db, registry: Registry): Promise<Org> {
  const now = () => Date.now();
  const account = await db.transaction().execute((trx) => createAccount(trx, now(), TEST_SCRYPT, { name: '压测', loginName: `bench${randomBytes(4).toString('hex')}`, password: 'password123' }));
  const corpId = await db.transaction().execute((trx) => registerCorp(trx, { now: now(), log, registry }, account, { name: '压测企业', shortName: '压测', industry: 'general' }));
  const people = new Map<string, Person>();
  const run = randomBytes(3).toString('hex');
  let logins = 0;
  /** A member with an account and a signed-in session, inside the transaction `trx`. */
  const actor = async (trx: Tx, contacts: DirectoryFixture, name: string, departmentId: string): Promise<Person> => {
    const acc = await createAccount(trx, now(), TEST_SCRYPT, { name, loginName: `b${run}x${++logins}`, password: 'password123' });
    const id = await contacts.member(name, [departmentId], { accountId: acc.id });
    const session = await createSession(trx, now(), { kind: 'account', id: acc.id, corpId });
    const person = { id, name, accountId: acc.id, cookie: session.cookie, csrf: session.csrfToken };
    people.set(id, person);
    return person;
  };
  const teams: string[] = [];
  const applicants: Person[] = [];
  let flowPeople: string[] = [];
  await db.transaction().execute(async (trx) => {
    const contacts = await DirectoryFixture.open(trx, corpId, now);
    for (let d = 0; d < 10; d++) {
      const division = await contacts.department(`事业部${d}`);
      await contacts.head(division, (await actor(trx, contacts, `事业部负责人${d}`, division)).id);
      for (let k = 0; k < 10; k++) {
        const team = await contacts.department(`小组${d}-${k}`, division);
        await contacts.head(team, (await actor(trx, contacts, `组长${d}-${k}`, team)).id);
        teams.push(team);
      }
    }
    // The people of the flow, then the applicants (who act in no step, so no repeat-approver shortcut is measured).
    for (let i = 0; i < 8; i++) flowPeople.push((await actor(trx, contacts, `流程成员${i}`, teams[i]!)).id);
    for (let i = 0; i < SUBMISSIONS; i++) applicants.push(await actor(trx, contacts, `申请人${i}`, teams[(i * 7) % teams.length]!));
  });
  const rest = MEMBERS - people.size - 1;
  for (let batch = 0; batch < rest; batch += 1000) {
    await db.transaction().execute(async (trx) => {
      const contacts = await DirectoryFixture.open(trx, corpId, now);
      for (let i = batch; i < Math.min(rest, batch + 1000); i++) await contacts.member(`成员${i}`, [teams[i % teams.length]!]);
    });
  }
  const signers = flowPeople.slice(0, 3);
  const cashiers = flowPeople.slice(3, 6);
  const [handler, cc] = [flowPeople[6]!, flowPeople[7]!];
  flowPeople = [];
  const tagId = await db.transaction().execute(async (trx) => (await DirectoryFixture.open(trx, corpId, now)).tag('出纳', cashiers));
  const input: TemplateInput = {
    name: '报销',
    form: [
      { id: 'amount', type: 'money', label: '金额', required: true },
      { id: 'reason', type: 'text', label: '事由', required: true },
    ],
    flow: [
      {
        id: 'cond',
        kind: 'condition',
        name: '金额',
        branches: [
          { id: 'big', name: '大额', clauses: [{ type: 'field', fieldId: 'amount', op: 'gte', value: 100_000 }], nodes: [{ id: 'head2', kind: 'approver', name: '上级负责人', assignee: { type: 'head', direction: 'up', level: 2, mode: 'any' } }] },
          { id: 'small', name: '其他', clauses: [], nodes: [{ id: 'head1', kind: 'approver', name: '部门负责人', assignee: { type: 'head', direction: 'up', level: 1, mode: 'any' } }] },
        ],
      },
      { id: 'sign', kind: 'approver', name: '会签', assignee: { type: 'members', memberIds: signers, mode: 'all' } },
      { id: 'tag', kind: 'approver', name: '出纳或签', assignee: { type: 'tag', tagId, mode: 'any' } },
      { id: 'pay', kind: 'handler', name: '打款', assignee: { type: 'members', memberIds: [handler], mode: 'all' } },
      { id: 'cc', kind: 'cc', name: '抄送', assignee: { type: 'members', memberIds: [cc], mode: 'all' } },
    ],
    settings: settings(),
  };
  const creator = await tablesOf(db).selectFrom('members').select(['id', 'name']).where('corp_id', '=', corpId).where('account_id', '=', account.id).executeTakeFirstOrThrow();
  const template = await db.transaction().execute((trx) => createTemplate({ corpId, trx, now: now(), log, registry, actor: { kind: 'member', id: creator.id, name: creator.name, accountId: account.id } }, input));
  return { db, corpId, templateId: template.id, applicants, people, signers, cashiers, tagId, handler, cc, now };
}

// ---- The baseline: the same work as hand-written SQL -------------------------------------------

/**
 * What Banyan's submit and completion of this template read and write, as plain SQL statements (the
 * list was taken from a statement trace of the real routes): the session and member lookups, the
 * template, the applicant and their department chain and heads, the tag, then the request, its
 * trail, its tasks, its current step and one outbox notice per task; a completion reads the task,
 * locks the request, closes the task, writes the trail, reads the request's tasks and opens the next
 * step (or finishes). The decisions are this one template's, written out by hand.
 */
function rawSql(org: Org, snapshotJson: string) {
  const q = (trx: Db | Tx, text: ReturnType<typeof sql>) => text.execute(trx);
  const notice = (trx: Tx, now: number, memberId: string, title: string, instanceId: string, key: string) =>
    q(
      trx,
      sql`insert into outbox (id, corp_id, type, payload_json, created_at, available_at, delivered_at, attempts, last_error) values (${newId('evt', now)}, ${org.corpId}, ${'approval.notified'}, ${JSON.stringify({ memberIds: [memberId], title, body: '报销', link: `/app/approvals/requests/${instanceId}`, dedupeKey: key })}, ${now}, ${now}, ${null}, ${0}, ${null})`,
    );
  const trail = (trx: Tx, now: number, instanceId: string, taskId: string | null, actorId: string | null, action: string) =>
    q(trx, sql`insert into approval_events (corp_id, id, instance_id, task_id, actor_id, action, comment, details_json, at) values (${org.corpId}, ${newId('ape', now)}, ${instanceId}, ${taskId}, ${actorId}, ${action}, ${null}, ${'{}'}, ${now})`);
  const task = async (trx: Tx, now: number, instanceId: string, step: number, nodeId: string, kind: string, assigneeId: string, status: string) => {
    const id = newId('apk', now);
    await q(
      trx,
      sql`insert into approval_tasks (corp_id, id, instance_id, step, node_id, kind, seq, assignee_id, status, comment, signature, reason_json, created_at, acted_at) values (${org.corpId}, ${id}, ${instanceId}, ${step}, ${nodeId}, ${kind}, ${0}, ${assigneeId}, ${status}, ${null}, ${null}, ${'[{"code":"rule_members","text":"Chosen members"}]'}, ${now}, ${status === 'notified' ? now : null})`,
    );
    return id;
  };
  const statuses = (trx: Tx, ids: string[]) => q(trx, sql`select id, name, userid, status, account_id from members where corp_id = ${org.corpId} and id in (${sql.join(ids)})`);
  const setStep = (trx: Tx, instanceId: string, step: number) => q(trx, sql`update approval_instances set current_step = ${step} where corp_id = ${org.corpId} and id = ${instanceId}`);

  /** The two reads every request makes before its transaction: the session, and the member it signs in. */
  async function signIn(db: Db, cookie: string): Promise<string> {
    const session = (await q(db, sql`select * from sessions where id = ${sha256(cookie)} and principal_kind = ${'account'} and expires_at > ${Date.now()}`)).rows[0] as { principal_id: string } | undefined;
    if (!session) throw new Error('no session');
    const member = (await q(db, sql`select id, name, userid, status, account_id from members where corp_id = ${org.corpId} and account_id = ${session.principal_id} and status in (${'active'})`)).rows[0] as { id: string } | undefined;
    if (!member) throw new Error('no member');
    return member.id;
  }

  async function submit(trx: Tx, applicantId: string, form: { amount: number; reason: string }) {
    const now = Date.now();
    await q(trx, sql`select * from approval_templates where corp_id = ${org.corpId} and id = ${org.templateId}`);
    const applicant = (await q(trx, sql`select * from members where corp_id = ${org.corpId} and id = ${applicantId}`)).rows[0] as { main_department_id: string };
    await q(trx, sql`select department_id from member_departments where corp_id = ${org.corpId} and member_id = ${applicantId} order by department_id`);
    await statuses(trx, [applicantId, ...org.signers, org.handler, org.cc]);
    const { path } = (await q(trx, sql`select path from departments where corp_id = ${org.corpId} and id = ${applicant.main_department_id}`)).rows[0] as { path: string };
    const chainIds = path.split('/').filter(Boolean);
    const chain = (await q(trx, sql`select id, name, depth from departments where corp_id = ${org.corpId} and id in (${sql.join(chainIds)}) order by depth desc`)).rows as { id: string }[];
    const heads = (await q(trx, sql`select department_id, member_id from department_heads where corp_id = ${org.corpId} and department_id in (${sql.join(chain.map((d) => d.id))}) order by department_id, member_id`)).rows as { department_id: string; member_id: string }[];
    const level = form.amount >= 100_000 ? 2 : 1;
    const head = heads.find((h) => h.department_id === chain[level - 1]!.id)!.member_id;
    await statuses(trx, [head]);
    await q(trx, sql`select name from tags where corp_id = ${org.corpId} and id = ${org.tagId}`);
    await q(trx, sql`select department_id from tag_departments where corp_id = ${org.corpId} and tag_id = ${org.tagId} limit 1`);
    await q(trx, sql`select member_id from tag_members where corp_id = ${org.corpId} and tag_id = ${org.tagId}`);
    await statuses(trx, org.cashiers);
    const id = newId('apr', now);
    const nodeId = level === 2 ? 'head2' : 'head1';
    const steps = [
      { nodeId, kind: 'approver', mode: 'any', assigneeIds: [head] },
      { nodeId: 'sign', kind: 'approver', mode: 'all', assigneeIds: org.signers },
      { nodeId: 'tag', kind: 'approver', mode: 'any', assigneeIds: org.cashiers },
      { nodeId: 'pay', kind: 'handler', mode: 'all', assigneeIds: [org.handler] },
      { nodeId: 'cc', kind: 'cc', mode: 'all', assigneeIds: [org.cc] },
    ];
    await q(
      trx,
      sql`insert into approval_instances (corp_id, id, template_id, template_name, snapshot_json, applicant_id, submitter_id, status, form_json, path_json, mentions_json, current_step, version, created_at, updated_at, finished_at)
        values (${org.corpId}, ${id}, ${org.templateId}, ${'报销'}, ${snapshotJson}, ${applicantId}, ${applicantId}, ${'running'}, ${JSON.stringify(form)}, ${JSON.stringify(steps)}, ${'[]'}, ${0}, ${1}, ${now}, ${now}, ${null})`,
    );
    await trail(trx, now, id, null, applicantId, 'submitted');
    const taskId = await task(trx, now, id, 0, nodeId, 'approver', head, 'pending');
    await setStep(trx, id, 0);
    await notice(trx, now, head, '待审批', id, `approval:task:${taskId}`);
    return { instanceId: id, instanceStatus: 'running', taskId: null, taskStatus: null, version: 1 };
  }

  type TaskRow = { id: string; instance_id: string; step: number; kind: string; assignee_id: string; status: string };
  async function complete(trx: Tx, memberId: string, taskId: string) {
    const now = Date.now();
    const seen = (await q(trx, sql`select id, instance_id, step, node_id, kind, seq, assignee_id, status, comment from approval_tasks where corp_id = ${org.corpId} and id = ${taskId}`)).rows[0] as TaskRow | undefined;
    if (!seen || seen.assignee_id !== memberId) throw Object.assign(new Error('not yours'), { status: 403 });
    const locked = await q(
      trx,
      sql`update approval_instances set version = version + 1, updated_at = ${now} where corp_id = ${org.corpId} and id = ${seen.instance_id} and status = ${'running'} returning id, template_name, snapshot_json, applicant_id, submitter_id, status, form_json, path_json, current_step, version`,
    );
    const row = locked.rows[0] as { id: string; applicant_id: string; version: number } | undefined;
    if (!row) throw Object.assign(new Error('closed'), { status: 409 });
    const closeAs = seen.kind === 'handler' ? 'handled' : 'approved';
    const closed = await q(trx, sql`update approval_tasks set status = ${closeAs}, comment = ${null}, signature = ${null}, acted_at = ${now} where corp_id = ${org.corpId} and id = ${taskId} and status = ${'pending'}`);
    if (Number(closed.numAffectedRows ?? 0) === 0) throw Object.assign(new Error('closed'), { status: 409 });
    await trail(trx, now, row.id, taskId, memberId, seen.kind === 'handler' ? 'handle' : 'approve');
    const all = (await q(trx, sql`select id, instance_id, step, node_id, kind, seq, assignee_id, status from approval_tasks where corp_id = ${org.corpId} and instance_id = ${row.id} order by id`)).rows as TaskRow[];
    const open = (step: number) => all.filter((t) => t.step === step && t.id !== taskId && (t.status === 'pending' || t.status === 'waiting'));
    const openStep = async (step: number, nodeId: string, kind: string, ids: string[], title: string) => {
      await statuses(trx, ids);
      const made = [];
      for (const id of ids) made.push(await task(trx, now, row.id, step, nodeId, kind, id, 'pending'));
      await setStep(trx, row.id, step);
      for (const [k, id] of made.entries()) await notice(trx, now, ids[k]!, title, row.id, `approval:task:${id}`);
    };
    let instanceStatus = 'running';
    if (seen.step === 0) await openStep(1, 'sign', 'approver', org.signers, '待审批');
    else if (seen.step === 1 && open(1).length === 0) await openStep(2, 'tag', 'approver', org.cashiers, '待审批');
    else if (seen.step === 2) {
      // 或签: the others' tasks close as cancelled.
      for (const t of open(2)) await q(trx, sql`update approval_tasks set status = ${'cancelled'}, acted_at = ${now} where corp_id = ${org.corpId} and id = ${t.id} and status in (${'pending'}, ${'waiting'})`);
      await openStep(3, 'pay', 'handler', [org.handler], '待办理');
    } else if (seen.step === 3) {
      await statuses(trx, [org.cc]);
      const ccTask = await task(trx, now, row.id, 4, 'cc', 'cc', org.cc, 'notified');
      await notice(trx, now, org.cc, '抄送', row.id, `approval:task:${ccTask}`);
      await q(trx, sql`update approval_instances set status = ${'approved'}, finished_at = ${now} where corp_id = ${org.corpId} and id = ${row.id}`);
      await q(trx, sql`update approval_tasks set status = ${'cancelled'}, acted_at = ${now} where corp_id = ${org.corpId} and instance_id = ${row.id} and status in (${'pending'}, ${'waiting'})`);
      await trail(trx, now, row.id, null, null, 'approved');
      await notice(trx, now, row.applicant_id, '审批结果', row.id, `approval:result:${row.id}`);
      instanceStatus = 'approved';
    }
    return { instanceId: row.id, instanceStatus, taskId, taskStatus: closeAs, version: row.version };
  }

  return { signIn, submit, complete };
}

/** A bare Fastify app with the baseline's two routes: no session middleware, no authorizer, no schema. */
async function baselineApp(database: Database, org: Org, snapshotJson: string, batched: boolean): Promise<{ app: FastifyInstance; url: string }> {
  const raw = rawSql(org, snapshotJson);
  const run: RunCommand = batched ? commandRunner(database.db, database.dialect) : (work) => database.db.transaction().execute(work);
  const app = Fastify({ logger: false });
  const answer = async (reply: { status(code: number): unknown }, work: () => Promise<unknown>) => {
    try {
      return await work();
    } catch (error) {
      reply.status((error as { status?: number }).status ?? 500);
      return { error: String(error) };
    }
  };
  app.post('/submit', async (request, reply) => {
    const body = request.body as { cookie: string; form: { amount: number; reason: string } };
    return answer(reply, async () => {
      const memberId = await raw.signIn(database.db, body.cookie);
      return run((trx) => raw.submit(trx, memberId, body.form));
    });
  });
  app.post('/complete', async (request, reply) => {
    const body = request.body as { cookie: string; taskId: string };
    return answer(reply, async () => {
      const memberId = await raw.signIn(database.db, body.cookie);
      return run((trx) => raw.complete(trx, memberId, body.taskId));
    });
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  return { app, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}

// ---- Driving the load --------------------------------------------------------------------------

interface ActionAnswer {
  instanceId: string;
  instanceStatus: string;
  taskStatus: string | null;
}

interface Measured {
  perSecond: number;
  p50: number;
  p99: number;
  /** Answers that did what was asked: a 201 submission, a 200 that closed the task as approved or handled. */
  done: number;
  /** Every other answer (a conflict, a refusal, an error). */
  failed: number;
  seconds: number;
}

function summarise(latencies: number[], done: number, failed: number, seconds: number): Measured {
  return { perSecond: done / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), done, failed, seconds };
}

/** One way of running the two operations: over Banyan's routes, the baseline's, or the services in-process. */
interface Driver {
  submit(applicants: Person[], amountOf: (i: number) => number): Promise<{ answers: (ActionAnswer | null)[]; latencies: number[]; seconds: number; statuses: number[] }>;
  complete(tasks: { id: string; assignee: string; kind: string }[]): Promise<{ answers: (ActionAnswer | null)[]; latencies: number[]; seconds: number; statuses: number[] }>;
}

function httpDriver(org: Org, base: string, kind: 'banyan' | 'baseline'): Driver {
  const person = (id: string) => org.people.get(id)!;
  const headers = (p: Person) => ({ cookie: `banyan_session=${p.cookie}`, 'x-csrf-token': p.csrf });
  const go = async (requests: HttpRequest[]) => {
    const run = await postAll<ActionAnswer>(base, CLIENTS, requests);
    return { answers: run.results.map((r) => (r.status >= 200 && r.status < 300 ? r.body : null)), latencies: run.results.map((r: HttpAnswer) => r.ms), seconds: run.seconds, statuses: run.results.map((r) => r.status) };
  };
  return {
    submit: (applicants, amountOf) =>
      go(
        applicants.map((a, i) => {
          const form = { amount: amountOf(i), reason: `报销${i}` };
          return kind === 'banyan' ? { path: '/api/v1/approvals/requests', body: { templateId: org.templateId, form }, headers: headers(a) } : { path: '/submit', body: { cookie: a.cookie, form } };
        }),
      ),
    complete: (tasks) =>
      go(
        tasks.map((t) => {
          const p = person(t.assignee);
          return kind === 'banyan' ? { path: `/api/v1/approvals/tasks/${t.id}/actions`, body: { action: t.kind === 'handler' ? 'handle' : 'approve' }, headers: headers(p) } : { path: '/complete', body: { cookie: p.cookie, taskId: t.id } };
        }),
      ),
  };
}

/** The services called as the routes call them (through the group commit), from `CLIENTS` concurrent loops. */
function inProcessDriver(org: Org, database: Database, registry: Registry): Driver {
  const command = commandRunner(database.db, database.dialect);
  const ctxOf = (p: Person, trx: Tx): Ctx => ({ corpId: org.corpId, trx, now: Date.now(), log, registry, actor: { kind: 'member', id: p.id, name: p.name, accountId: p.accountId } });
  const loop = async (ops: (() => Promise<ActionAnswer>)[]) => {
    const answers: (ActionAnswer | null)[] = new Array(ops.length);
    const latencies: number[] = new Array(ops.length);
    const statuses: number[] = new Array(ops.length);
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let i = next++; i < ops.length; i = next++) {
          const t0 = performance.now();
          try {
            answers[i] = await ops[i]!();
            statuses[i] = 200;
          } catch (error) {
            answers[i] = null;
            statuses[i] = (error as { status?: number }).status ?? 500;
          }
          latencies[i] = performance.now() - t0;
        }
      }),
    );
    return { answers, latencies, seconds: (performance.now() - started) / 1000, statuses };
  };
  return {
    submit: (applicants, amountOf) => loop(applicants.map((a, i) => () => command((trx) => submitRequest(ctxOf(a, trx), a.id, { templateId: org.templateId, form: { amount: amountOf(i), reason: `报销${i}` } })))),
    complete: (tasks) =>
      loop(
        tasks.map((t) => () => {
          const p = org.people.get(t.assignee)!;
          return command((trx) => actOnTask(ctxOf(p, trx), p.id, t.id, { action: t.kind === 'handler' ? 'handle' : 'approve' }));
        }),
      ),
  };
}

interface Variant {
  name: string;
  driver: Driver;
  instances: string[];
  submit: Measured;
  latencies: number[];
  done: number;
  failed: number;
  seconds: number;
  approved: number;
}

/**
 * Each variant submits one request per applicant, then completes every task in waves: a wave is every
 * task of the variant's requests open at its start (of an 或签 step only one), in a shuffled order, so
 * 50 clients are 50 people working through their own to-dos. The variants take turns, submission by
 * submission and wave by wave, so a change in the machine's load touches them alike. Finding the open
 * tasks between waves is not timed.
 */
async function drive(org: Org, variants: { name: string; driver: Driver }[]): Promise<Variant[]> {
  const amountOf = (i: number) => (i % 2 === 0 ? 50_000 : 200_000);
  const states: Variant[] = [];
  for (const { name, driver } of variants) {
    const submitted = await driver.submit(org.applicants, amountOf);
    const instances = submitted.answers.flatMap((a) => (a ? [a.instanceId] : []));
    states.push({ name, driver, instances, submit: summarise(submitted.latencies, instances.length, submitted.answers.length - instances.length, submitted.seconds), latencies: [], done: 0, failed: 0, seconds: 0, approved: 0 });
  }
  const finished = new Set<Variant>();
  while (finished.size < states.length) {
    for (const v of states) {
      if (finished.has(v)) continue;
      const wave = await openTasks(org, v.instances);
      if (wave.length === 0) {
        finished.add(v);
        continue;
      }
      const run = await v.driver.complete(wave);
      v.latencies.push(...run.latencies);
      v.seconds += run.seconds;
      for (const a of run.answers) {
        if (a && (a.taskStatus === 'approved' || a.taskStatus === 'handled')) v.done++;
        else v.failed++;
      }
      if (run.answers.every((a) => a === null)) finished.add(v);
    }
  }
  for (const v of states) {
    const approved = await tablesOf(org.db).selectFrom('approval_instances').select((eb) => eb.fn.countAll<number>().as('n')).where('corp_id', '=', org.corpId).where('id', 'in', v.instances.length ? v.instances : ['none']).where('status', '=', 'approved').executeTakeFirstOrThrow();
    v.approved = Number(approved.n);
  }
  return states;
}

async function openTasks(org: Org, instances: string[]): Promise<{ id: string; assignee: string; kind: string }[]> {
  const rows: { id: string; assignee_id: string; instance_id: string; step: number; node_id: string; kind: string }[] = [];
  for (let k = 0; k < instances.length; k += 500) {
    rows.push(
      ...(await tablesOf(org.db)
        .selectFrom('approval_tasks')
        .select(['id', 'assignee_id', 'instance_id', 'step', 'node_id', 'kind'])
        .where('corp_id', '=', org.corpId)
        .where('instance_id', 'in', instances.slice(k, k + 500))
        .where('status', '=', 'pending')
        .orderBy('id')
        .execute()),
    );
  }
  const anySteps = new Set<string>();
  const wave: { id: string; assignee: string; kind: string }[] = [];
  for (const r of rows) {
    const stepKey = `${r.instance_id}:${r.step}`;
    if (ANY_NODES.has(r.node_id) && anySteps.has(stepKey)) continue;
    anySteps.add(stepKey);
    wave.splice(Math.floor(random() * (wave.length + 1)), 0, { id: r.id, assignee: r.assignee_id, kind: r.kind });
  }
  return wave;
}

// ---- One engine --------------------------------------------------------------------------------

type Row = Record<string, string | number>;

function rows(engine: string, v: Variant): Row[] {
  const row = (op: string, m: Measured): Row => ({ engine, variant: v.name, op, 'ops/s': round(m.perSecond, 0), 'p50 ms': round(m.p50, 2), 'p99 ms': round(m.p99, 2), done: m.done, failed: m.failed });
  return [row('submit', v.submit), row(`complete (approved: ${v.approved})`, summarise(v.latencies, v.done, v.failed, v.seconds))];
}

async function measure(engine: string, database: Database, config: Config, notes: string[]): Promise<Row[]> {
  const server: RunningServer = await startServer(config, systemClock, database);
  const out: Row[] = [];
  try {
    const registry = server.deps.registry;
    const built = performance.now();
    const org = await buildOrganisation(database.db, registry);
    notes.push(`${engine}: organisation of ${MEMBERS} members, ${org.people.size} of them signed in, built in ${round((performance.now() - built) / 1000, 1)} s`);
    const snapshot = async () => (await tablesOf(database.db).selectFrom('approval_instances').select('snapshot_json').where('corp_id', '=', org.corpId).limit(1).executeTakeFirstOrThrow()).snapshot_json;
    const banyan = { name: 'Banyan routes, members’ sessions (HTTP)', driver: httpDriver(org, server.url, 'banyan') };
    const inProcess = { name: 'Banyan services in-process (no HTTP)', driver: inProcessDriver(org, database, registry) };
    // A few requests through each path first (not measured), so every route and statement is compiled.
    const warm = async (variants: { name: string; driver: Driver }[]) => {
      const saved = org.applicants;
      org.applicants = saved.slice(0, 10);
      await drive(org, variants);
      org.applicants = saved;
    };
    await warm([banyan]);
    const unbatched = await baselineApp(database, org, await snapshot(), false);
    const batched = database.dialect === 'sqlite' ? await baselineApp(database, org, await snapshot(), true) : undefined;
    try {
      const variants = [
        { name: 'baseline: same work as SQL, 1 transaction per request (HTTP)', driver: httpDriver(org, unbatched.url, 'baseline') },
        ...(batched ? [{ name: 'baseline: same work as SQL, group commit (HTTP)', driver: httpDriver(org, batched.url, 'baseline') }] : []),
        banyan,
        inProcess,
      ];
      await warm(variants);
      const measured = await drive(org, variants);
      for (const v of measured) out.push(...rows(engine, v));
      const raw = measured[0]!;
      const rawBatched = batched ? measured[1]! : raw;
      const ours = measured.find((v) => v.name === banyan.name)!;
      const rate = (v: Variant) => ({ submit: v.submit.perSecond, complete: v.done / v.seconds });
      const ratio = (a: Variant, b: Variant, op: 'submit' | 'complete') => round(rate(a)[op] / rate(b)[op], 2);
      notes.push(
        `${engine}: Banyan over HTTP ÷ unbatched SQL baseline: submit ${ratio(ours, raw, 'submit')}, complete ${ratio(ours, raw, 'complete')}; ÷ batched SQL baseline: submit ${ratio(ours, rawBatched, 'submit')}, complete ${ratio(ours, rawBatched, 'complete')}` +
          (batched ? '' : ' (PostgreSQL: Banyan does not batch there, each command is its own transaction, so the batched baseline is the unbatched one)'),
      );
    } finally {
      await unbatched.app.close();
      await batched?.app.close();
    }
  } finally {
    // The database belongs to the caller: close the server's HTTP side and its workers only.
    server.deps.outbox.stop();
    server.deps.jobs.stop();
    await server.app.close();
  }
  return out;
}

export async function run(): Promise<BenchResult> {
  seed = 42;
  const notes = [
    `machine load average at start: ${loadavg().map((l) => round(l, 1)).join(', ')}`,
    `${MEMBERS} members, ${CLIENTS} concurrent clients (keep-alive connections from a worker thread), ${SUBMISSIONS} submissions (${COMPLETIONS_EACH} task completions each) per row set; targets (Banyan over HTTP): submit ≥ 300/s, complete ≥ 600/s, complete p99 ≤ 40 ms`,
    'submit: POST /api/v1/approvals/requests as the applicant (session cookie + CSRF header): session and member lookup, authorizer, body validation, resolving the 6 nodes, the request, its first task and notice; group-committed on SQLite. ops/s = 201 answers ÷ the time from the first request sent to the last answer.',
    'complete: POST /api/v1/approvals/tasks/{id}/actions (approve, or handle for the handler) as the task’s assignee; done = 200 answers that closed the task as approved or handled (a conflict or any other answer is counted as failed, not done). ops/s = done ÷ the summed time of the completion waves (every task open at a wave’s start, one per 或签 step, shuffled; finding them between waves is not timed). p50/p99: per request, from sending it to the end of its answer.',
    'baselines: a bare Fastify route per operation on the same database, the same client and the same waves, reading and writing what Banyan does for this template in hand-written SQL (session and member lookup by the cookie in the body, no authorizer or validation, shorter JSON texts); once one transaction per request, once through the same group commit as Banyan (on SQLite).',
    'in-process: the approval services called through the same group commit from 50 loops, no HTTP, session, authorizer or validation: what the engine itself costs.',
    'Every row set submits its own requests on the same database; the row sets take turns (all submissions one after the other, then wave by wave), so the machine’s load changes touch them alike. 10 requests through each path beforehand are not measured. The outbox is not delivered during the run (workers off), so the inbox writes that follow each notice are in no figure.',
  ];
  const out: Row[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'banyan-bench-approval-'));
  const config = testConfig({ host: '127.0.0.1', port: 0, dataDir, workers: false, rateLimitPerMinute: 0 });
  const sqlite = await openMigratedDatabase(config);
  try {
    out.push(...(await measure('sqlite', sqlite, config, notes)));
  } finally {
    await sqlite.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) {
    notes.push('PostgreSQL: not measured (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
  } else {
    const postgres = await openPostgresSchema(url, 20);
    try {
      out.push(...(await measure('postgres', postgres.database, testConfig({ host: '127.0.0.1', port: 0, dataDir: '/nonexistent', databaseUrl: url, workers: false, rateLimitPerMinute: 0 }), notes)));
    } finally {
      await postgres.drop();
    }
  }
  return { name: 'approval engine over HTTP, against the same work in plain SQL', rows: out, notes };
}
