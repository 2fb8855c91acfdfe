import type { RightSpec } from '../../platform/policy/index.ts';

export const appRights: Record<string, RightSpec> = {
  'apps.read': { hierarchical: 'any', token: { zh: '读取应用列表', en: 'Read the apps' } },
  'apps.create': {},
  // Per-app rights (send / manage) are checked by authorizeApp on the app itself.
  'apps.use': { hierarchical: 'apps', token: { zh: '以所绑定的应用发消息', en: 'Send messages as the bound app' } },
};
