import type { Ctx, ReadCtx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { authorizeApp, requireMember } from '../../platform/policy/index.ts';
import { AttendanceErrors } from './attendance.errors.ts';
import { tables } from './attendance.tables.ts';
import { FACE_THRESHOLD, faceDistance, type FaceKey } from './face.ts';

/** The descriptor is bound to its enterprise and member: a sealed face copied to another row does not open. */
const aadOf = (corpId: string, memberId: string) => `${corpId}/${memberId}`;

/**
 * 人脸录入 by the member themselves. Enrolment is unique (人脸录入具备唯一性): a face within the
 * threshold of another member's is refused. Enrolling again replaces one's own.
 */
export async function enrolFace(ctx: Ctx, key: FaceKey, descriptor: readonly number[]): Promise<void> {
  const member = requireMember(ctx);
  const others = await tables(ctx.trx).selectFrom('attendance_faces').select(['member_id', 'sealed']).where('corp_id', '=', ctx.corpId).where('member_id', '!=', member.id).execute();
  if (others.some((o) => faceDistance(key.open(o.sealed, aadOf(ctx.corpId, o.member_id)), descriptor) <= FACE_THRESHOLD)) throw new DomainError(AttendanceErrors['attendance.face_taken']);
  const sealed = key.seal(descriptor, aadOf(ctx.corpId, member.id));
  await tables(ctx.trx)
    .insertInto('attendance_faces')
    .values({ corp_id: ctx.corpId, member_id: member.id, sealed, enrolled_at: ctx.now })
    .onConflict((oc) => oc.columns(['corp_id', 'member_id']).doUpdateSet({ sealed, enrolled_at: ctx.now }))
    .execute();
  await audit(ctx, { action: 'attendance.face_enrol', target: { type: 'member', id: member.id } });
}

/** Every clock-in under a face rule needs a passing check against the member's enrolled face. */
export async function checkFace(ctx: Ctx, key: FaceKey, memberId: string, descriptor: readonly number[] | undefined): Promise<'pass'> {
  const row = await tables(ctx.trx).selectFrom('attendance_faces').select('sealed').where('corp_id', '=', ctx.corpId).where('member_id', '=', memberId).executeTakeFirst();
  if (!row) throw new DomainError(AttendanceErrors['attendance.face_not_enrolled']);
  if (!descriptor) throw new DomainError(AttendanceErrors['attendance.face_required']);
  if (faceDistance(key.open(row.sealed, aadOf(ctx.corpId, memberId)), descriptor) > FACE_THRESHOLD) throw new DomainError(AttendanceErrors['attendance.face_mismatch']);
  return 'pass';
}

/** Whether the member has enrolled a face (never the face itself). */
export async function myFace(ctx: ReadCtx): Promise<{ enrolled: boolean }> {
  const member = requireMember(ctx);
  const row = await tables(ctx.trx).selectFrom('attendance_faces').select('member_id').where('corp_id', '=', ctx.corpId).where('member_id', '=', member.id).executeTakeFirst();
  return { enrolled: row !== undefined };
}

/**
 * 防作弊管理 at a glance: 已设置人脸识别的打卡规则 N / 未设置 M, and per rule which of the device limit,
 * face, photo, Wi-Fi and machines it uses.
 */
export async function antiCheat(ctx: ReadCtx) {
  await authorizeApp(ctx, 'attendance', 'manage');
  const rows = await tables(ctx.trx)
    .selectFrom('attendance_rules')
    .select(['id', 'name', 'face', 'photo', 'wifi_json', 'machines', 'device_limit', 'over_limit'])
    .where('corp_id', '=', ctx.corpId)
    .orderBy('id')
    .execute();
  const rules = rows.map((r) => ({
    id: r.id,
    name: r.name,
    face: r.face === 1,
    photo: r.photo === 1,
    wifi: r.wifi_json !== '[]',
    machines: r.machines === 1,
    usualDeviceLimit: r.device_limit,
    overLimit: r.over_limit,
  }));
  return { faceRules: rules.filter((r) => r.face).length, noFaceRules: rules.filter((r) => !r.face).length, rules };
}
