import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Item, type Query, type Reply } from '../../api';

export type Department = Item<Reply<'/contacts/departments'>['items']>;
export type Member = Item<Reply<'/contacts/members'>['items']>;
export type Tag = Item<Reply<'/contacts/tags'>['items']>;
export type TagHolders = Reply<'/contacts/tags/{id}/holders'>;
export type ImportStatus = Reply<'/contacts/imports/{id}'>;

export const departmentsKey = ['/contacts/departments'] as const;
export const membersPath = '/contacts/members';
export const tagsKey = ['/contacts/tags'] as const;

/** The members list's filters: its query parameters but the paging ones. */
export type MemberFilter = Omit<Query<'/contacts/members'>, 'cursor' | 'offset' | 'limit' | 'withTotal'>;

/**
 * One numbered page of members with the total of the filter (共 N 人). While the next page loads
 * the current one stays, so the table and its pager do not jump.
 */
export function useMemberPage(filter: MemberFilter | null, page: number, pageSize: number) {
  return useQuery({
    queryKey: [membersPath, 'page', filter, page, pageSize],
    queryFn: () => api.get('/contacts/members', { params: { query: { ...filter, offset: (page - 1) * pageSize, limit: pageSize, withTotal: true } } }),
    enabled: filter !== null,
    placeholderData: keepPreviousData,
  });
}

export function useDepartments() {
  return useQuery({ queryKey: departmentsKey, queryFn: () => api.get('/contacts/departments') });
}

export type Activation = Member['activation'];
export type ActivationCounts = Reply<'/contacts/members/activation-counts'>;

/** 未激活 / 已激活 / 已禁用 / 已离职, counted over the caller's contacts scope (refreshed with the list). */
export function useActivationCounts() {
  return useQuery({ queryKey: [membersPath, 'activation-counts'], queryFn: () => api.get('/contacts/members/activation-counts') });
}

/** The colour of each activation status's tag, the same in the list and the drawer. */
export const activationColor: Record<Activation, string> = { not_activated: 'orange', activated: 'success', disabled: 'warning', departed: 'default' };

export function useTags() {
  return useQuery({ queryKey: tagsKey, queryFn: () => api.get('/contacts/tags'), select: (data) => data.items });
}

export interface TreeNode {
  key: string;
  value: string;
  title: string;
  department: Department;
  children: TreeNode[];
}

/** The flat list (parents first) as a tree; a department whose parent is not visible is a root. */
export function buildTree(items: Department[]): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  const roots: TreeNode[] = [];
  for (const d of items) nodes.set(d.id, { key: d.id, value: d.id, title: d.name, department: d, children: [] });
  for (const d of items) {
    const node = nodes.get(d.id)!;
    const parent = d.parentId ? nodes.get(d.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: TreeNode[]) => {
    list.sort((a, b) => a.department.sortOrder - b.department.sortOrder || a.key.localeCompare(b.key));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/**
 * The largest file an import takes (the server's IMPORT_FILE_LIMIT, src/modules/directory/upload.ts):
 * a bigger one is refused here, before it is sent, and by the server before it is read.
 */
export const IMPORT_FILE_LIMIT_BYTES = 20 * 1024 * 1024;

/** The import's multipart form: the fields first, so the server knows what the file is before it arrives. */
export function importFormData(body: { kind: string; format: string; file: Blob }): FormData {
  const form = new FormData();
  form.append('kind', body.kind);
  form.append('format', body.format);
  form.append('file', body.file, body.file instanceof File ? body.file.name : `contacts.${body.format}`);
  return form;
}
