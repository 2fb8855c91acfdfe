import type { Ctx, ReadCtx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { toIso } from '../../platform/clock.ts';
import { authorizeApp } from '../../platform/policy/index.ts';
import { AttendanceErrors } from './attendance.errors.ts';
import { tables } from './attendance.tables.ts';

/** 成员常用设备管理: only the admin who created the rule (and still holds manage on 打卡) sees and unbinds them. */
async function authorizeRuleCreator(ctx: ReadCtx, ruleId: string): Promise<void> {
  await authorizeApp(ctx, 'attendance', 'manage');
  const rule = await tables(ctx.trx).selectFrom('attendance_rules').select('created_by').where('corp_id', '=', ctx.corpId).where('id', '=', ruleId).executeTakeFirst();
  if (!rule) throw new DomainError(AttendanceErrors['attendance.rule_not_found'], { ruleId });
  if (rule.created_by !== ctx.actor.id) throw new DomainError(AttendanceErrors['attendance.not_rule_creator'], { ruleId });
}

export async function listUsualDevices(ctx: ReadCtx, ruleId: string): Promise<{ memberId: string; deviceId: string; boundAt: string }[]> {
  await authorizeRuleCreator(ctx, ruleId);
  const rows = await tables(ctx.trx)
    .selectFrom('attendance_usual_devices')
    .select(['member_id', 'device_id', 'bound_at'])
    .where('corp_id', '=', ctx.corpId)
    .where('rule_id', '=', ruleId)
    .orderBy('member_id')
    .orderBy('bound_at')
    .orderBy('device_id')
    .execute();
  return rows.map((r) => ({ memberId: r.member_id, deviceId: r.device_id, boundAt: toIso(r.bound_at) }));
}

/** After an unbind the member's next new device becomes usual on its next clock-in. */
export async function unbindUsualDevice(ctx: Ctx, input: { ruleId: string; memberId: string; deviceId: string }): Promise<void> {
  await authorizeRuleCreator(ctx, input.ruleId);
  const deleted = await tables(ctx.trx)
    .deleteFrom('attendance_usual_devices')
    .where('corp_id', '=', ctx.corpId)
    .where('rule_id', '=', input.ruleId)
    .where('member_id', '=', input.memberId)
    .where('device_id', '=', input.deviceId)
    .executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 0) throw new DomainError(AttendanceErrors['attendance.usual_device_not_found'], input);
  await audit(ctx, { action: 'attendance.usual_device_unbind', target: { type: 'attendance_rule', id: input.ruleId }, before: { memberId: input.memberId, deviceId: input.deviceId } });
}
