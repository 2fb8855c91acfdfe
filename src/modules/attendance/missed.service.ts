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
 * clock-out (下班) that day gets a 未打卡 for it. A rule counts from the first shift that starts after
 * it was created; rest days and holidays have none. Each rule-day is closed once, in one transaction.
 */
async function closeRuleDay(trx: Tx, now: number, corpId: string, ruleId: string, day: string): Promise<number> {
  const closed = await tables(trx).insertInto('attendance_closed_days').values({ corp_id: corpId, rule_id: ruleId, day, closed_at: now }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  if (Number(closed.numInsertedOrUpdatedRows ?? 0) === 0) return 0;
  const members = await membersUnder(trx, corpId, ruleId);
  if (members.length === 0) return 0;
  const made = await tables(trx).selectFrom('attendance_clockins').select(['member_id', 'kind']).distinct().where('corp_id', '=', corpId).where('day', '=', day).where('member_id', 'in', members).execute();
  const has = new Set(made.map((m) => `${m.member_id}:${m.kind}`));
  const rows = members.flatMap((memberId) =>
    (['in', 'out'] as const).filter((kind) => !has.has(`${memberId}:${kind}`)).map((kind) => ({ corp_id: corpId, member_id: memberId, day, kind, rule_id: ruleId, created_at: now })),
  );
  for (let at = 0; at < rows.length; at += 200) await tables(trx).insertInto('attendance_missed').values(rows.slice(at, at + 200)).onConflict((oc) => oc.doNothing()).execute();
  return rows.length;
}

/** The job, every few minutes: closes today's and yesterday's shifts that have ended (yesterday's in case the server was down). */
export async function closeShifts(ctx: JobContext): Promise<{ missed: number }> {
  const days = [shanghaiTime(ctx.now - DAY).day, shanghaiTime(ctx.now).day];
  const rules = await tables(ctx.db).selectFrom('attendance_rules').selectAll().execute();
  let missed = 0;
  for (const row of rules) {
    const rule = ruleOfRow(row);
    for (const day of days) {
      const weekday = shanghaiTime(shanghaiInstant(day, 0)).weekday;
      if (!rule.workDays.includes(weekday) || rule.holidays.includes(day)) continue;
      if (ctx.now < shanghaiInstant(day, rule.shiftEnd) || row.created_at > shanghaiInstant(day, rule.shiftStart)) continue;
      missed += await ctx.db.transaction().execute((trx) => closeRuleDay(trx, ctx.now, row.corp_id, row.id, day));
    }
  }
  return { missed };
}
