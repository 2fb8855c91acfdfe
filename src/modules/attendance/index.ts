/** 打卡: clock-in rules, clock-ins with their verdicts, and the anti-cheating settings (防作弊管理). */
import { defineModule } from '../../platform/module.ts';
import { AttendanceErrors } from './attendance.errors.ts';
import { attendanceRights } from './attendance.policy.ts';
import { attendanceRoutes } from './attendance.routes.ts';
import * as attendanceTables from './migrations/0230_attendance.ts';

export const attendanceModule = defineModule({
  name: 'attendance',
  tables: { attendance_rules: 'tenant', attendance_rule_targets: 'tenant', attendance_clockins: 'tenant', attendance_photos: 'tenant', attendance_usual_devices: 'tenant' },
  migrations: { '0230_attendance': attendanceTables },
  errors: AttendanceErrors,
  rights: attendanceRights,
  routes: attendanceRoutes,
});

export { AttendanceErrors };
