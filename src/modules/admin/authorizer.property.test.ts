import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type RegisteredClient, type TestApp } from '../../../test/support/app.ts';
import type { ReadCtx } from '../../platform/context.ts';
import { accountIsSuper, appLevelIn, contactsScope, departmentInScope, deviceRightIn, type AppRight } from '../../platform/policy/index.ts';
import { adminSnapshot } from './admin.roles.ts';
import { enterprise } from '../../../test/support/enterprise.ts';
import { tablesOf } from '../../../test/support/tables.ts';
import { APPS, DEPTS, DEVICES, GROUPS, MEMBERS, Model, noRights, START_PARENTS, START_PLACEMENT, type MRights, type Op, type Status } from './testing/authority-model.ts';

/**
 * The authorizer against a small independent model (`testing/authority-model.ts`) of 什么是权限管理,
 * the contacts rules and the admin-target rule. Random sequences of operations, each sent by one
 * member's own session over HTTP through the real routes (authorization, validation, the command
 * path, the in-transaction subscribers that remove roles): grants, revokes, group edits and seats,
 * super-admin changes, creator transfers, department moves, member edits, disable / enable,
 * departure and deletion. Every request must succeed exactly when the model says its actor may send
 * it, and after every step every member's answers (super admin? which departments, which app level,
 * device bind / manage, which group seat?) and the contacts (statuses, departments, the tree) must
 * equal the model's — departed and deleted members included, whose roles must be gone.
 *
 * `authorizer.property.meta.test.ts` breaks one check at a time in a copy of the code and shows
 * that this test, at the budget below, fails on each.
 */

/**
 * Runs × steps per engine. Measured with the meta test's four mutants, 5 runs each on SQLite, the
 * property failed at run 1–9 of its runs every time (2026-12-02); 40 runs leave a wide margin.
 */
export function propertyBudget(dialect: string): { runs: number; steps: number } {
  return dialect === 'sqlite' ? { runs: 40, steps: 80 } : { runs: 12, steps: 60 };
}

// ------------------------------------------------------------------------------------------------
// Drawing operations
// ------------------------------------------------------------------------------------------------

const rightsArb: fc.Arbitrary<MRights> = fc
  .record({
    depts: fc.uniqueArray(fc.integer({ min: 0, max: DEPTS - 1 }), { maxLength: 3 }),
    apps: fc.uniqueArray(fc.tuple(fc.constantFrom(...APPS), fc.constantFrom<AppRight>('send', 'manage')), { maxLength: 2, selector: (x) => x[0] }),
    bind: fc.boolean(),
    devices: fc.uniqueArray(fc.integer({ min: 0, max: DEVICES - 1 }), { maxLength: 2 }),
  })
  .map((r) => ({ depts: new Set(r.depts), apps: new Map(r.apps), bind: r.bind, devices: new Set(r.devices) }));

/**
 * Who acts and on whom is drawn as a role plus a number, resolved against the model's state when the
 * step runs (the n-th super admin, the n-th grouped admin, the n-th member in the actor's scope…), so
 * that commands that can succeed, and refusals that only one check stands behind, are drawn often.
 */
type Pick = { role: 'super' | 'grouped' | 'hier' | 'scoped' | 'any'; n: number };
const pickArb: fc.Arbitrary<Pick> = fc.record({ role: fc.constantFrom('super', 'grouped', 'hier', 'scoped', 'any'), n: fc.nat({ max: 100 }) });
const rolePick = (role: Pick['role']): fc.Arbitrary<Pick> => fc.record({ role: fc.constant(role), n: fc.nat({ max: 100 }) });
/** Mostly the given roles, sometimes anyone (so that refusals are drawn too). */
const mostly = (...roles: Pick['role'][]): fc.Arbitrary<Pick> => fc.oneof(...roles.map((role) => ({ weight: 3, arbitrary: rolePick(role) })), { weight: 1, arbitrary: pickArb });
/**
 * Which part of a delegation is left as drawn; the rest is trimmed to what the actor holds, so that
 * one check alone decides: `none` (all trimmed, it can succeed), `depts`, `apps`, or `all` (raw).
 */
