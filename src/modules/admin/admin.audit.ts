import { namesById, type AuditNames } from '../../platform/module.ts';
import { tables } from './admin.tables.ts';

/** What this module's audit rows point at, by name (ModuleManifest.auditNames). */
export const adminAuditNames: Record<string, AuditNames> = {
  admin_group: async (db, corpId, ids) => namesById(await tables(db).selectFrom('admin_groups').select(['id', 'name']).where('corp_id', '=', corpId).where('id', 'in', ids).execute()),
};
