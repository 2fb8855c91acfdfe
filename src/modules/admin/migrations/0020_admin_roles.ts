import type { Kysely } from 'kysely';

/**
 * Hierarchical admins (分级管理员), admin groups (管理组), their rights, and the per-enterprise
 * admin stamp every request reads to know whether its cached picture of the admins is current.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('admin_groups')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('admin_groups_pk', ['corp_id', 'id'])
    .addUniqueConstraint('admin_groups_name', ['corp_id', 'name'])
    .execute();

  await db.schema
    .createTable('hierarchical_admins')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    // At most one group, or none: one nullable column makes "two groups" unrepresentable.
    .addColumn('group_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('hierarchical_admins_pk', ['corp_id', 'member_id'])
    .execute();
  await db.schema.createIndex('hierarchical_admins_group').on('hierarchical_admins').columns(['corp_id', 'group_id']).execute();

  // One right per row, held by a group (shared by its members, never copied) or by one admin.
  // kind: 'department' (target = department id), 'app' (target = app id, level send|manage),
  // 'device_bind' (target = '*'), 'device' (target = device id).
  await db.schema
    .createTable('admin_rights')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('holder_kind', 'text', (c) => c.notNull())
    .addColumn('holder_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('level', 'text')
    .addPrimaryKeyConstraint('admin_rights_pk', ['corp_id', 'holder_kind', 'holder_id', 'kind', 'target_id'])
    .execute();

  // Changed (to a fresh random value) in the transaction of every admin change; see authorizer.ts.
  await db.schema
    .createTable('admin_stamps')
    .addColumn('corp_id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('stamp', 'text', (c) => c.notNull())
    .execute();
}
