import type { Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { audit } from '../../platform/audit.ts';
import { toIso } from '../../platform/clock.ts';
import { ApprovalErrors } from './approval.errors.ts';
import { DEFAULT_SETTINGS, type ActionNode, type FlowNode, type FormField, type Template, type TemplateInput } from './approval.model.ts';
import { tables, type ApprovalTables } from './approval.tables.ts';
import { checkIds, listRefs, pointer, type IdRef } from './ids.ts';

/** Every action node of a flow, branches included, in the order they appear. */
export function actionNodes(flow: readonly FlowNode[]): ActionNode[] {
  return flow.flatMap((node) => (node.kind === 'condition' ? node.branches.flatMap((b) => b.nodes) : [node]));
}

function invalid(reason: string, details: Record<string, unknown> = {}): never {
  throw new DomainError(ApprovalErrors['approval.template_invalid'], { reason, ...details });
}

/**
 * The checks a schema cannot make, run on every save. The first problem is reported with a
 * `reason` code and the node or field it concerns.
 */
export function checkTemplate(input: TemplateInput): void {
  const fields = new Map<string, FormField>();
  for (const field of input.form) {
    if (fields.has(field.id)) invalid('duplicate_field_id', { fieldId: field.id });
    fields.set(field.id, field);
    const isSelect = field.type === 'select' || field.type === 'multiselect';
    if (isSelect && (field.options ?? []).length === 0) invalid('select_without_options', { fieldId: field.id });
    if (!isSelect && field.options !== undefined) invalid('options_on_non_select', { fieldId: field.id });
  }
  const ids = new Set<string>();
  const seen = (id: string) => {
    if (ids.has(id)) invalid('duplicate_node_id', { nodeId: id });
    ids.add(id);
  };
  for (const node of input.flow) {
    if (node.kind !== 'condition') continue;
    seen(node.id);
    for (const [index, branch] of node.branches.entries()) {
      seen(branch.id);
      // Only the last branch may be the "otherwise": one earlier would hide every branch after it.
      if (branch.clauses.length === 0 && index < node.branches.length - 1) invalid('otherwise_branch_not_last', { nodeId: node.id, branchId: branch.id });
      for (const clause of branch.clauses) {
        if (clause.type !== 'field') continue;
        const field = fields.get(clause.fieldId);
        if (!field) invalid('condition_on_unknown_field', { nodeId: node.id, fieldId: clause.fieldId });
        if (field.type === 'attachment' || field.type === 'member' || field.type === 'department') {
          if (clause.op !== 'contains') invalid('condition_op_not_for_field', { nodeId: node.id, fieldId: clause.fieldId, op: clause.op });
        }
      }
    }
  }
  for (const node of actionNodes(input.flow)) {
    seen(node.id);
    const a = node.assignee;
    if (a.type === 'field') {
      const field = fields.get(a.fieldId);
      if (!field || field.type !== 'member') invalid('linked_field_not_member', { nodeId: node.id, fieldId: a.fieldId });
      // 关联成员控件: 模板中必填的成员控件 — a node linked to a member field needs that field required.
      if (!field.required) invalid('linked_field_not_required', { nodeId: node.id, fieldId: a.fieldId });
    }
    if (a.type === 'members' && a.memberIds.length === 0) invalid('no_members_chosen', { nodeId: node.id });
    if (node.kind === 'cc' && 'mode' in a && a.mode !== 'all') invalid('cc_mode_must_be_all', { nodeId: node.id });
  }
}

type TemplateRow = Pick<ApprovalTables['approval_templates'], 'id' | 'name' | 'description' | 'form_json' | 'flow_json' | 'settings_json' | 'version' | 'archived' | 'builtin_kind' | 'visibility_json' | 'assistants_json' | 'updated_at'>;

export function toTemplate(row: TemplateRow): Template {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    form: JSON.parse(row.form_json),
    flow: JSON.parse(row.flow_json),
    settings: { ...DEFAULT_SETTINGS, ...JSON.parse(row.settings_json) },
    version: row.version,
    archived: row.archived === 1,
    builtin: row.builtin_kind,
    visibility: row.visibility_json === null ? null : JSON.parse(row.visibility_json),
    assistantIds: JSON.parse(row.assistants_json),
    updatedAt: toIso(row.updated_at)!,
  };
}

