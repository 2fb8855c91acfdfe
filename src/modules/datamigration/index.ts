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
import * as runTables from './migrations/0324_data_migration_runs.ts';
import * as reasonCodes from './migrations/0550_data_migration_reason_codes.ts';
import { moveJob } from './datamigration.jobs.ts';
import { HALT_SWEEP_JOB, MOVE_JOB, haltLapsed } from './datamigration.service.ts';

export const dataMigrationModule = defineModule({
  name: 'datamigration',
  tables: { data_migrations: 'tenant', data_migration_steps: 'tenant', data_migration_templates: 'reference', data_migration_runs: 'tenant', data_migration_items: 'tenant' },
  migrations: { '0322_data_migrations': migrationTables, '0323_data_migration_templates': templateTable, '0324_data_migration_runs': runTables, '0550_data_migration_reason_codes': reasonCodes },
  errors: DataMigrationErrors,
  rights: dataMigrationRights,
  events: DataMigrationEvents,
  subscribers: dataMigrationSubscribers,
  jobs: [
    { kind: MOVE_JOB, run: moveJob },
    { kind: HALT_SWEEP_JOB, schedule: '*/10 * * * *', run: async (_job, ctx) => ({ halted: await haltLapsed(ctx) }) },
  ],
  routes: dataMigrationRoutes,
});

export { DataMigrationErrors, DataMigrationEvents };