type Loose = 'none' | 'depts' | 'apps' | 'all';
const deptArb = fc.integer({ min: 0, max: DEPTS - 1 });

type Draft =
  | { kind: 'grant'; actor: Pick; target: Pick; rights: MRights; loose: Loose }
  | { kind: 'seat'; actor: Pick; target: Pick; group: number | null }
  | { kind: 'editGroup'; actor: Pick; group: number; rights: MRights }
  | { kind: 'removeHier' | 'addSuper' | 'removeSuper' | 'transfer' | 'depart' | 'delete' | 'disable' | 'enable'; actor: Pick; target: Pick }
  | { kind: 'move'; actor: Pick; dept: number; parent: number }
  | { kind: 'editMember'; actor: Pick; target: Pick; depts: number[] };

const draftArb: fc.Arbitrary<Draft> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('grant' as const), actor: mostly('super', 'grouped'), target: pickArb, rights: rightsArb, loose: fc.constantFrom<Loose>('none', 'depts', 'apps', 'all') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('seat' as const), actor: mostly('super'), target: mostly('hier'), group: fc.option(fc.integer({ min: 0, max: GROUPS - 1 }), { nil: null }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('editGroup' as const), actor: mostly('super'), group: fc.integer({ min: 0, max: GROUPS - 1 }), rights: rightsArb }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('removeHier' as const, 'addSuper' as const, 'removeSuper' as const, 'transfer' as const), actor: mostly('super'), target: mostly('super', 'hier', 'any') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move' as const), actor: mostly('super', 'hier'), dept: fc.integer({ min: 1, max: DEPTS - 1 }), parent: deptArb }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('depart' as const, 'delete' as const, 'disable' as const, 'enable' as const), actor: mostly('super', 'hier'), target: mostly('scoped') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('editMember' as const), actor: mostly('super', 'hier'), target: mostly('scoped'), depts: fc.uniqueArray(deptArb, { minLength: 1, maxLength: 2 }) }) },
);

function pick(model: Model, p: Pick, actor?: number): number {
  const all = Array.from({ length: MEMBERS }, (_, i) => i);
  const pool = all.filter((i) => {
    if (p.role === 'super') return model.isSuper(i) && model.canAct(i);
    if (p.role === 'grouped') return model.hier.get(i)?.group != null && model.canAct(i);
    if (p.role === 'hier') return model.hier.has(i);
    if (p.role === 'scoped') return actor !== undefined && i !== actor && model.placement[i]!.some((d) => model.inScope(actor, d));
    return model.status[i] !== 'deleted';
  });
  const from = pool.length > 0 ? pool : all;
  return from[p.n % from.length]!;
}

function resolve(model: Model, d: Draft): Op {
  const actor = pick(model, d.actor);
  const target = (p: Pick) => pick(model, p, actor);
  switch (d.kind) {
    case 'move':
      return { kind: 'move', actor, dept: d.dept, parent: d.parent };
    case 'editGroup':
      return { kind: 'editGroup', actor, group: d.group, rights: d.rights };
    case 'seat':
      return { kind: 'seat', actor, target: target(d.target), group: d.group };
    case 'editMember':
      return { kind: 'editMember', actor, target: target(d.target), depts: d.depts };
    case 'grant': {
      const to = target(d.target);
      if (d.loose === 'all' || model.isSuper(actor)) return { kind: 'grant', actor, target: to, rights: d.rights };
      const mine = model.effective(actor);
      const current = model.hier.get(to)?.own ?? { bind: false, devices: new Set<number>() };
      const fittedApps = new Map<string, AppRight>();
      for (const [app, level] of d.rights.apps) {
        const held = mine.apps.get(app);
        if (held) fittedApps.set(app, held === 'manage' || level === 'send' ? level : held);
      }
      const fittedDepts = new Set([...d.rights.depts].filter((x) => model.inScope(actor, x)));
      return {
        kind: 'grant',
        actor,
        target: to,
        rights: { depts: d.loose === 'depts' ? d.rights.depts : fittedDepts, apps: d.loose === 'apps' ? d.rights.apps : fittedApps, bind: current.bind, devices: new Set(current.devices) },
      };
    }
    default:
      return { kind: d.kind, actor, target: target(d.target) };
  }
}

