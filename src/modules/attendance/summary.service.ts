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

/**
 * The summary of the Shanghai days `from`…`to` (both included, at most 31: a month) for the members
 * in the admin's contacts rights who clocked in or missed one, sorted by name (pinyin order) then id. Needs manage on
 * the 打卡 app.
 */
export async function summarise(ctx: ReadCtx, from: string, to: string): Promise<MemberSummary[]> {
  await authorizeApp(ctx, 'attendance', 'manage');
  const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (!(span >= 0 && span < MAX_DAYS)) throw new DomainError(AttendanceErrors['attendance.range_invalid'], { from, to, maxDays: MAX_DAYS });
  const punches = await tables(ctx.trx)
    .selectFrom('attendance_clockins')
    .select(['member_id', 'day', 'kind', 'verdicts'])
    .where('corp_id', '=', ctx.corpId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .orderBy('member_id')
    .orderBy('day')
    .orderBy('at')
    .orderBy('id')
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
  // Rows come member by member, day by day, in time order: the first 上班 and the last 下班 of each day decide.
  let i = 0;
  while (i < punches.length) {
    const { member_id: memberId, day } = punches[i]!;
    let firstIn: string[] | undefined;
    let lastOut: string[] | undefined;
    const s = of(memberId);
    // A corrected 上班 or 下班 counts as on time: its clock-ins' verdicts are set aside (looked up once per member-day).
    const correctedIn = corrected.size > 0 && corrected.has(`${memberId}|${day}|in`);
    const correctedOut = corrected.size > 0 && corrected.has(`${memberId}|${day}|out`);
    for (; i < punches.length && punches[i]!.member_id === memberId && punches[i]!.day === day; i++) {
      const setAside = punches[i]!.kind === 'in' ? correctedIn : correctedOut;
      const verdicts = setAside ? [] : (JSON.parse(punches[i]!.verdicts) as Verdict[]);
      if (punches[i]!.kind === 'in') firstIn ??= verdicts;
      else lastOut = verdicts;
      if (verdicts.some((v) => PLACE_OR_DEVICE.includes(v))) s.exceptions++;
    }
    if (firstIn?.includes('时间异常')) s.late++;
    if (lastOut?.includes('时间异常')) s.early++;
  }
  for (const m of missed) if (!corrected.has(key(m))) of(m.member_id).missed++;
  for (const c of approved) of(c.member_id).corrected++;
  const inside = new Set(await membersInScope(ctx.trx, ctx.corpId, await contactsScope(ctx), [...by.keys()]));
  const names = await membersByIds(ctx.trx, ctx.corpId, [...inside]);
  return [...by.values()]
    .filter((s) => inside.has(s.memberId))
    .map((s) => ({ ...s, name: names.get(s.memberId)?.name ?? '' }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.memberId.localeCompare(b.memberId));
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
