import type { RightSpec } from '../../platform/policy/index.ts';

export const corpRights: Record<string, RightSpec> = {
  'corp.read': { member: true, token: { zh: '读取企业信息', en: 'Read the enterprise profile' } },
  'corp.manage': {},
  /** The operator lists enterprises and certifies them. */
  'operator.corps': { operator: true },
};
