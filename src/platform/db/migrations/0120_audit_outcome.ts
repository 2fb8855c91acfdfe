import type { Kysely } from 'kysely';

/**
 * Whether an audited action was done or refused: refused attempts at admin changes are recorded too
 * (who tried what on whom, why it was refused, from where), and the audit page filters on it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('outcome', 'text', (c) => c.notNull().defaultTo('done')).execute();
  await db.schema.createIndex('audit_log_corp_outcome').on('audit_log').columns(['corp_id', 'outcome', 'id']).execute();
}
