import type { Kysely } from 'kysely';
import { routeUniqueColumn } from '../../../platform/db/schema-change.ts';

/** A bearer token's digest → its enterprise (a reference table), so api_tokens is keyed by enterprise alone. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await routeUniqueColumn(db, { table: 'api_tokens', column: 'token_hash', routes: 'api_token_routes', idColumn: 'token_id' });
}
