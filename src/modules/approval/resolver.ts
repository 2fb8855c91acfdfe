import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { departmentChain, expandRecipients, getMember, headsOf, membersByIds, membersOfTag, tagInfo, type MemberRecord } from '../directory/index.ts';
import { ApprovalErrors } from './approval.errors.ts';
import { pointer, refuseApplicant } from './ids.ts';
import type { ActionNode, Clause, EmptyRule, FormField, FormValues, Mode, ReasonLine, ResolvedStep, Settings, Template } from './approval.model.ts';

/**
 * Who each node of a request goes to, and why. The preview and a real submission both call
 * `resolvePath`, so what an applicant is shown is what happens. Every decision leaves a reason line.
 */

export interface Submission {
  applicant: MemberRecord;
  form: FormValues;
  /** 申请人自选: the people picked per node id. */
  picks: Record<string, string[]>;
  /** CC members the submitter adds, and fixed CC members they remove (refused when locked). */
  ccAdd: string[];
  ccRemove: string[];
  /** Handlers the submitter puts in place of a handler node's (refused when locked). */
  handlerOverrides: Record<string, string[]>;
}

export interface ResolvedPath {
  steps: ResolvedStep[];
  branches: { nodeId: string; branchId: string; branchName: string }[];
}

interface Scope {
  db: Executor;
  corpId: string;
  template: Template;
  submission: Submission;
  /** Members already read in this resolution (name and status), so each is read once. */
  known: Map<string, { name: string; status: string }>;
}

const line = (code: string, text: string, data?: Record<string, unknown>): ReasonLine => (data ? { code, text, data } : { code, text });

/** Members by id with status and name, for filtering and for readable reasons. */
async function memberStatuses(scope: Scope, ids: readonly string[]): Promise<Map<string, { name: string; status: string }>> {
  const missing = [...new Set(ids)].filter((id) => !scope.known.has(id));
  if (missing.length > 0) {
    for (const m of (await membersByIds(scope.db, scope.corpId, missing)).values()) scope.known.set(m.id, { name: m.name, status: m.status });
  }
  return new Map(ids.flatMap((id) => (scope.known.has(id) ? [[id, scope.known.get(id)!] as const] : [])));
}

/** Everyone the flow and the submission name outright, read in one query before resolving. */
async function readNamedMembers(scope: Scope, nodes: ActionNode[]): Promise<void> {
  const { submission, template } = scope;
  const ids = [submission.applicant.id, ...submission.ccAdd, ...Object.values(submission.handlerOverrides).flat(), ...Object.values(submission.picks).flat()];
  for (const node of nodes) {
    const a = node.assignee;
    if (a.type === 'members') ids.push(...a.memberIds);
    if (a.type === 'field') ids.push(...asList(submission.form[a.fieldId]));
  }
  for (const rule of [template.settings.approverEmpty, template.settings.handlerEmpty]) if ('memberId' in rule) ids.push(rule.memberId);
  await memberStatuses(scope, ids);
}

/** Keeps active members, in order and once each; every one removed gets a reason line. */
async function keepActive(scope: Scope, ids: readonly string[], reasons: ReasonLine[]): Promise<string[]> {
  const statuses = await memberStatuses(scope, ids);
  const kept: string[] = [];
  for (const id of ids) {
    if (kept.includes(id)) continue;
    const m = statuses.get(id);
    if (!m) reasons.push(line('filtered_unknown', `${id} is not a member of this enterprise and was left out`, { memberId: id, name: id }));
    else if (m.status !== 'active') reasons.push(line(`filtered_${m.status}`, `${m.name} is ${m.status} and was left out`, { memberId: id, name: m.name, status: m.status }));
    else kept.push(id);
  }
  return kept;
}

/**
 * Decision (docs/decisions/approval.md): nobody approves or handles their own request unless the
 * template gives them the step (a 申请人本人 node, or a 指定成员 node naming them). People found
 * through the directory (heads, tags) or through the form (关联成员控件) leave the applicant out,
 * with a reason line; if nobody remains, the 成员为空时 rule applies.
 */
