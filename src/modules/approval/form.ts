import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { ApprovalErrors } from './approval.errors.ts';
import type { FormField, FormValues } from './approval.model.ts';
import { checkIds, listRefs, type IdRef } from './ids.ts';

function bad(fieldId: string, reason: string): never {
  throw new DomainError(ApprovalErrors['approval.form_invalid'], { fieldId, reason });
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks filled-in values against the template's form: required fields present, each value of its
 * field's type (money in integer fen, dates as YYYY-MM-DD, choices among the options, member and
 * department fields naming this enterprise's active members and departments: an id of another
 * enterprise is `request.unknown_id` with its field path). Unknown fields are refused.
 */
export async function checkForm(db: Executor, corpId: string, fields: readonly FormField[], values: FormValues): Promise<void> {
  const byId = new Map(fields.map((f) => [f.id, f]));
  for (const key of Object.keys(values)) if (!byId.has(key)) bad(key, 'unknown_field');
  const memberRefs: (IdRef & { fieldId: string })[] = [];
  const departmentRefs: IdRef[] = [];
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
        memberRefs.push(...listRefs('member', list, 'form', field.id).map((r) => ({ ...r, fieldId: field.id })));
        break;
      case 'department':
        if (!list) bad(field.id, 'not_a_list');
        departmentRefs.push(...listRefs('department', list, 'form', field.id));
        break;
      case 'attachment':
        // Attachments are referenced by file name (Banyan stores no files yet).
        if (!list || list.some((v) => v.length === 0 || v.length > 200) || list.length > 20) bad(field.id, 'not_attachments');
        break;
    }
  }
  // Ids of another enterprise (or made up) are refused with their place in the body: /form/<field>/<i>.
  const members = await checkIds(db, corpId, [...memberRefs, ...departmentRefs]);
  const inactive = memberRefs.find((r) => members.get(r.id)?.status !== 'active');
  if (inactive) throw new DomainError(ApprovalErrors['approval.form_invalid'], { fieldId: inactive.fieldId, reason: 'inactive_member', field: inactive.field });
}
