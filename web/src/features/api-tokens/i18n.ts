import { defineMessages } from '../../i18n/define';

export default defineMessages(
  {
    nav: 'API 令牌',
    title: 'API 令牌',
    intro: '外部系统使用 API 令牌调用 Banyan 开放接口，令牌只拥有创建时勾选的权限。',
    create: '创建令牌',
    columns: {
      name: '名称',
      rights: '权限',
      createdAt: '创建时间',
      lastUsedAt: '最近使用',
      status: '状态',
      actions: '操作',
    },
    status: {
      active: '有效',
      revoked: '已吊销',
    },
    neverUsed: '从未使用',
    revoke: '吊销',
    revokeConfirm: '吊销后使用该令牌的调用将立即失败，确定吊销？',
    revoked: '令牌已吊销',
    form: {
      title: '创建 API 令牌',
      name: '令牌名称',
      rights: '权限范围',
    },
    secret: {
      title: '令牌已创建',
      notice: '请立即复制并妥善保存令牌，关闭后将无法再次查看。',
    },
  },
  {
    nav: 'API tokens',
    title: 'API tokens',
    intro: 'External systems call the Banyan API with tokens. A token only has the rights selected when it was created.',
    create: 'Create token',
    columns: {
      name: 'Name',
      rights: 'Rights',
      createdAt: 'Created',
      lastUsedAt: 'Last used',
      status: 'Status',
      actions: 'Actions',
    },
    status: {
      active: 'Active',
      revoked: 'Revoked',
    },
    neverUsed: 'Never',
    revoke: 'Revoke',
    revokeConfirm: 'Calls using this token will fail immediately. Revoke it?',
    revoked: 'Token revoked',
    form: {
      title: 'Create API token',
      name: 'Token name',
      rights: 'Rights',
    },
    secret: {
      title: 'Token created',
      notice: 'Copy the token now and keep it safe. It will not be shown again.',
    },
  },
);
