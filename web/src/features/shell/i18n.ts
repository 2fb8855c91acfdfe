import { defineMessages } from '../../i18n/define';

export default defineMessages(
  {
    switchCorp: '切换企业',
    registerCorp: '注册新企业',
    switched: '已切换到{{name}}',
    changePassword: '修改密码',
    memberArea: '工作台',
    memberPages: '页面',
    tabs: { home: '首页', contacts: '通讯录', collaboration: '协作', apps: '应用管理', customers: '客户与上下游', advanced: '高级功能', tools: '管理工具', corp: '我的企业' },
  },
  {
    switchCorp: 'Switch enterprise',
    registerCorp: 'Register another enterprise',
    switched: 'Switched to {{name}}',
    changePassword: 'Change password',
    memberArea: 'Workspace',
    memberPages: 'Pages',
    tabs: { home: 'Home', contacts: 'Contacts', collaboration: 'Collaboration', apps: 'Apps', customers: 'Customers & partners', advanced: 'Advanced features', tools: 'Admin tools', corp: 'My enterprise' },
  },
);
