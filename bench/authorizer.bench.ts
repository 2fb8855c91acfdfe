// The authorizer on a large organisation: 100,000 members, 10,000 departments up to depth 10,
// 1,000 hierarchical admins in 50 admin groups (SQLite file, data made in one transaction).
// Measures, in one run: a warm authorization check (p99, checks/s) in-process; the same checks
// with node-casbin (RBAC with domains, department role links) as the comparison, both warmed with
// the same calls; a full `authorize()` of a coarse right that reads the admin stamp from the
// database; a department-scoped authorization as a route on one department makes it (the right,
// the department's path, the admin's contacts scope); and the first page of members over HTTP for
// an admin whose scope holds about 50,000 members. Targets: p99 ≤ 50 µs, ≥ 200,000 checks/s,
// HTTP p99 ≤ 20 ms. Nothing here asserts a time.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { FastifyBaseLogger } from 'fastify';
import { newEnforcer, newModelFromString } from 'casbin';
import { startServer } from '../src/server.ts';
import { testConfig, TEST_SCRYPT } from '../test/support/app.ts';
import type { Actor, ReadCtx } from '../src/platform/context.ts';
import type { Db } from '../src/platform/db/tables.ts';
import type { Registry } from '../src/platform/module.ts';
import { createAccount } from '../src/modules/account/index.ts';
import { registerCorp } from '../src/modules/session/index.ts';
import { bumpAdminStamp } from '../src/modules/admin/index.ts';
import { createSession } from '../src/platform/auth/sessions.ts';
import { authorize, contactsScope, decide, departmentInScope, departmentPathInRights, roleSnapshot } from '../src/platform/policy/index.ts';
import { tablesOf } from '../test/support/tables.ts';
import type { BenchResult } from './types.ts';
import { percentile, round } from './types.ts';

const MEMBERS = 100_000;
const DEPARTMENTS = 10_000;
const MAX_DEPTH = 10;
const ADMINS = 1_000;
const GROUPS = 50;
const WARM_SAMPLES = 200_000;
const THROUGHPUT_CHECKS = 2_000_000;
const CASBIN_MAX_CHECKS = 3_000;
const CASBIN_MAX_MS = 10_000;
/**
 * Warm-up calls, the same for every path measured, Banyan's and casbin's, on the same cases and
 * before any sample: casbin takes tens of milliseconds a check here, so more would take minutes.
 */
const WARMUP = 200;
const FULL_SAMPLES = 5_000;

/** A small deterministic generator: the same organisation every run. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Org {
  corpId: string;
  deptIds: string[];
  deptPaths: string[];
  adminIds: string[];
  /** The department whose subtree holds about half the members, and the HTTP admin's member id. */
  bigScopeDept: string;
  scopeMembers: number;
  cookie: string;
}

async function insertBatched<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

