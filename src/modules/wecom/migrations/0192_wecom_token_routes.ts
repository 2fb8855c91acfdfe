import { sql, type Kysely } from 'kysely';
import { dropColumnUnique } from '../../../platform/db/schema-change.ts';

/**
 * An access token's digest → its enterprise (a reference table), the one lookup made before the
 * enterprise is known; wecom_tokens keeps its digest unique per enterprise only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('wecom_token_routes')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into wecom_token_routes (token_hash, corp_id) select token_hash, corp_id from wecom_tokens`.execute(db);
  await dropColumnUnique(db, 'wecom_tokens', 'token_hash');
  await db.schema.createIndex('wecom_tokens_token_hash').on('wecom_tokens').columns(['corp_id', 'token_hash']).unique().execute();
}
