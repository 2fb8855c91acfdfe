import { sql, type Kysely } from 'kysely';
import { replacePrimaryKey } from '../schema-change.ts';

/**
 * The outbox keyed by (corp_id, id) and its receipts by (corp_id, handler, event_id), so both can be
 * distributed by corp_id with the enterprise's other tables and an enterprise's events are delivered
 * in a transaction on its own node. Receipts of an existing database take their event's enterprise
 * ('' when the event is gone: such a receipt is never looked at again).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await replacePrimaryKey(db, 'outbox', 'outbox_pk', ['corp_id', 'id']);
  await db.schema.createIndex('outbox_corp_pending').on('outbox').columns(['corp_id', 'delivered_at', 'available_at']).execute();
  await db.schema.alterTable('outbox_receipts').addColumn('corp_id', 'text', (c) => c.notNull().defaultTo('')).execute();
  await sql`update outbox_receipts set corp_id = coalesce((select o.corp_id from outbox o where o.id = outbox_receipts.event_id), '')`.execute(db);
  await replacePrimaryKey(db, 'outbox_receipts', 'outbox_receipts_pk', ['corp_id', 'handler', 'event_id']);
}
