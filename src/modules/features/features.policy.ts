import type { RightSpec } from '../../platform/policy/index.ts';

/**
 * Super admins, and hierarchical admins given the 高级功能 app to manage, manage seats and settings
 * (the commands check the app right); buying is further limited to super admins. Tokens may read.
 */
export const featureRights: Record<string, RightSpec> = {
  'features.read': { token: { zh: '查看高级功能', en: 'Read advanced features' }, hierarchical: 'apps' },
  'features.manage': { hierarchical: 'apps' },
};
