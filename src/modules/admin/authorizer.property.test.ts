import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import type { Ctx, ReadCtx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { accountIsSuper, appLevelIn, authorize, contactsScope, departmentInScope, deviceRightIn, roleRankOf, type AppRight } from '../../platform/policy/index.ts';
import { adminSnapshot, removeAdminRolesOfMember } from './admin.roles.ts';
import { addHierarchicalAdmin, addInternalSuperAdmin, createGroup, removeHierarchicalAdmin, removeSuperAdmin, transferCreator, updateGroup, updateHierarchicalAdmin, type RightsInput } from './admin.service.ts';
import { enterprise } from '../../../test/support/enterprise.ts';
import { tablesOf } from '../../../test/support/tables.ts';

/**
 * The authorizer against a small independent model of 什么是权限管理: random sequences of grants,
 * revokes, group edits and seats, department moves, departures, rehires, super-admin changes and
 * creator transfers. After every step, every member's answers (super admin? which departments, which
 * app level, device bind / manage?) must equal the model's, and every command must succeed exactly
 * when the model says it may.
 */

const MEMBERS = 6; // member 0 starts as the creator
const DEPTS = 6; // department 0 is the root
const APPS = ['approvals', 'attendance'] as const;
const DEVICES = 2;
const GROUPS = 2;

// ------------------------------------------------------------------------------------------------
// The reference model: plain sets and a parent array, no paths, no SQL.
// ------------------------------------------------------------------------------------------------

interface MRights {
  depts: Set<number>;
  apps: Map<string, AppRight>;
  bind: boolean;
  devices: Set<number>;
}
const none = (): MRights => ({ depts: new Set(), apps: new Map(), bind: false, devices: new Set() });
const covers = (held: AppRight | undefined, wanted: AppRight) => held === 'manage' || (held === 'send' && wanted === 'send');

class Model {
  parent: (number | null)[] = [null, 0, 0, 1, 3, 2];
  creator = 0;
  supers = new Set<number>();
  active = new Set<number>(Array.from({ length: MEMBERS }, (_, i) => i));
  hier = new Map<number, { group: number | null; own: MRights }>();
  groups: MRights[] = Array.from({ length: GROUPS }, none);

  isSuper(i: number) {
    return this.active.has(i) && (this.creator === i || this.supers.has(i));
  }
  effective(i: number): MRights {
    const h = this.hier.get(i);
    if (!h) return none();
    const g = h.group === null ? none() : this.groups[h.group]!;
    const apps = new Map(h.own.apps);
    for (const [a, l] of g.apps) if (!covers(apps.get(a), l)) apps.set(a, l);
    return { depts: new Set([...h.own.depts, ...g.depts]), apps, bind: h.own.bind || g.bind, devices: new Set([...h.own.devices, ...g.devices]) };
  }
  ancestorsOrSelf(d: number): number[] {
    const out: number[] = [];
    for (let x: number | null = d; x !== null; x = this.parent[x]!) out.push(x);
    return out;
  }
  inScope(i: number, d: number) {
    if (this.isSuper(i)) return true;
    const eff = this.effective(i).depts;
    return this.ancestorsOrSelf(d).some((a) => eff.has(a));
  }
  appLevel(i: number, app: string): AppRight | undefined {
    return this.isSuper(i) ? 'manage' : this.effective(i).apps.get(app);
  }
  bind(i: number) {
    return this.isSuper(i) || this.effective(i).bind;
  }
  manages(i: number, dev: number) {
    return this.isSuper(i) || this.effective(i).devices.has(dev);
  }
  /** Whether `actor` may delegate, and what the target's own rights become. */
  delegate(actor: number, target: number, r: MRights): MRights | undefined {
    const a = this.hier.get(actor);
    if (!a || a.group === null || actor === target) return undefined;
    const current = this.hier.get(target)?.own ?? none();
    const mine = this.effective(actor);
    const governsDept = (d: number) => this.inScope(actor, d);
    const governsApp = (app: string) => mine.apps.has(app) && (!current.apps.has(app) || covers(mine.apps.get(app), current.apps.get(app)!));
    if ([...r.depts].some((d) => !governsDept(d))) return undefined;
    if ([...r.apps].some(([app, l]) => !governsApp(app) || !covers(mine.apps.get(app), l))) return undefined;
    if (r.bind !== current.bind || r.devices.size !== current.devices.size || [...r.devices].some((d) => !current.devices.has(d))) return undefined;
    const next = none();
    for (const d of current.depts) if (!governsDept(d)) next.depts.add(d);
    for (const d of r.depts) next.depts.add(d);
    for (const [app, l] of current.apps) if (!governsApp(app)) next.apps.set(app, l);
    for (const [app, l] of r.apps) if (!covers(next.apps.get(app), l)) next.apps.set(app, l);
    next.bind = current.bind;
    for (const d of current.devices) next.devices.add(d);
    // The rule under test, stated on the model itself: nothing new beyond what the actor holds.
    for (const d of next.depts) assert.ok(current.depts.has(d) || this.inScope(actor, d));
    for (const [app, l] of next.apps) assert.ok(current.apps.get(app) === l || covers(mine.apps.get(app), l));
    return next;
  }
}

// ------------------------------------------------------------------------------------------------
// Operations
// ------------------------------------------------------------------------------------------------

type Op =
  | { kind: 'grant'; actor: number; target: number; rights: MRights }
  | { kind: 'seat'; actor: number; target: number; group: number | null }
  | { kind: 'editGroup'; actor: number; group: number; rights: MRights }
  | { kind: 'removeHier'; actor: number; target: number }
  | { kind: 'addSuper'; actor: number; target: number }
  | { kind: 'removeSuper'; actor: number; target: number }
  | { kind: 'transfer'; actor: number; target: number }
  | { kind: 'move'; dept: number; parent: number }
  | { kind: 'depart'; target: number }
  | { kind: 'rehire'; target: number };

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
 * step runs (the n-th super admin, the n-th grouped admin…), so that commands that can succeed are
 * drawn often enough; `fit` trims a delegation to the actor's own rights, so that it can succeed.
 */
type Pick = { role: 'super' | 'grouped' | 'hier' | 'any'; n: number };
const pickArb: fc.Arbitrary<Pick> = fc.record({ role: fc.constantFrom('super', 'grouped', 'hier', 'any'), n: fc.nat({ max: 100 }) });
const rolePick = (role: Pick['role']): fc.Arbitrary<Pick> => fc.record({ role: fc.constant(role), n: fc.nat({ max: 100 }) });
/** Mostly the given role, sometimes anyone (so that refusals are drawn too). */
const mostly = (...roles: Pick['role'][]): fc.Arbitrary<Pick> => fc.oneof(...roles.map((role) => ({ weight: 3, arbitrary: rolePick(role) })), { weight: 1, arbitrary: pickArb });
type Draft =
  | { kind: 'grant'; actor: Pick; target: Pick; rights: MRights; fit: boolean }
  | { kind: 'seat'; actor: Pick; target: Pick; group: number | null }
  | { kind: 'editGroup'; actor: Pick; group: number; rights: MRights }
  | { kind: 'removeHier' | 'addSuper' | 'removeSuper' | 'transfer'; actor: Pick; target: Pick }
  | { kind: 'move'; dept: number; parent: number }
  | { kind: 'depart' | 'rehire'; target: Pick };

const draftArb: fc.Arbitrary<Draft> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('grant' as const), actor: mostly('super', 'grouped'), target: pickArb, rights: rightsArb, fit: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('seat' as const), actor: mostly('super'), target: mostly('hier'), group: fc.option(fc.integer({ min: 0, max: GROUPS - 1 }), { nil: null }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('editGroup' as const), actor: mostly('super'), group: fc.integer({ min: 0, max: GROUPS - 1 }), rights: rightsArb }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('removeHier' as const, 'addSuper' as const, 'removeSuper' as const, 'transfer' as const), actor: pickArb, target: pickArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move' as const), dept: fc.integer({ min: 1, max: DEPTS - 1 }), parent: fc.integer({ min: 0, max: DEPTS - 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('depart' as const, 'rehire' as const), target: pickArb }) },
);

