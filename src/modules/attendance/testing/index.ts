/** Fixtures for the attendance tests and benchmark: a rule body with every field, overridable. */
import type { RuleInputValue } from '../attendance.schema.ts';

export function ruleBody(overrides: Partial<RuleInputValue> = {}): RuleInputValue {
  return {
    name: '总部打卡',
    members: { memberIds: [], departmentIds: [], tagIds: [] },
    workDays: [1, 2, 3, 4, 5],
    shift: { start: '09:00', end: '18:00', lateGraceMinutes: 5, earlyGraceMinutes: 5 },
    holidays: [],
    places: [],
    wifi: [],
    photo: false,
    face: false,
    machines: false,
    usualDeviceLimit: 0,
    overLimit: 'photo_note',
    ...overrides,
  };
}

/** The job that writes 未打卡 at the end of each shift, for tests that run it at an instant. */
export { CLOSE_SHIFTS_JOB } from '../missed.service.ts';

/** The summary service, for the benchmark of a month of 10,000 members. */
export { summarise } from '../summary.service.ts';