async function generate(deps: { db: Db; registry: Registry; log: FastifyBaseLogger }, now: number): Promise<Org> {
  const random = rng(42);
  const { db, registry, log } = deps;
  return db.transaction().execute(async (tx) => {
    const account = await createAccount(tx, now, TEST_SCRYPT, { name: '压测创建者', loginName: 'bench-authz', password: 'password123' });
    const corpId = await registerCorp(tx, { now, log, registry }, account, { name: '压测大企业', shortName: '压测', industry: 'general' });
    // The organisation is written straight into the tables, as one bulk load.
    const trx = tablesOf(tx);
    const root = await trx.selectFrom('departments').select(['id', 'path']).where('corp_id', '=', corpId).executeTakeFirstOrThrow();
    // Two top halves (A and B); every other department goes under a random one of depth < 10.
    const deptIds = [root.id];
    const deptPaths = [root.path];
    const depths = [0];
    const parents: (string | null)[] = [null];
    const add = (parent: number) => {
      const id = `dept_b${String(deptIds.length).padStart(6, '0')}`;
      deptIds.push(id);
      deptPaths.push(`${deptPaths[parent]!}${id}/`);
      depths.push(depths[parent]! + 1);
      parents.push(deptIds[parent]!);
    };
    add(0);
    add(0);
    // Half the departments (so about half the members) in each top half.
    const halves: number[][] = [[1], [2]];
    while (deptIds.length < DEPARTMENTS) {
      const half = halves[deptIds.length % 2]!;
      const pick = half[Math.floor(random() * half.length)]!;
      // A full branch starts again at the top of its half.
      const parent = depths[pick]! >= MAX_DEPTH ? half[0]! : pick;
      half.push(deptIds.length);
      add(parent);
    }
    await insertBatched(
      deptIds.slice(1).map((id, k) => ({ corp_id: corpId, id, parent_id: parents[k + 1]!, name: `部门${k + 1}`, sort_order: k, path: deptPaths[k + 1]!, depth: depths[k + 1]!, created_at: now, updated_at: now })),
      500,
      (chunk) => trx.insertInto('departments').values(chunk).execute(),
    );

    const members = [];
    const links = [];
    for (let i = 0; i < MEMBERS; i++) {
      const dept = 1 + Math.floor(random() * (deptIds.length - 1));
      const id = `mem_b${String(i).padStart(7, '0')}`;
      members.push({ corp_id: corpId, id, account_id: null, userid: `u${i}`, name: `成员${i}`, name_initials: `cy${i}`, name_pinyin: `chengyuan${i}`, phone: null, email: null, position: null, status: 'active' as const, main_department_id: deptIds[dept]!, joined_at: now, departed_at: null, created_at: now, updated_at: now });
      links.push({ corp_id: corpId, member_id: id, department_id: deptIds[dept]!, sort_order: 0 });
    }
    await insertBatched(members, 400, (chunk) => trx.insertInto('members').values(chunk).execute());
    await insertBatched(links, 2000, (chunk) => trx.insertInto('member_departments').values(chunk).execute());

    // 50 groups, each with 5 department subtrees and one app; 1,000 admins, 20 per group, each with 2 own subtrees.
    const groups = Array.from({ length: GROUPS }, (_, g) => `agrp_b${g}`);
    await trx.insertInto('admin_groups').values(groups.map((id, g) => ({ corp_id: corpId, id, name: `管理组${g}`, created_at: now, updated_at: now }))).execute();
    const rights = [];
    for (const g of groups) {
      for (let k = 0; k < 5; k++) rights.push({ corp_id: corpId, holder_kind: 'group' as const, holder_id: g, kind: 'department' as const, target_id: deptIds[3 + Math.floor(random() * (deptIds.length - 3))]!, level: null });
      rights.push({ corp_id: corpId, holder_kind: 'group' as const, holder_id: g, kind: 'app' as const, target_id: 'approvals', level: 'send' });
    }
    const adminIds = members.slice(0, ADMINS).map((m) => m.id);
    for (const id of adminIds) for (let k = 0; k < 2; k++) rights.push({ corp_id: corpId, holder_kind: 'admin' as const, holder_id: id, kind: 'department' as const, target_id: deptIds[3 + Math.floor(random() * (deptIds.length - 3))]!, level: null });
    // The HTTP admin (the first) governs department A, about half the members.
    rights.push({ corp_id: corpId, holder_kind: 'admin' as const, holder_id: adminIds[0]!, kind: 'department' as const, target_id: deptIds[1]!, level: null });
    const unique = [...new Map(rights.map((r) => [`${r.holder_kind}|${r.holder_id}|${r.kind}|${r.target_id}`, r])).values()];
    await insertBatched(unique, 500, (chunk) => trx.insertInto('admin_rights').values(chunk).execute());
    await insertBatched(
      adminIds.map((id, k) => ({ corp_id: corpId, member_id: id, group_id: groups[k % GROUPS]!, created_at: now, updated_at: now })),
      500,
      (chunk) => trx.insertInto('hierarchical_admins').values(chunk).execute(),
    );
    await bumpAdminStamp({ corpId, trx: tx });

    // The HTTP admin signs in: an account linked to the first admin member, and a session.
    const adminAccount = await createAccount(tx, now, TEST_SCRYPT, { name: '分级管理员', loginName: 'bench-authz-admin', password: 'password123' });
    await trx.updateTable('members').set({ account_id: adminAccount.id }).where('corp_id', '=', corpId).where('id', '=', adminIds[0]!).execute();
    const session = await createSession(tx, now, { kind: 'account', id: adminAccount.id, corpId });
    const inA = await trx.selectFrom('member_departments as md').innerJoin('departments as d', (j) => j.onRef('d.corp_id', '=', 'md.corp_id').onRef('d.id', '=', 'md.department_id')).select((eb) => eb.fn.countAll<number>().as('n')).where('md.corp_id', '=', corpId).where('d.path', 'like', `${deptPaths[1]!}%`).executeTakeFirstOrThrow();
    return { corpId, deptIds, deptPaths, adminIds, bigScopeDept: deptIds[1]!, scopeMembers: Number(inA.n), cookie: `banyan_session=${session.cookie}` };
  });
}

