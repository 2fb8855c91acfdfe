import type { RightSpec } from '../../platform/policy/index.ts';

export const recoveryRights: Record<string, RightSpec> = {
  /** Issuing a reset link for a member: the creator and super admins only (no hierarchical admin). */
  'recovery.issue_link': {},
};
