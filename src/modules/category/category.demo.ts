import type { Ctx } from '../../platform/context.ts';
import { tables } from './category.tables.ts';

/** The demo enterprise has chosen 软件开发/运营, and the operator has approved it. */
export async function fillDemoCategory(ctx: Ctx): Promise<void> {
  await tables(ctx.trx)
    .insertInto('corp_categories')
    .values({ corp_id: ctx.corpId, code: '01-02', status: 'approved', chosen_by_name: '林森', chosen_at: ctx.now, reviewed_at: ctx.now, review_note: null, approved_code: '01-02', approved_at: ctx.now, version: 1 })
    .execute();
}
