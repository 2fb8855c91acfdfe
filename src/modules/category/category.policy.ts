import type { RightSpec } from '../../platform/policy/index.ts';

export const categoryRights: Record<string, RightSpec> = {
  // Every member sees the category (seed: 企业的全部成员可…查看); choosing is checked in the service.
  'category.read': { member: true, token: { zh: '读取经营类目', en: 'Read the business category' } },
  'category.owners': {},
  /** The operator reviews enterprises' choices. */
  'operator.categories': { operator: true },
};
