import type { RightSpec } from '../../platform/policy/index.ts';

/**
 * 审批: every member submits and acts on their own tasks; templates and hand-overs need manage on the
 * approvals app (checked on the app, so super admins and the admins given it).
 */
export const approvalRights: Record<string, RightSpec> = {
  'approvals.use': { member: true },
  'approvals.admin': { hierarchical: 'apps' },
  /** An app's API token (the WeCom API's oa/*): submits for and reads the requests of the members its caller allows. */
  'approvals.api': { token: { zh: '通过接口提交和读取审批', en: 'Submit and read approvals through the API' } },
};
