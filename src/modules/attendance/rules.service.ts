import type { Ctx, ReadCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { flag } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { audit } from '../../platform/audit.ts';
import { toIso } from '../../platform/clock.ts';
import { authorizeApp, authorizeDepartments, contactsScope, requireMember } from '../../platform/policy/index.ts';
import { checkRecipients, departmentPaths, expandRecipients, memberPlacement, membersInScope } from '../directory/index.ts';
import { AttendanceErrors } from './attendance.errors.ts';
import type { MyRuleView, RuleInputValue, RuleView } from './attendance.schema.ts';
import { prepared, tables, type AttendanceTables, type TargetKind } from './attendance.tables.ts';
import { ensureBuiltinTemplate } from '../approval/index.ts';
import { correctionTemplate } from './correction.template.ts';
import { normaliseBssid, shanghaiTime, type Place, type RuleTerms, type Wifi } from './evaluation.ts';

type RuleRow = AttendanceTables['attendance_rules'];

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export interface Rule extends RuleTerms {
  id: string;
  photo: boolean;
  face: boolean;
  machines: boolean;
  deviceLimit: number;
  overLimit: RuleRow['over_limit'];
  createdBy: string;
}

export function ruleOfRow(row: RuleRow): Rule {
  return {
    id: row.id,
    workDays: row.work_days === '' ? [] : row.work_days.split(',').map(Number),
    shiftStart: row.shift_start,
    shiftEnd: row.shift_end,
    lateGrace: row.late_grace,
    earlyGrace: row.early_grace,
    holidays: JSON.parse(row.holidays_json) as string[],
    places: JSON.parse(row.places_json) as Place[],
    wifi: JSON.parse(row.wifi_json) as Wifi[],
    photo: row.photo === 1,
    face: row.face === 1,
    machines: row.machines === 1,
    deviceLimit: row.device_limit,
    overLimit: row.over_limit,
    createdBy: row.created_by,
  };
}

async function targetsOf(db: Executor, corpId: string, ruleIds: readonly string[]): Promise<Map<string, RuleView['members']>> {
  const out = new Map<string, RuleView['members']>(ruleIds.map((id) => [id, { memberIds: [], departmentIds: [], tagIds: [] }]));
  if (ruleIds.length === 0) return out;
  const rows = await tables(db).selectFrom('attendance_rule_targets').select(['rule_id', 'kind', 'target_id']).where('corp_id', '=', corpId).where('rule_id', 'in', [...ruleIds]).orderBy('target_id').execute();
  const field = { member: 'memberIds', department: 'departmentIds', tag: 'tagIds' } as const;
  for (const r of rows) out.get(r.rule_id)![field[r.kind]].push(r.target_id);
  return out;
}

function toView(row: RuleRow, members: RuleView['members']): RuleView {
  const rule = ruleOfRow(row);
  return {
    id: row.id,
    name: row.name,
    members,
    workDays: [...rule.workDays],
    shift: { start: hhmm(row.shift_start), end: hhmm(row.shift_end), lateGraceMinutes: row.late_grace, earlyGraceMinutes: row.early_grace },
    holidays: [...rule.holidays],
    places: [...rule.places],
    wifi: [...rule.wifi],
    photo: rule.photo,
    face: rule.face,
    machines: rule.machines,
    usualDeviceLimit: row.device_limit,
    overLimit: row.over_limit,
    correctionsPerMonth: row.corrections_per_month,
    createdBy: row.created_by,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

/**
 * Rules are set by admins holding manage on the 打卡 app, only for members in their contacts rights:
 * every member, department (its subtree) and tag holder the rule names must lie inside them.
 */
async function authorizeCoverage(ctx: ReadCtx, members: RuleView['members']): Promise<void> {
  await authorizeApp(ctx, 'attendance', 'manage');
  await checkRecipients(ctx.trx, ctx.corpId, members, '/members');
  const scope = await contactsScope(ctx);
  if (scope.kind === 'all') return;
  const paths = await departmentPaths(ctx.trx, ctx.corpId, members.departmentIds);
  await authorizeDepartments(ctx, [...paths.values()]);
  const named = [...new Set([...members.memberIds, ...(await expandRecipients(ctx.trx, ctx.corpId, { tagIds: members.tagIds }))])];
  const inside = new Set(await membersInScope(ctx.trx, ctx.corpId, scope, named));
  const outside = named.find((id) => !inside.has(id));
  if (outside !== undefined) throw new DomainError('forbidden', { reason: 'member outside your contacts rights', memberId: outside });
}

/** WeCom's default: 5 corrections (补卡) a month per member. */
export const DEFAULT_CORRECTIONS_PER_MONTH = 5;

function columnsOf(input: RuleInputValue, before?: RuleRow) {
  const shiftStart = minutesOf(input.shift.start);
  const shiftEnd = minutesOf(input.shift.end);
  if (shiftEnd <= shiftStart) throw new DomainError(AttendanceErrors['attendance.shift_invalid'], { start: input.shift.start, end: input.shift.end });
  return {
    name: input.name,
    work_days: [...input.workDays].sort().join(','),
    shift_start: shiftStart,
    shift_end: shiftEnd,
    late_grace: input.shift.lateGraceMinutes,
    early_grace: input.shift.earlyGraceMinutes,
    holidays_json: JSON.stringify([...input.holidays].sort()),
    places_json: JSON.stringify(input.places),
    wifi_json: JSON.stringify(input.wifi.map((w) => ({ ssid: w.ssid, bssid: normaliseBssid(w.bssid) }))),
    photo: flag(input.photo),
    face: flag(input.face),
    machines: flag(input.machines),
    device_limit: input.usualDeviceLimit,
    over_limit: input.overLimit,
    corrections_per_month: input.correctionsPerMonth ?? before?.corrections_per_month ?? DEFAULT_CORRECTIONS_PER_MONTH,
  };
}

const unique = (ids: readonly string[]) => [...new Set(ids)].sort();

async function writeTargets(ctx: Ctx, ruleId: string, members: RuleView['members']): Promise<RuleView['members']> {
  const normal = { memberIds: unique(members.memberIds), departmentIds: unique(members.departmentIds), tagIds: unique(members.tagIds) };
  await tables(ctx.trx).deleteFrom('attendance_rule_targets').where('corp_id', '=', ctx.corpId).where('rule_id', '=', ruleId).execute();
  const rows = [
    ...normal.memberIds.map((id) => ({ kind: 'member' as const, id })),
    ...normal.departmentIds.map((id) => ({ kind: 'department' as const, id })),
    ...normal.tagIds.map((id) => ({ kind: 'tag' as const, id })),
  ].map((t) => ({ corp_id: ctx.corpId, rule_id: ruleId, kind: t.kind, target_id: t.id }));
  for (let at = 0; at < rows.length; at += 200) await tables(ctx.trx).insertInto('attendance_rule_targets').values(rows.slice(at, at + 200)).execute();
  return normal;
}

async function ruleRow(db: Executor, corpId: string, ruleId: string): Promise<RuleRow> {
  const row = await tables(db).selectFrom('attendance_rules').selectAll().where('corp_id', '=', corpId).where('id', '=', ruleId).executeTakeFirst();
  if (!row) throw new DomainError(AttendanceErrors['attendance.rule_not_found'], { ruleId });
  return row;
}

export async function createRule(ctx: Ctx, input: RuleInputValue): Promise<RuleView> {
  await authorizeCoverage(ctx, input.members);
  const id = newId('atr', ctx.now);
  const row: RuleRow = { corp_id: ctx.corpId, id, ...columnsOf(input), created_by: ctx.actor.id, created_at: ctx.now, updated_at: ctx.now };
  await tables(ctx.trx).insertInto('attendance_rules').values(row).execute();
  const view = toView(row, await writeTargets(ctx, id, input.members));
  // The 补卡 template exists from the first rule on, so admins can set its approvers before anyone asks.
  await ensureBuiltinTemplate(ctx, correctionTemplate);
  await audit(ctx, { action: 'attendance.rule_create', target: { type: 'attendance_rule', id }, after: view });
  return view;
}

/** Replaces the rule; the admin must cover the members it named before and those it names now. */
export async function updateRule(ctx: Ctx, ruleId: string, input: RuleInputValue): Promise<RuleView> {
  const before = await ruleRow(ctx.trx, ctx.corpId, ruleId);
  const beforeView = toView(before, (await targetsOf(ctx.trx, ctx.corpId, [ruleId])).get(ruleId)!);
  await authorizeCoverage(ctx, beforeView.members);
  await authorizeCoverage(ctx, input.members);
  const row: RuleRow = { ...before, ...columnsOf(input, before), updated_at: ctx.now };
  await tables(ctx.trx).updateTable('attendance_rules').set({ ...columnsOf(input, before), updated_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('id', '=', ruleId).execute();
  const view = toView(row, await writeTargets(ctx, ruleId, input.members));
  await audit(ctx, { action: 'attendance.rule_update', target: { type: 'attendance_rule', id: ruleId }, before: beforeView, after: view });
  return view;
}

export async function deleteRule(ctx: Ctx, ruleId: string): Promise<void> {
  const before = await ruleRow(ctx.trx, ctx.corpId, ruleId);
  const beforeView = toView(before, (await targetsOf(ctx.trx, ctx.corpId, [ruleId])).get(ruleId)!);
  await authorizeCoverage(ctx, beforeView.members);
  await tables(ctx.trx).deleteFrom('attendance_rule_targets').where('corp_id', '=', ctx.corpId).where('rule_id', '=', ruleId).execute();
  await tables(ctx.trx).deleteFrom('attendance_usual_devices').where('corp_id', '=', ctx.corpId).where('rule_id', '=', ruleId).execute();
  await tables(ctx.trx).deleteFrom('attendance_rules').where('corp_id', '=', ctx.corpId).where('id', '=', ruleId).execute();
  await audit(ctx, { action: 'attendance.rule_delete', target: { type: 'attendance_rule', id: ruleId }, before: beforeView });
}

export async function listRules(ctx: ReadCtx): Promise<RuleView[]> {
  await authorizeApp(ctx, 'attendance', 'manage');
  const rows = await tables(ctx.trx).selectFrom('attendance_rules').selectAll().where('corp_id', '=', ctx.corpId).orderBy('id').execute();
  const targets = await targetsOf(ctx.trx, ctx.corpId, rows.map((r) => r.id));
  return rows.map((r) => toView(r, targets.get(r.id)!));
}

export async function getRule(ctx: ReadCtx, ruleId: string): Promise<RuleView> {
  await authorizeApp(ctx, 'attendance', 'manage');
  const row = await ruleRow(ctx.trx, ctx.corpId, ruleId);
  return toView(row, (await targetsOf(ctx.trx, ctx.corpId, [ruleId])).get(ruleId)!);
}

/**
 * The targets naming a member (by id, by `tags` tags they hold, by `departments` departments above
 * them) with their rules' rows. A clock-in's hot path: compiled once per pair of list lengths, which
 * stay small (the tags a member holds, the departments above theirs).
 */
const candidatesQueries = new Map<string, ReturnType<typeof compileCandidates>>();
const compileCandidates = (tags: number, departments: number) =>
  prepared((db, p: Record<string, string>) =>
    db
      .selectFrom('attendance_rule_targets as t')
      .innerJoin('attendance_rules as r', (j) => j.onRef('r.corp_id', '=', 't.corp_id').onRef('r.id', '=', 't.rule_id'))
      .selectAll('r')
      .select(['t.kind', 't.target_id'])
      .where('t.corp_id', '=', p.corpId!)
      .where((eb) =>
        eb.or([
          eb.and([eb('t.kind', '=', 'member'), eb('t.target_id', '=', p.memberId!)]),
          ...(tags > 0 ? [eb.and([eb('t.kind', '=', 'tag'), eb('t.target_id', 'in', Array.from({ length: tags }, (_, i) => p[`t${i}`]!))])] : []),
          ...(departments > 0 ? [eb.and([eb('t.kind', '=', 'department'), eb('t.target_id', 'in', Array.from({ length: departments }, (_, i) => p[`d${i}`]!))])] : []),
        ]),
      ),
  );
function candidatesQuery(tags: number, departments: number) {
  const key = `${tags}:${departments}`;
  let query = candidatesQueries.get(key);
  if (!query) candidatesQueries.set(key, (query = compileCandidates(tags, departments)));
  return query;
}

/**
 * The one rule a member clocks in under: the most specific naming them wins — the member by name,
 * then a tag they hold, then their nearest department (a department directly, then its parent, and
 * so on up); among rules at the same level, the one saved last (as adding a member to a new rule in
 * WeCom takes them out of the old one).
 */
export async function ruleForMember(db: Executor, corpId: string, memberId: string): Promise<RuleRow | undefined> {
  const placement = await memberPlacement(db, corpId, memberId);
  // Distance from the member to each department above them: 0 for their own departments.
  const distance = new Map<string, number>();
  for (const path of placement.departmentPaths) {
    const chain = path.split('/').filter(Boolean);
    chain.forEach((id, i) => distance.set(id, Math.min(distance.get(id) ?? Infinity, chain.length - 1 - i)));
  }
  // The candidate targets (the member, the tags they hold, the departments above them) come with
  // their rule's row: the winner needs no second read.
  const departmentIds = [...distance.keys()];
  const params: Record<string, string> = { corpId, memberId };
  placement.tagIds.forEach((id, i) => (params[`t${i}`] = id));
  departmentIds.forEach((id, i) => (params[`d${i}`] = id));
  const candidates = (await candidatesQuery(placement.tagIds.length, departmentIds.length).execute(db, params)).rows;
  const rank = (kind: TargetKind, targetId: string): number | undefined => {
    if (kind === 'member') return 0;
    if (kind === 'tag') return 1;
    const d = distance.get(targetId);
    return d === undefined ? undefined : 2 + d;
  };
  let best: { rank: number; candidate: (typeof candidates)[number] } | undefined;
  for (const c of candidates) {
    const r = rank(c.kind, c.target_id);
    if (r === undefined) continue;
    if (!best || r < best.rank || (r === best.rank && (c.updated_at > best.candidate.updated_at || (c.updated_at === best.candidate.updated_at && c.id > best.candidate.id)))) best = { rank: r, candidate: c };
  }
  if (!best) return undefined;
  const { kind: _kind, target_id: _targetId, ...row } = best.candidate;
  return row;
}

/** The rule the signed-in member clocks in under today (none: null), for their clock-in page. */
export async function myRule(ctx: ReadCtx): Promise<MyRuleView> {
  const member = requireMember(ctx);
  const today = shanghaiTime(ctx.now);
  const row = await ruleForMember(ctx.trx, ctx.corpId, member.id);
  if (!row) return { rule: null, day: today.day, restDay: true };
  const { members: _members, createdBy: _createdBy, createdAt: _createdAt, updatedAt: _updatedAt, ...rule } = toView(row, { memberIds: [], departmentIds: [], tagIds: [] });
  return { rule, day: today.day, restDay: !rule.workDays.includes(today.weekday) || rule.holidays.includes(today.day) };
}
