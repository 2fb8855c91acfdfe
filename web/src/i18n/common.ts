import { defineMessages } from './define';

export default defineMessages(
  {
    appName: 'Banyan',
    adminConsole: '管理后台',
    columns: { actions: '操作', kind: '身份', state: '关系', reason: '原因', createdAt: '创建时间' },
    actions: {
      edit: '编辑',
      create: '创建',
      search: '搜索',
      reset: '重置',
      back: '返回',
      loadMore: '加载更多',
      retry: '重试',
    },
    language: {
      'zh-CN': '中文',
      en: 'English',
    },
    result: {
      forbidden: '你没有权限访问此页面',
      notFound: '页面不存在',
      loadFailed: '加载失败',
      backHome: '返回首页',
    },
    saved: '已保存',
    /** A label and its value in running text; the separator between such pairs. */
    labelled: '{{label}}：{{value}}',
    pairSeparator: '；',
  },
  {
    appName: 'Banyan',
    adminConsole: 'Admin console',
    columns: { actions: 'Actions', kind: 'Role', state: 'Relationship', reason: 'Reason', createdAt: 'Created' },
    actions: {
      edit: 'Edit',
      create: 'Create',
      search: 'Search',
      reset: 'Reset',
      back: 'Back',
      loadMore: 'Load more',
      retry: 'Retry',
    },
    language: {
      'zh-CN': '中文',
      en: 'English',
    },
    result: {
      forbidden: 'You do not have permission to view this page',
      notFound: 'Page not found',
      loadFailed: 'Failed to load',
      backHome: 'Back to home',
    },
    saved: 'Saved',
    labelled: '{{label}}: {{value}}',
    pairSeparator: '; ',
  },
);
