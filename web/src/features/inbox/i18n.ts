import { defineMessages } from '../../i18n/define';

export default defineMessages(
  {
    nav: '消息',
    title: '消息',
    unread: '{{count}} 条未读',
    markRead: '标为已读',
    markAllRead: '全部标为已读',
    empty: '暂无消息',
    deletedApp: '已删除的应用',
    apps: {
      approvals: '审批',
      attendance: '打卡',
      features: '高级功能',
      docs: '文档',
    },
    notices: {
      approval: {
        approve: { title: '待审批', body: '{{template}}' },
        handle: { title: '待办理', body: '{{template}}' },
        cc: { title: '抄送', body: '{{template}}' },
        consent: { title: '待确认修改', body: '{{template}}' },
        approved: { title: '审批结果', body: '{{template}}：已通过' },
        rejected: { title: '审批结果', body: '{{template}}：已驳回' },
        handover: { title: '审批待交接', body: '{{template}}：办理人已离职，请手动交接' },
      },
      wallet: {
        balance_low: { title: '余额不足提醒', body: '企业可用余额 {{balanceFen}}，低于预警金额 {{thresholdFen}}，请及时充值，避免影响业务使用。' },
      },
      certification: {
        approved: { title: '企业认证审核通过', body: '认证主体：{{subject}}，有效期至 {{validUntil}}' },
        rejected: { title: '企业认证审核未通过', body: '原因：{{reason}}。修改后可重新提交，无需再次付费。' },
        expiring: { title: '企业认证即将到期', body: '企业认证将于 {{until}} 到期（不足 {{days}} 天）。到期后客户添加上限恢复为 100 人，发票等依赖认证的功能将不可用，请及时申请认证。' },
      },
      datamigration: {
        submitted: { title: '数据迁移申请已提交', body: '数据迁移申请已提交' },
        approved: { title: '数据迁移申请审核通过，请邮寄盖章纸质版材料', body: '数据迁移申请审核通过，请邮寄盖章纸质版材料' },
        paper_received: { title: '数据迁移纸质材料已收到', body: '数据迁移纸质材料已收到' },
        migrating: { title: '数据迁移开始', body: '数据迁移开始' },
        done: { title: '数据迁移完成', body: '数据迁移完成' },
        rejected: { title: '数据迁移申请被驳回', body: '原因：{{reason}}' },
        halted: { title: '数据迁移已中止', body: '原因：{{reason}}' },
        rejected_not_approved: { title: '数据迁移申请被驳回', body: '原因：未通过审核' },
        halted_source_not_certified: { title: '数据迁移已中止', body: '原因：迁出企业「{{corp}}」不在认证有效期内' },
        halted_target_not_certified: { title: '数据迁移已中止', body: '原因：迁入企业「{{corp}}」不在认证有效期内' },
        halted_source_subject_changed: { title: '数据迁移已中止', body: '原因：迁出企业的认证主体已变更（不能在迁移期间变更认证主体）' },
        halted_target_subject_changed: { title: '数据迁移已中止', body: '原因：迁入企业的认证主体已变更（不能在迁移期间变更认证主体）' },
      },
      docs: {
        mentioned: { title: '{{member}} 在「{{file}}」中提到了你', body: '{{comment}}' },
      },
    },
  },
  {
    nav: 'Messages',
    title: 'Messages',
    unread: '{{count}} unread',
    markRead: 'Mark as read',
    markAllRead: 'Mark all as read',
    empty: 'No messages',
    deletedApp: 'Deleted app',
    apps: {
      approvals: 'Approvals',
      attendance: 'Attendance',
      features: 'Advanced features',
      docs: 'Docs',
    },
    notices: {
      approval: {
        approve: { title: 'To approve', body: '{{template}}' },
        handle: { title: 'To handle', body: '{{template}}' },
        cc: { title: 'CC to you', body: '{{template}}' },
        consent: { title: 'An edit to confirm', body: '{{template}}' },
        approved: { title: 'Approval result', body: '{{template}}: approved' },
        rejected: { title: 'Approval result', body: '{{template}}: rejected' },
        handover: { title: 'Approval to hand over', body: '{{template}}: the handler has left; hand the task over by hand' },
      },
      wallet: {
        balance_low: { title: 'Low balance', body: "The enterprise's available balance is {{balanceFen}}, below the alert amount of {{thresholdFen}}. Top up soon so that nothing stops." },
      },
      certification: {
        approved: { title: 'Certification approved', body: 'Certified subject: {{subject}}, valid until {{validUntil}}' },
        rejected: { title: 'Certification not approved', body: 'Reason: {{reason}}. Correct it and submit again; there is nothing more to pay.' },
        expiring: {
          title: 'Certification ends soon',
          body: 'The certification ends on {{until}} (less than {{days}} days). After that the customer limit returns to 100 and features that need certification, such as invoices, stop. Apply for certification in time.',
        },
      },
      datamigration: {
        submitted: { title: 'Data migration application submitted', body: 'Data migration application submitted' },
        approved: { title: 'Data migration approved: post the sealed paper copies', body: 'Data migration approved: post the sealed paper copies' },
        paper_received: { title: 'Data migration paper copies received', body: 'Data migration paper copies received' },
        migrating: { title: 'Data migration started', body: 'Data migration started' },
        done: { title: 'Data migration done', body: 'Data migration done' },
        rejected: { title: 'Data migration application rejected', body: 'Reason: {{reason}}' },
        halted: { title: 'Data migration halted', body: 'Reason: {{reason}}' },
        rejected_not_approved: { title: 'Data migration application rejected', body: 'Reason: not approved' },
        halted_source_not_certified: { title: 'Data migration halted', body: 'Reason: the source enterprise "{{corp}}" is not within its certification validity' },
        halted_target_not_certified: { title: 'Data migration halted', body: 'Reason: the target enterprise "{{corp}}" is not within its certification validity' },
        halted_source_subject_changed: { title: 'Data migration halted', body: "Reason: the source enterprise's certified subject changed (it may not change during a migration)" },
        halted_target_subject_changed: { title: 'Data migration halted', body: "Reason: the target enterprise's certified subject changed (it may not change during a migration)" },
      },
      docs: {
        mentioned: { title: '{{member}} mentioned you in "{{file}}"', body: '{{comment}}' },
      },
    },
  },
);
