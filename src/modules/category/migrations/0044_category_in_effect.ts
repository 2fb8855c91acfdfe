import { sql, type Kysely } from 'kysely';

/**
 * The approved category stays in effect while a change to another one is reviewed: the row keeps
 * it beside the pending choice. An approved row today is its own category in effect.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('corp_categories').addColumn('approved_code', 'text').execute();
  await db.schema.alterTable('corp_categories').addColumn('approved_at', 'bigint').execute();
  await sql`update corp_categories set approved_code = code, approved_at = reviewed_at where status = 'approved'`.execute(db);
}
