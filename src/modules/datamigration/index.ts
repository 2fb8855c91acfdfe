/**
 * 数据迁移: admission of a migration between two certified enterprises (数据迁移服务-企业准入要求):
 * the relationship and its materials, the shared naming field, the locked certified subjects, and
 * the operator's steps from submission to done, each audited and told to both enterprises.
 */
import { defineModule } from '../../platform/module.ts';
import { DataMigrationErrors } from './datamigration.errors.ts';
import { DataMigrationEvents } from './datamigration.events.ts';
import { dataMigrationRights } from './datamigration.policy.ts';
import { dataMigrationRoutes } from './datamigration.routes.ts';
import { dataMigrationSubscribers } from './datamigration.subscribers.ts';
import * as migrationTables from './migrations/0322_data_migrations.ts';
import * as templateTable from './migrations/0323_data_migration_templates.ts';

export const dataMigrationModule = defineModule({
  name: 'datamigration',
  tables: { data_migrations: 'tenant', data_migration_steps: 'tenant', data_migration_templates: 'reference' },
  migrations: { '0322_data_migrations': migrationTables, '0323_data_migration_templates': templateTable },
  errors: DataMigrationErrors,
  rights: dataMigrationRights,
  events: DataMigrationEvents,
  subscribers: dataMigrationSubscribers,
  routes: dataMigrationRoutes,
});

export { DataMigrationErrors, DataMigrationEvents };
