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
import * as corrections from './migrations/0235_attendance_corrections.ts';
import * as summaryIndex from './migrations/0420_attendance_summary_index.ts';
import { afterCommit, inTransaction } from '../../platform/events.ts';
import { ApprovalEvents } from '../approval/index.ts';
import { onCorrectionDecided } from './corrections.service.ts';
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
    attendance_corrections: 'tenant',
    attendance_correction_months: 'tenant',
  },
  migrations: { '0230_attendance': attendanceTables, '0231_attendance_missed': missedTables, '0232_attendance_faces': faceTables, '0233_attendance_machines': machineTables, '0234_attendance_photo_files': photoFiles, '0235_attendance_corrections': corrections, '0420_attendance_summary_index': summaryIndex },
  errors: AttendanceErrors,
  rights: attendanceRights,
  routes: attendanceRoutes,
  subscribers: [
    inTransaction(DeviceEvents['device.unbound'], 'attendance.machine-of-unbound-device', (ctx, { deviceId }) => forgetMachine(ctx, deviceId)),
    // 补卡: the approval engine reports how a correction's approval ended; applied once per approval.
    afterCommit(ApprovalEvents['approval.builtin_decided'], 'attendance.correction-decided', (ctx, payload) => onCorrectionDecided(ctx, payload)),
  ],
  jobs: [{ kind: CLOSE_SHIFTS_JOB, schedule: '*/5 * * * *', run: (_job, ctx) => closeShifts(ctx) }],
});

export { AttendanceErrors };
