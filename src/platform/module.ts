import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Migration } from 'kysely';
import type { Actor, Ctx } from './context.ts';
import type { Executor } from './db/tables.ts';
import type { Deps } from './deps.ts';
import type { ErrorCatalog, ErrorDef } from './errors.ts';
import type { EventDef, Subscriber } from './events.ts';
import type { JobHandler } from './jobs.ts';
import type { RightSpec, RoleSnapshot } from './policy/roles.ts';
import type { SignInGuard } from './auth/sign-in-guards.ts';
import type { ExportMarker } from './export-marks.ts';

/**
 * A module's manifest: everything the module contributes, in one place, so nothing is registered by
 * importing a file. `src/modules/index.ts` lists the manifests in dependency order; the app, the
 * migration runner and the demo read everything from that list (`buildRegistry`).
 */
export interface ModuleManifest {
  name: string;
  /**
   * Every table the module's migrations create, and where it would live on Citus: `tenant`
   * (distributed by `corp_id`, which leads its primary key), `reference` (small, copied to every node)
   * or `local` (stays on the coordinator: queues, sessions).
   */
  tables: Readonly<Record<string, TableKind>>;
  migrations?: Readonly<Record<string, Migration>>;
  errors?: ErrorCatalog;
  rights?: Readonly<Record<string, RightSpec>>;
  /** Services the platform needs from exactly one module (roles, identities, department paths). */
  provides?: Partial<Providers>;
  events?: Readonly<Record<string, EventDef>>;
  /** Checks on every sign-in and corp switch (security's 设备管理); the session module runs them all. */
  signInGuards?: readonly SignInGuard[];
  /** Marks on other modules' exports (security's 暗水印); an export asks `exportMark`. */
  exportMarkers?: readonly ExportMarker[];
  subscribers?: readonly Subscriber[];
  jobs?: readonly JobSpec[];
  routes?: (deps: Deps) => FastifyPluginAsyncTypebox;
  /**
   * Names of the things the module's audit rows point at, by target type (\`member\`, \`app\`…), so
   * the audit log shows 李四 rather than an id. Each looks up only ids of the one enterprise.
   */
  auditNames?: Readonly<Record<string, AuditNames>>;
  /** Fills the module's part of the demo enterprise, in the demo's one transaction. */
  demo?: (ctx: Ctx, demo: DemoState) => Promise<void>;
}

export type AuditNames = (db: Executor, corpId: string, ids: readonly string[]) => Promise<ReadonlyMap<string, string>>;

/** An audit-name lookup's rows as the map it answers. */
export const namesById = (rows: readonly { id: string; name: string }[]): ReadonlyMap<string, string> => new Map(rows.map((row) => [row.id, row.name]));

export type TableKind = 'tenant' | 'reference' | 'local';

export interface JobSpec {
  kind: string;
  run: JobHandler;
  /** A cron pattern (Asia/Shanghai): every server schedules it, one of them runs each slot. */
  schedule?: string;
}

/**
 * What the demo's modules pass along to the ones after them: the creator, registered before any
 * module runs, and each module's part under its name (read through the module's own getter).
 */
export interface DemoState {
  creator: { accountId: string; memberId: string; name: string };
  [module: string]: unknown;
}

/** What the platform asks of the modules; each is provided by exactly one manifest. */
export interface Providers {
  /** The enterprise's creator, super admins, admin groups and hierarchical admins (admin module). */
  roles(db: Executor, corpId: string): Promise<RoleSnapshot>;
  /** Materialised paths of departments by id, for contacts scopes (directory module). */
  departmentPaths(db: Executor, corpId: string, ids: readonly string[]): Promise<Map<string, string>>;
  /** How a signed-in account acts inside an enterprise: its active member or an external super admin. */
  accountActor(db: Executor, corpId: string, accountId: string): Promise<Actor | undefined>;
  /** An API token's enterprise and actor, or nothing when unknown or revoked. */
  tokenActor(db: Executor, now: number, secret: string): Promise<{ corpId: string; actor: Actor } | undefined>;
  /** The platform operator behind an operator session. */
  operatorActor(db: Executor, operatorId: string): Promise<Actor | undefined>;
}

export function defineModule<const M extends ModuleManifest>(manifest: M): M {
  return manifest;
}

