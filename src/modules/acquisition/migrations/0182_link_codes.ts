import type { Kysely } from 'kysely';
import { routeUniqueColumn } from '../../../platform/db/schema-change.ts';

/** A link's public code → its enterprise (a reference table), for the public endpoint that has no enterprise. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await routeUniqueColumn(db, { table: 'acquisition_links', column: 'code', routes: 'acquisition_link_codes', idColumn: 'link_id' });
}
