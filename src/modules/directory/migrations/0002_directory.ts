import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('departments')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    // null only for the enterprise's root department.
    .addColumn('parent_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    // Materialised path of ids, `/dept_root/dept_a/`: a subtree is one prefix match.
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('departments_pk', ['corp_id', 'id'])
    .execute();
  await db.schema.createIndex('departments_parent').on('departments').columns(['corp_id', 'parent_id', 'sort_order']).execute();
  await db.schema.createIndex('departments_path').on('departments').columns(['corp_id', 'path']).execute();

  await db.schema
    .createTable('members')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text')
    .addColumn('userid', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // Pinyin initials and full pinyin of the name, for search: 张三 → "zs", "zhangsan".
    .addColumn('name_initials', 'text', (c) => c.notNull())
    .addColumn('name_pinyin', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('position', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('main_department_id', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'bigint', (c) => c.notNull())
    .addColumn('departed_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('members_pk', ['corp_id', 'id'])
    .addUniqueConstraint('members_userid', ['corp_id', 'userid'])
    .execute();
  await db.schema.createIndex('members_account').on('members').columns(['account_id', 'corp_id']).execute();

  await db.schema
    .createTable('member_departments')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('member_departments_pk', ['corp_id', 'member_id', 'department_id'])
    .execute();
  await db.schema.createIndex('member_departments_dept').on('member_departments').columns(['corp_id', 'department_id', 'member_id']).execute();

  await db.schema
    .createTable('department_heads')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('department_heads_pk', ['corp_id', 'department_id', 'member_id'])
    .execute();
}
