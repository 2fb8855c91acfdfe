import type { Ctx, ReadCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { toIso } from '../../platform/clock.ts';
import type { EventMeta, PayloadOf } from '../../platform/events.ts';
import { requireMember } from '../../platform/policy/index.ts';
import { ApprovalEvents, submitBuiltinRequest } from '../approval/index.ts';
import { CORRECTION_KIND, correctionTemplate } from './correction.template.ts';
import { AttendanceErrors } from './attendance.errors.ts';
import type { CorrectionBodyValue, CorrectionView, MyRecordsView } from './attendance.schema.ts';
import { tables, type AttendanceTables, type CorrectionStatus, type PunchKind } from './attendance.tables.ts';
import { clockInView } from './clockins.service.ts';
import { shanghaiInstant, shanghaiTime, type Verdict } from './evaluation.ts';
import { ruleForMember } from './rules.service.ts';

/**
 * 补卡: a member asks to correct a day's 上班 or 下班 that was 未打卡 or abnormal. The request is an
 * approval of the built-in 补卡 template (its approvers are whatever the enterprise's template says;
 * it starts as WeCom's: the applicant's 上级); when it is approved the correction becomes a clock-in
 * at the shift's start or end, on time, pointing at the approval. Rejected or withdrawn, nothing
 * changes and the month's allowance is given back.
 */

const KIND_NAME: Record<PunchKind, string> = { in: '上班', out: '下班' };

type CorrectionRow = AttendanceTables['attendance_corrections'];
type ClockInRow = AttendanceTables['attendance_clockins'];

function correctionView(row: CorrectionRow): CorrectionView {
  return {
    id: row.id,
    memberId: row.member_id,
    day: row.day,
    kind: row.kind,
    punchAt: toIso(row.punch_at),
    reason: row.reason,
    approvalId: row.approval_id,
    status: row.status,
    clockInId: row.clockin_id,
    createdAt: toIso(row.created_at),
  };
}

/** Pending and approved corrections hold a record (and use the month's allowance); rejected and withdrawn ones let go. */
const HOLDING: readonly CorrectionStatus[] = ['pending', 'approved'];

/** The clock-in that decides a day's 上班 (the first) or 下班 (the last), corrections aside. */
function decisive(rows: readonly ClockInRow[], kind: PunchKind): ClockInRow | undefined {
  const own = rows.filter((r) => r.kind === kind && r.source !== 'correction');
  return kind === 'in' ? own[0] : own[own.length - 1];
}

async function clockInsOf(db: Executor, corpId: string, memberId: string, from: string, to: string): Promise<ClockInRow[]> {
  return tables(db).selectFrom('attendance_clockins').selectAll().where('corp_id', '=', corpId).where('member_id', '=', memberId).where('day', '>=', from).where('day', '<=', to).orderBy('day').orderBy('at').orderBy('id').execute();
}

/**
 * Asks for a correction of the member's own record: it must be 未打卡 or carry a verdict, not be
 * corrected or asked for already, and the month of the day must have allowance left under the
 * record's rule. The approval request is submitted in the same transaction.
 */
export async function requestCorrection(ctx: Ctx, input: CorrectionBodyValue): Promise<CorrectionView> {
  const member = requireMember(ctx);
  if (input.clockInId !== undefined) {
    const named = await tables(ctx.trx).selectFrom('attendance_clockins').select(['member_id', 'day', 'kind']).where('corp_id', '=', ctx.corpId).where('id', '=', input.clockInId).executeTakeFirst();
    // Someone else's clock-in is as unknown as one that does not exist.
    if (!named || named.member_id !== member.id) throw new DomainError(AttendanceErrors['attendance.clockin_not_found'], { clockInId: input.clockInId });
    if (named.day !== input.day || named.kind !== input.kind) throw new DomainError('request.invalid', { field: '/clockInId', reason: 'the clock-in is not of this day and kind' });
  }
  const taken = await tables(ctx.trx)
    .selectFrom('attendance_corrections')
    .select(['id', 'status'])
    .where('corp_id', '=', ctx.corpId)
    .where('member_id', '=', member.id)
    .where('day', '=', input.day)
    .where('kind', '=', input.kind)
    .where('status', 'in', [...HOLDING])
    .executeTakeFirst();
  if (taken) throw new DomainError(AttendanceErrors['attendance.correction_exists'], { correctionId: taken.id, status: taken.status });

  const missed = await tables(ctx.trx).selectFrom('attendance_missed').select('rule_id').where('corp_id', '=', ctx.corpId).where('member_id', '=', member.id).where('day', '=', input.day).where('kind', '=', input.kind).executeTakeFirst();
  const clockIn = decisive(await clockInsOf(ctx.trx, ctx.corpId, member.id, input.day, input.day), input.kind);
  const abnormal = clockIn !== undefined && (JSON.parse(clockIn.verdicts) as Verdict[]).length > 0;
  if (!abnormal && !(missed && !clockIn)) throw new DomainError(AttendanceErrors['attendance.correction_not_needed'], { day: input.day, kind: input.kind });

  const ruleId = clockIn?.rule_id ?? missed!.rule_id;
  const rule =
    (await tables(ctx.trx).selectFrom('attendance_rules').selectAll().where('corp_id', '=', ctx.corpId).where('id', '=', ruleId).executeTakeFirst()) ?? (await ruleForMember(ctx.trx, ctx.corpId, member.id));
  if (!rule) throw new DomainError(AttendanceErrors['attendance.no_rule']);
  const month = input.day.slice(0, 7);
  await takeAllowance(ctx, member.id, month, rule.corrections_per_month);

  const punchAt = shanghaiInstant(input.day, input.kind === 'in' ? rule.shift_start : rule.shift_end);
  const hhmm = shanghaiTime(punchAt).msOfDay / 60_000;
  const punch = `${KIND_NAME[input.kind]} ${String(Math.floor(hhmm / 60)).padStart(2, '0')}:${String(hhmm % 60).padStart(2, '0')}`;
  const approval = await submitBuiltinRequest(ctx, correctionTemplate, member.id, { day: input.day, punch, reason: input.reason });
  const row: CorrectionRow = {
    corp_id: ctx.corpId,
    id: newId('acr', ctx.now),
    member_id: member.id,
    rule_id: rule.id,
    day: input.day,
    month,
    kind: input.kind,
    punch_at: punchAt,
    reason: input.reason,
    approval_id: approval.instanceId,
    status: 'pending',
    clockin_id: null,
    hold_key: holdKey(member.id, input.day, input.kind),
    created_at: ctx.now,
    decided_at: null,
  };
  // A concurrent request for the same record got there first: this one (its approval too) rolls back.
  const inserted = await tables(ctx.trx).insertInto('attendance_corrections').values(row).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw new DomainError(AttendanceErrors['attendance.correction_exists'], { day: input.day, kind: input.kind });
  return correctionView(row);
}

const holdKey = (memberId: string, day: string, kind: PunchKind) => `${memberId}|${day}|${kind}`;

/** One of the month's corrections, by compare-and-set on the month's counter: two requests at once cannot both take the last. */
async function takeAllowance(ctx: Ctx, memberId: string, month: string, limit: number): Promise<void> {
  await tables(ctx.trx).insertInto('attendance_correction_months').values({ corp_id: ctx.corpId, member_id: memberId, month, used: 0 }).onConflict((oc) => oc.doNothing()).execute();
  const taken = await tables(ctx.trx)
    .updateTable('attendance_correction_months')
    .set((eb) => ({ used: eb('used', '+', 1) }))
    .where('corp_id', '=', ctx.corpId)
    .where('member_id', '=', memberId)
    .where('month', '=', month)
    .where('used', '<', limit)
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) === 1) return;
  throw new DomainError(AttendanceErrors['attendance.correction_limit'], { month, limit, used: await usedIn(ctx.trx, ctx.corpId, memberId, month) });
}

