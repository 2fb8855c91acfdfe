import { defineMessages } from '../../i18n/define';

export default defineMessages(
  {
    nav: '企业信息',
    fields: {
      id: '企业 ID',
      name: '企业全称',
      shortName: '对外简称',
      shortNameHint: '成员和客户看到的企业名称',
      industry: '行业类型',
      certification: '认证状态',
    },
    industries: {
      general: '通用',
      home_school: '家校',
      government: '政务',
      education: '教育',
      other: '其他',
    },
    certification: {
      none: '未认证',
      until: '已认证，有效期至 {{date}}',
    },
    profile: {
      title: '企业信息',
      editTitle: '编辑企业信息',
    },
  },
  {
    nav: 'Enterprise',
    fields: {
      id: 'Enterprise ID',
      name: 'Full name',
      shortName: 'Short name',
      shortNameHint: 'The name members and customers see',
      industry: 'Industry',
      certification: 'Certification',
    },
    industries: {
      general: 'General',
      home_school: 'Home & school',
      government: 'Government',
      education: 'Education',
      other: 'Other',
    },
    certification: {
      none: 'Not certified',
      until: 'Certified, valid until {{date}}',
    },
    profile: {
      title: 'Enterprise profile',
      editTitle: 'Edit enterprise profile',
    },
  },
);
