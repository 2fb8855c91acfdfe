import { preparedFor } from '../../platform/db/prepared.ts';
import { tableAccess, type Flag } from '../../platform/db/tables.ts';

export type TargetKind = 'member' | 'department' | 'tag';
export type OverLimit = 'photo_note' | 'refuse';
export type PunchKind = 'in' | 'out';
/** `correction`: written when a 补卡 request was approved, at the shift's start or end. */
export type ClockInSource = 'phone' | 'machine' | 'correction';
export type CorrectionStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';
export type PunchStatus = 'accepted' | 'rejected';
/** Why a machine punch was recorded as rejected: the member is outside the machine's range, under no rule, or under a rule without 考勤机. */
export type PunchRejection = 'out_of_range' | 'no_rule' | 'rule_without_machines';

export interface AttendanceTables {
  /** 打卡规则: who it covers is in attendance_rule_targets; times are minutes after midnight, Asia/Shanghai. */
  attendance_rules: {
    corp_id: string;
    id: string;
    name: string;
    /** Comma-separated ISO weekdays, 1 = Monday … 7 = Sunday. */
    work_days: string;
    shift_start: number;
    shift_end: number;
    /** Minutes after the start a clock-in is still on time (迟到 after), and before the end a clock-out may be (早退 before). */
    late_grace: number;
    early_grace: number;
    /** JSON array of YYYY-MM-DD days off (节假日). */
    holidays_json: string;
    /** JSON array of { name, lat, lng, radiusM } in GCJ-02. */
    places_json: string;
    /** JSON array of { ssid, bssid }, the BSSID lower-case with colons. */
    wifi_json: string;
    photo: Flag;
    /** 人脸识别: every clock-in needs a passing face check. */
    face: Flag;
    machines: Flag;
    /** 打卡常用设备数量; 0: no limit. */
    device_limit: number;
    over_limit: OverLimit;
    /** 补卡: how many corrections a member may ask per calendar month (pending and approved ones count). */
    corrections_per_month: number;
    /** The actor who created the rule: only they manage its members' usual devices. */
    created_by: string;
    created_at: number;
    updated_at: number;
  };
  /** The members, departments and tags a rule names. */
  attendance_rule_targets: { corp_id: string; rule_id: string; kind: TargetKind; target_id: string };
  /** One clock-in (打卡) at the server's time, with the verdicts (JSON array of WeCom's terms). */
  attendance_clockins: {
    corp_id: string;
    id: string;
    member_id: string;
    rule_id: string;
    at: number;
    /** The Asia/Shanghai day, YYYY-MM-DD. */
    day: string;
    kind: PunchKind;
    rest_day: Flag;
    source: ClockInSource;
    device_id: string;
    /** Decimal strings, as reported. */
    lat: string | null;
    lng: string | null;
    ssid: string | null;
    bssid: string | null;
    note: string | null;
    has_photo: Flag;
    verdicts: string;
    /** 'pass' when the rule needed a face check (a failing one writes no clock-in); null otherwise. */
    face_check: 'pass' | null;
    /** The approval of the 补卡 request this clock-in corrects (source 'correction'); null otherwise. */
    approval_id: string | null;
  };
  /** 补卡: a member's request to correct one day's 上班 or 下班, decided by its approval (`approval_id`). */
  attendance_corrections: {
    corp_id: string;
    id: string;
    member_id: string;
    rule_id: string;
    day: string;
    /** YYYY-MM of `day`: the month whose allowance it uses. */
    month: string;
    kind: PunchKind;
    /** The shift's start (上班) or end (下班) that day: the time the corrected clock-in gets. */
    punch_at: number;
    reason: string;
    approval_id: string;
    status: CorrectionStatus;
    clockin_id: string | null;
    /** member|day|kind while pending or approved (unique: one holding correction per record); null once rejected or withdrawn. */
    hold_key: string | null;
    created_at: number;
    decided_at: number | null;
  };
  /** The corrections holding a member's month (pending and approved), counted by compare-and-set against the rule's limit. */
  attendance_correction_months: { corp_id: string; member_id: string; month: string; used: number };
  /**
   * The photo of a photo clock-in, watermarked: the file named by `digest` (photos.ts); rows from
   * before migration 0234 hold the photo itself in `data_base64` (empty since).
   */
  attendance_photos: { corp_id: string; clockin_id: string; content_type: string; data_base64: string; digest: string | null };
  /** 打卡常用设备: the first N devices a member clocks in from under a rule, each in its own slot 1..N. */
  attendance_usual_devices: { corp_id: string; rule_id: string; member_id: string; device_id: string; slot: number; bound_at: number };
  /** A member's enrolled face descriptor, sealed (AES-256-GCM, key in the data directory). */
  attendance_faces: { corp_id: string; member_id: string; sealed: string; enrolled_at: number };
  /** 未打卡: a work day's clock-in or clock-out a member never made, written when the shift ended. */
  attendance_missed: { corp_id: string; member_id: string; day: string; kind: PunchKind; rule_id: string; created_at: number };
  /** The rule-days whose shift end has been handled, so the job does each once. */
  attendance_closed_days: { corp_id: string; rule_id: string; day: string; closed_at: number };
  /**
   * 考勤机: a bound device (devices module) that serves 打卡, 门禁 or both (配套使用), for the members
   * of its range (JSON { memberIds, departmentIds, tagIds }); it pushes punches with its secret (stored hashed).
   */
  attendance_machines: { corp_id: string; device_id: string; clock_in: Flag; door: Flag; range_json: string; secret_hash: string; created_at: number; updated_at: number };
  /** Every punch a machine pushed, once per machine punch id, with what it became or why it was rejected. */
  attendance_machine_punches: { corp_id: string; device_id: string; punch_id: string; member_id: string; at: number; status: PunchStatus; reason: PunchRejection | null; clockin_id: string | null };
  /** 门禁: a member let through a door by a machine, at the server's time. */
  attendance_door_access: { corp_id: string; id: string; device_id: string; member_id: string; at: number };
}

export const tables = tableAccess<AttendanceTables>();
export const prepared = preparedFor<AttendanceTables>();
