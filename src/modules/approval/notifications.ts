import type { Ctx } from '../../platform/context.ts';
import { publish } from '../../platform/events.ts';
import { adminMemberIds } from '../directory/index.ts';
import { ApprovalEvents } from './approval.events.ts';

/**
 * What the engine tells people. Each notice is announced in the command's transaction with a key
 * per task, so it exists exactly when the task does and reaches each member once.
 */
export type NoticeKind = 'approve' | 'handle' | 'cc' | 'consent' | 'approved' | 'rejected';

const TITLES: Record<NoticeKind, string> = { approve: '待审批', handle: '待办理', cc: '抄送', consent: '待确认修改', approved: '审批结果', rejected: '审批结果' };
const OUTCOMES: Partial<Record<NoticeKind, string>> = { approved: '已通过', rejected: '已驳回' };

export async function notify(ctx: Ctx, memberIds: string[], kind: NoticeKind, request: { id: string; template_name: string }, dedupeKey: string): Promise<void> {
  if (memberIds.length === 0) return;
  const outcome = OUTCOMES[kind];
  await publish(ctx, ApprovalEvents['approval.notified'], {
    memberIds,
    title: TITLES[kind],
    body: `${request.template_name}${outcome ? `：${outcome}` : ''}`,
    text: { key: `approval.${kind}`, params: { template: request.template_name } },
    link: `/app/approvals/requests/${request.id}`,
    dedupeKey,
  });
}

/** 成员离职时 提醒管理员手动交接: the admins (the creator and the super admins who are members) are asked to hand the task over. */
export async function remindAdmins(ctx: Ctx, request: { id: string; template_name: string }, taskId: string): Promise<void> {
  const admins = await adminMemberIds(ctx);
  if (admins.length === 0) return;
  await publish(ctx, ApprovalEvents['approval.notified'], {
    memberIds: admins,
    title: '审批待交接',
    body: `${request.template_name}：办理人已离职，请手动交接`,
    text: { key: 'approval.handover', params: { template: request.template_name } },
    link: `/app/approvals/requests/${request.id}`,
    dedupeKey: `approval:handover:${taskId}`,
  });
}
