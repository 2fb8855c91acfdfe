import type { RightSpec } from '../../platform/policy/index.ts';

/**
 * The admins who manage 高级功能 (super admins, and hierarchical admins given the 高级功能 app to
 * manage: the commands check the app right, as the seats do) set the policies and read the
 * records. Members read what applies to them and report what their clients saw.
 */
export const securityRights: Record<string, RightSpec> = {
  'security.manage': { hierarchical: 'apps' },
  'security.use': { member: true },
};