/** Everything the modules declared, checked for clashes, as the platform reads it at run time. */
export interface Registry {
  readonly modules: readonly ModuleManifest[];
  readonly rights: ReadonlyMap<string, RightSpec>;
  readonly errors: ReadonlyMap<string, ErrorDef>;
  readonly events: ReadonlyMap<string, EventDef>;
  readonly txSubscribers: ReadonlyMap<string, readonly Subscriber[]>;
  readonly outboxSubscribers: ReadonlyMap<string, readonly Subscriber[]>;
  /** Event types someone listens to after commit: only those are written to the outbox. */
  readonly outboxTypes: ReadonlySet<string>;
  readonly jobs: ReadonlyMap<string, JobSpec>;
  readonly tables: ReadonlyMap<string, { module: string; kind: TableKind }>;
  readonly providers: Providers;
  readonly auditNames: ReadonlyMap<string, AuditNames>;
  readonly signInGuards: readonly SignInGuard[];
  readonly exportMarkers: readonly ExportMarker[];
}

const PROVIDERS: readonly (keyof Providers)[] = ['roles', 'departmentPaths', 'accountActor', 'tokenActor', 'operatorActor'];

function put<V>(map: Map<string, V>, key: string, value: V, what: string, owner: string): void {
  if (map.has(key)) throw new Error(`${what} ${key} is declared twice (again by ${owner})`);
  map.set(key, value);
}

export function buildRegistry(modules: readonly ModuleManifest[]): Registry {
  const rights = new Map<string, RightSpec>();
  const errors = new Map<string, ErrorDef>();
  const events = new Map<string, EventDef>();
  const jobs = new Map<string, JobSpec>();
  const auditNames = new Map<string, AuditNames>();
  const tables = new Map<string, { module: string; kind: TableKind }>();
  const txSubscribers = new Map<string, Subscriber[]>();
  const outboxSubscribers = new Map<string, Subscriber[]>();
  const subscriberNames = new Set<string>();
  const providers: Partial<Record<keyof Providers, unknown>> = {};
  const moduleNames = new Set<string>();

  for (const m of modules) {
    if (moduleNames.has(m.name)) throw new Error(`module ${m.name} is listed twice`);
    moduleNames.add(m.name);
    for (const [table, kind] of Object.entries(m.tables)) put(tables, table, { module: m.name, kind }, 'table', m.name);
    for (const [right, spec] of Object.entries(m.rights ?? {})) put(rights, right, spec, 'right', m.name);
    for (const def of Object.values(m.errors ?? {})) put(errors, def.code, def, 'error code', m.name);
    for (const def of Object.values(m.events ?? {})) put(events, def.type, def, 'event', m.name);
    for (const job of m.jobs ?? []) put(jobs, job.kind, job, 'job kind', m.name);
    for (const [type, names] of Object.entries(m.auditNames ?? {})) put(auditNames, type, names, 'audit target type', m.name);
    for (const [name, provider] of Object.entries(m.provides ?? {})) {
      if (providers[name as keyof Providers]) throw new Error(`provider ${name} is given twice (again by ${m.name})`);
      providers[name as keyof Providers] = provider;
    }
  }
  // Subscribers after every event is known: a module may listen to any module listed before it.
  for (const m of modules) {
    for (const subscriber of m.subscribers ?? []) {
      if (events.get(subscriber.event.type) !== subscriber.event) throw new Error(`${m.name} subscribes to ${subscriber.event.type}, which no manifest declares`);
      if (subscriberNames.has(subscriber.name)) throw new Error(`subscriber ${subscriber.name} is declared twice`);
      subscriberNames.add(subscriber.name);
      const byType = subscriber.phase === 'tx' ? txSubscribers : outboxSubscribers;
      byType.set(subscriber.event.type, [...(byType.get(subscriber.event.type) ?? []), subscriber]);
    }
  }
  for (const name of PROVIDERS) if (!providers[name]) throw new Error(`no module provides ${name}`);
  return {
    modules,
    rights,
    errors,
    events,
    txSubscribers,
    outboxSubscribers,
    outboxTypes: new Set(outboxSubscribers.keys()),
    jobs,
    tables,
    providers: providers as Providers,
    auditNames,
    signInGuards: modules.flatMap((m) => m.signInGuards ?? []),
    exportMarkers: modules.flatMap((m) => m.exportMarkers ?? []),
  };
}

/** Every module's migrations, checked to be named once. */
export function collectMigrations(modules: readonly ModuleManifest[]): Record<string, Migration> {
  const all: Record<string, Migration> = {};
  for (const m of modules) {
    for (const [name, migration] of Object.entries(m.migrations ?? {})) {
      if (all[name]) throw new Error(`migration ${name} is declared twice (again by ${m.name})`);
      all[name] = migration;
    }
  }
  return all;
}
