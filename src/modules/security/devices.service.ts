import type { Ctx, ReadCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { toIso } from '../../platform/clock.ts';
import { DomainError, unknownId } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { audit } from '../../platform/audit.ts';
import { deleteSessionsByHash, openSessionHashes } from '../../platform/auth/sessions.ts';
import type { SignInAttempt, SignInDecision, SignInGuard } from '../../platform/auth/sign-in-guards.ts';
import { isSuperIn } from '../../platform/policy/index.ts';
import { membersByIds } from '../directory/index.ts';
import { compileClientPolicy, restricts } from './enforcement.ts';
import { checkScope, readPolicy, savePolicy, assertActive } from './policies.service.ts';
import { SecurityErrors } from './security.errors.ts';
import type { DevicePolicy, NewDevice } from './security.schema.ts';
import { tables, type DeviceStatus, type SecurityTables } from './security.tables.ts';

type DeviceRow = SecurityTables['security_devices'];

export interface DeviceView {
  id: string;
  memberId: string;
  memberName: string;
  deviceKey: string;
  name: string;
  kind: DeviceRow['kind'];
  status: DeviceStatus;
  createdAt: string;
  lastSignInAt: string | null;
}

async function views(db: Executor, corpId: string, rows: readonly DeviceRow[]): Promise<DeviceView[]> {
  const names = await membersByIds(db, corpId, rows.map((r) => r.member_id));
  return rows.map((r) => ({
    id: r.id,
    memberId: r.member_id,
    memberName: names.get(r.member_id)?.name ?? '',
    deviceKey: r.device_key,
    name: r.name,
    kind: r.kind,
    status: r.status,
    createdAt: toIso(r.created_at),
    lastSignInAt: r.last_sign_in_at === null ? null : toIso(r.last_sign_in_at),
  }));
}

export async function saveDevicePolicy(ctx: Ctx, input: DevicePolicy): Promise<DevicePolicy> {
  await checkScope(ctx, input.scope, '/scope');
  await checkScope(ctx, input.whitelist, '/whitelist');
  return savePolicy(ctx, 'device', input);
}

const refusal = (status: Exclude<DeviceStatus, 'approved'>) =>
  new DomainError(SecurityErrors[status === 'pending' ? 'security.device_pending' : status === 'refused' ? 'security.device_refused' : 'security.device_revoked']);

/**
 * 设备登录限制, asked on every sign-in and corp switch of a member while the purchase is in force
 * (from `activeUntil` on nothing is checked or recorded). A revoked device never enters. A member the
 * restriction covers (scope, less whitelist; never the creator or a super admin, so the console
 * cannot be locked out) enters only from an approved device; a new one is recorded pending (or
 * refused, per the policy) and refused. Anyone else's new device is recorded as an approved personal
 * device. Every attempt from a named device is recorded, with the session it opened.
 */
async function checkDevice(attempt: SignInAttempt): Promise<SignInDecision> {
  const { trx, corpId, actor, now, device } = attempt;
  if (actor.kind !== 'member') return { allowed: true };
  const policy = await compileClientPolicy(trx, corpId, 'device');
  if (now >= policy.activeUntil) return { allowed: true };
  const restricted = restricts(policy, actor.id, now) && !isSuperIn(await attempt.registry.providers.roles(trx, corpId), actor);
  if (!device) return restricted ? { refused: new DomainError(SecurityErrors['security.device_unnamed']) } : { allowed: true };

  const devices = tables(trx);
  let row = await devices.selectFrom('security_devices').selectAll().where('corp_id', '=', corpId).where('member_id', '=', actor.id).where('device_key', '=', device.id).executeTakeFirst();
  if (!row) {
    const { newDevice } = await readPolicy(trx, corpId, 'device');
    const status: DeviceStatus = !restricted ? 'approved' : newDevice === 'approval' ? 'pending' : 'refused';
    const fresh: DeviceRow = { corp_id: corpId, id: newId('sdev', now), member_id: actor.id, device_key: device.id, name: device.name, kind: 'personal', status, created_at: now, decided_by: null, decided_at: null, last_sign_in_at: null };
    await devices.insertInto('security_devices').values(fresh).onConflict((oc) => oc.columns(['corp_id', 'member_id', 'device_key']).doNothing()).execute();
    // A sign-in from the same new device at the same moment recorded it first: use that row.
    row = await devices.selectFrom('security_devices').selectAll().where('corp_id', '=', corpId).where('member_id', '=', actor.id).where('device_key', '=', device.id).executeTakeFirstOrThrow();
  }
  const deviceId = row.id;
  const record = (outcome: 'allowed' | 'refused', sessionHash: string | null) =>
    devices.insertInto('security_device_sign_ins').values({ corp_id: corpId, id: newId('dsin', now), device_id: deviceId, member_id: actor.id, outcome, session_hash: sessionHash, address: attempt.ip, signed_in_at: now }).execute();
  if (row.status === 'revoked' || (restricted && row.status !== 'approved')) {
    await record('refused', null);
    return { refused: refusal(row.status as Exclude<DeviceStatus, 'approved'>) };
  }
  return {
    allowed: true,
    onSession: async (sessionHash) => {
      await record('allowed', sessionHash);
      await devices.updateTable('security_devices').set({ last_sign_in_at: now }).where('corp_id', '=', corpId).where('id', '=', deviceId).execute();
    },
  };
}

export const deviceSignInGuard: SignInGuard = { name: 'security.devices', check: checkDevice };

export interface DeviceSearch {
  status?: DeviceStatus | undefined;
  memberId?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** The members' devices, newest first, by status and member. */
export async function listDevices(ctx: ReadCtx, query: DeviceSearch): Promise<{ items: DeviceView[]; nextCursor: string | null }> {
  let q = tables(ctx.trx).selectFrom('security_devices').selectAll().where('corp_id', '=', ctx.corpId);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.memberId) q = q.where('member_id', '=', query.memberId);
  if (query.cursor) q = q.where('id', '<', query.cursor);
  const rows = await q.orderBy('id', 'desc').limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  return { items: await views(ctx.trx, ctx.corpId, page), nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null };
}

async function deviceRow(db: Executor, corpId: string, id: string): Promise<DeviceRow> {
  const row = await tables(db).selectFrom('security_devices').selectAll().where('corp_id', '=', corpId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError(SecurityErrors['security.device_not_found'], { id });
  return row;
}

/** 企业设备: an admin registers a member's device by the id its client shows; it is approved. */
export async function registerDevice(ctx: Ctx, input: NewDevice): Promise<DeviceView> {
  await assertActive(ctx.trx, ctx.corpId, ctx.now);
  if (!(await membersByIds(ctx.trx, ctx.corpId, [input.memberId])).has(input.memberId)) throw unknownId('/memberId', input.memberId, 'body');
  const row: DeviceRow = { corp_id: ctx.corpId, id: newId('sdev', ctx.now), member_id: input.memberId, device_key: input.deviceKey, name: input.name, kind: input.kind, status: 'approved', created_at: ctx.now, decided_by: ctx.actor.id, decided_at: ctx.now, last_sign_in_at: null };
  const inserted = await tables(ctx.trx).insertInto('security_devices').values(row).onConflict((oc) => oc.columns(['corp_id', 'member_id', 'device_key']).doNothing()).executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw new DomainError(SecurityErrors['security.device_exists'], { memberId: input.memberId, deviceKey: input.deviceKey });
  await audit(ctx, { action: 'security.device_register', target: { type: 'member', id: input.memberId }, after: { deviceId: row.id, name: input.name, kind: input.kind } });
  return (await views(ctx.trx, ctx.corpId, [row]))[0]!;
}

const STATUS_OF = { approve: 'approved', refuse: 'refused', revoke: 'revoked' } as const;

/**
 * An admin's decision on a device: approve (a pending, refused or revoked one), refuse, or revoke,
 * which also ends every session opened from it. Only while the purchase is in force.
 */
export async function decideDevice(ctx: Ctx, id: string, decision: keyof typeof STATUS_OF): Promise<{ device: DeviceView; sessionsEnded: number }> {
  await assertActive(ctx.trx, ctx.corpId, ctx.now);
  const before = await deviceRow(ctx.trx, ctx.corpId, id);
  const status = STATUS_OF[decision];
  await tables(ctx.trx).updateTable('security_devices').set({ status, decided_by: ctx.actor.id, decided_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('id', '=', id).execute();
  let sessionsEnded = 0;
  if (decision === 'revoke') {
    const opened = await tables(ctx.trx).selectFrom('security_device_sign_ins').select('session_hash').where('corp_id', '=', ctx.corpId).where('device_id', '=', id).where('session_hash', 'is not', null).execute();
    sessionsEnded = await deleteSessionsByHash(ctx.trx, opened.map((r) => r.session_hash!));
  }
  await audit(ctx, {
    action: decision === 'approve' ? 'security.device_approve' : decision === 'refuse' ? 'security.device_refuse' : 'security.device_revoke', target: { type: 'member', id: before.member_id }, before: { deviceId: id, status: before.status }, after: { status, sessionsEnded } });
  return { device: (await views(ctx.trx, ctx.corpId, [{ ...before, status }]))[0]!, sessionsEnded };
}

/** The sign-in attempts from one device, newest first, and whether each opened session is still open. */
export async function deviceSignIns(ctx: ReadCtx, id: string, page: { cursor?: string | undefined; limit: number }) {
  await deviceRow(ctx.trx, ctx.corpId, id);
  let q = tables(ctx.trx).selectFrom('security_device_sign_ins').selectAll().where('corp_id', '=', ctx.corpId).where('device_id', '=', id);
  if (page.cursor) q = q.where('id', '<', page.cursor);
  const rows = await q.orderBy('id', 'desc').limit(page.limit + 1).execute();
  const items = rows.slice(0, page.limit);
  const open = await openSessionHashes(ctx.trx, ctx.now, items.flatMap((r) => (r.session_hash ? [r.session_hash] : [])));
  return {
    items: items.map((r) => ({ id: r.id, outcome: r.outcome, address: r.address, signedInAt: toIso(r.signed_in_at), active: r.session_hash !== null && open.has(r.session_hash) })),
    nextCursor: rows.length > page.limit ? items[items.length - 1]!.id : null,
  };
}
