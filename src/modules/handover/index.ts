/**
 * 数据资产交接 (安全管理): when a member leaves, an admin hands their docs, files, customers and the
 * approvals they must still act on to a successor. Each module that owns an asset moves it
 * (docs, files, customers, approval, through their index.ts); this module keeps the record of what
 * moved. Listed after docs, files and security, whose functions it calls.
 */
import { defineModule } from '../../platform/module.ts';
import { HandoverErrors } from './handover.errors.ts';
import { handoverRoutes } from './handover.routes.ts';
import * as handoverTables from './migrations/0242_handover.ts';
import * as ruleTables from './migrations/0243_handover_rules.ts';
import { handoverSubscribers } from './handover.subscribers.ts';

export const handoverModule = defineModule({
  name: 'handover',
  tables: { handovers: 'tenant', handover_rules: 'tenant', handover_locks: 'tenant' },
  migrations: { '0242_handover': handoverTables, '0243_handover_rules': ruleTables },
  subscribers: handoverSubscribers,
  errors: HandoverErrors,
  routes: handoverRoutes,
});

export { HandoverErrors };