/** Every member, department and tag id a template names, with where it sits in the request body. */
function templateRefs(input: TemplateInput): IdRef[] {
  const refs: IdRef[] = [];
  const nodeRefs = (node: ActionNode, ...at: (string | number)[]) => {
    const a = node.assignee;
    if (a.type === 'members') refs.push(...listRefs('member', a.memberIds, ...at, 'assignee', 'memberIds'));
    if (a.type === 'tag') refs.push({ field: pointer(...at, 'assignee', 'tagId'), kind: 'tag', id: a.tagId });
    if (a.type === 'pick' && a.range) {
      refs.push(...listRefs('member', a.range.memberIds, ...at, 'assignee', 'range', 'memberIds'));
      refs.push(...listRefs('department', a.range.departmentIds, ...at, 'assignee', 'range', 'departmentIds'));
      refs.push(...listRefs('tag', a.range.tagIds, ...at, 'assignee', 'range', 'tagIds'));
    }
  };
  input.flow.forEach((node, i) => {
    if (node.kind !== 'condition') return nodeRefs(node, 'flow', i);
    node.branches.forEach((branch, b) => {
      branch.clauses.forEach((clause, c) => {
        if (clause.type === 'department') refs.push(...listRefs('department', clause.departmentIds, 'flow', i, 'branches', b, 'clauses', c, 'departmentIds'));
      });
      branch.nodes.forEach((inner, n) => nodeRefs(inner, 'flow', i, 'branches', b, 'nodes', n));
    });
  });
  if (input.visibility) {
    refs.push(...listRefs('member', input.visibility.memberIds, 'visibility', 'memberIds'));
    refs.push(...listRefs('department', input.visibility.departmentIds, 'visibility', 'departmentIds'));
    refs.push(...listRefs('tag', input.visibility.tagIds, 'visibility', 'tagIds'));
  }
  refs.push(...listRefs('member', input.assistantIds, 'assistantIds'));
  const s = input.settings;
  if (s) {
    for (const key of ['approverEmpty', 'handlerEmpty', 'approverDeparted', 'handlerDeparted'] as const) {
      const rule = s[key];
      if ('memberId' in rule) refs.push({ field: pointer('settings', key, 'memberId'), kind: 'member', id: rule.memberId });
    }
  }
  return refs;
}

/**
 * Checks that every id the template names belongs to this enterprise (`request.unknown_id` with the
 * field otherwise), and that the people it names outright (chosen members, exception-rule persons)
 * are still active: a template that sends a step to someone who left is refused on save.
 */
async function checkPeople(ctx: Ctx, input: TemplateInput): Promise<void> {
  const refs = templateRefs(input);
  const members = await checkIds(ctx.trx, ctx.corpId, refs);
  // Members of a pick range or of the visible range may be inactive: they are refused when picked or
  // when submitting, and the range stays valid.
  const named = refs.filter((r) => r.kind === 'member' && !r.field.includes('/range/') && !r.field.startsWith('/visibility/'));
  const inactive = named.find((r) => members.get(r.id)?.status !== 'active');
  if (inactive) invalid('inactive_member', { field: inactive.field, memberId: inactive.id });
}

/** 可见范围 with nobody in it would hide the template from everyone: refused, null is "everyone". */
function checkVisibility(input: TemplateInput): void {
  const v = input.visibility;
  if (v && (v.memberIds ?? []).length + (v.departmentIds ?? []).length + (v.tagIds ?? []).length === 0) invalid('empty_visibility', { field: '/visibility' });
}

const visibilityJson = (v: TemplateInput['visibility']) => (v ? JSON.stringify(v) : null);
const sameIds = (a: readonly string[], b: readonly string[]) => JSON.stringify([...new Set(a)].sort()) === JSON.stringify([...new Set(b)].sort());

