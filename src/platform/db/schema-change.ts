import { SqliteAdapter, sql, type Kysely } from 'kysely';

/**
 * Schema changes SQLite cannot make in place (a primary key, a column's inline `unique`), done the
 * way SQLite documents it: a new table from the edited definition, the rows copied, the old table
 * dropped and the new one renamed, its other indexes made again. On PostgreSQL the same change is
 * one `alter table`. Used inside a migration, so a failure leaves the table as it was.
 */
function isSqlite(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

async function rebuildSqliteTable(db: Kysely<unknown>, table: string, edit: (createSql: string) => string): Promise<void> {
  const found = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = ${table}`.execute(db);
  const indexes = await sql<{ sql: string }>`select sql from sqlite_master where type = 'index' and tbl_name = ${table} and sql is not null`.execute(db);
  const original = found.rows[0]?.sql;
  if (!original) throw new Error(`no table ${table} to rebuild`);
  const edited = edit(original);
  if (edited === original) throw new Error(`the edit of ${table} changed nothing`);
  const staging = `${table}__rebuilt`;
  await sql.raw(edited.replace(/^create table\s+"?\w+"?/i, `create table "${staging}"`)).execute(db);
  await sql.raw(`insert into "${staging}" select * from "${table}"`).execute(db);
  await sql.raw(`drop table "${table}"`).execute(db);
  await sql.raw(`alter table "${staging}" rename to "${table}"`).execute(db);
  for (const index of indexes.rows) await sql.raw(index.sql).execute(db);
}

/** Drops the unique constraint a column got from `.unique()` (a global unique value). */
export async function dropColumnUnique(db: Kysely<unknown>, table: string, column: string): Promise<void> {
  if (isSqlite(db)) {
    await rebuildSqliteTable(db, table, (text) => text.replace(new RegExp(`("${column}" [^,]*?) unique`, 'i'), '$1'));
    return;
  }
  const found = await sql<{ name: string }>`
    select c.conname as name from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    where c.conrelid = ${table}::regclass and c.contype = 'u' and cardinality(c.conkey) = 1 and a.attname = ${column}`.execute(db);
  for (const { name } of found.rows) await sql.raw(`alter table "${table}" drop constraint "${name}"`).execute(db);
}

/** Replaces a table's primary key with `constraint <name> primary key (columns)`. */
export async function replacePrimaryKey(db: Kysely<unknown>, table: string, name: string, columns: readonly string[]): Promise<void> {
  const list = columns.map((c) => `"${c}"`).join(', ');
  if (isSqlite(db)) {
    await rebuildSqliteTable(db, table, (text) =>
      text
        .replace(/ primary key(?=[,)])/i, ' not null')
        .replace(/,\s*constraint "?\w+"? primary key \([^)]*\)/i, '')
        .replace(/\)\s*$/, `, constraint "${name}" primary key (${list}))`),
    );
    return;
  }
  const found = await sql<{ name: string }>`select conname as name from pg_constraint where conrelid = ${table}::regclass and contype = 'p'`.execute(db);
  for (const old of found.rows) await sql.raw(`alter table "${table}" drop constraint "${old.name}"`).execute(db);
  await sql.raw(`alter table "${table}" add constraint "${name}" primary key (${list})`).execute(db);
}

/**
 * A value unique across enterprises and looked up without one (a public code, a token's digest):
 * its global uniqueness moves to a routing table `routes` (value → enterprise and row, a reference
 * table on Citus), filled from the existing rows, and the tenant table's unique index becomes
 * (corp_id, value), so a lookup goes routing table → tenant table with corp_id.
 */
export async function routeUniqueColumn(db: Kysely<unknown>, spec: { table: string; column: string; routes: string; idColumn: string }): Promise<void> {
  const { table, column, routes, idColumn } = spec;
  await db.schema
    .createTable(routes)
    .addColumn(column, 'text', (c) => c.primaryKey())
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn(idColumn, 'text', (c) => c.notNull())
    .execute();
  await sql`insert into ${sql.table(routes)} (${sql.ref(column)}, corp_id, ${sql.ref(idColumn)}) select ${sql.ref(column)}, corp_id, id from ${sql.table(table)} where ${sql.ref(column)} is not null`.execute(db);
  await dropColumnUnique(db, table, column);
  await db.schema.createIndex(`${table}_${column}`).on(table).columns(['corp_id', column]).unique().execute();
}