function leaveOutApplicant(scope: Scope, ids: string[], reasons: ReasonLine[]): string[] {
  const applicant = scope.submission.applicant;
  if (!ids.includes(applicant.id)) return ids;
  reasons.push(line('filtered_applicant', `${applicant.name} is the applicant and was left out of their own approval`, { memberId: applicant.id, name: applicant.name }));
  return ids.filter((id) => id !== applicant.id);
}

function asList(value: FormValues[string] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [String(value)];
}

async function clauseHolds(scope: Scope, clause: Clause, fields: Map<string, FormField>): Promise<boolean> {
  if (clause.type === 'department') {
    // The applicant's main department lies in one of the named departments' subtrees.
    const chain = await departmentChain(scope.db, scope.corpId, scope.submission.applicant.mainDepartmentId);
    return chain.some((d) => clause.departmentIds.includes(d.id));
  }
  const value = scope.submission.form[clause.fieldId];
  const field = fields.get(clause.fieldId);
  if (value === undefined || !field) return false;
  const target = clause.value;
  switch (clause.op) {
    case 'eq':
      return value === target;
    case 'ne':
      return value !== target;
    case 'gt':
      return typeof value === 'number' && typeof target === 'number' && value > target;
    case 'gte':
      return typeof value === 'number' && typeof target === 'number' && value >= target;
    case 'lt':
      return typeof value === 'number' && typeof target === 'number' && value < target;
    case 'lte':
      return typeof value === 'number' && typeof target === 'number' && value <= target;
    case 'in':
      return Array.isArray(target) && typeof value === 'string' && target.includes(value);
    case 'contains':
      return asList(value).some((v) => (Array.isArray(target) ? target.includes(v) : v === target));
    default:
      return false;
  }
}

/** 部门负责人: the heads at the chosen level, bottom-up or top-down from the applicant's main department. */
async function resolveHeads(scope: Scope, assignee: Extract<ActionNode['assignee'], { type: 'head' }>, reasons: ReasonLine[]): Promise<string[]> {
  const applicant = scope.submission.applicant;
  const chain = await departmentChain(scope.db, scope.corpId, applicant.mainDepartmentId);
  const headRows = await headsOf(
    scope.db,
    scope.corpId,
    chain.map((d) => d.id),
  );
  const headsOfDepartment = (deptId: string) => headRows.filter((r) => r.departmentId === deptId).map((r) => r.memberId).sort();
  let walk = assignee.direction === 'up' ? chain : [...chain].reverse();
  if (assignee.direction === 'up') {
    // Decision (docs/decisions/approval.md): an applicant who heads their own department is not their
    // own level 1; counting starts at the first department above that they do not head.
    const skipped = walk.filter((d) => headsOfDepartment(d.id).includes(applicant.id));
    for (const d of skipped) reasons.push(line('head_skipped_own_department', `${applicant.name} heads ${d.name}, so counting starts above it`, { departmentId: d.id, name: applicant.name, department: d.name }));
    walk = walk.filter((d) => !headsOfDepartment(d.id).includes(applicant.id));
  }
  reasons.push(
    line('head_walk', `Walked ${assignee.direction === 'up' ? 'bottom-up' : 'top-down'} from ${applicant.name}'s department: ${walk.map((d) => d.name).join(' → ') || '(none)'}`, {
      departments: walk.map((d) => ({ id: d.id, name: d.name })),
      name: applicant.name,
      path: walk.map((d) => d.name).join(' → '),
      direction: assignee.direction,
    }),
  );
  const dept = walk[assignee.level - 1];
  if (!dept) {
    reasons.push(line('head_level_beyond_tree', `Level ${assignee.level} lies beyond the department tree: treated as empty`, { level: assignee.level }));
    return [];
  }
  let heads = headsOfDepartment(dept.id);
  reasons.push(line('head_level', `Level ${assignee.level} is ${dept.name}; its heads act as ${modeName(assignee.mode)}`, { departmentId: dept.id, department: dept.name, level: assignee.level, mode: assignee.mode }));
  heads = leaveOutApplicant(scope, heads, reasons);
  return keepActive(scope, heads, reasons);
}

