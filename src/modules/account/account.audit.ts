import { namesById, type AuditNames } from '../../platform/module.ts';
import { tables } from './account.tables.ts';

/** What this module's audit rows point at, by name (ModuleManifest.auditNames). */
export const accountAuditNames: Record<string, AuditNames> = {
  account: async (db, _corpId, ids) => namesById(await tables(db).selectFrom('accounts').select(['id', 'name']).where('id', 'in', ids).execute()),
};
