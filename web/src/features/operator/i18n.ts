import { defineMessages } from '../../i18n/define';

export default defineMessages(
  {
    console: '运营后台',
    signInTitle: '运营后台登录',
    signInSubtitle: '仅限平台运营人员使用',
    corps: {
      title: '企业列表',
      search: '搜索企业名称',
      createdAt: '注册时间',
      actions: '操作',
    },
    certify: {
      action: '设置认证',
      title: '设置企业认证',
      current: '当前状态',
      until: '认证有效期至',
      clear: '取消认证',
      clearConfirm: '确定取消该企业的认证？',
      saved: '认证状态已更新',
    },
  },
  {
    console: 'Operator console',
    signInTitle: 'Operator sign in',
    signInSubtitle: 'For platform operators only',
    corps: {
      title: 'Enterprises',
      search: 'Search by enterprise name',
      createdAt: 'Registered',
      actions: 'Actions',
    },
    certify: {
      action: 'Certification',
      title: 'Set certification',
      current: 'Current status',
      until: 'Certified until',
      clear: 'Remove certification',
      clearConfirm: 'Remove the certification of this enterprise?',
      saved: 'Certification updated',
    },
  },
);
