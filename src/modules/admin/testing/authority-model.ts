import type { AppRight } from '../../../platform/policy/index.ts';

/**
 * A small, independent model of who may do what to whom (什么是权限管理, the contacts rules and the
 * admin-target rule), for the authorizer's property test: plain sets and a parent array, no paths,
 * no SQL. `apply` says for every operation whether it should succeed and, when it does, changes the
 * model as the implementation must change the enterprise. Nothing here is shared with the code under
 * test.
 */

export const MEMBERS = 8; // member 0 starts as the creator
export const DEPTS = 6; // department 0 is the root
export const APPS = ['approvals', 'attendance'] as const;
export const DEVICES = 2;
export const GROUPS = 2;
/** Where department d hangs at the start, and where member i sits. */
export const START_PARENTS: readonly (number | null)[] = [null, 0, 0, 1, 3, 2];
export const START_PLACEMENT: readonly (readonly number[])[] = [[0], [1], [2], [3, 4], [4], [5, 1], [3, 5], [1, 2]];

export interface MRights {
  depts: Set<number>;
  apps: Map<string, AppRight>;
  bind: boolean;
  devices: Set<number>;
}
export const noRights = (): MRights => ({ depts: new Set(), apps: new Map(), bind: false, devices: new Set() });
const covers = (held: AppRight | undefined, wanted: AppRight) => held === 'manage' || (held === 'send' && wanted === 'send');

export type Status = 'active' | 'disabled' | 'departed' | 'deleted';

/** Every operation has an actor: the member whose session sends the request. */
export type Op =
  | { kind: 'grant'; actor: number; target: number; rights: MRights }
  | { kind: 'seat'; actor: number; target: number; group: number | null }
  | { kind: 'editGroup'; actor: number; group: number; rights: MRights }
  | { kind: 'removeHier' | 'addSuper' | 'removeSuper' | 'transfer'; actor: number; target: number }
  | { kind: 'move'; actor: number; dept: number; parent: number }
  | { kind: 'depart' | 'delete' | 'disable' | 'enable'; actor: number; target: number }
  | { kind: 'editMember'; actor: number; target: number; depts: number[] };

export class Model {
  parent: (number | null)[] = [...START_PARENTS];
  creator = 0;
  supers = new Set<number>();
  status: Status[] = Array.from({ length: MEMBERS }, () => 'active' as Status);
  placement: number[][] = START_PLACEMENT.map((p) => [...p]);
  main: number[] = START_PLACEMENT.map((p) => p[0]!);
  hier = new Map<number, { group: number | null; own: MRights }>();
  groups: MRights[] = Array.from({ length: GROUPS }, noRights);

  // ---- what each member holds -----------------------------------------------------------------

