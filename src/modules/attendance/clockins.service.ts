import type { Ctx, ReadCtx } from '../../platform/context.ts';
import { flag } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { MINUTE, toIso } from '../../platform/clock.ts';
import { authorizeApp, contactsScope, requireMember } from '../../platform/policy/index.ts';
import { AttendanceErrors } from './attendance.errors.ts';
import type { ClockInBodyValue, ClockInView } from './attendance.schema.ts';
import { prepared, tables, type AttendanceTables } from './attendance.tables.ts';
import { distanceM, evaluate, normaliseBssid, type Evaluation, type Verdict } from './evaluation.ts';
import { burnWatermark, captureTime, PHOTO_MAX_SKEW, watermarkText, type PhotoStore } from './photos.ts';
import { membersInScope } from '../directory/index.ts';
import type { FaceKey } from './face.ts';
import { checkFace } from './faces.service.ts';
import { ruleForMember, ruleOfRow, type Rule } from './rules.service.ts';

export type ClockInRow = AttendanceTables['attendance_clockins'];

export function clockInView(row: ClockInRow): ClockInView {
  return {
    id: row.id,
    memberId: row.member_id,
    ruleId: row.rule_id,
    at: toIso(row.at),
    day: row.day,
    kind: row.kind,
    restDay: row.rest_day === 1,
    source: row.source,
    deviceId: row.device_id,
    faceCheck: row.face_check,
    verdicts: JSON.parse(row.verdicts) as Verdict[],
    approvalId: row.approval_id,
  };
}

const usualDevicesQuery = prepared((db, p: { corpId: string; ruleId: string; memberId: string }) =>
  db.selectFrom('attendance_usual_devices').select(['device_id', 'slot']).where('corp_id', '=', p.corpId).where('rule_id', '=', p.ruleId).where('member_id', '=', p.memberId),
);

/**
 * 打卡常用设备数量: the first N devices a member clocks in from under the rule become usual. From
 * another device, a rule that says 需拍照备注 takes the clock-in with a photo and a note, marks it
 * 非常用设备 and does not make the device usual; otherwise the clock-in is refused.
 */
async function checkDevice(ctx: Ctx, rule: Rule, memberId: string, input: ClockInBodyValue): Promise<Verdict[]> {
  if (rule.deviceLimit === 0) return [];
  // A slot taken by a concurrent clock-in of the same member makes the insert do nothing; the next
  // read sees that clock-in's device, so the limit holds under any concurrency.
  for (let attempt = 0; attempt <= rule.deviceLimit; attempt++) {
    const usual = (await usualDevicesQuery.execute(ctx.trx, { corpId: ctx.corpId, ruleId: rule.id, memberId })).rows;
    if (usual.some((d) => d.device_id === input.deviceId)) return [];
    const taken = new Set(usual.map((d) => d.slot));
    const slot = Array.from({ length: rule.deviceLimit }, (_, i) => i + 1).find((s) => !taken.has(s));
    if (slot === undefined) break;
    const inserted = await tables(ctx.trx)
      .insertInto('attendance_usual_devices')
      .values({ corp_id: ctx.corpId, rule_id: rule.id, member_id: memberId, device_id: input.deviceId, slot, bound_at: ctx.now })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return [];
  }
  if (rule.overLimit === 'refuse') throw new DomainError(AttendanceErrors['attendance.device_not_usual'], { deviceId: input.deviceId, limit: rule.deviceLimit });
  if (!input.photo || !input.note) throw new DomainError(AttendanceErrors['attendance.photo_note_required'], { deviceId: input.deviceId });
  return ['非常用设备'];
}

export interface StoredPhoto {
  digest: string;
}

/** The photo's place on the watermark: the rule's place it was taken in, else the rule's Wi-Fi it was on, else the coordinates. */
function placeName(rule: Rule, input: ClockInBodyValue): string {
  const { lat, lng, wifi } = input;
  const place = lat !== undefined && lng !== undefined ? rule.places.find((p) => distanceM(p, { lat, lng }) <= p.radiusM) : undefined;
  if (place) return place.name;
  const network = wifi && rule.wifi.find((w) => w.ssid === wifi.ssid && w.bssid === normaliseBssid(wifi.bssid));
  if (network) return network.ssid;
  return lat !== undefined && lng !== undefined ? `${lat.toFixed(6)},${lng.toFixed(6)}` : '';
}

/**
 * Before the clock-in's transaction (the image work is slow): a rule that requires a photo takes one
 * only with an EXIF capture time within PHOTO_MAX_SKEW of the server's; the photo gets its watermark
 * of place and server time, keeps that capture time, and is stored as a file.
 */
export async function storePhoto(ctx: ReadCtx, store: PhotoStore, input: ClockInBodyValue): Promise<StoredPhoto | undefined> {
  if (!input.photo) return undefined;
  const member = requireMember(ctx);
  const row = await ruleForMember(ctx.trx, ctx.corpId, member.id);
  if (!row) throw new DomainError(AttendanceErrors['attendance.no_rule']);
  const rule = ruleOfRow(row);
  const bytes = Buffer.from(input.photo.dataBase64, 'base64');
  const taken = await captureTime(bytes);
  if (rule.photo) {
    if (taken === undefined) throw new DomainError(AttendanceErrors['attendance.photo_not_camera']);
    if (Math.abs(ctx.now - taken.at) > PHOTO_MAX_SKEW) throw new DomainError(AttendanceErrors['attendance.photo_stale'], { takenAt: toIso(taken.at), maxMinutes: PHOTO_MAX_SKEW / MINUTE });
  }
  let marked: Buffer;
  try {
    marked = await burnWatermark(bytes, watermarkText(placeName(rule, input), ctx.now), taken);
  } catch {
    throw new DomainError(AttendanceErrors['attendance.photo_unreadable']);
  }
  return { digest: await store.put(marked) };
}

