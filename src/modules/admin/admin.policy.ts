import type { RightSpec } from '../../platform/policy/index.ts';

/**
 * 权限管理 itself: every admin sees the admin list and what it may grant; changes are checked in
 * admin.service.ts against what the actor holds.
 */
export const adminRights: Record<string, RightSpec> = {
  'admins.read': { hierarchical: 'any', token: { zh: '读取管理员', en: 'Read the admins' } },
  'admins.manage': {},
  'admins.delegate': { hierarchical: 'any' },
};
