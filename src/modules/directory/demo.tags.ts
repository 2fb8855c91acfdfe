import type { TxCtx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';

/**
 * The demo enterprise's tags (标签): 管理层 holds every department head, 技术团队 holds the 研发中心
 * department (so its whole subtree), 党员 a handful of members, 新员工 none yet.
 */
export async function addDemoTags(ctx: TxCtx): Promise<void> {
  const { corpId, trx, now } = ctx;
  const tag = async (name: string) => {
    const id = newId('tag', now);
    await trx.insertInto('tags').values({ corp_id: corpId, id, name, created_at: now, updated_at: now }).execute();
    return id;
  };
  const managers = await tag('管理层');
  const heads = await trx.selectFrom('department_heads').select('member_id').distinct().where('corp_id', '=', corpId).execute();
  if (heads.length > 0) await trx.insertInto('tag_members').values(heads.map((h) => ({ corp_id: corpId, tag_id: managers, member_id: h.member_id }))).execute();
  const tech = await tag('技术团队');
  const rd = await trx.selectFrom('departments').select('id').where('corp_id', '=', corpId).where('name', '=', '研发中心').executeTakeFirst();
  if (rd) await trx.insertInto('tag_departments').values({ corp_id: corpId, tag_id: tech, department_id: rd.id }).execute();
  const party = await tag('党员');
  const some = await trx.selectFrom('members').select('id').where('corp_id', '=', corpId).orderBy('userid').limit(12).execute();
  const chosen = some.filter((_, i) => i % 3 === 1);
  if (chosen.length > 0) await trx.insertInto('tag_members').values(chosen.map((m) => ({ corp_id: corpId, tag_id: party, member_id: m.id }))).execute();
  await tag('新员工');
}
