import type { Db } from '../../../platform/db/tables.ts';
import { tables } from '../corp.tables.ts';

/** Certifies an enterprise until `until` (null: not certified), as the operator's review would. */
export async function certifyUntil(db: Db, corpId: string, until: number | null): Promise<void> {
  await tables(db).updateTable('corps').set({ certified_until: until }).where('id', '=', corpId).execute();
}