/**
 * Where every run starts, set up through the same requests as the steps: two grouped admins
 * (members 1 and 2), one outside any group (member 3) and an internal super admin (member 4), so
 * that delegations, scoped departures and the admin-target rule are in play from the first step.
 */
const PRELUDE: Op[] = [
  { kind: 'grant', actor: 0, target: 1, rights: { ...noRights(), depts: new Set([1]), apps: new Map([['approvals', 'manage']]) } },
  { kind: 'seat', actor: 0, target: 1, group: 0 },
  { kind: 'grant', actor: 0, target: 2, rights: { ...noRights(), depts: new Set([2, 3]), apps: new Map([['attendance', 'send']]) } },
  { kind: 'seat', actor: 0, target: 2, group: 1 },
  { kind: 'grant', actor: 0, target: 3, rights: { ...noRights(), depts: new Set([3]) } },
  { kind: 'addSuper', actor: 0, target: 4 },
];

// ------------------------------------------------------------------------------------------------
// The property
// ------------------------------------------------------------------------------------------------

describeEachDialect('authorizer property: the implementation agrees with the reference model', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  it('seed rules 分级管理员 b) c), 管理组 a), 超级管理员 b), 创建人, and the admin-target rule: zero disagreements over random operations, each sent by a member over HTTP', async () => {
    const { runs, steps } = propertyBudget(use().dialect);
    let stepsChecked = 0;
    const allowed = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(draftArb, { minLength: steps, maxLength: steps }), async (drafts) => {
        const world = await newWorld(t);
        const model = new Model();
        for (const op of PRELUDE) {
          const request = requestFor(world, model, op);
          assert.equal(model.apply(op), true, `prelude: ${describe(op)}`);
          assert.equal(await send(world, op.actor, request), true, `prelude: ${describe(op)}`);
        }
        await compare(t, world, model, 'start');
        for (const [n, draft] of drafts.entries()) {
          const op = resolve(model, draft);
          const request = requestFor(world, model, op);
          const expected = model.apply(op);
          const actual = await send(world, op.actor, request);
          assert.equal(actual, expected, `step ${n}: ${describe(op)}: implementation ${actual ? 'allowed' : 'refused'}, model ${expected ? 'allows' : 'refuses'}`);
          await compare(t, world, model, `after step ${n}: ${describe(op)}`);
          if (actual) allowed.set(op.kind, (allowed.get(op.kind) ?? 0) + 1);
          stepsChecked++;
        }
      }),
      { numRuns: runs, endOnFailure: process.env.BANYAN_PROPERTY_END_ON_FAILURE === '1', includeErrorInReport: true },
    );
    assert.equal(stepsChecked, runs * steps);
    // Every kind of operation succeeded somewhere, so none is only ever refused.
    for (const kind of ['grant', 'seat', 'editGroup', 'removeHier', 'addSuper', 'removeSuper', 'transfer', 'move', 'depart', 'delete', 'disable', 'enable', 'editMember']) {
      assert.ok((allowed.get(kind) ?? 0) > 0, `no ${kind} ever succeeded`);
    }
  });
});

function describe(op: Op): string {
  return JSON.stringify(op, (_k, v: unknown) => (v instanceof Set ? [...(v as Set<unknown>)] : v instanceof Map ? [...(v as Map<unknown, unknown>)] : v));
}

// ------------------------------------------------------------------------------------------------
// The implementation side: an enterprise whose members each hold a session
// ------------------------------------------------------------------------------------------------

interface World {
  corpId: string;
  depts: string[];
  members: { id: string; accountId: string; client: RegisteredClient }[];
  devices: string[];
  groups: string[];
}