async function usedIn(db: Executor, corpId: string, memberId: string, month: string): Promise<number> {
  const rows = await tables(db).selectFrom('attendance_corrections').select('id').where('corp_id', '=', corpId).where('member_id', '=', memberId).where('month', '=', month).where('status', 'in', [...HOLDING]).execute();
  return rows.length;
}

/**
 * The result of a 补卡 approval, heard after commit (at least once): the correction moves from
 * pending by compare-and-set, so a repeated event finds nothing to move and writes nothing; an
 * approved one writes its clock-in, on time, in the same step.
 */
export async function onCorrectionDecided(ctx: Ctx, event: PayloadOf<(typeof ApprovalEvents)['approval.builtin_decided']>, _meta?: EventMeta): Promise<void> {
  if (event.kind !== CORRECTION_KIND) return;
  const clockInId = event.status === 'approved' ? newId('atc', ctx.now) : null;
  const moved = await tables(ctx.trx)
    .updateTable('attendance_corrections')
    .set(event.status === 'approved' ? { status: event.status, decided_at: ctx.now, clockin_id: clockInId } : { status: event.status, decided_at: ctx.now, hold_key: null })
    .where('corp_id', '=', ctx.corpId)
    .where('approval_id', '=', event.instanceId)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
  if (!moved) return;
  if (clockInId === null) {
    // Rejected or withdrawn: the record may be asked for again, and the month's place is given back.
    await tables(ctx.trx)
      .updateTable('attendance_correction_months')
      .set((eb) => ({ used: eb('used', '-', 1) }))
      .where('corp_id', '=', ctx.corpId)
      .where('member_id', '=', moved.member_id)
      .where('month', '=', moved.month)
      .where('used', '>', 0)
      .execute();
    return;
  }
  await tables(ctx.trx)
    .insertInto('attendance_clockins')
    .values({
      corp_id: ctx.corpId,
      id: clockInId,
      member_id: moved.member_id,
      rule_id: moved.rule_id,
      at: moved.punch_at,
      day: moved.day,
      kind: moved.kind,
      rest_day: 0,
      source: 'correction',
      device_id: '',
      lat: null,
      lng: null,
      ssid: null,
      bssid: null,
      note: moved.reason,
      has_photo: 0,
      verdicts: '[]',
      face_check: null,
      approval_id: event.instanceId,
    })
    .execute();
}

