import type { Kysely } from 'kysely';
import { dropColumnUnique, routeUniqueColumn } from '../../../platform/db/schema-change.ts';

/**
 * Top-ups found without an enterprise (the operator's transfer confirmation and statement import by
 * transfer code, a payment channel's trade number) get routing tables (reference tables on Citus).
 * A ledger serial number is looked up only inside its enterprise: its unique index just gains corp_id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await routeUniqueColumn(db, { table: 'wallet_topups', column: 'code', routes: 'wallet_topup_codes', idColumn: 'topup_id' });
  await routeUniqueColumn(db, { table: 'wallet_topups', column: 'channel_trade_no', routes: 'wallet_trade_nos', idColumn: 'topup_id' });
  await dropColumnUnique(db, 'wallet_txns', 'serial_no');
  await db.schema.createIndex('wallet_txns_serial_no').on('wallet_txns').columns(['corp_id', 'serial_no']).unique().execute();
}
