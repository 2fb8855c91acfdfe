import type { Ctx } from '../../platform/context.ts';
import { afterCommit, type EventMeta } from '../../platform/events.ts';
import { DirectoryEvents, departmentRow, getMember, membersByIds, rootDepartmentId } from '../directory/index.ts';
import { ApprovalEvents, requestForApi } from '../approval/index.ts';
import { AcquisitionEvents } from '../acquisition/index.ts';
import { CustomerEvents } from '../customers/index.ts';
import { approvalProgress, wecomIdsIn, wecomStatus } from '../wecom/index.ts';
import { pathsOf, queueCallbacks, queueWebhooks, type Audience } from './deliveries.service.ts';
import { cdata } from './wire.ts';

type Value = string | number | readonly Field[];
type Field = readonly [name: string, value: Value];

function element([name, value]: Field): string {
  const inner = typeof value === 'number' ? String(value) : typeof value === 'string' ? cdata(value) : value.map(element).join('');
  return `<${name}>${inner}</${name}>`;
}

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
  return `<xml>${all.map(element).join('')}</xml>`;
}

/** A flat event's fields as the webhook's JSON `data` (its ChangeType is in the type: change_contact/create_user). */
function dataOf(fields: readonly Field[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter(([name]) => name !== 'ChangeType').map(([name, value]) => [name, value]));
}

/** One event to both kinds of receiver: the WeCom callbacks (encrypted XML, per app's visible range) and the webhooks subscribed to its type (JSON). */
async function emit(ctx: Ctx, meta: EventMeta, event: string, eventType: string, audience: Audience, fields: readonly Field[], data: unknown = dataOf(fields)): Promise<void> {
  await queueCallbacks(ctx, meta, eventType, audience, eventXml(ctx, meta, event, fields));
  await queueWebhooks(ctx, meta, eventType, data);
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
  await emit(ctx, meta, 'change_contact', `change_contact/${changeType}`, audience, fields);
}

/** delete_user: the member left (离职) or was deleted; the apps that saw its departments hear of it. */
async function memberRemoved(ctx: Ctx, meta: EventMeta, payload: { memberId: string; userid: string; departmentIds: string[] }): Promise<void> {
  const audience = { memberId: payload.memberId, present: false, paths: await pathsOf(ctx, payload.departmentIds) };
  await emit(ctx, meta, 'change_contact', 'change_contact/delete_user', audience, [
    ['ChangeType', 'delete_user'],
    ['UserID', payload.userid],
  ]);
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
  await emit(ctx, meta, 'change_contact', `change_contact/${changeType}`, { present: true, paths: [department.path] }, fields);
}

async function departmentRemoved(ctx: Ctx, meta: EventMeta, payload: { departmentId: string; path: string }): Promise<void> {
  const numbers = await departmentNumbers(ctx, [payload.departmentId]);
  await emit(ctx, meta, 'change_contact', 'change_contact/delete_party', { present: false, paths: [payload.path] }, [
    ['ChangeType', 'delete_party'],
    ['Id', numbers.get(payload.departmentId)!],
  ]);
}

/** sys_approval_change: the request's ApprovalInfo as WeCom writes it, to the apps that see its applicant (审批 sees all). */
async function approvalChanged(ctx: Ctx, meta: EventMeta, payload: { instanceId: string; change: number }): Promise<void> {
  const detail = await requestForApi(ctx, payload.instanceId, async () => true);
  const people = await membersByIds(ctx.trx, ctx.corpId, [detail.applicantId, ...detail.tasks.map((t) => t.assigneeId)]);
  const info = approvalProgress(detail, new Map([...people.values()].map((m) => [m.id, m.userid])));
  const fields: Field[] = [
    [
      'ApprovalInfo',
      [
        ['SpNo', info.sp_no],
        ['SpName', info.sp_name],
        ['SpStatus', info.sp_status],
        ['TemplateId', info.template_id],
        ['ApplyTime', info.apply_time],
        ['Applyer', [['UserId', info.applyer.userid], ['Party', info.applyer.partyid]]],
        ...info.sp_record.map(
          (record): Field => [
            'SpRecord',
            [
              ['SpStatus', record.sp_status],
              ['ApproverAttr', record.approverattr],
              ...record.details.map((d): Field => ['Details', [['Approver', [['UserId', d.approver.userid]]], ['Speech', d.speech], ['SpStatus', d.sp_status], ['SpTime', d.sptime]]]),
            ],
          ],
        ),
        ...info.notifyer.map((n): Field => ['Notifyer', [['UserId', n.userid]]]),
        ['StatuChangeEvent', payload.change],
      ],
    ],
  ];
  const applicant = await getMember(ctx.trx, ctx.corpId, detail.applicantId);
  const audience = { memberId: detail.applicantId, present: applicant?.status === 'active', paths: await pathsOf(ctx, applicant?.departmentIds ?? []) };
  // The webhook's data is the request as oa/getapprovaldetail answers it, with the change.
  await emit(ctx, meta, 'sys_approval_change', 'sys_approval_change', audience, fields, { ...info, statu_change_event: payload.change });
}

type ExternalChange = 'add_external_contact' | 'add_half_external_contact' | 'del_external_contact' | 'del_follow_user';

/** change_external_contact: a member and a customer (ExternalUserID is Banyan's customer id, as the facade's external_userid), to the apps that see the member. */
async function customerChanged(ctx: Ctx, meta: EventMeta, changeType: ExternalChange, payload: { memberId: string; customerId: string; linkId?: string }): Promise<void> {
  const member = await getMember(ctx.trx, ctx.corpId, payload.memberId);
  if (!member) return;
  const adding = changeType === 'add_external_contact' || changeType === 'add_half_external_contact';
  const fields: Field[] = [['ChangeType', changeType], ['UserID', member.userid], ['ExternalUserID', payload.customerId], ...(adding ? [['State', payload.linkId ?? ''] as const] : [])];
  const audience = { memberId: member.id, present: member.status === 'active', paths: await pathsOf(ctx, member.departmentIds) };
  await emit(ctx, meta, 'change_external_contact', `change_external_contact/${changeType}`, audience, fields);
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
  afterCommit(CustomerEvents['customer.added'], 'hooks.add_external_contact', (ctx, payload, meta) => customerChanged(ctx, meta, payload.oneWay ? 'add_half_external_contact' : 'add_external_contact', payload)),
  // A customer through a 获客链接: State is the link's id, as externalcontact/get's follow_user.state says.
  afterCommit(AcquisitionEvents['acquisition.customer_added'], 'hooks.add_external_contact.link', (ctx, payload, meta) => customerChanged(ctx, meta, 'add_external_contact', payload)),
  afterCommit(CustomerEvents['customer.deleted'], 'hooks.del_external_contact', (ctx, payload, meta) => customerChanged(ctx, meta, 'del_external_contact', payload)),
  afterCommit(CustomerEvents['customer.member_deleted'], 'hooks.del_follow_user', (ctx, payload, meta) => customerChanged(ctx, meta, 'del_follow_user', payload)),
  afterCommit(ApprovalEvents['approval.changed'], 'hooks.sys_approval_change', (ctx, payload, meta) => approvalChanged(ctx, meta, payload)),
];
