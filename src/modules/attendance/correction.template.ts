import { DEFAULT_SETTINGS, type BuiltinTemplateSpec } from '../approval/index.ts';

/** The built-in 补卡 template attendance owns: a request names the day, the 上班 or 下班 with its time, and why. */
export const CORRECTION_KIND = 'attendance.correction';

export const correctionTemplate: BuiltinTemplateSpec = {
  kind: CORRECTION_KIND,
  template: {
    name: '补卡',
    description: '未打卡或打卡异常时申请补卡，审批通过后记为正常打卡。',
    form: [
      { id: 'day', type: 'date', label: '补卡日期', required: true },
      { id: 'punch', type: 'text', label: '补卡班次', required: true },
      { id: 'reason', type: 'text', label: '补卡事由', required: true },
    ],
    flow: [{ id: 'head', kind: 'approver', name: '上级', assignee: { type: 'head', direction: 'up', level: 1, mode: 'any' } }],
    settings: DEFAULT_SETTINGS,
  },
};
