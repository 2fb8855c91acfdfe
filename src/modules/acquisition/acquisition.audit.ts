import { namesById, type AuditNames } from '../../platform/module.ts';
import { tables } from './acquisition.tables.ts';

/** What this module's audit rows point at, by name (ModuleManifest.auditNames). */
export const acquisitionAuditNames: Record<string, AuditNames> = {
  acquisition_link: async (db, corpId, ids) => namesById(await tables(db).selectFrom('acquisition_links').select(['id', 'name']).where('corp_id', '=', corpId).where('id', 'in', ids).execute()),
};