const CASBIN_MODEL = `
[request_definition]
r = sub, dom, obj, act
[policy_definition]
p = sub, dom, obj, act
[role_definition]
g = _, _, _
g2 = _, _, _
[policy_effect]
e = some(where (p.eft == allow))
[matchers]
m = r.dom == p.dom && r.act == p.act && g(r.sub, p.sub, r.dom) && g2(r.obj, p.obj, r.dom)
`;

export async function run(): Promise<BenchResult> {
  const load = loadavg().map((l) => round(l, 1)).join(', ');
  const dataDir = mkdtempSync(join(tmpdir(), 'banyan-bench-authz-'));
  const server = await startServer(testConfig({ host: '127.0.0.1', port: 0, dataDir, workers: false, rateLimitPerMinute: 0 }));
  try {
    const { db, registry, log } = server.deps;
    const genStart = performance.now();
    const org = await generate(server.deps, Date.now());
    const genMs = performance.now() - genStart;

    // The checks: a random admin asks about a random department (and the right to read admins).
    const random = rng(7);
    const actors: Actor[] = org.adminIds.map((id) => ({ kind: 'member', id, name: id, accountId: `acc_${id}` }));
    const ctxs: ReadCtx[] = actors.slice(0, 100).map((actor) => ({ corpId: org.corpId, actor, trx: db, now: Date.now(), log, registry }));
    const snapshot = await roleSnapshot(ctxs[0]!);
    const cases = Array.from({ length: 4096 }, () => ({ actor: Math.floor(random() * actors.length), dept: Math.floor(random() * org.deptIds.length) }));
    const check = (k: number) => {
      const c = cases[k & 4095]!;
      const actor = actors[c.actor]!;
      return decide(registry.rights.get('admins.read')!, snapshot, actor, 'admins.read') && departmentPathInRights(snapshot, actor, org.deptPaths[c.dept]!);
    };

    // Warmed with the same calls as casbin below, then per-check latency, then a long loop for checks per second.
    for (let k = 0; k < WARMUP; k++) check(k);
    const samples = new Float64Array(WARM_SAMPLES);
    for (let k = 0; k < WARM_SAMPLES; k++) {
      const t0 = process.hrtime.bigint();
      check(k);
      samples[k] = Number(process.hrtime.bigint() - t0) / 1000;
    }
    const sampleList = Array.from(samples);
    let allowed = 0;
    const loopStart = performance.now();
    for (let k = 0; k < THROUGHPUT_CHECKS; k++) if (check(k)) allowed++;
    const ours = THROUGHPUT_CHECKS / ((performance.now() - loopStart) / 1000);

    // A full `authorize()` of a coarse right as every command calls it: reads the admin stamp (one
    // primary-key read), then decides. Nothing about a department.
    const coarse = (k: number) => authorize(ctxs[k % ctxs.length]!, 'admins.read');
    for (let k = 0; k < WARMUP; k++) await coarse(k);
    const fullSamples: number[] = [];
    for (let k = 0; k < FULL_SAMPLES; k++) {
      const t0 = process.hrtime.bigint();
      await coarse(k);
      fullSamples.push(Number(process.hrtime.bigint() - t0) / 1000);
    }

    // Department-scoped, as a directory route on one department authorizes (a hierarchical admin
    // editing a department, say): the command's right, then the department's path, then the actor's
    // contacts scope (the stamp again, and the paths of the departments the admin governs), then
    // whether the department lies inside it. Each actor asks about a random department.
    const scoped = async (k: number) => {
      const ctx = ctxs[k % ctxs.length]!;
      const c = cases[k & 4095]!;
      await authorize(ctx, 'contacts.manage');
      const path = (await registry.providers.departmentPaths(db, org.corpId, [org.deptIds[c.dept]!])).get(org.deptIds[c.dept]!)!;
      return departmentInScope(await contactsScope(ctx), path);
    };
    for (let k = 0; k < WARMUP; k++) await scoped(k);
    const scopedSamples: number[] = [];
    let scopedAllowed = 0;
    for (let k = 0; k < FULL_SAMPLES; k++) {
      const t0 = process.hrtime.bigint();
      const allowedHere = await scoped(k);
      scopedSamples.push(Number(process.hrtime.bigint() - t0) / 1000);
      if (allowedHere) scopedAllowed++;
    }

    // HTTP: the directory's members list, first page, as the admin governing ~50,000 members.
    const url = `${server.url}/api/v1/contacts/members?limit=50`;
    const probe = await fetch(url, { headers: { cookie: org.cookie } });
    const probeBody = (await probe.json()) as { items?: unknown[] };
    const http = await autocannon({ url, connections: 1, duration: 6, headers: { cookie: org.cookie } });

    // node-casbin: the same organisation as RBAC with domains; departments linked to their parents.
    const casbinStart = performance.now();
    const enforcer = await newEnforcer(newModelFromString(CASBIN_MODEL));
    const dom = org.corpId;
    const groupRights = await tablesOf(db).selectFrom('admin_rights').select(['holder_id', 'holder_kind', 'target_id']).where('corp_id', '=', dom).where('kind', '=', 'department').execute();
    await enforcer.addPolicies(groupRights.map((r) => [r.holder_id, dom, r.target_id, 'contacts']));
    const seats = await tablesOf(db).selectFrom('hierarchical_admins').select(['member_id', 'group_id']).where('corp_id', '=', dom).execute();
    await enforcer.addGroupingPolicies(seats.map((s) => [s.member_id, s.group_id!, dom]));
    const links = org.deptPaths.slice(1).map((path, k) => {
      const parts = path.split('/').filter(Boolean);
      return [org.deptIds[k + 1]!, parts[parts.length - 2]!, dom];
    });
    await enforcer.addNamedGroupingPolicies('g2', links);
    const casbinLoadMs = performance.now() - casbinStart;
    // The same warm-up as Banyan's check: the same number of calls on the same cases.
    const casbinWarmStart = performance.now();
    for (let k = 0; k < WARMUP; k++) {
      const c = cases[k & 4095]!;
      await enforcer.enforce(org.adminIds[c.actor]!, dom, org.deptIds[c.dept]!, 'contacts');
    }
    const casbinWarmMs = performance.now() - casbinWarmStart;
    const casbinSamples: number[] = [];
    let disagreements = 0;
    const casbinLoop = performance.now();
    for (let k = 0; k < CASBIN_MAX_CHECKS && performance.now() - casbinLoop < CASBIN_MAX_MS; k++) {
      const c = cases[k & 4095]!;
      const t0 = process.hrtime.bigint();
      const answer = await enforcer.enforce(org.adminIds[c.actor]!, dom, org.deptIds[c.dept]!, 'contacts');
      casbinSamples.push(Number(process.hrtime.bigint() - t0) / 1000);
      if (answer !== check(k)) disagreements++;
    }
    const casbinRate = casbinSamples.length / ((performance.now() - casbinLoop) / 1000);

    const p = (values: number[], q: number) => round(percentile(values, q), 2);
    return {
      name: 'authorizer: 100,000 members, 10,000 departments (depth ≤ 10), 1,000 admins in 50 groups',
      rows: [
        { case: 'Banyan warm check (snapshot, in-process)', checks: WARM_SAMPLES, 'p50 µs': p(sampleList, 50), 'p99 µs': p(sampleList, 99), 'checks/s': round(ours, 0) },
        { case: 'Banyan authorize() of a coarse right, incl. stamp read (SQLite)', checks: fullSamples.length, 'p50 µs': p(fullSamples, 50), 'p99 µs': p(fullSamples, 99), 'checks/s': round(1e6 / (fullSamples.reduce((a, b) => a + b, 0) / fullSamples.length), 0) },
        { case: 'Banyan department-scoped: right + department path + contacts scope (SQLite)', checks: scopedSamples.length, 'p50 µs': p(scopedSamples, 50), 'p99 µs': p(scopedSamples, 99), 'checks/s': round(1e6 / (scopedSamples.reduce((a, b) => a + b, 0) / scopedSamples.length), 0) },
        { case: 'node-casbin 5 (RBAC with domains + g2 department links)', checks: casbinSamples.length, 'p50 µs': p(casbinSamples, 50), 'p99 µs': p(casbinSamples, 99), 'checks/s': round(casbinRate, 0) },
        { case: `GET /api/v1/contacts/members first page, scope of ${org.scopeMembers} members`, checks: http['2xx'], 'p50 µs': http.latency.p50 * 1000, 'p99 µs': http.latency.p99 * 1000, 'checks/s': round(http['2xx'] / http.duration, 0) },
      ],
      notes: [
        `Warm-up: every path gets the same ${WARMUP} unmeasured calls on the same cases before its samples (casbin's took ${round(casbinWarmMs / 1000, 1)} s).`,
        'Banyan warm check: decide(admins.read) on a role snapshot read once, plus departmentPathInRights for the case’s department, in-process, no database; p50/p99 over single calls (hrtime around each), checks/s from one loop of 2,000,000 calls.',
        `authorize() coarse: the right only (admins.read: any hierarchical admin), as every command calls it; the admin stamp read from SQLite, then the decision; ${FULL_SAMPLES} sequential calls, checks/s = 1 ÷ mean latency.`,
        `department-scoped: authorize(contacts.manage), the department's path read, contactsScope (stamp, then the paths of the admin's own departments) and departmentInScope, as a directory route on one department does; ${FULL_SAMPLES} sequential calls; ${scopedAllowed} of ${FULL_SAMPLES} inside the admin's scope.`,
        `node-casbin: enforce(admin, corp, department, 'contacts') with the same cases, one at a time, until ${CASBIN_MAX_CHECKS} checks or ${CASBIN_MAX_MS / 1000} s; hrtime around each; the agreement check with Banyan is outside the timing.`,
        `checks/s ratio Banyan ÷ casbin = ${round(ours / casbinRate, 0)}×; p99 ratio casbin ÷ Banyan = ${round(percentile(casbinSamples, 99) / percentile(sampleList, 99), 0)}× (targets: p99 ≤ 50 µs, ≥ 200,000 checks/s)`,
        `casbin and Banyan disagreed on ${disagreements} of ${casbinSamples.length} checks; ${allowed} of ${THROUGHPUT_CHECKS} Banyan checks allowed`,
        `HTTP: GET /api/v1/contacts/members?limit=50 with the admin's session cookie, autocannon in the same process, 1 connection (latency, not queueing) for 6 s; checks = 2xx answers, checks/s = 2xx answers ÷ the run's duration, latency columns from autocannon (ms resolution, shown in µs); p99 = ${http.latency.p99} ms (target ≤ 20 ms), status ${probe.status}, ${probeBody.items?.length ?? 0} items on the first page, ${http.non2xx} non-2xx`,
        `machine load average at start: ${load}`,
        `data generation ${round(genMs / 1000, 1)} s (one transaction, batched inserts); casbin policy load ${round(casbinLoadMs / 1000, 1)} s`,
      ],
    };
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
