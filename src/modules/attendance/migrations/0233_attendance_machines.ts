import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('attendance_machines')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('clock_in', 'integer', (c) => c.notNull())
    .addColumn('door', 'integer', (c) => c.notNull())
    .addColumn('range_json', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('attendance_machines_pk', ['corp_id', 'device_id'])
    .execute();
  await db.schema
    .createTable('attendance_machine_punches')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('punch_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('clockin_id', 'text')
    // The machine's punch id, once per machine: a replayed batch writes nothing new.
    .addPrimaryKeyConstraint('attendance_machine_punches_pk', ['corp_id', 'device_id', 'punch_id'])
    .execute();
  await db.schema.createIndex('attendance_machine_punches_at').on('attendance_machine_punches').columns(['corp_id', 'device_id', 'at']).execute();
  await db.schema
    .createTable('attendance_door_access')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('attendance_door_access_pk', ['corp_id', 'id'])
    .execute();
  await db.schema.createIndex('attendance_door_access_member').on('attendance_door_access').columns(['corp_id', 'member_id', 'at']).execute();
}
