import { sql } from 'kysely';
import type { ReadCtx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { loadExcel } from '../../platform/excel.ts';
import { markRow } from '../../platform/export-marks.ts';
import { authorizeApp, contactsScope } from '../../platform/policy/index.ts';
import { membersByIds, membersInScope } from '../directory/index.ts';
import { AttendanceErrors } from './attendance.errors.ts';
import { tables } from './attendance.tables.ts';
import type { Verdict } from './evaluation.ts';
import type { ClockInView } from './attendance.schema.ts';
import { clockInView } from './clockins.service.ts';

export interface MemberSummary {
  memberId: string;
  name: string;
  /** Days whose first clock-in (上班) was 时间异常 (迟到). */
  late: number;
  /** Days whose last clock-out (下班) was 时间异常 (早退). */
  early: number;
  /** 未打卡: clock-ins and clock-outs never made on a work day. */
  missed: number;
  /** Clock-ins with 地点异常, wifi异常 or 非常用设备. */
  exceptions: number;
  /** 补卡: approved corrections. A corrected 上班 or 下班 counts as on time: it is neither late, early, missed nor an exception. */
  corrected: number;
}

const PLACE_OR_DEVICE: readonly Verdict[] = ['地点异常', 'wifi异常', '非常用设备'];
const MAX_DAYS = 31;
/** Names in pinyin order: one collator for the whole sort (`localeCompare` with a locale builds one per call). */
const byName = new Intl.Collator('zh-CN');

/**
 * The summary of the Shanghai days `from`…`to` (both included, at most 31: a month) for the members
 * in the admin's contacts rights who clocked in or missed one, sorted by name (pinyin order) then id. Needs manage on
 * the 打卡 app.
 */
export async function summarise(ctx: ReadCtx, from: string, to: string): Promise<MemberSummary[]> {
  await authorizeApp(ctx, 'attendance', 'manage');
  const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (!(span >= 0 && span < MAX_DAYS)) throw new DomainError(AttendanceErrors['attendance.range_invalid'], { from, to, maxDays: MAX_DAYS });
  // Set-based: per member-day-kind the first and last clock-in and the first and last that were
  // 时间异常 (a late 上班 is a first one; an early 下班 a last one), and how many were off in place or
  // device; a corrected 上班 or 下班 (an approved 补卡 holds its record's key) counts as on time.
  const flagged = (verdict: Verdict) => sql<boolean>`verdicts like ${`%${verdict}%`}`;
  const timeOff = flagged('时间异常');
  const days = tables(ctx.trx)
    .selectFrom('attendance_clockins')
    .select((eb) => [
      'member_id',
      'day',
      'kind',
      eb.fn.min('at').as('first_at'),
      eb.fn.max('at').as('last_at'),
      sql<number>`min(case when ${timeOff} then at end)`.as('first_off'),
      sql<number>`max(case when ${timeOff} then at end)`.as('last_off'),
      sql<number>`sum(case when ${sql.join(PLACE_OR_DEVICE.map(flagged), sql` or `)} then 1 else 0 end)`.as('off_place'),
    ])
    .where('corp_id', '=', ctx.corpId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy(['day', 'member_id', 'kind']);
  const counted = sql<boolean>`k.id is null`;
  const perMember = await tables(ctx.trx)
    .selectFrom(days.as('g'))
    .leftJoin('attendance_corrections as k', (j) =>
      j
        .on('k.corp_id', '=', ctx.corpId)
        .on('k.hold_key', '=', sql<string>`g.member_id || '|' || g.day || '|' || g.kind`)
        .on('k.status', '=', 'approved'),
    )
    .select([
      'g.member_id',
      sql<number>`sum(case when ${counted} and g.kind = 'in' and g.first_off = g.first_at then 1 else 0 end)`.as('late'),
      sql<number>`sum(case when ${counted} and g.kind = 'out' and g.last_off = g.last_at then 1 else 0 end)`.as('early'),
      sql<number>`sum(case when ${counted} then g.off_place else 0 end)`.as('exceptions'),
    ])
    .groupBy('g.member_id')
    .execute();
  const missed = await tables(ctx.trx).selectFrom('attendance_missed').select(['member_id', 'day', 'kind']).where('corp_id', '=', ctx.corpId).where('day', '>=', from).where('day', '<=', to).execute();
  const approved = await tables(ctx.trx)
    .selectFrom('attendance_corrections')
    .select(['member_id', 'day', 'kind'])
    .where('corp_id', '=', ctx.corpId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .where('status', '=', 'approved')
    .execute();
  const key = (r: { member_id: string; day: string; kind: string }) => `${r.member_id}|${r.day}|${r.kind}`;
  const corrected = new Set(approved.map(key));
  const by = new Map<string, MemberSummary>();
  const of = (memberId: string) => {
    let s = by.get(memberId);
    if (!s) by.set(memberId, (s = { memberId, name: '', late: 0, early: 0, missed: 0, exceptions: 0, corrected: 0 }));
    return s;
  };
  // PostgreSQL sums are bigints, which the driver gives as strings.
  for (const r of perMember) Object.assign(of(r.member_id), { late: Number(r.late), early: Number(r.early), exceptions: Number(r.exceptions) });
  for (const m of missed) if (!corrected.has(key(m))) of(m.member_id).missed++;
  for (const c of approved) of(c.member_id).corrected++;
  const inside = new Set(await membersInScope(ctx.trx, ctx.corpId, await contactsScope(ctx), [...by.keys()]));
  const names = await membersByIds(ctx.trx, ctx.corpId, [...inside]);
  return [...by.values()]
    .filter((s) => inside.has(s.memberId))
    .map((s) => ({ ...s, name: names.get(s.memberId)?.name ?? '' }))
    .sort((a, b) => byName.compare(a.name, b.name) || a.memberId.localeCompare(b.memberId));
}

const HEADER = ['姓名', '迟到次数', '早退次数', '未打卡次数', '异常打卡次数', '补卡次数'];

/** The summary as an .xlsx workbook (one sheet, counts as numbers); `mark` is 暗水印 (exportMark) after each row's name. */
export async function summaryXlsx(rows: readonly MemberSummary[], title: string, mark = ''): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(title);
  sheet.addRow(markRow(HEADER, mark));
  for (const r of rows) sheet.addRow(markRow([r.name, r.late, r.early, r.missed, r.exceptions, r.corrected], mark));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The clock-ins of one Shanghai day of the members in the admin's contacts rights, in time order. */
export async function dayRecords(ctx: ReadCtx, day: string): Promise<ClockInView[]> {
  await authorizeApp(ctx, 'attendance', 'manage');
  const rows = await tables(ctx.trx).selectFrom('attendance_clockins').selectAll().where('corp_id', '=', ctx.corpId).where('day', '=', day).orderBy('at').orderBy('id').execute();
  const inside = new Set(await membersInScope(ctx.trx, ctx.corpId, await contactsScope(ctx), [...new Set(rows.map((r) => r.member_id))]));
  return rows.filter((r) => inside.has(r.member_id)).map(clockInView);
}