function pick(model: Model, p: Pick): number {
  const all = Array.from({ length: MEMBERS }, (_, i) => i);
  const pool = all.filter((i) => {
    if (p.role === 'super') return model.isSuper(i);
    if (p.role === 'grouped') return model.hier.get(i)?.group != null;
    if (p.role === 'hier') return model.hier.has(i);
    return true;
  });
  const from = pool.length > 0 ? pool : all;
  return from[p.n % from.length]!;
}

function resolve(model: Model, d: Draft): Op {
  switch (d.kind) {
    case 'move':
      return d;
    case 'depart':
    case 'rehire':
      return { kind: d.kind, target: pick(model, d.target) };
    case 'editGroup':
      return { kind: d.kind, actor: pick(model, d.actor), group: d.group, rights: d.rights };
    case 'seat':
      return { kind: d.kind, actor: pick(model, d.actor), target: pick(model, d.target), group: d.group };
    case 'grant': {
      const actor = pick(model, d.actor);
      const target = pick(model, d.target);
      if (!d.fit || model.isSuper(actor)) return { kind: 'grant', actor, target, rights: d.rights };
      const mine = model.effective(actor);
      const current = model.hier.get(target)?.own ?? none();
      const apps = new Map<string, AppRight>();
      for (const [app, level] of d.rights.apps) {
        const held = mine.apps.get(app);
        if (held) apps.set(app, covers(held, level) ? level : held);
      }
      return { kind: 'grant', actor, target, rights: { depts: new Set([...d.rights.depts].filter((x) => model.inScope(actor, x))), apps, bind: current.bind, devices: new Set(current.devices) } };
    }
    default:
      return { kind: d.kind, actor: pick(model, d.actor), target: pick(model, d.target) };
  }
}

