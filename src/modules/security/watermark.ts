import type { WatermarkSegment } from './security.schema.ts';

export interface WatermarkMember {
  name: string;
  phone: string | null;
  userid: string;
}

/** 手机号后四位: the last four digits whatever the formatting (`+86 138 0013 8000` → `8000`). */
export function phoneTail(phone: string | null): string {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length >= 4 ? digits.slice(-4) : '';
}

/** The time as the watermark shows it: `2026-12-02 08:41`, China time (as the enterprise's cron). */
export function watermarkTime(now: number): string {
  const t = new Date(now + 8 * 3_600_000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}

/**
 * The text drawn for one member: the chosen segments in a fixed order, one space apart. A segment
 * the member lacks (no phone, no custom text) is left out entirely, so no double space appears.
 */
export function watermarkText(member: WatermarkMember, content: readonly WatermarkSegment[], customText: string, now: number): string {
  const order: WatermarkSegment[] = ['name', 'phone', 'account', 'time', 'custom'];
  const value: Record<WatermarkSegment, string> = { name: member.name, phone: phoneTail(member.phone), account: member.userid, time: watermarkTime(now), custom: customText };
  return order
    .filter((s) => content.includes(s))
    .map((s) => value[s].trim())
    .filter((v) => v !== '')
    .join(' ');
}
