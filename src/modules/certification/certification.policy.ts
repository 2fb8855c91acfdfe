import type { RightSpec } from '../../platform/policy/index.ts';

export const certificationRights: Record<string, RightSpec> = {
  /** Every member sees whether the enterprise is certified; applying is a super admin's (the fee is checked by the wallet's spending rule). */
  'certification.read': { member: true },
  'certification.apply': {},
  /** The operator reviews applications. */
  'operator.certification': { operator: true },
};
