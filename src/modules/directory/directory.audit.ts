import { namesById, type AuditNames } from '../../platform/module.ts';
import { tables } from './directory.tables.ts';

/** What this module's audit rows point at, by name (ModuleManifest.auditNames). */
export const directoryAuditNames: Record<string, AuditNames> = {
  member: async (db, corpId, ids) => namesById(await tables(db).selectFrom('members').select(['id', 'name']).where('corp_id', '=', corpId).where('id', 'in', ids).execute()),
  department: async (db, corpId, ids) => namesById(await tables(db).selectFrom('departments').select(['id', 'name']).where('corp_id', '=', corpId).where('id', 'in', ids).execute()),
  tag: async (db, corpId, ids) => namesById(await tables(db).selectFrom('tags').select(['id', 'name']).where('corp_id', '=', corpId).where('id', 'in', ids).execute()),
};
