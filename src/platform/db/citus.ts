import type { ModuleManifest } from '../module.ts';

/**
 * The statements that distribute Banyan's schema on Citus, read from the manifests' table kinds:
 * every `reference` table copied to every node, every `tenant` table distributed by `corp_id` and
 * colocated with the first one (so one enterprise's rows of every table live on one node and its
 * transactions, joins and foreign keys stay on that node), `local` tables left on the coordinator.
 * Run after `banyan migrate`, on the coordinator, before the first server starts.
 */
export function citusSql(manifests: readonly ModuleManifest[]): string {
  const byKind = { tenant: [] as string[], reference: [] as string[], local: [] as string[] };
  for (const m of manifests) for (const [table, kind] of Object.entries(m.tables)) byKind[kind].push(table);
  const [anchor, ...colocated] = byKind.tenant;
  const lines = [
    '-- Banyan on Citus: run on the coordinator after `banyan migrate`, before the servers start.',
    '-- Reference tables: small, read without an enterprise, copied to every node.',
    ...byKind.reference.map((t) => `select create_reference_table('${t}');`),
    "-- Tenant tables: distributed by corp_id, each enterprise's rows of every table on one node.",
    ...(anchor ? [`select create_distributed_table('${anchor}', 'corp_id');`] : []),
    ...colocated.map((t) => `select create_distributed_table('${t}', 'corp_id', colocate_with => '${anchor}');`),
    `-- Local tables stay on the coordinator: ${[...byKind.local, 'kysely_migration', 'kysely_migration_lock'].join(', ')}.`,
  ];
  return `${lines.join('\n')}\n`;
}