/** The photo of a clock-in: the member's own, or for admins with manage on 打卡 a member's in their contacts rights. */
export async function clockInPhoto(ctx: ReadCtx, store: PhotoStore, clockInId: string): Promise<{ contentType: string; bytes: Buffer }> {
  const clockin = await tables(ctx.trx).selectFrom('attendance_clockins').select('member_id').where('corp_id', '=', ctx.corpId).where('id', '=', clockInId).executeTakeFirst();
  const own = clockin !== undefined && ctx.actor.kind === 'member' && ctx.actor.id === clockin.member_id;
  if (!own) {
    await authorizeApp(ctx, 'attendance', 'manage');
    if (!clockin || (await membersInScope(ctx.trx, ctx.corpId, await contactsScope(ctx), [clockin.member_id])).length === 0) throw new DomainError(AttendanceErrors['attendance.clockin_not_found'], { clockInId });
  }
  const photo = await tables(ctx.trx).selectFrom('attendance_photos').select(['content_type', 'data_base64', 'digest']).where('corp_id', '=', ctx.corpId).where('clockin_id', '=', clockInId).executeTakeFirst();
  if (!photo) throw new DomainError(AttendanceErrors['attendance.clockin_not_found'], { clockInId, photo: false });
  return { contentType: photo.content_type, bytes: photo.digest ? await store.get(photo.digest) : Buffer.from(photo.data_base64, 'base64') };
}

/** A clock-in row at `now` with its evaluation; `reported` says where it came from and what the device sent. */
export function clockInRow(
  corpId: string,
  now: number,
  memberId: string,
  ruleId: string,
  evaluation: Evaluation,
  verdicts: readonly Verdict[],
  reported: Pick<ClockInRow, 'source' | 'device_id' | 'lat' | 'lng' | 'ssid' | 'bssid' | 'note' | 'has_photo' | 'face_check'>,
): ClockInRow {
  return { corp_id: corpId, id: newId('atc', now), member_id: memberId, rule_id: ruleId, at: now, day: evaluation.local.day, kind: evaluation.kind, rest_day: flag(evaluation.restDay), verdicts: JSON.stringify(verdicts), approval_id: null, ...reported };
}

/** The clock-in row, every column named (the hot path of 打卡: compiled once). */
const insertClockInQuery = prepared((db, p: ClockInRow) =>
  db.insertInto('attendance_clockins').values({
    corp_id: p.corp_id,
    id: p.id,
    member_id: p.member_id,
    rule_id: p.rule_id,
    at: p.at,
    day: p.day,
    kind: p.kind,
    rest_day: p.rest_day,
    source: p.source,
    device_id: p.device_id,
    lat: p.lat,
    lng: p.lng,
    ssid: p.ssid,
    bssid: p.bssid,
    note: p.note,
    has_photo: p.has_photo,
    verdicts: p.verdicts,
    face_check: p.face_check,
    approval_id: p.approval_id,
  }),
);

/** A member's clock-in from their phone or browser, at the server's time; the verdicts say what was off. */
export async function clockIn(ctx: Ctx, key: FaceKey, input: ClockInBodyValue, photo: StoredPhoto | undefined): Promise<ClockInView> {
  const member = requireMember(ctx);
  const row = await ruleForMember(ctx.trx, ctx.corpId, member.id);
  if (!row) throw new DomainError(AttendanceErrors['attendance.no_rule']);
  const rule = ruleOfRow(row);
  if (rule.photo && !photo) throw new DomainError(AttendanceErrors['attendance.photo_required']);
  const faceCheck = rule.face ? await checkFace(ctx, key, member.id, input.face) : null;
  const evaluation = evaluate(rule, ctx.now, input);
  const verdicts = [...evaluation.verdicts, ...(await checkDevice(ctx, rule, member.id, input))];
  const clockin = clockInRow(ctx.corpId, ctx.now, member.id, rule.id, evaluation, verdicts, {
    source: 'phone',
    device_id: input.deviceId,
    lat: input.lat === undefined ? null : String(input.lat),
    lng: input.lng === undefined ? null : String(input.lng),
    ssid: input.wifi?.ssid ?? null,
    bssid: input.wifi ? normaliseBssid(input.wifi.bssid) : null,
    note: input.note ?? null,
    has_photo: flag(photo !== undefined),
    face_check: faceCheck,
  });
  await insertClockInQuery.execute(ctx.trx, clockin);
  if (photo) await tables(ctx.trx).insertInto('attendance_photos').values({ corp_id: ctx.corpId, clockin_id: clockin.id, content_type: 'image/jpeg', data_base64: '', digest: photo.digest }).execute();
  return clockInView(clockin);
}

/** The member's own clock-ins of one Shanghai day, in order. */
export async function myClockIns(ctx: ReadCtx, day: string): Promise<ClockInView[]> {
  const member = requireMember(ctx);
  const rows = await tables(ctx.trx).selectFrom('attendance_clockins').selectAll().where('corp_id', '=', ctx.corpId).where('member_id', '=', member.id).where('day', '=', day).orderBy('at').orderBy('id').execute();
  return rows.map(clockInView);
}
