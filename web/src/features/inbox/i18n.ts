import { defineMessages } from '../../i18n/define';

export default defineMessages(
  {
    nav: '消息',
    title: '消息',
    unread: '{{count}} 条未读',
    markRead: '标为已读',
    markAllRead: '全部标为已读',
    empty: '暂无消息',
    apps: {
      approvals: '审批',
      attendance: '打卡',
      features: '高级功能',
    },
  },
  {
    nav: 'Messages',
    title: 'Messages',
    unread: '{{count}} unread',
    markRead: 'Mark as read',
    markAllRead: 'Mark all as read',
    empty: 'No messages',
    apps: {
      approvals: 'Approvals',
      attendance: 'Attendance',
      features: 'Advanced features',
    },
  },
);
