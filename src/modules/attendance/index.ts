/** 打卡: clock-in rules, clock-ins with their verdicts, and the anti-cheating settings (防作弊管理). */
import { defineModule } from '../../platform/module.ts';
import { AttendanceErrors } from './attendance.errors.ts';
import { attendanceRights } from './attendance.policy.ts';
import { attendanceRoutes } from './attendance.routes.ts';
import * as attendanceTables from './migrations/0230_attendance.ts';
import * as missedTables from './migrations/0231_attendance_missed.ts';
import * as faceTables from './migrations/0232_attendance_faces.ts';
import * as machineTables from './migrations/0233_attendance_machines.ts';
import * as photoFiles from './migrations/0234_attendance_photo_files.ts';
import { inTransaction } from '../../platform/events.ts';
import { DeviceEvents } from '../devices/index.ts';
import { forgetMachine } from './machines.service.ts';
import { CLOSE_SHIFTS_JOB, closeShifts } from './missed.service.ts';

export const attendanceModule = defineModule({
  name: 'attendance',
  tables: {
    attendance_rules: 'tenant',
    attendance_rule_targets: 'tenant',
    attendance_clockins: 'tenant',
    attendance_photos: 'tenant',
    attendance_usual_devices: 'tenant',
    attendance_missed: 'tenant',
    attendance_closed_days: 'tenant',
    attendance_faces: 'tenant',
    attendance_machines: 'tenant',
    attendance_machine_punches: 'tenant',
    attendance_door_access: 'tenant',
  },
  migrations: { '0230_attendance': attendanceTables, '0231_attendance_missed': missedTables, '0232_attendance_faces': faceTables, '0233_attendance_machines': machineTables, '0234_attendance_photo_files': photoFiles },
  errors: AttendanceErrors,
  rights: attendanceRights,
  routes: attendanceRoutes,
  subscribers: [inTransaction(DeviceEvents['device.unbound'], 'attendance.machine-of-unbound-device', (ctx, { deviceId }) => forgetMachine(ctx, deviceId))],
  jobs: [{ kind: CLOSE_SHIFTS_JOB, schedule: '*/5 * * * *', run: (_job, ctx) => closeShifts(ctx) }],
});

export { AttendanceErrors };
