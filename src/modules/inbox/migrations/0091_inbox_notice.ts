import type { Kysely } from 'kysely';

/**
 * What the console translates of a notice (`NoticeText`: its key and the values it names, as JSON);
 * null for messages an app sent, which are shown as written.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('inbox_messages').addColumn('notice_key', 'text').execute();
  await db.schema.alterTable('inbox_messages').addColumn('notice_params', 'text').execute();
}