/** 申请人自选: the picks must be there, within the range and not too many. */
async function resolvePicks(scope: Scope, node: ActionNode, assignee: Extract<ActionNode['assignee'], { type: 'pick' }>, reasons: ReasonLine[]): Promise<string[]> {
  const raw = scope.submission.picks[node.id] ?? [];
  const picked = [...new Set(raw)];
  if (picked.length === 0) throw new DomainError(ApprovalErrors['approval.pick_required'], { nodeId: node.id });
  // The applicant cannot pick themselves to approve or handle their own request (a CC pick may).
  if (node.kind !== 'cc') raw.forEach((id, i) => refuseApplicant(scope.submission.applicant.id, id, pointer('picks', node.id, i)));
  if (picked.length > assignee.max) throw new DomainError(ApprovalErrors['approval.too_many_picks'], { nodeId: node.id, max: assignee.max, picked: picked.length });
  // Decision: without a range, every active member of the enterprise is visible to the applicant.
  const allowed = assignee.range ? new Set(await expandRecipients(scope.db, scope.corpId, assignee.range)) : undefined;
  const statuses = await memberStatuses(scope, picked);
  const outside = picked.filter((id) => statuses.get(id)?.status !== 'active' || (allowed !== undefined && !allowed.has(id)));
  if (outside.length > 0) throw new DomainError(ApprovalErrors['approval.pick_out_of_range'], { nodeId: node.id, memberIds: outside });
  reasons.push(line(assignee.range ? 'picked_in_range' : 'picked', assignee.range ? 'Picked by the applicant within the allowed range' : 'Picked by the applicant from everyone visible', { memberIds: picked }));
  return picked;
}

async function resolveNode(scope: Scope, node: ActionNode, fields: Map<string, FormField>): Promise<{ ids: string[]; mode: Mode; reasons: ReasonLine[] }> {
  const reasons: ReasonLine[] = [];
  const a = node.assignee;
  switch (a.type) {
    case 'members':
      reasons.push(line('rule_members', `Chosen members (${modeName(a.mode)})`, { memberIds: a.memberIds, mode: a.mode }));
      return { ids: await keepActive(scope, a.memberIds, reasons), mode: a.mode, reasons };
    case 'head':
      reasons.push(line('rule_head', `Department head, level ${a.level}, ${a.direction === 'up' ? 'bottom-up' : 'top-down'}`, { level: a.level, direction: a.direction }));
      return { ids: await resolveHeads(scope, a, reasons), mode: a.mode, reasons };
    case 'tag': {
      const { name, ids } = await tagHolders(scope, a.tagId);
      reasons.push(line('rule_tag', `Every active member with the tag ${name} (${modeName(a.mode)})`, { tagId: a.tagId, tag: name, count: ids.length, mode: a.mode }));
      return { ids: node.kind === 'cc' ? ids : leaveOutApplicant(scope, ids, reasons), mode: a.mode, reasons };
    }
    case 'applicant':
      reasons.push(line('rule_applicant', 'The applicant themselves'));
      return { ids: await keepActive(scope, [scope.submission.applicant.id], reasons), mode: 'all', reasons };
    case 'pick':
      reasons.push(line('rule_pick', `Picked by the applicant, at most ${a.max} (${modeName(a.mode)})`, { max: a.max, mode: a.mode }));
      return { ids: await resolvePicks(scope, node, a, reasons), mode: a.mode, reasons };
    case 'field': {
      const field = fields.get(a.fieldId);
      const ids = asList(scope.submission.form[a.fieldId]);
      reasons.push(line('rule_field', `Whoever the applicant put in the member field ${field?.label ?? a.fieldId} (${modeName(a.mode)})`, { fieldId: a.fieldId, field: field?.label ?? a.fieldId, mode: a.mode }));
      return { ids: await keepActive(scope, node.kind === 'cc' ? ids : leaveOutApplicant(scope, ids, reasons), reasons), mode: a.mode, reasons };
    }
  }
}