/** The days of a month as stored (YYYY-MM-DD) sort between its 01 and a 31 it may not have. */
const monthSpan = (month: string) => ({ from: `${month}-01`, to: `${month}-31` });

/**
 * The member's own records of a month: each day's 上班 and 下班 that has a clock-in, a 未打卡 or a
 * correction, as it stands (an approved correction stands for the record, on time), with the
 * month's allowance used and left.
 */
export async function myRecords(ctx: ReadCtx, month: string | undefined): Promise<MyRecordsView> {
  const member = requireMember(ctx);
  const m = month ?? shanghaiTime(ctx.now).day.slice(0, 7);
  const { from, to } = monthSpan(m);
  const clockIns = await clockInsOf(ctx.trx, ctx.corpId, member.id, from, to);
  const missed = await tables(ctx.trx).selectFrom('attendance_missed').select(['day', 'kind']).where('corp_id', '=', ctx.corpId).where('member_id', '=', member.id).where('day', '>=', from).where('day', '<=', to).execute();
  const corrections = await tables(ctx.trx).selectFrom('attendance_corrections').selectAll().where('corp_id', '=', ctx.corpId).where('member_id', '=', member.id).where('day', '>=', from).where('day', '<=', to).orderBy('id').execute();
  const keys = new Set<string>([...clockIns, ...missed, ...corrections].map((r) => `${r.day}|${r.kind}`));
  const items = [...keys].sort().map((key) => {
    const [day, kind] = key.split('|') as [string, PunchKind];
    const ofDay = clockIns.filter((c) => c.day === day);
    // The holding correction if any, else the latest decided one.
    const mine = corrections.filter((c) => c.day === day && c.kind === kind);
    const correction = mine.find((c) => HOLDING.includes(c.status)) ?? mine[mine.length - 1];
    const corrected = correction?.status === 'approved' ? ofDay.find((c) => c.id === correction.clockin_id) : undefined;
    const clockIn = corrected ?? decisive(ofDay, kind);
    const wasMissed = missed.some((x) => x.day === day && x.kind === kind);
    const verdicts: Verdict[] = clockIn ? (JSON.parse(clockIn.verdicts) as Verdict[]) : wasMissed ? ['未打卡'] : [];
    return { day, kind, clockIn: clockIn ? clockInView(clockIn) : null, verdicts, correction: correction ? correctionView(correction) : null };
  });
  const rule = await ruleForMember(ctx.trx, ctx.corpId, member.id);
  return { month: m, corrections: { used: await usedIn(ctx.trx, ctx.corpId, member.id, m), limit: rule?.corrections_per_month ?? 0 }, items };
}
