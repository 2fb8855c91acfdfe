import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Body, type Item, type Query, type Reply } from '../../api';

/** Templates, flows and requests as the server describes them (src/modules/approval/approval.schema.ts). */
export type Template = Reply<'/approvals/templates/{templateId}'>;
export type FormField = Item<Template['form']>;
export type FieldType = FormField['type'];
export type FlowNode = Item<Template['flow']>;
export type ConditionNode = Extract<FlowNode, { kind: 'condition' }>;
export type ActionNode = Exclude<FlowNode, ConditionNode>;
export type NodeKind = ActionNode['kind'];
export type Assignee = ActionNode['assignee'];
export type Mode = Extract<Assignee, { type: 'members' }>['mode'];
export type Branch = Item<ConditionNode['branches']>;
export type Clause = Item<Branch['clauses']>;
export type Settings = Template['settings'];
export type EmptyRule = Settings['approverEmpty'];
export type DepartedRule = Settings['approverDeparted'];
export type TemplateInput = Pick<Template, 'name' | 'description' | 'form' | 'flow' | 'settings' | 'visibility' | 'assistantIds'>;
export type Visibility = NonNullable<Template['visibility']>;
export type DataItem = Item<Reply<'/approvals/data'>['items']>;
export type DataFilters = Omit<Query<'/approvals/data'>, 'cursor' | 'limit'>;
export type Detail = Reply<'/approvals/requests/{requestId}'>;
export type FormValues = Detail['form'];
export type Step = Item<Detail['steps']>;
export type Reason = Item<Step['reasons']>;
export type TaskView = Item<Detail['tasks']>;
export type Preview = Reply<'/approvals/preview', 'post'>;
export type ListItem = Item<Reply<'/approvals/requests'>['items']>;
export type People = Reply<'/approvals/people'>;
export type ActionBody = Body<'/approvals/tasks/{taskId}/actions', 'post'>;

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
  withdrawRunning: true,
  withdrawApproved: 'never',
  withdrawApprovedDays: 7,
};

export const TEMPLATES = '/approvals/templates';

export function useTemplates() {
  return useQuery({ queryKey: [TEMPLATES], queryFn: () => api.get(TEMPLATES) });
}

export function useTemplate(id: string | undefined) {
  return useQuery({ queryKey: [TEMPLATES, id], queryFn: () => api.get('/approvals/templates/{templateId}', { params: { path: { templateId: id! } } }), enabled: id !== undefined && id !== 'new' });
}

export function usePeople() {
  return useQuery({ queryKey: ['/approvals/people'], queryFn: () => api.get('/approvals/people'), staleTime: 60_000 });
}

export function useSaveTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (save: { input: TemplateInput } | { id: string; version: number; input: TemplateInput }) =>
      'id' in save
        ? api.put('/approvals/templates/{templateId}', { params: { path: { templateId: save.id } }, body: { ...save.input, expectedVersion: save.version } })
        : api.post(TEMPLATES, { body: save.input }),
    onSuccess: () => client.invalidateQueries({ queryKey: [TEMPLATES] }),
  });
}

export function useArchiveTemplate() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.delete('/approvals/templates/{templateId}', { params: { path: { templateId: id } } }), onSuccess: () => client.invalidateQueries({ queryKey: [TEMPLATES] }) });
}

export function useRequest(id: string) {
  return useQuery({ queryKey: ['/approvals/requests', id], queryFn: () => api.get('/approvals/requests/{requestId}', { params: { path: { requestId: id } } }) });
}

export function useAct() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, body }: { taskId: string; body: ActionBody }) => api.post('/approvals/tasks/{taskId}/actions', { params: { path: { taskId } }, body }),
    onSettled: () => client.invalidateQueries({ queryKey: ['/approvals/requests'] }),
  });
}

/** 通过后允许编辑: the applicant proposes new values for an approved request; its approvers and handlers then consent. */
export function useEditRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, form }: { id: string; form: FormValues }) => api.post('/approvals/requests/{requestId}/edit', { params: { path: { requestId: id } }, body: { form } }),
    onSettled: () => client.invalidateQueries({ queryKey: ['/approvals/requests'] }),
  });
}

export function useWithdraw() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post('/approvals/requests/{requestId}/withdraw', { params: { path: { requestId: id } } }),
    onSettled: () => client.invalidateQueries({ queryKey: ['/approvals/requests'] }),
  });
}

/** An admin hands a (departed member's) open task to someone else. */
export function useHandover() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, toMemberId }: { taskId: string; toMemberId: string }) => api.post('/approvals/tasks/{taskId}/handover', { params: { path: { taskId } }, body: { toMemberId } }),
    onSettled: () => client.invalidateQueries({ queryKey: ['/approvals/requests'] }),
  });
}
