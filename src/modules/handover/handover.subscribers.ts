import { afterCommit } from '../../platform/events.ts';
import { DirectoryEvents } from '../directory/index.ts';
import { onMemberDeparted } from './rule.service.ts';

export const handoverSubscribers = [
  // 数据资产交接 by rule: a departure hands the member's data to the rule's successor.
  afterCommit(DirectoryEvents['member.departed'], 'handover.by-rule', (ctx, { memberId, departmentIds }) => onMemberDeparted(ctx, memberId, departmentIds)),
];
