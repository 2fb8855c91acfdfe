import type { Kysely } from 'kysely';
import type { Tx } from '../../../platform/db/tables.ts';
import { writeNameGrams } from '../name-grams.ts';
import { tables } from '../directory.tables.ts';

/** The pieces of every member's name (see `name-grams.ts`), for Chinese name search without a scan. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('member_name_grams')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('gram', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('member_name_grams_pk', ['corp_id', 'gram', 'member_id'])
    .execute();
  await db.schema.createIndex('member_name_grams_member').on('member_name_grams').columns(['corp_id', 'member_id']).execute();
  const trx = db as unknown as Tx;
  const members = await tables(trx).selectFrom('members').select(['corp_id', 'id', 'name']).orderBy('corp_id').execute();
  const byCorp = new Map<string, { id: string; name: string }[]>();
  for (const m of members) byCorp.set(m.corp_id, [...(byCorp.get(m.corp_id) ?? []), m]);
  for (const [corpId, list] of byCorp) await writeNameGrams(trx, corpId, list);
}
