/**
 * The rule checks of one clock-in, as pure functions of the server's time and what the device
 * reported: Asia/Shanghai time (UTC+8 all year, no daylight saving), the shift's late/early
 * windows, places (GCJ-02 with a radius) and Wi-Fi networks.
 */
import { DAY, MINUTE } from '../../platform/clock.ts';

/** Asia/Shanghai is UTC+8 all year: no daylight saving, so a fixed offset is exact. */
const SHANGHAI_OFFSET = 8 * 60 * MINUTE;

export interface LocalTime {
  /** YYYY-MM-DD in Asia/Shanghai. */
  day: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Milliseconds since the local midnight. */
  msOfDay: number;
}

export function shanghaiTime(at: number): LocalTime {
  const local = at + SHANGHAI_OFFSET;
  const days = Math.floor(local / DAY);
  // 1970-01-01 was a Thursday (ISO weekday 4).
  return { day: new Date(days * DAY).toISOString().slice(0, 10), weekday: ((days + 3) % 7 + 7) % 7 + 1, msOfDay: local - days * DAY };
}

/** The instant a Shanghai day's minute falls on. */
export function shanghaiInstant(day: string, minuteOfDay: number): number {
  return Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET + minuteOfDay * MINUTE;
}

export interface Place {
  name: string;
  lat: number;
  lng: number;
  radiusM: number;
}

export interface Wifi {
  ssid: string;
  bssid: string;
}

export interface RuleTerms {
  workDays: readonly number[];
  shiftStart: number;
  shiftEnd: number;
  lateGrace: number;
  earlyGrace: number;
  holidays: readonly string[];
  places: readonly Place[];
  wifi: readonly Wifi[];
}

export interface Reported {
  lat?: number | undefined;
  lng?: number | undefined;
  wifi?: Wifi | undefined;
  /** A punch on one of the enterprise's attendance machines: the machine stands at the place, so neither place nor Wi-Fi is off. */
  atMachine?: boolean;
}

export type Verdict = '时间异常' | '地点异常' | 'wifi异常' | '非常用设备' | '未打卡';

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine, mean Earth radius). */
export function distanceM(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A MAC address as stored and compared: lower case, colon-separated (the schema has checked its form). */
export function normaliseBssid(bssid: string): string {
  return bssid.toLowerCase().replaceAll('-', ':');
}

export interface Evaluation {
  local: LocalTime;
  kind: 'in' | 'out';
  restDay: boolean;
  verdicts: Verdict[];
}

/**
 * The verdicts of a clock-in at `at`. A punch before the middle of the shift is the clock-in (上班),
 * from the middle on the clock-out (下班). On a work day a clock-in later than start + late window,
 * or a clock-out earlier than end − early window, is 时间异常; a rest day or holiday has no shift to
 * miss. Place and Wi-Fi are alternatives (an attendance machine counts as both) (either one in range is enough); when neither is, each kind
 * the rule configures is listed.
 */
export function evaluate(rule: RuleTerms, at: number, reported: Reported): Evaluation {
  const local = shanghaiTime(at);
  const restDay = !rule.workDays.includes(local.weekday) || rule.holidays.includes(local.day);
  const start = rule.shiftStart * MINUTE;
  const end = rule.shiftEnd * MINUTE;
  const kind = local.msOfDay < (start + end) / 2 ? 'in' : 'out';
  const verdicts: Verdict[] = [];
  if (!restDay) {
    const late = kind === 'in' && local.msOfDay > start + rule.lateGrace * MINUTE;
    const early = kind === 'out' && local.msOfDay < end - rule.earlyGrace * MINUTE;
    if (late || early) verdicts.push('时间异常');
  }
  const { lat, lng, wifi } = reported;
  if (reported.atMachine) return { local, kind, restDay, verdicts };
  const placeOk = lat !== undefined && lng !== undefined && rule.places.some((p) => distanceM(p, { lat, lng }) <= p.radiusM);
  const wifiOk = wifi !== undefined && rule.wifi.some((w) => w.ssid === wifi.ssid && w.bssid === normaliseBssid(wifi.bssid));
  if (!placeOk && !wifiOk) {
    if (rule.places.length > 0) verdicts.push('地点异常');
    if (rule.wifi.length > 0) verdicts.push('wifi异常');
  }
  return { local, kind, restDay, verdicts };
}