/** Steps per run and runs per engine: 100 × 100 = 10,000 steps on SQLite; fewer on PostgreSQL. */
function budget(dialect: string): { runs: number; steps: number } {
  return dialect === 'sqlite' ? { runs: 100, steps: 100 } : { runs: 8, steps: 40 };
}

describeEachDialect('authorizer property: the implementation agrees with the reference model', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  it('seed rules 分级管理员 b) c), 管理组 a), 超级管理员, 创建人: zero disagreements over random grants, revokes, group edits, moves, departures and transfers', async () => {
    const { runs, steps } = budget(use().dialect);
    let stepsChecked = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(draftArb, { minLength: steps, maxLength: steps }), async (ops) => {
        const world = await newWorld(t);
        const model = new Model();
        await compare(t, world, model, 'start');
        for (const [n, draft] of ops.entries()) {
          const op = resolve(model, draft);
          const expected = applyToModel(model, op);
          const actual = await applyToImplementation(t, world, op);
          assert.equal(actual, expected, `step ${n}: ${describe(op)}: implementation ${actual ? 'allowed' : 'refused'}, model ${expected ? 'allows' : 'refuses'}`);
          await compare(t, world, model, `after step ${n}: ${describe(op)}`);
          stepsChecked++;
        }
      }),
      { numRuns: runs },
    );
    assert.ok(stepsChecked >= runs * steps);
  });
});

function describe(op: Op): string {
  return JSON.stringify(op, (_k, v: unknown) => (v instanceof Set ? [...(v as Set<unknown>)] : v instanceof Map ? [...(v as Map<unknown, unknown>)] : v));
}

// ------------------------------------------------------------------------------------------------
// The implementation side
// ------------------------------------------------------------------------------------------------

interface World {
  corpId: string;
  depts: string[];
  members: { id: string; accountId: string }[];
  devices: string[];
  groups: string[];
}

async function newWorld(t: TestApp): Promise<World> {
  const e = await enterprise(t);
  const depts = [e.root];
  const parents = [null, 0, 0, 1, 3, 2];
  for (let d = 1; d < DEPTS; d++) depts.push(await e.dept(depts[parents[d]!]!, `部门${d}`));
  const creator = await tablesOf(t.deps.db).selectFrom('members').select(['id', 'account_id']).where('corp_id', '=', e.corpId).executeTakeFirstOrThrow();
  const members = [{ id: creator.id, accountId: creator.account_id! }];
  for (let i = 1; i < MEMBERS; i++) {
    const m = await e.member(`成员${i}`);
    members.push({ id: m.memberId, accountId: m.accountId });
  }
  const devices: string[] = [];
  for (let d = 0; d < DEVICES; d++) {
    const id = `dev_${e.corpId.slice(-12)}_${d}`;
    await tablesOf(t.deps.db).insertInto('devices').values({ corp_id: e.corpId, id, name: `设备${d}`, serial: `SN${d}`, model: 'K', bound_by: 'x', created_at: 0, updated_at: 0 }).execute();
    devices.push(id);
  }
  const world: World = { corpId: e.corpId, depts, members, devices, groups: [] };
  for (let g = 0; g < GROUPS; g++) {
    world.groups.push(await t.deps.db.transaction().execute((trx) => createGroup(ctxOf(t, world, 0, trx), { name: `管理组${g}`, rights: toInput(world, none()) })));
  }
  return world;
}

function ctxOf<T extends Ctx['trx'] | ReadCtx['trx']>(t: TestApp, world: World, i: number, trx: T): Ctx & { trx: T } {
  const m = world.members[i]!;
  return { corpId: world.corpId, actor: { kind: 'member', id: m.id, name: `成员${i}`, accountId: m.accountId }, trx, now: t.clock.now(), log: t.deps.log, registry: t.deps.registry } as Ctx & { trx: T };
}

