import { Type, type Static } from 'typebox';
import { IsoDateTime, StrictObject } from '../../platform/http/schemas.ts';

const IdParam = Type.String({ minLength: 1, maxLength: 40 });
const IdList = Type.Array(IdParam, { maxItems: 1000 });
const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, Asia/Shanghai' });
const Day = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', description: 'YYYY-MM-DD' });
const Grace = Type.Integer({ minimum: 0, maximum: 240 });
const Lat = Type.Number({ minimum: -90, maximum: 90 });
const Lng = Type.Number({ minimum: -180, maximum: 180 });
const Ssid = Type.String({ minLength: 1, maxLength: 32 });
/** A face descriptor as the device or browser computes it (face-api.js: 128 numbers). */
export const Descriptor = Type.Array(Type.Number({ minimum: -10, maximum: 10 }), { minItems: 128, maxItems: 128 });
/** A MAC address: six hex pairs separated by colons or dashes, any case. */
const Bssid = Type.String({ pattern: '^[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}$' });

export const RuleParams = StrictObject({ ruleId: IdParam });
export const UsualDeviceParams = StrictObject({ ruleId: IdParam, memberId: IdParam, deviceId: Type.String({ minLength: 1, maxLength: 64 }) });

const Members = StrictObject({ memberIds: IdList, departmentIds: IdList, tagIds: IdList });
const Shift = StrictObject({ start: Time, end: Time, lateGraceMinutes: Grace, earlyGraceMinutes: Grace });
const PlaceInput = StrictObject({ name: Type.String({ minLength: 1, maxLength: 60 }), lat: Lat, lng: Lng, radiusM: Type.Integer({ minimum: 10, maximum: 3000 }) });
const WifiInput = StrictObject({ ssid: Ssid, bssid: Bssid });

export const RuleInput = StrictObject({
  name: Type.String({ minLength: 1, maxLength: 40 }),
  members: Members,
  workDays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { maxItems: 7, uniqueItems: true }),
  shift: Shift,
  holidays: Type.Array(Day, { maxItems: 366, uniqueItems: true }),
  places: Type.Array(PlaceInput, { maxItems: 50 }),
  wifi: Type.Array(WifiInput, { maxItems: 50 }),
  photo: Type.Boolean(),
  face: Type.Boolean({ description: '人脸识别: every clock-in needs a passing face check' }),
  machines: Type.Boolean(),
  usualDeviceLimit: Type.Integer({ minimum: 0, maximum: 10, description: '打卡常用设备数量; 0: no limit' }),
  overLimit: Type.Union([Type.Literal('photo_note'), Type.Literal('refuse')], { description: '超出常用设备: 需拍照备注, or refuse' }),
  correctionsPerMonth: Type.Optional(Type.Integer({ minimum: 0, maximum: 31, description: '补卡: corrections a member may ask per month (default 5, as WeCom; 0: none); kept when absent on a replace' })),
});
export type RuleInputValue = Static<typeof RuleInput>;