  /** The creator or a super admin: roles stay with a disabled member (it just cannot act). */
  isSuper(i: number) {
    return this.creator === i || this.supers.has(i);
  }
  canAct(i: number) {
    return this.status[i] === 'active';
  }
  effective(i: number): MRights {
    const h = this.hier.get(i);
    if (!h) return noRights();
    const g = h.group === null ? noRights() : this.groups[h.group]!;
    const apps = new Map(h.own.apps);
    for (const [a, l] of g.apps) if (!covers(apps.get(a), l)) apps.set(a, l);
    return { depts: new Set([...h.own.depts, ...g.depts]), apps, bind: h.own.bind || g.bind, devices: new Set([...h.own.devices, ...g.devices]) };
  }
  ancestorsOrSelf(d: number): number[] {
    const out: number[] = [];
    for (let x: number | null = d; x !== null; x = this.parent[x]!) out.push(x);
    return out;
  }
  /** Whether department d lies under one of `depts` (or is one). */
  under(depts: Set<number>, d: number) {
    return this.ancestorsOrSelf(d).some((a) => depts.has(a));
  }
  inScope(i: number, d: number) {
    return this.isSuper(i) || this.under(this.effective(i).depts, d);
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

  // ---- the rules ------------------------------------------------------------------------------

  /** 分级管理员只能管辖或设置其拥有的对应权限: a non-super actor may not act on a super admin or on an admin wider than itself. */
  widerThan(actor: number, target: number): boolean {
    if (this.isSuper(actor)) return false;
    if (this.isSuper(target)) return true;
    if (!this.hier.has(target)) return false;
    const mine = this.effective(actor);
    const theirs = this.effective(target);
    if ([...theirs.depts].some((d) => !this.under(mine.depts, d))) return true;
    if ([...theirs.apps].some(([app, l]) => !covers(mine.apps.get(app), l))) return true;
    if (theirs.bind && !mine.bind) return true;
    return [...theirs.devices].some((d) => !mine.devices.has(d));
  }
  /** Whether `actor` may delegate, and what the target's own rights become. */
  delegate(actor: number, target: number, r: MRights): MRights | undefined {
    const a = this.hier.get(actor);
    if (!a || a.group === null || actor === target) return undefined;
    const current = this.hier.get(target)?.own ?? noRights();
    const mine = this.effective(actor);
    const governsDept = (d: number) => this.inScope(actor, d);
    const governsApp = (app: string) => mine.apps.has(app) && (!current.apps.has(app) || covers(mine.apps.get(app), current.apps.get(app)!));
    if ([...r.depts].some((d) => !governsDept(d))) return undefined;
    if ([...r.apps].some(([app, l]) => !governsApp(app) || !covers(mine.apps.get(app), l))) return undefined;
    if (r.bind !== current.bind || r.devices.size !== current.devices.size || [...r.devices].some((d) => !current.devices.has(d))) return undefined;
    const next = noRights();
    for (const d of current.depts) if (!governsDept(d)) next.depts.add(d);
    for (const d of r.depts) next.depts.add(d);
    for (const [app, l] of current.apps) if (!governsApp(app)) next.apps.set(app, l);
    for (const [app, l] of r.apps) if (!covers(next.apps.get(app), l)) next.apps.set(app, l);
    next.bind = current.bind;
    for (const d of current.devices) next.devices.add(d);
    return next;
  }

  private dropRoles(i: number) {
    this.supers.delete(i);
    this.hier.delete(i);
  }

  /** Whether the operation should succeed; when it should, the model takes its effect. */
  apply(op: Op): boolean {
    if (!this.canAct(op.actor)) return false;
    const superActor = this.isSuper(op.actor);
    const isAdmin = superActor || this.hier.has(op.actor);
    switch (op.kind) {
      case 'grant': {
        if (!isAdmin) return false;
        const existing = this.hier.get(op.target);
        if (!existing && (this.status[op.target] !== 'active' || this.isSuper(op.target))) return false;
        const own = superActor ? op.rights : this.delegate(op.actor, op.target, op.rights);
        if (!own) return false;
        this.hier.set(op.target, { group: existing?.group ?? null, own });
        return true;
      }
      case 'seat':
        if (!superActor || !this.hier.has(op.target)) return false;
        this.hier.get(op.target)!.group = op.group;
        return true;
      case 'editGroup':
        if (!superActor) return false;
        this.groups[op.group] = op.rights;
        return true;
      case 'removeHier':
        if (!superActor || !this.hier.has(op.target)) return false;
        this.hier.delete(op.target);
        return true;
      case 'addSuper':
        if (!superActor || this.status[op.target] !== 'active' || this.isSuper(op.target)) return false;
        this.hier.delete(op.target);
        this.supers.add(op.target);
        return true;
      case 'removeSuper':
        if (!superActor || op.target === this.creator || !this.supers.has(op.target)) return false;
        this.supers.delete(op.target);
        return true;
      case 'transfer':
        if (this.creator !== op.actor || op.target === op.actor || this.status[op.target] !== 'active') return false;
        this.dropRoles(op.target);
        this.supers.add(op.actor);
        this.creator = op.target;
        return true;
      case 'move': {
        const { actor, dept, parent } = op;
        if (!this.inScope(actor, dept) || !this.inScope(actor, parent)) return false;
        if (this.ancestorsOrSelf(parent).includes(dept)) return false;
        if (this.parent[dept] !== parent && !superActor && this.hier.get(actor)?.group === null) {
          // An admin outside any group may not hand other admins contacts rights by moving a department under theirs.
          for (const [other, _] of this.hier) {
            const theirs = this.effective(other).depts;
            if (other !== actor && this.under(theirs, parent) && !this.under(theirs, dept)) return false;
          }
        }
        this.parent[dept] = parent;
        return true;
      }
      case 'depart':
      case 'delete': {
        const { actor, target } = op;
        const status = this.status[target]!;
        if (status === 'deleted' || (op.kind === 'depart' && status === 'departed')) return false;
        const allowedScope = status === 'departed' ? superActor : this.placement[target]!.every((d) => this.inScope(actor, d));
        if (!allowedScope || this.creator === target || this.widerThan(actor, target)) return false;
        this.status[target] = op.kind === 'depart' ? 'departed' : 'deleted';
        this.placement[target] = [];
        this.dropRoles(target);
        return true;
      }
      case 'disable':
      case 'enable': {
        const { actor, target } = op;
        if (this.status[target] === 'departed' || this.status[target] === 'deleted') return false;
        if (!this.placement[target]!.some((d) => this.inScope(actor, d))) return false;
        if ((op.kind === 'disable' && this.creator === target) || this.widerThan(actor, target)) return false;
        this.status[target] = op.kind === 'disable' ? 'disabled' : 'active';
        return true;
      }
      case 'editMember': {
        const { actor, target, depts } = op;
        if (this.status[target] === 'departed' || this.status[target] === 'deleted') return false;
        const current = this.placement[target]!;
        if (!current.some((d) => this.inScope(actor, d)) || this.widerThan(actor, target)) return false;
        const added = depts.filter((d) => !current.includes(d));
        const removed = current.filter((d) => !depts.includes(d));
        if ([...added, ...removed].some((d) => !this.inScope(actor, d))) return false;
        const main = depts.includes(this.main[target]!) ? this.main[target]! : depts[0]!;
        if (main !== this.main[target] && !this.inScope(actor, main)) return false;
        this.placement[target] = [...depts];
        this.main[target] = main;
        return true;
      }
    }
  }
}
