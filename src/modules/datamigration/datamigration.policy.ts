import type { RightSpec } from '../../platform/policy/index.ts';

export const dataMigrationRights: Record<string, RightSpec> = {
  /** A super admin (of both enterprises, checked in the service) applies and follows the application. */
  'datamigration.apply': {},
  /** The operator reviews and runs migrations. */
  'operator.datamigration': { operator: true },
};
