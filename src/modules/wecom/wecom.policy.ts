import type { RightSpec } from '../../platform/policy/index.ts';

/** The contacts-sync secret writes the whole directory: only the creator and super admins reveal or reset it. */
export const wecomRights: Record<string, RightSpec> = {
  'wecom.sync_secret': {},
};