function toInput(world: World, r: MRights): RightsInput {
  return {
    departmentIds: [...r.depts].map((d) => world.depts[d]!),
    apps: [...r.apps].map(([appId, level]) => ({ appId, level })),
    deviceBind: r.bind,
    deviceIds: [...r.devices].map((d) => world.devices[d]!),
  };
}

/** Runs the command as the routes do (coarse right, then the service) in one transaction; true when it committed. */
async function applyToImplementation(t: TestApp, world: World, op: Op): Promise<boolean> {
  try {
    await t.deps.db.transaction().execute(async (trx) => {
      if (op.kind === 'move') return moveDepartment(trx, world, op.dept, op.parent);
      if (op.kind === 'depart') {
        const ctx = ctxOf(t, world, op.target, trx);
        const m = world.members[op.target]!;
        const row = await tablesOf(trx).selectFrom('members').select('status').where('corp_id', '=', world.corpId).where('id', '=', m.id).executeTakeFirstOrThrow();
        if (row.status !== 'active') throw new DomainError('conflict');
        if ((await roleRankOf(ctx, { accountId: m.accountId, memberId: m.id })) === 'creator') throw new DomainError('conflict');
        await tablesOf(trx).updateTable('members').set({ status: 'departed' }).where('corp_id', '=', world.corpId).where('id', '=', m.id).execute();
        await removeAdminRolesOfMember(ctx, m.id);
        return;
      }
      if (op.kind === 'rehire') {
        const result = await tablesOf(trx).updateTable('members').set({ status: 'active' }).where('corp_id', '=', world.corpId).where('id', '=', world.members[op.target]!.id).where('status', '=', 'departed').executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) throw new DomainError('conflict');
        return;
      }
      const ctx = ctxOf(t, world, op.actor, trx);
      // A departed member cannot act at all (the session resolves to nobody).
      const actorRow = await tablesOf(trx).selectFrom('members').select('status').where('corp_id', '=', world.corpId).where('id', '=', world.members[op.actor]!.id).executeTakeFirstOrThrow();
      if (actorRow.status !== 'active') throw new DomainError('auth.no_enterprise');
      switch (op.kind) {
        case 'grant': {
          await authorize(ctx, 'admins.delegate');
          const target = world.members[op.target]!.id;
          const isHier = (await adminSnapshot(trx, world.corpId)).admins.has(target);
          if (isHier) await updateHierarchicalAdmin(ctx, target, { rights: toInput(world, op.rights) });
          else await addHierarchicalAdmin(ctx, { memberId: target, rights: toInput(world, op.rights) });
          return;
        }
        case 'seat':
          await authorize(ctx, 'admins.delegate');
          return updateHierarchicalAdmin(ctx, world.members[op.target]!.id, { groupId: op.group === null ? null : world.groups[op.group]! });
        case 'editGroup':
          await authorize(ctx, 'admins.manage');
          return updateGroup(ctx, world.groups[op.group]!, { rights: toInput(world, op.rights) });
        case 'removeHier':
          await authorize(ctx, 'admins.manage');
          return removeHierarchicalAdmin(ctx, world.members[op.target]!.id);
        case 'addSuper':
          await authorize(ctx, 'admins.manage');
          return addInternalSuperAdmin(ctx, world.members[op.target]!.id);
        case 'removeSuper':
          await authorize(ctx, 'admins.manage');
          return removeSuperAdmin(ctx, world.members[op.target]!.accountId);
        case 'transfer':
          await authorize(ctx, 'admins.manage');
          return transferCreator(ctx, world.members[op.target]!.id);
      }
    });
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}

/** What the directory's move does to paths: the subtree's prefix is rewritten. */
async function moveDepartment(trx: Ctx['trx'], world: World, dept: number, parent: number): Promise<void> {
  const rows = await tablesOf(trx).selectFrom('departments').select(['id', 'path']).where('corp_id', '=', world.corpId).execute();
  const pathOf = new Map(rows.map((r) => [r.id, r.path]));
  const oldPath = pathOf.get(world.depts[dept]!)!;
  const parentPath = pathOf.get(world.depts[parent]!)!;
  if (parentPath.startsWith(oldPath)) throw new DomainError('conflict');
  const newPath = `${parentPath}${world.depts[dept]!}/`;
  await tablesOf(trx).updateTable('departments').set({ parent_id: world.depts[parent]! }).where('corp_id', '=', world.corpId).where('id', '=', world.depts[dept]!).execute();
  for (const row of rows) {
    if (row.path.startsWith(oldPath)) await tablesOf(trx).updateTable('departments').set({ path: newPath + row.path.slice(oldPath.length) }).where('corp_id', '=', world.corpId).where('id', '=', row.id).execute();
  }
}

