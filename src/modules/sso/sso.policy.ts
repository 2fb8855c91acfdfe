import type { RightSpec } from '../../platform/policy/index.ts';

export const ssoRights: Record<string, RightSpec> = {
  /** Only the creator and super admins configure how members sign in. */
  'sso.manage': {},
};
