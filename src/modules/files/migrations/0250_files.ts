import type { Kysely } from 'kysely';

/** The file store and the records 文件防泄漏 keeps of confidential files. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('files')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('confidential', 'integer', (c) => c.notNull())
    .addColumn('forwarded_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('files_pk', ['corp_id', 'id'])
    .execute();
  await db.schema.createIndex('files_owner').on('files').columns(['corp_id', 'owner_id', 'id']).execute();
  await db.schema
    .createTable('files_records')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_member_id', 'text')
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('files_records_pk', ['corp_id', 'id'])
    .execute();
  await db.schema.createIndex('files_records_time').on('files_records').columns(['corp_id', 'occurred_at']).execute();
  await db.schema.createIndex('files_records_member').on('files_records').columns(['corp_id', 'member_id', 'id']).execute();
}
