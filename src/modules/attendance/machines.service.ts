/**
 * 考勤机: attendance machines are devices of the devices module (bound with the bind right, changed
 * with manage on the device) that serve 打卡, 门禁 or both (配套使用) for the members of their range.
 * A machine pushes its punches with its own secret; the server decides what each becomes.
 */
import type { Ctx, ReadCtx } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/tables.ts';
import { flag } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { audit } from '../../platform/audit.ts';
import { toIso } from '../../platform/clock.ts';
import { randomToken, sha256 } from '../../platform/auth/tokens.ts';
import { authorizeDevice } from '../../platform/policy/index.ts';
import { bindDevice, listDevices } from '../devices/index.ts';
import { checkRecipients, expandRecipients } from '../directory/index.ts';
import { AttendanceErrors } from './attendance.errors.ts';
import type { MachineInputValue, MachinePunchView, MachineView, PunchBatchValue, PunchResult } from './attendance.schema.ts';
import { tables, type AttendanceTables, type PunchRejection } from './attendance.tables.ts';
import { clockInRow, type ClockInRow } from './clockins.service.ts';
import { evaluate, type Verdict } from './evaluation.ts';
import { ruleForMember, ruleOfRow } from './rules.service.ts';

type MachineRow = AttendanceTables['attendance_machines'];
type Range = MachineView['range'];

function servesSomething(input: { clockIn: boolean; door: boolean }): void {
  if (!input.clockIn && !input.door) throw new DomainError(AttendanceErrors['attendance.machine_serves_nothing']);
}

const normaliseRange = (range: Range): Range => ({ memberIds: [...new Set(range.memberIds)].sort(), departmentIds: [...new Set(range.departmentIds)].sort(), tagIds: [...new Set(range.tagIds)].sort() });

function toView(row: MachineRow, device: { name: string; serial: string; model: string }): MachineView {
  return { deviceId: row.device_id, name: device.name, serial: device.serial, model: device.model, clockIn: row.clock_in === 1, door: row.door === 1, range: JSON.parse(row.range_json) as Range, createdAt: toIso(row.created_at) };
}

/** The machines whose devices the actor manages (all for super admins), in the order they were bound. */
export async function listMachines(ctx: ReadCtx): Promise<MachineView[]> {
  const devices = new Map((await listDevices(ctx)).map((d) => [d.id, d]));
  if (devices.size === 0) return [];
  const rows = await tables(ctx.trx).selectFrom('attendance_machines').selectAll().where('corp_id', '=', ctx.corpId).where('device_id', 'in', [...devices.keys()]).orderBy('device_id').execute();
  return rows.map((r) => toView(r, devices.get(r.device_id)!));
}

/** 添加考勤机: binds the device (the bind right) and sets what it serves; its secret is in this answer only. */
export async function addMachine(ctx: Ctx, input: MachineInputValue & { name: string; serial: string; model: string }): Promise<{ machine: MachineView; secret: string }> {
  servesSomething(input);
  await checkRecipients(ctx.trx, ctx.corpId, input.range, '/range');
  const device = await bindDevice(ctx, { name: input.name, serial: input.serial, model: input.model });
  const secret = randomToken('bym');
  const row: MachineRow = { corp_id: ctx.corpId, device_id: device.id, clock_in: flag(input.clockIn), door: flag(input.door), range_json: JSON.stringify(normaliseRange(input.range)), secret_hash: sha256(secret), created_at: ctx.now, updated_at: ctx.now };
  await tables(ctx.trx).insertInto('attendance_machines').values(row).execute();
  const machine = toView(row, device);
  await audit(ctx, { action: 'attendance.machine_add', target: { type: 'device', id: device.id }, after: { clockIn: machine.clockIn, door: machine.door, range: machine.range } });
  return { machine, secret };
}

async function managedMachine(ctx: ReadCtx, deviceId: string): Promise<{ row: MachineRow; view: MachineView }> {
  await authorizeDevice(ctx, 'manage', deviceId);
  const row = await tables(ctx.trx).selectFrom('attendance_machines').selectAll().where('corp_id', '=', ctx.corpId).where('device_id', '=', deviceId).executeTakeFirst();
  const device = row && (await listDevices(ctx)).find((d) => d.id === deviceId);
  if (!row || !device) throw new DomainError(AttendanceErrors['attendance.machine_not_found'], { deviceId });
  return { row, view: toView(row, device) };
}