/**
 * 标签: every active holder. A tag that holds only members (the usual case) is read through the
 * tag_members index; a tag that also holds departments goes through the directory's `membersOfTag`,
 * which expands department subtrees (and scans members to do so).
 */
async function tagHolders(scope: Scope, tagId: string): Promise<{ name: string; ids: string[] }> {
  const tag = await tagInfo(scope.db, scope.corpId, tagId);
  if (!tag) return { name: tagId, ids: [] };
  if (tag.holdsDepartments) return { name: tag.name, ids: await membersOfTag(scope.db, scope.corpId, tagId) };
  const statuses = await memberStatuses(scope, tag.memberIds);
  return { name: tag.name, ids: [...statuses].filter(([, m]) => m.status === 'active').map(([id]) => id).sort() };
}

export function modeName(mode: Mode): string {
  return mode === 'all' ? '会签' : mode === 'any' ? '或签' : '依次审批';
}

/** 成员为空时: auto-approve, or transfer to the chosen person when they are still active. */
async function applyEmptyRule(scope: Scope, step: ResolvedStep, rule: EmptyRule): Promise<void> {
  const label = step.kind === 'approver' ? 'approver' : 'handler';
  if (rule.action === 'transfer' && rule.memberId === scope.submission.applicant.id) {
    // The when-empty person is the applicant: not to themselves (the same fallback as when that person left).
    step.reasons.push(line('empty_rule_transfer_is_applicant', `The ${label} node's when-empty person is the applicant, who does not act on their own request, so the step is approved automatically`, { memberId: rule.memberId, kind: step.kind }));
  } else if (rule.action === 'transfer') {
    const statuses = await memberStatuses(scope, [rule.memberId]);
    const person = statuses.get(rule.memberId);
    if (person?.status === 'active') {
      step.assigneeIds = [rule.memberId];
      step.mode = 'all';
      step.perAssignee[rule.memberId] = [line('empty_rule_transfer', `Nobody remained: the ${label} node's when-empty rule transfers to ${person.name}`, { memberId: rule.memberId, name: person.name, kind: step.kind })];
      return;
    }
    step.reasons.push(line('empty_rule_transfer_unavailable', `The ${label} node's when-empty person is not active, so the step is approved automatically`, { memberId: rule.memberId, kind: step.kind }));
  }
  step.autoApproved = true;
  step.reasons.push(line('empty_rule_auto_approve', `Nobody remained: the ${label} node's when-empty rule approves automatically`, { kind: step.kind }));
}

