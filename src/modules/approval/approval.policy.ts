import type { RightSpec } from '../../platform/policy/index.ts';

/**
 * 审批: every member submits and acts on their own tasks; templates and hand-overs need manage on the
 * approvals app (checked on the app, so super admins and the admins given it).
 */
export const approvalRights: Record<string, RightSpec> = {
  'approvals.use': { member: true },
  'approvals.admin': { hierarchical: 'apps' },
};
