import type { Migration } from 'kysely';
import * as platform from './platform/db/migrations/0001_platform.ts';
import * as directory from './modules/directory/directory.migration.ts';
import * as admin from './modules/admin/admin.migration.ts';

/**
 * Every migration of Banyan, in the order they run. Names sort in that order; a module adds its
 * next migration at the end with the next number.
 */
export const migrations: Record<string, Migration> = {
  '0001_platform': platform,
  '0002_directory': directory,
  '0003_admin': admin,
};
