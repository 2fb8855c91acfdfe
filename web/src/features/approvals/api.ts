import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';

/** Types mirror src/modules/approval/approval.model.ts and approval.schema.ts. */

export type FieldType = 'text' | 'number' | 'money' | 'date' | 'select' | 'multiselect' | 'member' | 'department' | 'attachment';
export interface FormField {
  id: string;
  type: FieldType;
  label: string;
  required: boolean;
  options?: string[];
}
export type Mode = 'all' | 'any' | 'sequential';
export type Assignee =
  | { type: 'members'; memberIds: string[]; mode: Mode }
  | { type: 'head'; direction: 'up' | 'down'; level: number; mode: 'all' | 'any' }
  | { type: 'tag'; tagId: string; mode: 'all' | 'any' }
  | { type: 'applicant' }
  | { type: 'pick'; range: { memberIds?: string[]; departmentIds?: string[]; tagIds?: string[] } | null; max: number; mode: Mode }
  | { type: 'field'; fieldId: string; mode: Mode };
export type NodeKind = 'approver' | 'handler' | 'cc';
export interface ActionNode {
  id: string;
  kind: NodeKind;
  name: string;
  assignee: Assignee;
}
export type Clause =
  | { type: 'field'; fieldId: string; op: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'contains'; value: string | number | string[] }
  | { type: 'department'; departmentIds: string[] };
export interface Branch {
  id: string;
  name: string;
  clauses: Clause[];
  nodes: ActionNode[];
}
export interface ConditionNode {
  id: string;
  kind: 'condition';
  name: string;
  branches: Branch[];
}
export type FlowNode = ActionNode | ConditionNode;
export type EmptyRule = { action: 'auto_approve' } | { action: 'transfer'; memberId: string };
export type DepartedRule = { action: 'remind_admin' } | { action: 'handover'; memberId: string };
export interface Settings {
  approverEmpty: EmptyRule;
  approverDeparted: DepartedRule;
  handlerEmpty: EmptyRule;
  handlerDeparted: DepartedRule;
  repeatApprover: 'first_only' | 'consecutive' | 'every';
  allowOnBehalf: boolean;
  restrictView: boolean;
  lockFixedCc: boolean;
  lockFixedHandlers: boolean;
  allowEditAfterApproval: boolean;
  allowAddApprovers: boolean;
  requireApprovalComment: boolean;
  requireHandlingComment: boolean;
  requireSignature: boolean;
}
export interface Template {
  id: string;
  name: string;
  description: string;
  form: FormField[];
  flow: FlowNode[];
  settings: Settings;
  version: number;
  archived: boolean;
  updatedAt: string;
}
export type TemplateInput = Pick<Template, 'name' | 'description' | 'form' | 'flow' | 'settings'>;
export type FormValues = Record<string, string | number | string[]>;
export interface Reason {
  code: string;
  text: string;
  data?: Record<string, unknown>;
}
export interface Step {
  nodeId: string;
  kind: NodeKind;
  name: string;
  mode: Mode;
  assigneeIds: string[];
  autoApproved: boolean;
  origin: string;
  reasons: Reason[];
}
export interface Preview {
  steps: Step[];
  branches: { nodeId: string; branchId: string; branchName: string }[];
  names: Record<string, string>;
}
export interface ListItem {
  instanceId: string;
  taskId: string | null;
  templateName: string;
  applicantName: string;
  status: string;
  taskKind: string | null;
  taskStatus: string | null;
  submittedAt: string;
}
export interface TaskView {
  id: string;
  step: number;
  kind: 'approver' | 'handler' | 'cc' | 'consent';
  assigneeId: string;
  assigneeName: string;
  status: string;
  comment: string | null;
  signed: boolean;
  why: Reason[];
  createdAt: string;
  actedAt: string | null;
}
export interface Detail {
  id: string;
  templateName: string;
  status: string;
  applicantId: string;
  applicantName: string;
  submitterId: string;
  submitterName: string;
  fields: FormField[];
  form: FormValues;
  settings: Settings;
  steps: Step[];
  tasks: TaskView[];
  trail: { id: string; action: string; actorName: string | null; taskId: string | null; comment: string | null; details: Record<string, unknown>; at: string }[];
  pendingEdit: FormValues | null;
  submittedAt: string;
}
export interface People {
  members: { id: string; name: string }[];
  tags: { id: string; name: string }[];
  departments: { id: string; name: string }[];
}