async function newWorld(t: TestApp): Promise<World> {
  const e = await enterprise(t);
  const depts = [e.root];
  for (let d = 1; d < DEPTS; d++) depts.push(await e.dept(depts[START_PARENTS[d]!]!, `部门${d}`));
  const creator = await tablesOf(t.deps.db).selectFrom('members').select(['id', 'account_id']).where('corp_id', '=', e.corpId).executeTakeFirstOrThrow();
  const members = [{ id: creator.id, accountId: creator.account_id!, client: e.owner }];
  for (let i = 1; i < MEMBERS; i++) {
    const m = await e.member(`成员${i}`, START_PLACEMENT[i]!.map((d) => depts[d]!));
    members.push({ id: m.memberId, accountId: m.accountId, client: m.client });
  }
  const devices: string[] = [];
  for (let d = 0; d < DEVICES; d++) {
    const id = `dev_${e.corpId.slice(-12)}_${d}`;
    await tablesOf(t.deps.db).insertInto('devices').values({ corp_id: e.corpId, id, name: `设备${d}`, serial: `SN${d}`, model: 'K', bound_by: 'x', created_at: 0, updated_at: 0 }).execute();
    devices.push(id);
  }
  const world: World = { corpId: e.corpId, depts, members, devices, groups: [] };
  for (let g = 0; g < GROUPS; g++) {
    const res = await e.owner.post<{ id: string }>('/api/v1/admin-groups', { name: `管理组${g}`, rights: toBody(world, noRights()) });
    assert.equal(res.status, 201);
    world.groups.push(res.body.id);
  }
  return world;
}

function toBody(world: World, r: MRights) {
  return {
    departmentIds: [...r.depts].map((d) => world.depts[d]!),
    apps: [...r.apps].map(([appId, level]) => ({ appId, level })),
    deviceBind: r.bind,
    deviceIds: [...r.devices].map((d) => world.devices[d]!),
  };
}

type HttpRequest = { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; body?: unknown };

/** The request the console would send for the operation (decided before the model takes its effect). */
function requestFor(world: World, model: Model, op: Op): HttpRequest {
  const member = (i: number) => world.members[i]!;
  switch (op.kind) {
    case 'grant':
      return model.hier.has(op.target)
        ? { method: 'PATCH', url: `/api/v1/admins/hierarchical/${member(op.target).id}`, body: { rights: toBody(world, op.rights) } }
        : { method: 'POST', url: '/api/v1/admins/hierarchical', body: { memberId: member(op.target).id, rights: toBody(world, op.rights) } };
    case 'seat':
      return { method: 'PATCH', url: `/api/v1/admins/hierarchical/${member(op.target).id}`, body: { groupId: op.group === null ? null : world.groups[op.group]! } };
    case 'editGroup':
      return { method: 'PATCH', url: `/api/v1/admin-groups/${world.groups[op.group]!}`, body: { rights: toBody(world, op.rights) } };
    case 'removeHier':
      return { method: 'DELETE', url: `/api/v1/admins/hierarchical/${member(op.target).id}` };
    case 'addSuper':
      return { method: 'POST', url: '/api/v1/admins/super', body: { memberId: member(op.target).id } };
    case 'removeSuper':
      return { method: 'DELETE', url: `/api/v1/admins/super/${member(op.target).accountId}` };
    case 'transfer':
      return { method: 'POST', url: '/api/v1/admins/creator/transfer', body: { memberId: member(op.target).id } };
    case 'move':
      return { method: 'POST', url: `/api/v1/contacts/departments/${world.depts[op.dept]!}/move`, body: { parentId: world.depts[op.parent]! } };
    case 'depart':
      return { method: 'POST', url: `/api/v1/contacts/members/${member(op.target).id}/depart` };
    case 'delete':
      return { method: 'DELETE', url: `/api/v1/contacts/members/${member(op.target).id}` };
    case 'disable':
    case 'enable':
      return { method: 'POST', url: `/api/v1/contacts/members/${member(op.target).id}/status`, body: { status: op.kind === 'disable' ? 'disabled' : 'active' } };
    case 'editMember':
      return { method: 'PATCH', url: `/api/v1/contacts/members/${member(op.target).id}`, body: { departmentIds: op.depts.map((d) => world.depts[d]!) } };
  }
}