export async function createTemplate(ctx: Ctx, input: TemplateInput): Promise<Template> {
  checkTemplate(input);
  checkVisibility(input);
  await checkPeople(ctx, input);
  const id = newId('apt', ctx.now);
  await tables(ctx.trx)
    .insertInto('approval_templates')
    .values({
      corp_id: ctx.corpId,
      id,
      name: input.name,
      description: input.description ?? '',
      form_json: JSON.stringify(input.form),
      flow_json: JSON.stringify(input.flow),
      settings_json: JSON.stringify(input.settings ?? DEFAULT_SETTINGS),
      visibility_json: visibilityJson(input.visibility),
      assistants_json: JSON.stringify([...new Set(input.assistantIds ?? [])]),
      version: 1,
      archived: 0,
      builtin_kind: null,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .execute();
  const created = await getTemplate(ctx.trx, ctx.corpId, id);
  await audit(ctx, { action: 'approval.template.create', target: { type: 'approval_template', id }, after: { name: input.name } });
  return created;
}

/**
 * Replaces a template. `expectedVersion` makes two admins editing at once a conflict, not a lost update.
 * An absent `visibility` or `assistantIds` keeps what the template has. Only an admin of the app
 * (`manager`) changes the assistants: an assistant cannot hand the template on.
 */
export async function updateTemplate(ctx: Ctx, id: string, input: TemplateInput, expectedVersion: number, manager: boolean): Promise<Template> {
  checkTemplate(input);
  checkVisibility(input);
  await checkPeople(ctx, input);
  const before = await getTemplate(ctx.trx, ctx.corpId, id);
  // A built-in template's form is what its owning module fills in: the admin sets its flow and settings.
  if (before.builtin !== null && JSON.stringify(input.form) !== JSON.stringify(before.form)) throw new DomainError(ApprovalErrors['approval.template_builtin'], { templateId: id, reason: 'form_locked' });
  // A built-in template is submitted from its own feature by whoever that feature allows.
  if (before.builtin !== null && input.visibility) throw new DomainError(ApprovalErrors['approval.template_builtin'], { templateId: id, reason: 'visibility_not_applicable' });
  const assistantIds = input.assistantIds ?? before.assistantIds;
  if (!manager && !sameIds(assistantIds, before.assistantIds)) throw new DomainError('forbidden', { reason: 'only admins of the approvals app change the assistants', field: '/assistantIds' });
  const result = await tables(ctx.trx)
    .updateTable('approval_templates')
    .set({
      name: input.name,
      description: input.description ?? '',
      form_json: JSON.stringify(input.form),
      flow_json: JSON.stringify(input.flow),
      settings_json: JSON.stringify(input.settings ?? DEFAULT_SETTINGS),
      visibility_json: input.visibility === undefined ? visibilityJson(before.visibility) : visibilityJson(input.visibility),
      assistants_json: JSON.stringify([...new Set(assistantIds)]),
      version: expectedVersion + 1,
      updated_at: ctx.now,
    })
    .where('corp_id', '=', ctx.corpId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new DomainError('conflict', { templateId: id, version: before.version });
  const after = await getTemplate(ctx.trx, ctx.corpId, id);
  await audit(ctx, {
    action: 'approval.template.update',
    target: { type: 'approval_template', id },
    before: { name: before.name, version: before.version, visibility: before.visibility, assistantIds: before.assistantIds },
    after: { name: after.name, version: after.version, visibility: after.visibility, assistantIds: after.assistantIds },
  });
  return after;
}

export async function archiveTemplate(ctx: Ctx, id: string): Promise<void> {
  const template = await getTemplate(ctx.trx, ctx.corpId, id);
  if (template.builtin !== null) throw new DomainError(ApprovalErrors['approval.template_builtin'], { templateId: id, reason: 'not_archivable' });
  await tables(ctx.trx).updateTable('approval_templates').set({ archived: 1, updated_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('id', '=', id).execute();
  await audit(ctx, { action: 'approval.template.archive', target: { type: 'approval_template', id } });
}

export async function getTemplate(db: Executor, corpId: string, id: string): Promise<Template> {
  const row = await tables(db).selectFrom('approval_templates').selectAll().where('corp_id', '=', corpId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('not_found', { templateId: id });
  return toTemplate(row);
}

export async function listTemplates(db: Executor, corpId: string, options: { includeArchived: boolean }): Promise<Template[]> {
  let q = tables(db).selectFrom('approval_templates').selectAll().where('corp_id', '=', corpId);
  if (!options.includeArchived) q = q.where('archived', '=', 0);
  const rows = await q.orderBy('id').execute();
  return rows.map(toTemplate);
}

/** What a module declares for its built-in template: the kind it is known by and the template it starts as. */
export interface BuiltinTemplateSpec {
  kind: string;
  template: TemplateInput;
}

/**
 * The enterprise's template of a built-in kind, made from the spec the first time it is needed
 * (one per enterprise by a unique index: a concurrent first use finds the other's). The admin may
 * then change its flow and settings like any template's; its form stays the module's.
 */
export async function ensureBuiltinTemplate(ctx: Ctx, spec: BuiltinTemplateSpec): Promise<Template> {
  const find = () => tables(ctx.trx).selectFrom('approval_templates').selectAll().where('corp_id', '=', ctx.corpId).where('builtin_kind', '=', spec.kind).executeTakeFirst();
  const existing = await find();
  if (existing) return toTemplate(existing);
  checkTemplate(spec.template);
  const id = newId('apt', ctx.now);
  const { template } = spec;
  await tables(ctx.trx)
    .insertInto('approval_templates')
    .values({
      corp_id: ctx.corpId,
      id,
      name: template.name,
      description: template.description ?? '',
      form_json: JSON.stringify(template.form),
      flow_json: JSON.stringify(template.flow),
      settings_json: JSON.stringify(template.settings ?? DEFAULT_SETTINGS),
      visibility_json: null,
      assistants_json: '[]',
      version: 1,
      archived: 0,
      builtin_kind: spec.kind,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return toTemplate((await find())!);
}
