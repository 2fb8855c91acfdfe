import { DAY } from '../../platform/clock.ts';
import type { Executor, Tx } from '../../platform/db/tables.ts';
import type { JobContext } from '../../platform/jobs.ts';
import { expandRecipients } from '../directory/index.ts';
import { tables } from './attendance.tables.ts';
import { shanghaiInstant, shanghaiTime } from './evaluation.ts';
import { ruleForMember, ruleOfRow } from './rules.service.ts';

export const CLOSE_SHIFTS_JOB = 'attendance.close_shifts';

/** The active members whose one rule (most specific wins) is this one. */
async function membersUnder(db: Executor, corpId: string, ruleId: string): Promise<string[]> {
  const targets = await tables(db).selectFrom('attendance_rule_targets').select(['kind', 'target_id']).where('corp_id', '=', corpId).where('rule_id', '=', ruleId).execute();
  const pick = (kind: string) => targets.filter((t) => t.kind === kind).map((t) => t.target_id);
  const named = await expandRecipients(db, corpId, { memberIds: pick('member'), departmentIds: pick('department'), tagIds: pick('tag') });
  const out: string[] = [];
  for (const memberId of named) if ((await ruleForMember(db, corpId, memberId))?.id === ruleId) out.push(memberId);
  return out;
}

/**
 * At the end of a work day's shift, every member under the rule who made no clock-in (上班) or no
 * clock-out (下班) that day gets a 未打卡 for it (`noShift`: a day without one, only marked closed). Each
 * rule-day is closed once, in one transaction.
 */
async function closeRuleDay(trx: Tx, now: number, corpId: string, ruleId: string, day: string, noShift: boolean): Promise<number> {
  const closed = await tables(trx).insertInto('attendance_closed_days').values({ corp_id: corpId, rule_id: ruleId, day, closed_at: now }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  if (Number(closed.numInsertedOrUpdatedRows ?? 0) === 0 || noShift) return 0;
  const members = await membersUnder(trx, corpId, ruleId);
  if (members.length === 0) return 0;
  const made = await tables(trx).selectFrom('attendance_clockins').select(['member_id', 'kind']).distinct().where('corp_id', '=', corpId).where('day', '=', day).where('member_id', 'in', members).execute();
  const has = new Set(made.map((m) => `${m.member_id}:${m.kind}`));
  const rows = members.flatMap((memberId) =>
    (['in', 'out'] as const).filter((kind) => !has.has(`${memberId}:${kind}`)).map((kind) => ({ corp_id: corpId, member_id: memberId, day, kind, rule_id: ruleId, created_at: now })),
  );
  let written = 0;
  for (let at = 0; at < rows.length; at += 200) {
    const inserted = await tables(trx).insertInto('attendance_missed').values(rows.slice(at, at + 200)).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    written += Number(inserted.numInsertedOrUpdatedRows ?? 0);
  }
  return written;
}

/** The Shanghai day after `day` (YYYY-MM-DD). */
const nextDay = (day: string) => shanghaiTime(shanghaiInstant(day, 0) + DAY).day;

/**
 * The job, every few minutes: for each rule, closes every day since the last one it closed (from the
 * day the rule was made), up to the last whose shift has ended, so a server that was down for a week
 * writes that week's 未打卡 on its first run. A rest day, a holiday and the day the rule was made after
 * the shift began are marked closed with nothing to write. Each rule-day is closed once, and each
 * member-day-kind has one 未打卡 at most (the key of attendance_missed), whichever rule closes it.
 */
export async function closeShifts(ctx: JobContext): Promise<{ missed: number }> {
  const today = shanghaiTime(ctx.now).day;
  const rules = await tables(ctx.db).selectFrom('attendance_rules').selectAll().execute();
  let missed = 0;
  for (const row of rules) {
    const rule = ruleOfRow(row);
    const last = await tables(ctx.db).selectFrom('attendance_closed_days').select((eb) => eb.fn.max('day').as('day')).where('corp_id', '=', row.corp_id).where('rule_id', '=', row.id).executeTakeFirst();
    for (let day = last?.day ? nextDay(last.day) : shanghaiTime(row.created_at).day; day <= today; day = nextDay(day)) {
      if (ctx.now < shanghaiInstant(day, rule.shiftEnd)) break;
      const weekday = shanghaiTime(shanghaiInstant(day, 0)).weekday;
      const none = !rule.workDays.includes(weekday) || rule.holidays.includes(day) || row.created_at > shanghaiInstant(day, rule.shiftStart);
      missed += await ctx.db.transaction().execute((trx) => closeRuleDay(trx, ctx.now, row.corp_id, row.id, day, none));
    }
  }
  return { missed };
}
