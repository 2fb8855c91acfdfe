import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('attendance_rules')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('work_days', 'text', (c) => c.notNull())
    .addColumn('shift_start', 'integer', (c) => c.notNull())
    .addColumn('shift_end', 'integer', (c) => c.notNull())
    .addColumn('late_grace', 'integer', (c) => c.notNull())
    .addColumn('early_grace', 'integer', (c) => c.notNull())
    .addColumn('holidays_json', 'text', (c) => c.notNull())
    .addColumn('places_json', 'text', (c) => c.notNull())
    .addColumn('wifi_json', 'text', (c) => c.notNull())
    .addColumn('photo', 'integer', (c) => c.notNull())
    .addColumn('machines', 'integer', (c) => c.notNull())
    .addColumn('device_limit', 'integer', (c) => c.notNull())
    .addColumn('over_limit', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('attendance_rules_pk', ['corp_id', 'id'])
    .execute();
  await db.schema
    .createTable('attendance_rule_targets')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('attendance_rule_targets_pk', ['corp_id', 'rule_id', 'kind', 'target_id'])
    .execute();
  // Resolving a member's rule looks targets up by what they name.
  await db.schema.createIndex('attendance_rule_targets_target').on('attendance_rule_targets').columns(['corp_id', 'kind', 'target_id']).execute();
  await db.schema
    .createTable('attendance_clockins')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('rest_day', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('lat', 'text')
    .addColumn('lng', 'text')
    .addColumn('ssid', 'text')
    .addColumn('bssid', 'text')
    .addColumn('note', 'text')
    .addColumn('has_photo', 'integer', (c) => c.notNull())
    .addColumn('verdicts', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('attendance_clockins_pk', ['corp_id', 'id'])
    .execute();
  await db.schema.createIndex('attendance_clockins_member').on('attendance_clockins').columns(['corp_id', 'member_id', 'at']).execute();
  await db.schema.createIndex('attendance_clockins_day').on('attendance_clockins').columns(['corp_id', 'day', 'member_id']).execute();
  await db.schema
    .createTable('attendance_photos')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('clockin_id', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('data_base64', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('attendance_photos_pk', ['corp_id', 'clockin_id'])
    .execute();
  await db.schema
    .createTable('attendance_usual_devices')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('bound_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('attendance_usual_devices_pk', ['corp_id', 'rule_id', 'member_id', 'device_id'])
    .execute();
}
