import { namesById, type AuditNames } from '../../platform/module.ts';
import { tables } from './approval.tables.ts';

/** What this module's audit rows point at, by name (ModuleManifest.auditNames). */
export const approvalAuditNames: Record<string, AuditNames> = {
  approval_template: async (db, corpId, ids) => namesById(await tables(db).selectFrom('approval_templates').select(['id', 'name']).where('corp_id', '=', corpId).where('id', 'in', ids).execute()),
};
