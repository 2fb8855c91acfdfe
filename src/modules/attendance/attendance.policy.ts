import type { RightSpec } from '../../platform/policy/index.ts';

/**
 * 打卡: every member clocks in and reads their own records; rules, usual devices and the enterprise's
 * records need manage on the 打卡 app (checked on the app: super admins and the admins given it, the
 * 打卡应用负责人), and then only for members in the admin's contacts rights.
 */
export const attendanceRights: Record<string, RightSpec> = {
  'attendance.clock': { member: true },
  'attendance.admin': { hierarchical: 'apps' },
};
