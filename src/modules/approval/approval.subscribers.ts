import { afterCommit } from '../../platform/events.ts';
import { DirectoryEvents } from '../directory/index.ts';
import { onMemberDeparted } from './handover.service.ts';

export const approvalSubscribers = [
  // 成员离职时: the directory reports a departure; open tasks follow their node kind's rule.
  afterCommit(DirectoryEvents['member.departed'], 'approval.handover', (ctx, { memberId }) => onMemberDeparted(ctx, memberId)),
];
