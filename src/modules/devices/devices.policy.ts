import type { RightSpec } from '../../platform/policy/index.ts';

export const deviceRights: Record<string, RightSpec> = {
  'devices.read': { hierarchical: 'any' },
  'devices.bind': { hierarchical: 'deviceBind' },
  // Manage on one device is checked by authorizeDevice on the device itself.
  'devices.manage': { hierarchical: 'devices' },
};
