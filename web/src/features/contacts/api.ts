import { useQuery } from '@tanstack/react-query';
import { api, type Item, type Reply } from '../../api';

export type Department = Item<Reply<'/contacts/departments'>['items']>;
export type Member = Item<Reply<'/contacts/members'>['items']>;
export type Tag = Item<Reply<'/contacts/tags'>['items']>;
export type TagHolders = Reply<'/contacts/tags/{id}/holders'>;
export type ImportStatus = Reply<'/contacts/imports/{id}'>;

export const departmentsKey = ['/contacts/departments'] as const;
export const membersPath = '/contacts/members';
export const tagsKey = ['/contacts/tags'] as const;

export function useDepartments() {
  return useQuery({ queryKey: departmentsKey, queryFn: () => api.get('/contacts/departments') });
}

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

/** Reads a picked file as base64 (without the data-URL prefix). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
