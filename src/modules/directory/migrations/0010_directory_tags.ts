import type { Kysely } from 'kysely';

/** 标签: named labels holding members and departments (a department's holders include its subtree). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tags')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('tags_pk', ['corp_id', 'id'])
    .addUniqueConstraint('tags_name', ['corp_id', 'name'])
    .execute();

  await db.schema
    .createTable('tag_members')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('tag_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('tag_members_pk', ['corp_id', 'tag_id', 'member_id'])
    .execute();
  await db.schema.createIndex('tag_members_member').on('tag_members').columns(['corp_id', 'member_id']).execute();

  await db.schema
    .createTable('tag_departments')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('tag_id', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('tag_departments_pk', ['corp_id', 'tag_id', 'department_id'])
    .execute();
  await db.schema.createIndex('tag_departments_department').on('tag_departments').columns(['corp_id', 'department_id']).execute();
}