/** Pairing (配套使用) and range; switching both 打卡 and 门禁 off is refused. Needs manage on the device. */
export async function updateMachine(ctx: Ctx, deviceId: string, input: MachineInputValue): Promise<MachineView> {
  servesSomething(input);
  const { row, view } = await managedMachine(ctx, deviceId);
  await checkRecipients(ctx.trx, ctx.corpId, input.range, '/range');
  const range = normaliseRange(input.range);
  await tables(ctx.trx).updateTable('attendance_machines').set({ clock_in: flag(input.clockIn), door: flag(input.door), range_json: JSON.stringify(range), updated_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('device_id', '=', deviceId).execute();
  const after = { clockIn: input.clockIn, door: input.door, range };
  await audit(ctx, { action: 'attendance.machine_update', target: { type: 'device', id: deviceId }, before: { clockIn: view.clockIn, door: view.door, range: view.range }, after });
  return toView({ ...row, clock_in: flag(input.clockIn), door: flag(input.door), range_json: JSON.stringify(range) }, view);
}

/** A new secret replaces the old one at once (the old one stops working); shown once. Needs manage on the device. */
export async function rotateMachineSecret(ctx: Ctx, deviceId: string): Promise<string> {
  await managedMachine(ctx, deviceId);
  const secret = randomToken('bym');
  await tables(ctx.trx).updateTable('attendance_machines').set({ secret_hash: sha256(secret), updated_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('device_id', '=', deviceId).execute();
  await audit(ctx, { action: 'attendance.machine_rotate_secret', target: { type: 'device', id: deviceId } });
  return secret;
}

/** The machine's last 200 punches, newest first, rejected ones with their reason. Needs manage on the device. */
export async function machinePunches(ctx: ReadCtx, deviceId: string): Promise<MachinePunchView[]> {
  await managedMachine(ctx, deviceId);
  const rows = await tables(ctx.trx)
    .selectFrom('attendance_machine_punches')
    .select(['punch_id', 'member_id', 'at', 'status', 'reason', 'clockin_id'])
    .where('corp_id', '=', ctx.corpId)
    .where('device_id', '=', deviceId)
    .orderBy('at', 'desc')
    .orderBy('punch_id', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({ punchId: r.punch_id, memberId: r.member_id, at: toIso(r.at), status: r.status, reason: r.reason, clockInId: r.clockin_id }));
}

/** The device was unbound: it is no machine any more (its punches and clock-ins stay as history). */
export async function forgetMachine(ctx: Ctx, deviceId: string): Promise<void> {
  await tables(ctx.trx).deleteFrom('attendance_machines').where('corp_id', '=', ctx.corpId).where('device_id', '=', deviceId).execute();
}

/** The machine the secret belongs to; a wrong or rotated secret, or a machine that is not there, is one answer: 401. */
async function authenticatedMachine(trx: Tx, corpId: string, deviceId: string, secret: string): Promise<MachineRow> {
  const row = await tables(trx).selectFrom('attendance_machines').selectAll().where('corp_id', '=', corpId).where('device_id', '=', deviceId).where('secret_hash', '=', sha256(secret)).executeTakeFirst();
  if (!row) throw new DomainError('auth.required', { reason: 'machine secret unknown or rotated' });
  return row;
}

/**
 * A batch of punches from a machine, in one transaction, at the server's time. A punch id the
 * machine sent before writes nothing new and answers `duplicate`. A member outside the machine's
 * range is recorded as rejected (so the admin sees it), not dropped. On a 打卡 machine the punch is a
 * clock-in evaluated as a phone's is (source machine; the machine stands at the place, and its own
 * face check is the machine's business), which needs the member's rule to allow 考勤机; on a 门禁
 * machine it is an access record; on a paired machine both.
 */
export async function receivePunches(db: Db, now: number, secret: string, batch: PunchBatchValue): Promise<PunchResult[]> {
  return db.transaction().execute(async (trx) => {
    const { corpId, deviceId } = batch;
    const machine = await authenticatedMachine(trx, corpId, deviceId, secret);
    const inRange = new Set(await expandRecipients(trx, corpId, JSON.parse(machine.range_json) as Range));
    const results: PunchResult[] = [];
    for (const punch of batch.punches) {
      const outcome = await judge(trx, now, machine, inRange, punch.memberId);
      const recorded = await tables(trx)
        .insertInto('attendance_machine_punches')
        .values({ corp_id: corpId, device_id: deviceId, punch_id: punch.punchId, member_id: punch.memberId, at: now, status: outcome.reason ? 'rejected' : 'accepted', reason: outcome.reason ?? null, clockin_id: outcome.clockin?.id ?? null })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (Number(recorded.numInsertedOrUpdatedRows ?? 0) === 0) {
        results.push({ punchId: punch.punchId, status: 'duplicate' });
      } else if (outcome.reason) {
        results.push({ punchId: punch.punchId, status: 'rejected', reason: outcome.reason });
      } else {
        const result: PunchResult = { punchId: punch.punchId, status: 'accepted' };
        if (outcome.clockin) {
          await tables(trx).insertInto('attendance_clockins').values(outcome.clockin).execute();
          Object.assign(result, { clockInId: outcome.clockin.id, verdicts: JSON.parse(outcome.clockin.verdicts) as Verdict[] });
        }
        if (machine.door === 1) {
          result.accessId = newId('ata', now);
          await tables(trx).insertInto('attendance_door_access').values({ corp_id: corpId, id: result.accessId, device_id: deviceId, member_id: punch.memberId, at: now }).execute();
        }
        results.push(result);
      }
    }
    return results;
  });
}

/** What a punch becomes: a rejection's reason, or (on a 打卡 machine) the clock-in to write. */
async function judge(trx: Tx, now: number, machine: MachineRow, inRange: ReadonlySet<string>, memberId: string): Promise<{ reason?: PunchRejection; clockin?: ClockInRow }> {
  if (!inRange.has(memberId)) return { reason: 'out_of_range' };
  if (machine.clock_in === 0) return {};
  const row = await ruleForMember(trx, machine.corp_id, memberId);
  if (!row) return { reason: 'no_rule' };
  const rule = ruleOfRow(row);
  if (!rule.machines) return { reason: 'rule_without_machines' };
  const evaluation = evaluate(rule, now, { atMachine: true });
  const clockin = clockInRow(machine.corp_id, now, memberId, rule.id, evaluation, evaluation.verdicts, {
    source: 'machine',
    device_id: machine.device_id,
    lat: null,
    lng: null,
    ssid: null,
    bssid: null,
    note: null,
    has_photo: 0,
    face_check: null,
  });
  return { clockin };
}
