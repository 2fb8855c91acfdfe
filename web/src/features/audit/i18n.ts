import { defineMessages } from '../../i18n/define';

export default defineMessages(
  {
    nav: '操作日志',
    title: '操作日志',
    columns: {
      at: '时间',
      actor: '操作人',
      action: '操作',
      target: '操作对象',
      ip: 'IP 地址',
    },
    filters: {
      action: '操作',
      actionPlaceholder: '按操作筛选，如 corp.update',
      range: '时间范围',
      outcome: '结果',
    },
    outcomes: {
      done: '已执行',
      refused: '已拒绝',
    },
    before: '变更前',
    after: '变更后',
    actorKinds: {
      member: '成员',
      external: '外部管理员',
      account: '账号',
      operator: '平台运营方',
      token: 'API 令牌',
      system: '系统',
    },
  },
  {
    nav: 'Audit log',
    title: 'Audit log',
    columns: {
      at: 'Time',
      actor: 'Actor',
      action: 'Action',
      target: 'Target',
      ip: 'IP address',
    },
    filters: {
      action: 'Action',
      actionPlaceholder: 'Filter by action, e.g. corp.update',
      range: 'Time range',
      outcome: 'Outcome',
    },
    outcomes: {
      done: 'Done',
      refused: 'Refused',
    },
    before: 'Before',
    after: 'After',
    actorKinds: {
      member: 'Member',
      external: 'External admin',
      account: 'Account',
      operator: 'Operator',
      token: 'API token',
      system: 'System',
    },
  },
);
