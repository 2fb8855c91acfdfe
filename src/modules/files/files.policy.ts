import type { RightSpec } from '../../platform/policy/index.ts';

/** Members keep their own files; the records are read by the admins of 安全管理 (`security.manage`). */
export const fileRights: Record<string, RightSpec> = {
  'files.use': { member: true },
};
