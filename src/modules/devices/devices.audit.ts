import { namesById, type AuditNames } from '../../platform/module.ts';
import { tables } from './devices.tables.ts';

/** What this module's audit rows point at, by name (ModuleManifest.auditNames). */
export const devicesAuditNames: Record<string, AuditNames> = {
  device: async (db, corpId, ids) => namesById(await tables(db).selectFrom('devices').select(['id', 'name']).where('corp_id', '=', corpId).where('id', 'in', ids).execute()),
};
