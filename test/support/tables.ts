import { tableAccess } from '../../src/platform/db/tables.ts';
import type { PlatformTables } from '../../src/platform/platform.tables.ts';
import type { AccountTables } from '../../src/modules/account/account.tables.ts';
import type { AcquisitionTables } from '../../src/modules/acquisition/acquisition.tables.ts';
import type { AdminTables } from '../../src/modules/admin/admin.tables.ts';
import type { AttendanceTables } from '../../src/modules/attendance/attendance.tables.ts';
import type { AppTables } from '../../src/modules/apps/apps.tables.ts';
import type { ApprovalTables } from '../../src/modules/approval/approval.tables.ts';
import type { CategoryTables } from '../../src/modules/category/category.tables.ts';
import type { CorpTables } from '../../src/modules/corp/corp.tables.ts';
import type { CustomerTables } from '../../src/modules/customers/customers.tables.ts';
import type { DataMigrationTables } from '../../src/modules/datamigration/datamigration.tables.ts';
import type { DeviceTables } from '../../src/modules/devices/devices.tables.ts';
import type { DirectoryTables } from '../../src/modules/directory/directory.tables.ts';
import type { FeatureTables } from '../../src/modules/features/features.tables.ts';
import type { InboxTables } from '../../src/modules/inbox/inbox.tables.ts';
import type { InvitationsTables } from '../../src/modules/invitations/invitations.tables.ts';
import type { OperatorTables } from '../../src/modules/operator/operator.tables.ts';
import type { RecoveryTables } from '../../src/modules/recovery/recovery.tables.ts';
import type { TokenTables } from '../../src/modules/tokens/tokens.tables.ts';
import type { WalletTables } from '../../src/modules/wallet/wallet.tables.ts';
import type { WecomTables } from '../../src/modules/wecom/wecom.tables.ts';

/**
 * Every table, for tests that look at what a command wrote. Only tests use it: production code sees
 * one module's tables at a time (src/platform/db/tables.ts).
 */
export type AllTables = PlatformTables &
  AccountTables &
  AcquisitionTables &
  AdminTables &
  AppTables &
  AttendanceTables &
  ApprovalTables &
  CategoryTables &
  CorpTables &
  CustomerTables &
  DataMigrationTables &
  DeviceTables &
  DirectoryTables &
  FeatureTables &
  InboxTables &
  InvitationsTables &
  OperatorTables &
  RecoveryTables &
  TokenTables &
  WalletTables &
  WecomTables;

export const tablesOf = tableAccess<AllTables>();