/** Sends it with the actor's session: true on 2xx, false on a refusal (4xx); anything else is a bug. */
async function send(world: World, actor: number, request: HttpRequest): Promise<boolean> {
  const res = await world.members[actor]!.client.request(request.method, request.url, request.body);
  if (res.status >= 200 && res.status < 300) return true;
  if (res.status >= 400 && res.status < 500) return false;
  throw new Error(`${request.method} ${request.url} answered ${res.status}: ${JSON.stringify(res.body)}`);
}

function ctxOf(t: TestApp, world: World, i: number): ReadCtx {
  const m = world.members[i]!;
  return { corpId: world.corpId, actor: { kind: 'member', id: m.id, name: `成员${i}`, accountId: m.accountId }, trx: t.deps.db, now: t.clock.now(), log: t.deps.log, registry: t.deps.registry } as ReadCtx;
}

/** Every member's answers from the authorizer, and the contacts as stored, against the model's. */
async function compare(t: TestApp, world: World, model: Model, where: string): Promise<void> {
  const db = tablesOf(t.deps.db);
  const deptRows = await db.selectFrom('departments').select(['id', 'path', 'parent_id']).where('corp_id', '=', world.corpId).execute();
  const pathOf = new Map(deptRows.map((r) => [r.id, r.path]));
  const indexOf = new Map(world.depts.map((id, d) => [id, d]));
  for (const row of deptRows) assert.equal(row.parent_id === null ? null : indexOf.get(row.parent_id), model.parent[indexOf.get(row.id)!], `${where}: parent of department ${indexOf.get(row.id)}`);
  const memberRows = await db.selectFrom('members').select(['id', 'status', 'main_department_id']).where('corp_id', '=', world.corpId).execute();
  const placementRows = await db.selectFrom('member_departments').select(['member_id', 'department_id']).where('corp_id', '=', world.corpId).execute();
  const snapshot = await adminSnapshot(t.deps.db, world.corpId);
  for (let i = 0; i < MEMBERS; i++) {
    const m = world.members[i]!;
    const row = memberRows.find((r) => r.id === m.id);
    assert.equal((row?.status ?? 'deleted') as Status, model.status[i], `${where}: member ${i} status`);
    const placed = placementRows.filter((r) => r.member_id === m.id).map((r) => indexOf.get(r.department_id)!);
    assert.deepEqual(placed.sort(), [...model.placement[i]!].sort(), `${where}: member ${i} departments`);
    if (row && row.status !== 'departed') assert.equal(indexOf.get(row.main_department_id), model.main[i], `${where}: member ${i} main department`);

    const ctx = ctxOf(t, world, i);
    assert.equal(await accountIsSuper(ctx, m.accountId), model.isSuper(i), `${where}: member ${i} super admin`);
    const scope = await contactsScope(ctx);
    for (let d = 0; d < DEPTS; d++) assert.equal(departmentInScope(scope, pathOf.get(world.depts[d]!)!), model.inScope(i, d), `${where}: member ${i} contacts over department ${d}`);
    for (const app of APPS) assert.equal(appLevelIn(snapshot, ctx.actor, app), model.appLevel(i, app), `${where}: member ${i} app ${app}`);
    assert.equal(deviceRightIn(snapshot, ctx.actor, 'bind'), model.bind(i), `${where}: member ${i} device bind`);
    for (let d = 0; d < DEVICES; d++) assert.equal(deviceRightIn(snapshot, ctx.actor, 'manage', world.devices[d]), model.manages(i, d), `${where}: member ${i} manages device ${d}`);
    const seat = model.hier.get(i);
    assert.equal(snapshot.admins.has(m.id), seat !== undefined, `${where}: member ${i} hierarchical admin`);
    assert.equal(snapshot.admins.get(m.id)?.groupId ?? null, seat?.group == null ? null : world.groups[seat.group], `${where}: member ${i} group seat`);
  }
}
