import type { Ctx, ReadCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { audit } from '../../platform/audit.ts';
import { toIso } from '../../platform/clock.ts';
import { publish } from '../../platform/events.ts';
import { authorizeDevice, hierarchicalOf, isSuperIn, roleSnapshot } from '../../platform/policy/index.ts';
import { DeviceEvents } from './devices.events.ts';
import { DeviceErrors } from './devices.errors.ts';
import { tables } from './devices.tables.ts';

export interface DeviceView {
  id: string;
  name: string;
  serial: string;
  model: string;
  createdAt: string;
}

type DeviceRow = { id: string; name: string; serial: string; model: string; created_at: number };
const toView = (r: DeviceRow): DeviceView => ({ id: r.id, name: r.name, serial: r.serial, model: r.model, createdAt: toIso(r.created_at) });

export async function existingDeviceIds(db: Executor, corpId: string, deviceIds: readonly string[]): Promise<Set<string>> {
  if (deviceIds.length === 0) return new Set();
  const rows = await tables(db).selectFrom('devices').select('id').where('corp_id', '=', corpId).where('id', 'in', [...deviceIds]).execute();
  return new Set(rows.map((r) => r.id));
}

/** Devices the actor manages: all for super admins, the granted ones for a hierarchical admin. */
export async function listDevices(ctx: ReadCtx): Promise<DeviceView[]> {
  const snapshot = await roleSnapshot(ctx);
  let q = tables(ctx.trx).selectFrom('devices').select(['id', 'name', 'serial', 'model', 'created_at']).where('corp_id', '=', ctx.corpId);
  if (!isSuperIn(snapshot, ctx.actor)) {
    const managed = [...(hierarchicalOf(snapshot, ctx.actor)?.effective.devices ?? [])];
    if (managed.length === 0) return [];
    q = q.where('id', 'in', managed);
  }
  return (await q.orderBy('id').execute()).map(toView);
}

/** 绑定新硬件: needs the bind right. Binding gives no manage right by itself (see docs/decisions/admin.md). */
export async function bindDevice(ctx: Ctx, input: { name: string; serial: string; model: string }): Promise<DeviceView> {
  await authorizeDevice(ctx, 'bind');
  const id = newId('dev', ctx.now);
  const inserted = await tables(ctx.trx)
    .insertInto('devices')
    .values({ corp_id: ctx.corpId, id, name: input.name, serial: input.serial, model: input.model, bound_by: ctx.actor.id, created_at: ctx.now, updated_at: ctx.now })
    .onConflict((oc) => oc.columns(['corp_id', 'serial']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw new DomainError(DeviceErrors['device.serial_taken'], { serial: input.serial });
  await audit(ctx, { action: 'device.bind', target: { type: 'device', id }, after: input });
  return { id, ...input, createdAt: toIso(ctx.now) };
}

async function deviceRow(ctx: Ctx, deviceId: string): Promise<DeviceRow> {
  const row = await tables(ctx.trx).selectFrom('devices').select(['id', 'name', 'serial', 'model', 'created_at']).where('corp_id', '=', ctx.corpId).where('id', '=', deviceId).executeTakeFirst();
  if (!row) throw new DomainError(DeviceErrors['device.not_found'], { deviceId });
  return row;
}

/** Needs manage on this device. */
export async function renameDevice(ctx: Ctx, deviceId: string, name: string): Promise<DeviceView> {
  await authorizeDevice(ctx, 'manage', deviceId);
  const before = await deviceRow(ctx, deviceId);
  await tables(ctx.trx).updateTable('devices').set({ name, updated_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('id', '=', deviceId).execute();
  await audit(ctx, { action: 'device.update', target: { type: 'device', id: deviceId }, before: { name: before.name }, after: { name } });
  return toView({ ...before, name });
}

/** Unbinds the device (needs manage on it); `device.unbound` takes the admin rights on it away in the same transaction. */
export async function unbindDevice(ctx: Ctx, deviceId: string): Promise<void> {
  await authorizeDevice(ctx, 'manage', deviceId);
  const before = await deviceRow(ctx, deviceId);
  await tables(ctx.trx).deleteFrom('devices').where('corp_id', '=', ctx.corpId).where('id', '=', deviceId).execute();
  await publish(ctx, DeviceEvents['device.unbound'], { deviceId });
  await audit(ctx, { action: 'device.unbind', target: { type: 'device', id: deviceId }, before: toView(before) });
}

/** Every device of the enterprise, id and name, for the rights editors. */
export async function allDevices(db: Executor, corpId: string): Promise<{ id: string; name: string }[]> {
  return tables(db).selectFrom('devices').select(['id', 'name']).where('corp_id', '=', corpId).orderBy('id').execute();
}
