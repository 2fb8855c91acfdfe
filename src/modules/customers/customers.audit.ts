import { namesById, type AuditNames } from '../../platform/module.ts';
import { tables } from './customers.tables.ts';

/** What this module's audit rows point at, by name (ModuleManifest.auditNames). */
export const customersAuditNames: Record<string, AuditNames> = {
  customer: async (db, corpId, ids) => namesById(await tables(db).selectFrom('customers').select(['id', 'name']).where('corp_id', '=', corpId).where('id', 'in', ids).execute()),
  customer_group: async (db, corpId, ids) => namesById(await tables(db).selectFrom('customer_groups').select(['id', 'name']).where('corp_id', '=', corpId).where('id', 'in', ids).execute()),
};