export const DEFAULT_SETTINGS: Settings = {
  approverEmpty: { action: 'auto_approve' },
  approverDeparted: { action: 'remind_admin' },
  handlerEmpty: { action: 'auto_approve' },
  handlerDeparted: { action: 'remind_admin' },
  repeatApprover: 'every',
  allowOnBehalf: false,
  restrictView: true,
  lockFixedCc: false,
  lockFixedHandlers: false,
  allowEditAfterApproval: false,
  allowAddApprovers: false,
  requireApprovalComment: false,
  requireHandlingComment: false,
  requireSignature: false,
};

export const TEMPLATES = '/approvals/templates';

export function useTemplates() {
  return useQuery({ queryKey: [TEMPLATES], queryFn: () => api.get<{ items: Template[] }>(TEMPLATES) });
}

export function useTemplate(id: string | undefined) {
  return useQuery({ queryKey: [TEMPLATES, id], queryFn: () => api.get<Template>(`${TEMPLATES}/${id}`), enabled: id !== undefined && id !== 'new' });
}

export function usePeople() {
  return useQuery({ queryKey: ['/approvals/people'], queryFn: () => api.get<People>('/approvals/people'), staleTime: 60_000 });
}

export function useSaveTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input, version }: { id?: string; input: TemplateInput; version?: number }) =>
      id ? api.put<Template>(`${TEMPLATES}/${id}`, { ...input, expectedVersion: version }) : api.post<Template>(TEMPLATES, input),
    onSuccess: () => client.invalidateQueries({ queryKey: [TEMPLATES] }),
  });
}

export function useArchiveTemplate() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.delete(`${TEMPLATES}/${id}`), onSuccess: () => client.invalidateQueries({ queryKey: [TEMPLATES] }) });
}

export function useRequest(id: string) {
  return useQuery({ queryKey: ['/approvals/requests', id], queryFn: () => api.get<Detail>(`/approvals/requests/${id}`) });
}

export type ActionBody =
  | { action: 'approve'; comment?: string; signature?: string }
  | { action: 'reject'; comment?: string }
  | { action: 'handle'; comment?: string }
  | { action: 'transfer'; toMemberId: string; comment?: string }
  | { action: 'return'; comment?: string }
  | { action: 'add_approvers'; memberIds: string[]; mode: Mode };

export function useAct() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, body }: { taskId: string; body: ActionBody }) => api.post(`/approvals/tasks/${taskId}/actions`, body),
    onSettled: () => client.invalidateQueries({ queryKey: ['/approvals/requests'] }),
  });
}

/** 通过后允许编辑: the applicant proposes new values for an approved request; its approvers and handlers then consent. */
export function useEditRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, form }: { id: string; form: FormValues }) => api.post(`/approvals/requests/${id}/edit`, { form }),
    onSettled: () => client.invalidateQueries({ queryKey: ['/approvals/requests'] }),
  });
}

export function useWithdraw() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post(`/approvals/requests/${id}/withdraw`),
    onSettled: () => client.invalidateQueries({ queryKey: ['/approvals/requests'] }),
  });
}

/** An admin hands a (departed member's) open task to someone else. */
export function useHandover() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, toMemberId }: { taskId: string; toMemberId: string }) => api.post(`/approvals/tasks/${taskId}/handover`, { toMemberId }),
    onSettled: () => client.invalidateQueries({ queryKey: ['/approvals/requests'] }),
  });
}
