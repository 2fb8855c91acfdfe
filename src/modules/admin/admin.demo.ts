import type { Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import type { DemoState } from '../../platform/module.ts';
import { devicesDemo } from '../devices/index.ts';
import { directoryDemo } from '../directory/index.ts';
import { bumpAdminStamp } from './admin.roles.ts';
import { tables } from './admin.tables.ts';

/**
 * The demo's 权限管理: an admin group over the first top-level department (approvals send right,
 * device binding), two of its members seated in it, and one ungrouped hierarchical admin over a
 * team with the attendance manage right and the front-desk attendance machine.
 */
export async function fillDemoAdmins(ctx: Ctx, state: DemoState): Promise<void> {
  const { corpId, now } = ctx;
  const { top, teamId } = directoryDemo(state);
  const [first, second, third] = top.memberIds;
  if (!first || !second || !third) return;
  const { frontDeskId } = devicesDemo(state);
  await bumpAdminStamp(ctx);
  const db = tables(ctx.trx);
  const groupId = newId('agrp', now);
  await db.insertInto('admin_groups').values({ corp_id: corpId, id: groupId, name: '业务管理组', created_at: now, updated_at: now }).execute();
  await db
    .insertInto('admin_rights')
    .values([
      { corp_id: corpId, holder_kind: 'group', holder_id: groupId, kind: 'department', target_id: top.id, level: null },
      { corp_id: corpId, holder_kind: 'group', holder_id: groupId, kind: 'app', target_id: 'approvals', level: 'send' },
      { corp_id: corpId, holder_kind: 'group', holder_id: groupId, kind: 'device_bind', target_id: '*', level: null },
      { corp_id: corpId, holder_kind: 'admin', holder_id: third, kind: 'department', target_id: teamId, level: null },
      { corp_id: corpId, holder_kind: 'admin', holder_id: third, kind: 'app', target_id: 'attendance', level: 'manage' },
      { corp_id: corpId, holder_kind: 'admin', holder_id: third, kind: 'device', target_id: frontDeskId, level: null },
    ])
    .execute();
  await db
    .insertInto('hierarchical_admins')
    .values([
      { corp_id: corpId, member_id: first, group_id: groupId, created_at: now, updated_at: now },
      { corp_id: corpId, member_id: second, group_id: groupId, created_at: now, updated_at: now },
      { corp_id: corpId, member_id: third, group_id: null, created_at: now, updated_at: now },
    ])
    .execute();
}
