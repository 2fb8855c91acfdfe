import type { Kysely } from 'kysely';

/** Callback settings per app, the deliveries of events to them and every attempt made. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('hooks_callbacks')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('aes_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('hooks_callbacks_pk', ['corp_id', 'app_id'])
    .execute();
  await db.schema
    .createTable('hooks_deliveries')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'integer')
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_at', 'bigint')
    .addColumn('last_code', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('delivered_at', 'bigint')
    .addPrimaryKeyConstraint('hooks_deliveries_pk', ['corp_id', 'id'])
    .addUniqueConstraint('hooks_deliveries_event', ['corp_id', 'target_kind', 'target_id', 'event_id'])
    .execute();
  await db.schema.createIndex('hooks_deliveries_target').on('hooks_deliveries').columns(['corp_id', 'target_kind', 'target_id', 'created_at']).execute();
  await db.schema
    .createTable('hooks_attempts')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('delivery_id', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('code', 'integer')
    .addColumn('error', 'text')
    .addPrimaryKeyConstraint('hooks_attempts_pk', ['corp_id', 'delivery_id', 'n'])
    .execute();
}
