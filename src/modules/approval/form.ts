import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { ApprovalErrors } from './approval.errors.ts';
import type { FormField, FormValues } from './approval.model.ts';
import { activeMemberIds, departmentPaths } from '../directory/index.ts';

function bad(fieldId: string, reason: string): never {
  throw new DomainError(ApprovalErrors['approval.form_invalid'], { fieldId, reason });
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks filled-in values against the template's form: required fields present, each value of its
 * field's type (money in integer fen, dates as YYYY-MM-DD, choices among the options, member and
 * department fields naming this enterprise's active members and departments). Unknown fields are refused.
 */
export async function checkForm(db: Executor, corpId: string, fields: readonly FormField[], values: FormValues): Promise<void> {
  const byId = new Map(fields.map((f) => [f.id, f]));
  for (const key of Object.keys(values)) if (!byId.has(key)) bad(key, 'unknown_field');
  const memberIds: string[] = [];
  const departmentIds: string[] = [];
  for (const field of fields) {
    const value = values[field.id];
    const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
    if (empty) {
      if (field.required) bad(field.id, 'required');
      continue;
    }
    const list = Array.isArray(value) ? value : undefined;
    switch (field.type) {
      case 'text':
        if (typeof value !== 'string' || value.length > 2000) bad(field.id, 'not_text');
        break;
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) bad(field.id, 'not_a_number');
        break;
      case 'money':
        if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) bad(field.id, 'not_fen');
        break;
      case 'date':
        if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value))) bad(field.id, 'not_a_date');
        break;
      case 'select':
        if (typeof value !== 'string' || !(field.options ?? []).includes(value)) bad(field.id, 'not_an_option');
        break;
      case 'multiselect':
        if (!list || list.some((v) => !(field.options ?? []).includes(v)) || new Set(list).size !== list.length) bad(field.id, 'not_options');
        break;
      case 'member':
        if (!list) bad(field.id, 'not_a_list');
        memberIds.push(...list);
        break;
      case 'department':
        if (!list) bad(field.id, 'not_a_list');
        departmentIds.push(...list);
        break;
      case 'attachment':
        // Attachments are referenced by file name (Banyan stores no files yet).
        if (!list || list.some((v) => v.length === 0 || v.length > 200) || list.length > 20) bad(field.id, 'not_attachments');
        break;
    }
  }
  if (memberIds.length > 0) {
    const unique = [...new Set(memberIds)];
    const active = await activeMemberIds(db, corpId, unique);
    if (active.size !== unique.length) {
      const field = fields.find((f) => f.type === 'member' && Array.isArray(values[f.id]) && (values[f.id] as string[]).some((id) => !active.has(id)));
      bad(field?.id ?? '', 'unknown_or_inactive_member');
    }
  }
  if (departmentIds.length > 0) {
    const unique = [...new Set(departmentIds)];
    if ((await departmentPaths(db, corpId, unique)).size !== unique.length) bad(fields.find((f) => f.type === 'department')?.id ?? '', 'unknown_department');
  }
}
