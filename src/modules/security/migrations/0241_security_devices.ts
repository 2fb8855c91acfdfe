import type { Kysely } from 'kysely';

/** 设备管理: the members' devices and every sign-in attempt from them. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('security_devices')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('device_key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'bigint')
    .addColumn('last_sign_in_at', 'bigint')
    .addPrimaryKeyConstraint('security_devices_pk', ['corp_id', 'id'])
    // One row per member and device: two first sign-ins at once record it once.
    .addUniqueConstraint('security_devices_key', ['corp_id', 'member_id', 'device_key'])
    .execute();
  await db.schema
    .createTable('security_device_sign_ins')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('session_hash', 'text')
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('signed_in_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('security_device_sign_ins_pk', ['corp_id', 'id'])
    .execute();
  await db.schema.createIndex('security_device_sign_ins_device').on('security_device_sign_ins').columns(['corp_id', 'device_id', 'id']).execute();
}
