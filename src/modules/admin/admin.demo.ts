import type { TxCtx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { bumpAdminStamp } from './authorizer.ts';

/**
 * The demo's 权限管理: an admin group over the first top-level department (approvals send right,
 * device binding), two of its members seated in it, and one ungrouped hierarchical admin over a
 * team with the attendance manage right. A front-desk attendance device is bound.
 */
export async function addDemoAdmins(ctx: TxCtx): Promise<void> {
  const { corpId, trx, now } = ctx;
  const top = await trx.selectFrom('departments').select(['id', 'path']).where('corp_id', '=', corpId).where('depth', '=', 1).orderBy('sort_order').executeTakeFirst();
  if (!top) return;
  const team = await trx.selectFrom('departments').select('id').where('corp_id', '=', corpId).where('depth', '=', 3).orderBy('path').executeTakeFirst();
  const members = await trx
    .selectFrom('member_departments as md')
    .innerJoin('departments as d', (j) => j.onRef('d.corp_id', '=', 'md.corp_id').onRef('d.id', '=', 'md.department_id'))
    .select('md.member_id')
    .where('md.corp_id', '=', corpId)
    .where('d.path', 'like', `${top.path}%`)
    .orderBy('md.member_id')
    .limit(3)
    .execute();
  if (members.length < 3) return;
  await bumpAdminStamp(ctx);
  const groupId = newId('agrp', now);
  await trx.insertInto('admin_groups').values({ corp_id: corpId, id: groupId, name: '业务管理组', created_at: now, updated_at: now }).execute();
  const deviceId = newId('dev', now);
  await trx.insertInto('devices').values({ corp_id: corpId, id: deviceId, name: '前台考勤机', serial: 'DEMO-0001', model: 'K1', bound_by: 'system', created_at: now, updated_at: now }).execute();
  await trx
    .insertInto('admin_rights')
    .values([
      { corp_id: corpId, holder_kind: 'group', holder_id: groupId, kind: 'department', target_id: top.id, level: null },
      { corp_id: corpId, holder_kind: 'group', holder_id: groupId, kind: 'app', target_id: 'approvals', level: 'send' },
      { corp_id: corpId, holder_kind: 'group', holder_id: groupId, kind: 'device_bind', target_id: '*', level: null },
      ...(team ? [{ corp_id: corpId, holder_kind: 'admin' as const, holder_id: members[2]!.member_id, kind: 'department' as const, target_id: team.id, level: null }] : []),
      { corp_id: corpId, holder_kind: 'admin', holder_id: members[2]!.member_id, kind: 'app', target_id: 'attendance', level: 'manage' },
      { corp_id: corpId, holder_kind: 'admin', holder_id: members[2]!.member_id, kind: 'device', target_id: deviceId, level: null },
    ])
    .execute();
  await trx
    .insertInto('hierarchical_admins')
    .values([
      { corp_id: corpId, member_id: members[0]!.member_id, group_id: groupId, created_at: now, updated_at: now },
      { corp_id: corpId, member_id: members[1]!.member_id, group_id: groupId, created_at: now, updated_at: now },
      { corp_id: corpId, member_id: members[2]!.member_id, group_id: null, created_at: now, updated_at: now },
    ])
    .execute();
}
