/**
 * The schema check behind `test/architecture/citus.test.ts`: what the migrations built, read from
 * the database's catalog (so a table made by hand-written SQL is seen as well as one made by
 * Kysely's builder), held against the manifests' table kinds. A `tenant` table is distributed by
 * `corp_id` on Citus, which asks that its primary key start with `corp_id` (here: so an enterprise's
 * rows sort together) and that every unique index include it (Citus enforces uniqueness per shard
 * only). Pure over its input, so the test of the check can hand it an invented schema.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../../src/platform/db/database.ts';
import type { TableKind } from '../../src/platform/module.ts';

export interface TableShape {
  name: string;
  primaryKey: readonly string[];
  /** Unique indexes and constraints other than the primary key, by name. */
  uniques: readonly { name: string; columns: readonly string[] }[];
}

/** Kysely's own bookkeeping, made by the migrator rather than a migration. */
const MIGRATOR_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

export function checkSchema(shapes: readonly TableShape[], kinds: ReadonlyMap<string, TableKind>): string[] {
  const problems: string[] = [];
  for (const table of shapes) {
    if (MIGRATOR_TABLES.has(table.name)) continue;
    const kind = kinds.get(table.name);
    if (!kind) {
      problems.push(`${table.name}: made by a migration but declared by no manifest as tenant, reference or local`);
      continue;
    }
    if (kind !== 'tenant') continue;
    if (table.primaryKey[0] !== 'corp_id') problems.push(`${table.name}: a tenant table whose primary key (${table.primaryKey.join(', ')}) does not start with corp_id`);
    for (const unique of table.uniques) {
      if (!unique.columns.includes('corp_id')) problems.push(`${table.name}: unique index ${unique.name} (${unique.columns.join(', ')}) without corp_id`);
    }
  }
  for (const name of kinds.keys()) if (!shapes.some((s) => s.name === name)) problems.push(`${name}: declared by a manifest but made by no migration`);
  return problems;
}

/** Every table of the database (of `schema` on PostgreSQL) with its primary key and unique indexes. */
export async function readSchema(db: Kysely<unknown>, dialect: DialectName, schema = 'public'): Promise<TableShape[]> {
  if (dialect === 'sqlite') {
    const names = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db);
    const shapes: TableShape[] = [];
    for (const { name } of names.rows) {
      const key = await sql<{ name: string }>`select name from pragma_table_info(${name}) where pk > 0 order by pk`.execute(db);
      const indexes = await sql<{ name: string; origin: string }>`select name, origin from pragma_index_list(${name}) where "unique" = 1 and origin <> 'pk'`.execute(db);
      const uniques = [];
      for (const index of indexes.rows) {
        const columns = await sql<{ name: string }>`select name from pragma_index_info(${index.name}) order by seqno`.execute(db);
        uniques.push({ name: index.name, columns: columns.rows.map((c) => c.name) });
      }
      shapes.push({ name, primaryKey: key.rows.map((c) => c.name), uniques });
    }
    return shapes;
  }
  const rows = await sql<{ table: string; index: string; primary: boolean; columns: string[] }>`
    select t.relname as "table", i.relname as "index", x.indisprimary as "primary",
           array(select a.attname from unnest(x.indkey) with ordinality k(attnum, n) join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum order by k.n)::text[] as "columns"
    from pg_index x join pg_class t on t.oid = x.indrelid join pg_class i on i.oid = x.indexrelid join pg_namespace s on s.oid = t.relnamespace
    where s.nspname = ${schema} and x.indisunique`.execute(db);
  const names = await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = ${schema} order by tablename`.execute(db);
  return names.rows.map(({ name }) => {
    const own = rows.rows.filter((r) => r.table === name);
    return {
      name,
      primaryKey: own.find((r) => r.primary)?.columns ?? [],
      uniques: own.filter((r) => !r.primary).map((r) => ({ name: r.index, columns: r.columns })),
    };
  });
}
