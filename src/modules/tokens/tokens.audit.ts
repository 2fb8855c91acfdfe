import { namesById, type AuditNames } from '../../platform/module.ts';
import { tables } from './tokens.tables.ts';

/** What this module's audit rows point at, by name (ModuleManifest.auditNames). */
export const tokensAuditNames: Record<string, AuditNames> = {
  token: async (db, corpId, ids) => namesById(await tables(db).selectFrom('api_tokens').select(['id', 'name']).where('corp_id', '=', corpId).where('id', 'in', ids).execute()),
};
