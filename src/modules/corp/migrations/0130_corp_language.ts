import type { Kysely } from 'kysely';

/** The language the enterprise writes to its people in (invitation and reset mail): zh-CN unless set to en. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('corps').addColumn('language', 'text', (c) => c.notNull().defaultTo('zh-CN')).execute();
}
