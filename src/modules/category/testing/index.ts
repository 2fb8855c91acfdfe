import type { Db } from '../../../platform/db/tables.ts';
import { tables } from '../category.tables.ts';

/** The enterprise has chosen 01-02 (软件开发/运营), and the operator approved it or it is under review. */
export async function setCategory(db: Db, corpId: string, status: 'approved' | 'review', now: number): Promise<void> {
  const values = { code: '01-02', status, chosen_by_name: '测试', chosen_at: now, reviewed_at: status === 'approved' ? now : null, review_note: null, approved_code: status === 'approved' ? '01-02' : null, approved_at: status === 'approved' ? now : null };
  await tables(db)
    .insertInto('corp_categories')
    .values({ corp_id: corpId, ...values, version: 1 })
    .onConflict((oc) => oc.column('corp_id').doUpdateSet((eb) => ({ ...values, version: eb('corp_categories.version', '+', 1) })))
    .execute();
}
