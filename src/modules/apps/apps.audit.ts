import { namesById, type AuditNames } from '../../platform/module.ts';
import { tables } from './apps.tables.ts';

/** What this module's audit rows point at, by name (ModuleManifest.auditNames). */
export const appsAuditNames: Record<string, AuditNames> = {
  app: async (db, corpId, ids) => namesById(await tables(db).selectFrom('apps').select(['id', 'name']).where('corp_id', '=', corpId).where('id', 'in', ids).execute()),
};
