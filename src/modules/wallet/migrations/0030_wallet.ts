import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/** The enterprise wallet: balance, fund ledger with double entries, top-ups, orders, rules, invoices. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('wallets')
    .addColumn('corp_id', 'text', (c) => c.primaryKey())
    .addColumn('balance', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('consumed', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('invoiced', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('alert_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('alert_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('alert_frequency', 'text', (c) => c.notNull().defaultTo('daily'))
    .addColumn('alert_recipients_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('auto_deduct_acquisition', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    // The database itself refuses an overdraft, whatever a bug in the code might try.
    .addCheckConstraint('wallets_balance_nonnegative', sql`balance >= 0`)
    .addCheckConstraint('wallets_invoiced_within_consumed', sql`invoiced <= consumed`)
    .execute();

  await db.schema
    .createTable('wallet_txns')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('serial_no', 'text', (c) => c.notNull().unique())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('item', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('balance_after', 'bigint', (c) => c.notNull())
    .addColumn('order_id', 'text')
    .addColumn('invoice_state', 'text', (c) => c.notNull())
    .addColumn('invoice_id', 'text')
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('wallet_txns_pk', ['corp_id', 'id'])
    .addUniqueConstraint('wallet_txns_seq', ['corp_id', 'seq'])
    .execute();
  await db.schema.createIndex('wallet_txns_time').on('wallet_txns').columns(['corp_id', 'created_at']).execute();
  await db.schema.createIndex('wallet_txns_order').on('wallet_txns').columns(['corp_id', 'order_id']).execute();

  await db.schema
    .createTable('wallet_entries')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('txn_id', 'text', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('wallet_entries_pk', ['corp_id', 'txn_id', 'line'])
    .execute();

  await db.schema
    .createTable('wallet_topups')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.unique())
    .addColumn('order_id', 'text')
    .addColumn('pending_reason', 'text')
    .addColumn('channel_trade_no', 'text', (c) => c.unique())
    .addColumn('payer_name', 'text')
    .addColumn('txn_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('paid_at', 'bigint')
    .addPrimaryKeyConstraint('wallet_topups_pk', ['corp_id', 'id'])
    .execute();
  await db.schema.createIndex('wallet_topups_status').on('wallet_topups').columns(['status', 'channel', 'id']).execute();

  await db.schema
    .createTable('wallet_orders')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('paid_by', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('txn_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('paid_at', 'bigint')
    .addColumn('refunded_at', 'bigint')
    .addPrimaryKeyConstraint('wallet_orders_pk', ['corp_id', 'id'])
    .execute();
  await db.schema.createIndex('wallet_orders_status').on('wallet_orders').columns(['corp_id', 'status', 'id']).execute();

  await db.schema
    .createTable('wallet_spending_rules')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('member_ids_json', 'text', (c) => c.notNull())
    .addColumn('items_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('wallet_spending_rules_pk', ['corp_id', 'id'])
    .execute();

  await db.schema
    .createTable('wallet_invoices')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text')
    .addColumn('range_from', 'bigint')
    .addColumn('range_to', 'bigint')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('service_name', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('tax_rate_percent', 'integer', (c) => c.notNull())
    .addColumn('tax', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('invoice_no', 'text')
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('issued_at', 'bigint')
    .addColumn('issued_by', 'text')
    .addPrimaryKeyConstraint('wallet_invoices_pk', ['corp_id', 'id'])
    .execute();
  await db.schema.createIndex('wallet_invoices_status').on('wallet_invoices').columns(['status', 'id']).execute();

  await db.schema
    .createTable('wallet_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}
