import { defineMessages } from '../../i18n/define';

export default defineMessages(
  {
    switchCorp: '切换企业',
    registerCorp: '注册新企业',
    switched: '已切换到{{name}}',
    changePassword: '修改密码',
    memberArea: '工作台',
  },
  {
    switchCorp: 'Switch enterprise',
    registerCorp: 'Register another enterprise',
    switched: 'Switched to {{name}}',
    changePassword: 'Change password',
    memberArea: 'Workspace',
  },
);
