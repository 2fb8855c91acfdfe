import type { Migration } from 'kysely';
import * as platform from './platform/db/migrations/0001_platform.ts';
import * as sessionExpiry from './platform/db/migrations/0004_session_expiry.ts';
import * as directory from './modules/directory/directory.migration.ts';
import * as admin from './modules/admin/admin.migration.ts';
import * as wallet from './modules/wallet/wallet.migration.ts';
import * as adminRoles from './modules/admin/roles.migration.ts';
import * as apps from './modules/apps/apps.migration.ts';
import * as devices from './modules/devices/devices.migration.ts';
import * as directoryTags from './modules/directory/tags.migration.ts';
import * as directoryContacts from './modules/directory/contacts.migration.ts';
import * as directoryImports from './modules/directory/imports.migration.ts';
import * as category from './modules/category/category.migration.ts';
import * as customers from './modules/customers/customers.migration.ts';
import * as acquisition from './modules/acquisition/acquisition.migration.ts';
import * as features from './modules/features/features.migration.ts';
import * as approval from './modules/approval/approval.migration.ts';
import * as approvalTaskOrder from './modules/approval/task-order.migration.ts';

/**
 * Every migration of Banyan, in the order they run. Names sort in that order; a module adds its
 * next migration at the end with the next number.
 */
export const migrations: Record<string, Migration> = {
  '0001_platform': platform,
  '0002_directory': directory,
  '0003_admin': admin,
  '0004_session_expiry': sessionExpiry,
  '0010_directory_tags': directoryTags,
  '0011_directory_contacts': directoryContacts,
  '0012_directory_imports': directoryImports,
  '0020_admin_roles': adminRoles,
  '0021_apps': apps,
  '0022_devices': devices,
  '0030_wallet': wallet,
  '0040_category': category,
  '0041_customers': customers,
  '0042_acquisition': acquisition,
  '0043_features': features,
  '0050_approval': approval,
  '0051_approval_task_order': approvalTaskOrder,
};
