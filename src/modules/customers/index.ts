/** 客户与外部联系人: customers, friendships, customer groups and the customer quota (外部联系人规模). */
import { defineModule } from '../../platform/module.ts';
import { customersAuditNames } from './customers.audit.ts';
import { CustomerErrors } from './customers.errors.ts';
import { customerRights } from './customers.policy.ts';
import { customersRoutes } from './customers.routes.ts';
import { CustomerEvents } from './customers.events.ts';
import { customerSubscribers } from './customers.subscribers.ts';
import { fillDemoCustomers } from './customers.demo.ts';
import * as customerTables from './migrations/0041_customers.ts';
import * as studentParents from './migrations/0280_customers_student_parents.ts';

export const customersModule = defineModule({
  name: 'customers',
  tables: {
    customers: 'tenant',
    friendships: 'tenant',
    customer_groups: 'tenant',
    group_customers: 'tenant',
    customer_counters: 'tenant',
    quota_tiers: 'tenant',
    student_parents: 'tenant',
  },
  migrations: { '0041_customers': customerTables, '0280_customers_student_parents': studentParents },
  errors: CustomerErrors,
  rights: customerRights,
  events: CustomerEvents,
  subscribers: customerSubscribers,
  auditNames: customersAuditNames,
  routes: customersRoutes,
  demo: fillDemoCustomers,
});

export { CustomerErrors, CustomerEvents };
export { customerApi } from './customers.api.ts';
export { demoServers } from './customers.demo.ts';
export { CustomerName, ExternalId, IdempotencyKey } from './customers.schema.ts';
export { addFriendship, ensureCustomer, startOfChinaDay, type CustomerIdentity } from './customers.service.ts';
export { holdCustomer, quotaLimit, servedCount } from './quota.service.ts';
/** 数据资产交接 (离职继承): what of a departed member's customers waits for a successor, and moving it. */
export { customerAssetsOf, handOverCustomers, type CustomerAssets } from './handover.service.ts';
/** 数据迁移: customers handed from one enterprise to another. */
export { customersByIds, customersWithFollows, receiveCustomers, releaseRelations, type Follow, type HandoverCustomer, type Received } from './corp-transfer.service.ts';
