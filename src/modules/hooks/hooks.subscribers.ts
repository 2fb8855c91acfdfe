import type { Ctx } from '../../platform/context.ts';
import { afterCommit, type EventMeta } from '../../platform/events.ts';
import { DirectoryEvents, departmentRow, getMember, rootDepartmentId } from '../directory/index.ts';
import { wecomIdsIn, wecomStatus } from '../wecom/index.ts';
import { pathsOf, queueCallbacks } from './deliveries.service.ts';
import { cdata } from './wire.ts';

type Field = readonly [name: string, value: string | number];

/** A WeCom event's plaintext: strings in CDATA, numbers bare, as WeCom writes them. */
export function eventXml(ctx: Ctx, meta: EventMeta, event: string, fields: readonly Field[]): string {
  const head: Field[] = [
    ['ToUserName', ctx.corpId],
    ['FromUserName', 'sys'],
    ['CreateTime', Math.floor(meta.createdAt / 1000)],
    ['MsgType', 'event'],
    ['Event', event],
  ];
  // Banyan's own addition: the event id, the same on every retry and replay, for the receiver to dedupe on.
  const all = [...head, ...fields, ['BanyanEventId', meta.eventId] as const];
  return `<xml>${all.map(([name, value]) => `<${name}>${typeof value === 'number' ? value : cdata(value)}</${name}>`).join('')}</xml>`;
}

async function departmentNumbers(ctx: Ctx, ids: readonly string[]): Promise<Map<string, number>> {
  return wecomIdsIn(ctx.trx, ctx.corpId, 'department', ids, await rootDepartmentId(ctx.trx, ctx.corpId));
}

/** create_user / update_user: the member as WeCom's contact callback describes it (skipped when it is gone by now). */
async function memberChanged(ctx: Ctx, meta: EventMeta, changeType: 'create_user' | 'update_user', memberId: string): Promise<void> {
  const member = await getMember(ctx.trx, ctx.corpId, memberId);
  if (!member) return;
  const numbers = await departmentNumbers(ctx, [...member.departmentIds, member.mainDepartmentId]);
  const fields: Field[] = [
    ['ChangeType', changeType],
    ['UserID', member.userid],
    ['Name', member.name],
    ['Department', member.departmentIds.map((id) => numbers.get(id)!).join(',')],
    ['MainDepartment', numbers.get(member.mainDepartmentId)!],
    ['Position', member.position ?? ''],
    ['Mobile', member.phone ?? ''],
    ['Email', member.email ?? ''],
    ['Status', wecomStatus({ status: member.status, linked: member.accountId !== null })],
  ];
  const audience = { memberId, present: true, paths: await pathsOf(ctx, member.departmentIds) };
  await queueCallbacks(ctx, meta, `change_contact/${changeType}`, audience, eventXml(ctx, meta, 'change_contact', fields));
}

/** delete_user: the member left (离职) or was deleted; the apps that saw its departments hear of it. */
async function memberRemoved(ctx: Ctx, meta: EventMeta, payload: { memberId: string; userid: string; departmentIds: string[] }): Promise<void> {
  const audience = { memberId: payload.memberId, present: false, paths: await pathsOf(ctx, payload.departmentIds) };
  const xml = eventXml(ctx, meta, 'change_contact', [
    ['ChangeType', 'delete_user'],
    ['UserID', payload.userid],
  ]);
  await queueCallbacks(ctx, meta, 'change_contact/delete_user', audience, xml);
}

async function departmentChanged(ctx: Ctx, meta: EventMeta, changeType: 'create_party' | 'update_party', departmentId: string): Promise<void> {
  const department = await departmentRow(ctx.trx, ctx.corpId, departmentId);
  if (!department) return;
  const parentId = department.parent_id;
  const numbers = await departmentNumbers(ctx, [departmentId, ...(parentId ? [parentId] : [])]);
  const fields: Field[] = [
    ['ChangeType', changeType],
    ['Id', numbers.get(departmentId)!],
    ['Name', department.name],
    ['ParentId', parentId ? numbers.get(parentId)! : 0],
  ];
  await queueCallbacks(ctx, meta, `change_contact/${changeType}`, { present: true, paths: [department.path] }, eventXml(ctx, meta, 'change_contact', fields));
}

async function departmentRemoved(ctx: Ctx, meta: EventMeta, payload: { departmentId: string; path: string }): Promise<void> {
  const numbers = await departmentNumbers(ctx, [payload.departmentId]);
  const xml = eventXml(ctx, meta, 'change_contact', [
    ['ChangeType', 'delete_party'],
    ['Id', numbers.get(payload.departmentId)!],
  ]);
  await queueCallbacks(ctx, meta, 'change_contact/delete_party', { present: false, paths: [payload.path] }, xml);
}

/** WeCom's callbacks, from the outbox after the change committed: no module calls them. */
export const hookSubscribers = [
  afterCommit(DirectoryEvents['member.created'], 'hooks.create_user', (ctx, { memberId }, meta) => memberChanged(ctx, meta, 'create_user', memberId)),
  afterCommit(DirectoryEvents['member.updated'], 'hooks.update_user', (ctx, { memberId }, meta) => memberChanged(ctx, meta, 'update_user', memberId)),
  afterCommit(DirectoryEvents['member.enabled'], 'hooks.update_user.enabled', (ctx, { memberId }, meta) => memberChanged(ctx, meta, 'update_user', memberId)),
  afterCommit(DirectoryEvents['member.disabled'], 'hooks.update_user.disabled', (ctx, { memberId }, meta) => memberChanged(ctx, meta, 'update_user', memberId)),
  afterCommit(DirectoryEvents['member.departed'], 'hooks.delete_user.departed', (ctx, payload, meta) => memberRemoved(ctx, meta, payload)),
  afterCommit(DirectoryEvents['member.deleted'], 'hooks.delete_user', (ctx, payload, meta) => memberRemoved(ctx, meta, payload)),
  afterCommit(DirectoryEvents['department.created'], 'hooks.create_party', (ctx, { departmentId }, meta) => departmentChanged(ctx, meta, 'create_party', departmentId)),
  afterCommit(DirectoryEvents['department.renamed'], 'hooks.update_party.renamed', (ctx, { departmentId }, meta) => departmentChanged(ctx, meta, 'update_party', departmentId)),
  afterCommit(DirectoryEvents['department.moved'], 'hooks.update_party.moved', (ctx, { departmentId }, meta) => departmentChanged(ctx, meta, 'update_party', departmentId)),
  afterCommit(DirectoryEvents['department.deleted'], 'hooks.delete_party', (ctx, payload, meta) => departmentRemoved(ctx, meta, payload)),
];
