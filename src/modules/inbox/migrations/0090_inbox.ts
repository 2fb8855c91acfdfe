import type { Kysely } from 'kysely';

/** Members' inbox messages. `if not exists`: databases made before the modules owned their migrations have it. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('inbox_messages')
    .ifNotExists()
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('app', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    // Set by producers that may run twice (an alert per period, a to-do per task).
    .addColumn('dedupe_key', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('read_at', 'bigint')
    .addPrimaryKeyConstraint('inbox_messages_pk', ['corp_id', 'id'])
    .addUniqueConstraint('inbox_messages_dedupe', ['corp_id', 'dedupe_key'])
    .execute();
  await db.schema.createIndex('inbox_member').ifNotExists().on('inbox_messages').columns(['corp_id', 'member_id', 'id']).execute();
}