function applyToModel(model: Model, op: Op): boolean {
  switch (op.kind) {
    case 'move': {
      if (model.ancestorsOrSelf(op.parent).includes(op.dept)) return false;
      model.parent[op.dept] = op.parent;
      return true;
    }
    case 'depart':
      if (!model.active.has(op.target) || model.creator === op.target) return false;
      model.active.delete(op.target);
      model.supers.delete(op.target);
      model.hier.delete(op.target);
      return true;
    case 'rehire':
      if (model.active.has(op.target)) return false;
      model.active.add(op.target);
      return true;
    default:
      break;
  }
  if (!model.active.has(op.actor)) return false;
  const superActor = model.isSuper(op.actor);
  const isAdmin = superActor || model.hier.has(op.actor);
  switch (op.kind) {
    case 'grant': {
      if (!isAdmin || !model.active.has(op.target) || model.isSuper(op.target)) return false;
      if (superActor) {
        const h = model.hier.get(op.target);
        model.hier.set(op.target, { group: h?.group ?? null, own: op.rights });
        return true;
      }
      const next = model.delegate(op.actor, op.target, op.rights);
      if (!next) return false;
      model.hier.set(op.target, { group: model.hier.get(op.target)?.group ?? null, own: next });
      return true;
    }
    case 'seat': {
      if (!superActor || !model.hier.has(op.target)) return false;
      model.hier.get(op.target)!.group = op.group;
      return true;
    }
    case 'editGroup':
      if (!superActor) return false;
      model.groups[op.group] = op.rights;
      return true;
    case 'removeHier':
      if (!superActor || !model.hier.has(op.target)) return false;
      model.hier.delete(op.target);
      return true;
    case 'addSuper':
      if (!superActor || !model.active.has(op.target) || model.isSuper(op.target)) return false;
      model.hier.delete(op.target);
      model.supers.add(op.target);
      return true;
    case 'removeSuper':
      if (!superActor || op.target === model.creator || !model.supers.has(op.target)) return false;
      model.supers.delete(op.target);
      return true;
    case 'transfer': {
      if (model.creator !== op.actor || op.target === op.actor || !model.active.has(op.target)) return false;
      model.supers.delete(op.target);
      model.hier.delete(op.target);
      model.supers.add(op.actor);
      model.creator = op.target;
      return true;
    }
  }
}

/** Every member's answers from the authorizer against the model's. */
async function compare(t: TestApp, world: World, model: Model, where: string): Promise<void> {
  const rows = await tablesOf(t.deps.db).selectFrom('departments').select(['id', 'path']).where('corp_id', '=', world.corpId).execute();
  const pathOf = new Map(rows.map((r) => [r.id, r.path]));
  for (let i = 0; i < MEMBERS; i++) {
    const ctx = ctxOf(t, world, i, t.deps.db);
    const m = world.members[i]!;
    const snapshot = await adminSnapshot(t.deps.db, world.corpId);
    // An inactive member acts as nobody whatever rows remain; the model has removed all its roles.
    const active = model.active.has(i);
    assert.equal(active && (await accountIsSuper(ctx, m.accountId)), model.isSuper(i), `${where}: member ${i} super admin`);
    const scope = await contactsScope(ctx);
    for (let d = 0; d < DEPTS; d++) {
      assert.equal(active && departmentInScope(scope, pathOf.get(world.depts[d]!)!), active && model.inScope(i, d), `${where}: member ${i} contacts over department ${d}`);
    }
    for (const app of APPS) assert.equal(active ? appLevelIn(snapshot, ctx.actor, app) : undefined, active ? model.appLevel(i, app) : undefined, `${where}: member ${i} app ${app}`);
    assert.equal(active && deviceRightIn(snapshot, ctx.actor, 'bind'), active && model.bind(i), `${where}: member ${i} device bind`);
    for (let d = 0; d < DEVICES; d++) assert.equal(active && deviceRightIn(snapshot, ctx.actor, 'manage', world.devices[d]), active && model.manages(i, d), `${where}: member ${i} manages device ${d}`);
    // Roles left behind by a departure would be found here even though the member cannot act.
    if (!active) assert.equal(snapshot.admins.has(m.id) || snapshot.superAdmins.has(m.accountId), false, `${where}: departed member ${i} keeps a role`);
    assert.equal(snapshot.admins.get(m.id)?.groupId ?? null, model.hier.get(i)?.group === undefined || model.hier.get(i)?.group === null ? null : world.groups[model.hier.get(i)!.group!], `${where}: member ${i} group seat`);
  }
}