export const RuleDto = Type.Object({
  id: Type.String(),
  name: Type.String(),
  members: Type.Object({ memberIds: Type.Array(Type.String()), departmentIds: Type.Array(Type.String()), tagIds: Type.Array(Type.String()) }),
  workDays: Type.Array(Type.Integer()),
  shift: Type.Object({ start: Type.String(), end: Type.String(), lateGraceMinutes: Type.Integer(), earlyGraceMinutes: Type.Integer() }),
  holidays: Type.Array(Type.String()),
  places: Type.Array(Type.Object({ name: Type.String(), lat: Type.Number(), lng: Type.Number(), radiusM: Type.Integer() })),
  wifi: Type.Array(Type.Object({ ssid: Type.String(), bssid: Type.String() })),
  photo: Type.Boolean(),
  face: Type.Boolean(),
  machines: Type.Boolean(),
  usualDeviceLimit: Type.Integer(),
  overLimit: Type.Union([Type.Literal('photo_note'), Type.Literal('refuse')]),
  correctionsPerMonth: Type.Integer(),
  createdBy: Type.String(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type RuleView = Static<typeof RuleDto>;

/** The member's own rule as their clock-in page shows it (not whom it covers nor who made it), and whether today is off. */
export const MyRuleDto = Type.Object({
  rule: Type.Union([Type.Omit(RuleDto, ['members', 'createdBy', 'createdAt', 'updatedAt']), Type.Null()]),
  day: Type.String({ description: 'Today in Asia/Shanghai' }),
  restDay: Type.Boolean({ description: 'Today is not a work day of the rule, or a holiday' }),
});
export type MyRuleView = Static<typeof MyRuleDto>;

const Verdicts = Type.Array(Type.Union([Type.Literal('时间异常'), Type.Literal('地点异常'), Type.Literal('wifi异常'), Type.Literal('非常用设备'), Type.Literal('未打卡')]));

/**
 * The largest clock-in photo, as a phone camera takes it (docs/decisions/att.md): sent as it is, its
 * EXIF capture time reaches the server. The web client's PHOTO_AS_IS_BYTES is the same number.
 */
const PHOTO_MAX_BYTES = 8_000_000;
const PHOTO_MAX_BASE64 = Math.ceil(PHOTO_MAX_BYTES / 3) * 4;

export const ClockInBody = StrictObject({
  deviceId: Type.String({ minLength: 1, maxLength: 64, description: 'The phone or browser install id' }),
  lat: Type.Optional(Lat),
  lng: Type.Optional(Lng),
  wifi: Type.Optional(WifiInput),
  note: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  face: Type.Optional(Descriptor),
  photo: Type.Optional(StrictObject({ contentType: Type.Union([Type.Literal('image/jpeg'), Type.Literal('image/png')]), dataBase64: Type.String({ minLength: 4, maxLength: PHOTO_MAX_BASE64, pattern: '^[A-Za-z0-9+/]+={0,2}$' }) })),
});
/** The clock-in route's body limit: the largest photo's base64 and room for the rest. */
export const CLOCK_IN_BODY_BYTES = PHOTO_MAX_BASE64 + 64 * 1024;
export type ClockInBodyValue = Static<typeof ClockInBody>;

export const ClockInDto = Type.Object({
  id: Type.String(),
  memberId: Type.String(),
  ruleId: Type.String(),
  at: IsoDateTime,
  day: Type.String(),
  kind: Type.Union([Type.Literal('in'), Type.Literal('out')]),
  restDay: Type.Boolean(),
  source: Type.Union([Type.Literal('phone'), Type.Literal('machine'), Type.Literal('correction')], { description: 'correction: written by an approved 补卡 request' }),
  deviceId: Type.String(),
  faceCheck: Type.Union([Type.Literal('pass'), Type.Null()]),
  verdicts: Verdicts,
  approvalId: Type.Union([Type.String(), Type.Null()], { description: 'The approved 补卡 request of a correction' }),
});
export type ClockInView = Static<typeof ClockInDto>;

export const DayQuery = StrictObject({ day: Day });
export const RangeQuery = StrictObject({ from: Day, to: Day });
export const SummaryDto = Type.Object({
  items: Type.Array(
    Type.Object({ memberId: Type.String(), name: Type.String(), late: Type.Integer(), early: Type.Integer(), missed: Type.Integer(), exceptions: Type.Integer(), corrected: Type.Integer({ description: '补卡: approved corrections, counted on time' }) }),
  ),
});

const PunchKindDto = Type.Union([Type.Literal('in'), Type.Literal('out')]);
export const CorrectionBody = StrictObject({
  day: Day,
  kind: PunchKindDto,
  reason: Type.String({ minLength: 1, maxLength: 200, description: '补卡事由' }),
  clockInId: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'The abnormal clock-in being corrected, when there is one' })),
});
export type CorrectionBodyValue = Static<typeof CorrectionBody>;
const CorrectionStatusDto = Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected'), Type.Literal('withdrawn')]);
export const CorrectionDto = Type.Object({
  id: Type.String(),
  memberId: Type.String(),
  day: Type.String(),
  kind: PunchKindDto,
  punchAt: IsoDateTime,
  reason: Type.String(),
  approvalId: Type.String(),
  status: CorrectionStatusDto,
  clockInId: Type.Union([Type.String(), Type.Null()]),
  createdAt: IsoDateTime,
});
export type CorrectionView = Static<typeof CorrectionDto>;
export const MonthQuery = StrictObject({ month: Type.Optional(Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM; default this month (Asia/Shanghai)' })) });
/** The member's records of a month: each day's 上班 and 下班 as it stands, with its correction. */
export const MyRecordsDto = Type.Object({
  month: Type.String(),
  corrections: Type.Object({ used: Type.Integer(), limit: Type.Integer({ description: 'Of the rule the member is under now' }) }),
  items: Type.Array(
    Type.Object({
      day: Type.String(),
      kind: PunchKindDto,
      /** The first 上班 or the last 下班 of the day; null when it was never made. */
      clockIn: Type.Union([ClockInDto, Type.Null()]),
      verdicts: Verdicts,
      correction: Type.Union([CorrectionDto, Type.Null()]),
    }),
  ),
});
export type MyRecordsView = Static<typeof MyRecordsDto>;

export const FaceBody = StrictObject({ descriptor: Descriptor });
export const AntiCheatDto = Type.Object({
  faceRules: Type.Integer({ description: '已设置人脸识别的打卡规则' }),
  noFaceRules: Type.Integer({ description: '未设置人脸识别的打卡规则' }),
  rules: Type.Array(
    Type.Object({ id: Type.String(), name: Type.String(), face: Type.Boolean(), photo: Type.Boolean(), wifi: Type.Boolean(), machines: Type.Boolean(), usualDeviceLimit: Type.Integer(), overLimit: Type.Union([Type.Literal('photo_note'), Type.Literal('refuse')]) }),
  ),
});

export const UsualDevicesDto = Type.Object({ items: Type.Array(Type.Object({ memberId: Type.String(), deviceId: Type.String(), boundAt: IsoDateTime })) });

const MachineRange = StrictObject({ memberIds: IdList, departmentIds: IdList, tagIds: IdList }, { description: '适用范围: the members who punch on this machine' });
export const MachineInput = StrictObject({
  clockIn: Type.Boolean({ description: '打卡: punches are clock-ins' }),
  door: Type.Boolean({ description: '门禁: punches open the door; both on is 配套使用, both off is refused' }),
  range: MachineRange,
});
export type MachineInputValue = Static<typeof MachineInput>;
export const NewMachineInput = StrictObject({
  name: Type.String({ minLength: 1, maxLength: 40 }),
  serial: Type.String({ minLength: 1, maxLength: 64 }),
  model: Type.String({ minLength: 1, maxLength: 40 }),
  clockIn: MachineInput.properties.clockIn,
  door: MachineInput.properties.door,
  range: MachineRange,
});
export const MachineParams = StrictObject({ deviceId: IdParam });
export const MachineDto = Type.Object({
  deviceId: Type.String(),
  name: Type.String(),
  serial: Type.String(),
  model: Type.String(),
  clockIn: Type.Boolean(),
  door: Type.Boolean(),
  range: Type.Object({ memberIds: Type.Array(Type.String()), departmentIds: Type.Array(Type.String()), tagIds: Type.Array(Type.String()) }),
  createdAt: IsoDateTime,
});
export type MachineView = Static<typeof MachineDto>;
export const MachineSecretDto = Type.Object({ secret: Type.String({ description: 'Shown this once; stored as its hash' }) });

/** At most 200 punches a batch; the time of each is the server's when the batch arrives. */
export const PunchBatch = StrictObject({
  corpId: IdParam,
  deviceId: IdParam,
  punches: Type.Array(StrictObject({ punchId: Type.String({ minLength: 1, maxLength: 64, description: "The machine's own id of the punch: sent again, it writes nothing new" }), memberId: IdParam }), { minItems: 1, maxItems: 200 }),
});
export type PunchBatchValue = Static<typeof PunchBatch>;
const Rejection = Type.Union([Type.Literal('out_of_range'), Type.Literal('no_rule'), Type.Literal('rule_without_machines')], { description: 'out_of_range: not in the machine\'s range; no_rule: under no clock-in rule; rule_without_machines: the rule does not use 考勤机' });
export const PunchResultDto = Type.Object({
  punchId: Type.String(),
  status: Type.Union([Type.Literal('accepted'), Type.Literal('rejected'), Type.Literal('duplicate')]),
  reason: Type.Optional(Rejection),
  clockInId: Type.Optional(Type.String()),
  verdicts: Type.Optional(Verdicts),
  accessId: Type.Optional(Type.String()),
});
export type PunchResult = Static<typeof PunchResultDto>;

export const MachinePunchDto = Type.Object({ punchId: Type.String(), memberId: Type.String(), at: IsoDateTime, status: Type.Union([Type.Literal('accepted'), Type.Literal('rejected')]), reason: Type.Union([Rejection, Type.Null()]), clockInId: Type.Union([Type.String(), Type.Null()]) });
export type MachinePunchView = Static<typeof MachinePunchDto>;