/** Resolves the whole path of a submission: branches taken, each step's people and reasons. */
export async function resolvePath(db: Executor, corpId: string, template: Template, submission: Submission): Promise<ResolvedPath> {
  const scope: Scope = { db, corpId, template, submission, known: new Map() };
  const settings = template.settings;
  const fields = new Map(template.form.map((f) => [f.id, f]));
  const branches: ResolvedPath['branches'] = [];
  const nodes: { node: ActionNode; via?: string }[] = [];
  for (const node of template.flow) {
    if (node.kind !== 'condition') {
      nodes.push({ node });
      continue;
    }
    let taken = undefined;
    for (const branch of node.branches) {
      let holds = true;
      for (const clause of branch.clauses) if (!(await clauseHolds(scope, clause, fields))) holds = false;
      if (holds) {
        taken = branch;
        break;
      }
    }
    // No branch holds: the condition adds no steps (the flow goes on after it).
    if (!taken) continue;
    branches.push({ nodeId: node.id, branchId: taken.id, branchName: taken.name });
    for (const inner of taken.nodes) nodes.push({ node: inner, via: `${node.name} → ${taken.name}` });
  }

  checkSubmitterChanges(template, settings, submission, nodes.map((n) => n.node));
  await readNamedMembers(scope, nodes.map((n) => n.node));

  const steps: ResolvedStep[] = [];
  for (const { node, via } of nodes) {
    const override = node.kind === 'handler' ? submission.handlerOverrides[node.id] : undefined;
    let resolved;
    if (override) {
      override.forEach((id, i) => refuseApplicant(submission.applicant.id, id, pointer('handlerOverrides', node.id, i)));
      const reasons = [line('submitter_chose_handlers', 'The submitter chose the handlers of this node')];
      resolved = { ids: await keepActive(scope, override, reasons), mode: 'all' as Mode, reasons };
    } else {
      resolved = await resolveNode(scope, node, fields);
    }
    if (via) resolved.reasons.unshift(line('branch', `Reached through the branch ${via}`, { via }));
    let ids = resolved.ids;
    if (node.kind === 'cc' && submission.ccRemove.length > 0) {
      const removed = ids.filter((id) => submission.ccRemove.includes(id));
      if (removed.length > 0) resolved.reasons.push(line('submitter_removed_cc', 'The submitter removed fixed CC members', { memberIds: removed }));
      ids = ids.filter((id) => !submission.ccRemove.includes(id));
    }
    const step: ResolvedStep = { nodeId: node.id, kind: node.kind, name: node.name, mode: node.kind === 'cc' ? 'all' : resolved.mode, assigneeIds: ids, autoApproved: false, origin: override ? 'submitter' : 'template', reasons: resolved.reasons, perAssignee: {} };
    if (ids.length === 0 && node.kind !== 'cc') await applyEmptyRule(scope, step, node.kind === 'approver' ? settings.approverEmpty : settings.handlerEmpty);
    steps.push(step);
  }
  if (submission.ccAdd.length > 0) {
    const reasons = [line('submitter_added_cc', 'CC members added by the submitter')];
    const ids = await keepActive(scope, submission.ccAdd, reasons);
    steps.push({ nodeId: 'submitter_cc', kind: 'cc', name: '抄送人', mode: 'all', assigneeIds: ids, autoApproved: false, origin: 'submitter', reasons, perAssignee: {} });
  }
  return { steps, branches };
}

/** 提交申请时，员工不可修改固定抄送人 / 固定办理人. */
function checkSubmitterChanges(template: Template, settings: Settings, submission: Submission, nodes: ActionNode[]): void {
  if (submission.ccRemove.length > 0 && settings.lockFixedCc) throw new DomainError(ApprovalErrors['approval.fixed_cc_locked']);
  const overridden = Object.keys(submission.handlerOverrides);
  if (overridden.length > 0 && settings.lockFixedHandlers) throw new DomainError(ApprovalErrors['approval.fixed_handlers_locked']);
  for (const nodeId of overridden) {
    if (!nodes.some((n) => n.id === nodeId && n.kind === 'handler')) throw new DomainError(ApprovalErrors['approval.form_invalid'], { reason: 'not_a_handler_node_on_the_path', nodeId });
  }
  for (const nodeId of Object.keys(submission.picks)) {
    if (!nodes.some((n) => n.id === nodeId && n.assignee.type === 'pick')) throw new DomainError(ApprovalErrors['approval.form_invalid'], { reason: 'pick_for_a_node_without_picking', nodeId });
  }
  void template;
}

/** The member the request is for, active. Used by submission and preview alike. */
export async function activeApplicant(db: Executor, corpId: string, memberId: string): Promise<MemberRecord> {
  const member = await getMember(db, corpId, memberId);
  if (!member || member.status !== 'active') throw new DomainError(ApprovalErrors['approval.member_inactive'], { memberId });
  return member;
}
