import { sql, type Kysely, type QueryExecutorProvider } from 'kysely';

/**
 * A halt or rejection is kept as a code with its values (`reason_code`, `reason_params` as JSON),
 * which the console words in the reader's language; `reason` keeps only what an operator typed.
 * The sentences written before are read back into their codes; any other reason was typed. A step
 * keeps the kind of its actor (`actor_kind`), so a step the system took is worded, not named
 * "system"; before, only the system's steps bore that name.
 */
const WRITTEN: [RegExp, string][] = [
  [/^未通过审核$/, 'not_approved'],
  [/^迁出企业「(.*)」不在认证有效期内$/, 'source_not_certified'],
  [/^迁入企业「(.*)」不在认证有效期内$/, 'target_not_certified'],
  [/^迁出企业的认证主体已变更（不能在迁移期间变更认证主体）$/, 'source_subject_changed'],
  [/^迁入企业的认证主体已变更（不能在迁移期间变更认证主体）$/, 'target_subject_changed'],
];

function coded(reason: string): { reason: string | null; code: string; params: string | null } {
  for (const [pattern, code] of WRITTEN) {
    const match = pattern.exec(reason);
    if (match) return { reason: null, code, params: JSON.stringify(match[1] === undefined ? {} : { corp: match[1] }) };
  }
  return { reason, code: 'operator', params: null };
}

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['data_migrations', 'data_migration_steps']) {
    await db.schema.alterTable(table).addColumn('reason_code', 'text').execute();
    await db.schema.alterTable(table).addColumn('reason_params', 'text').execute();
  }
  await db.schema.alterTable('data_migration_steps').addColumn('actor_kind', 'text').execute();
  await sql`update data_migration_steps set actor_kind = 'system' where actor_name = 'system'`.execute(db);
  await codeWrittenReasons(db);
}

/** Rows with a reason and no code yet (written before the codes) get theirs. */
export async function codeWrittenReasons(db: QueryExecutorProvider): Promise<void> {
  const migrations = await sql<{ corp_id: string; id: string; reason: string }>`select corp_id, id, reason from data_migrations where reason is not null and reason_code is null`.execute(db);
  for (const row of migrations.rows) {
    const c = coded(row.reason);
    await sql`update data_migrations set reason = ${c.reason}, reason_code = ${c.code}, reason_params = ${c.params} where corp_id = ${row.corp_id} and id = ${row.id}`.execute(db);
  }
  const steps = await sql<{ corp_id: string; migration_id: string; seq: number; reason: string }>`select corp_id, migration_id, seq, reason from data_migration_steps where reason is not null and reason_code is null`.execute(db);
  for (const row of steps.rows) {
    const c = coded(row.reason);
    await sql`update data_migration_steps set reason = ${c.reason}, reason_code = ${c.code}, reason_params = ${c.params} where corp_id = ${row.corp_id} and migration_id = ${row.migration_id} and seq = ${row.seq}`.execute(db);
  }
}
