import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

export interface Department {
  id: string;
  parentId: string | null;
  name: string;
  sortOrder: number;
  depth: number;
  memberCount: number;
  heads: { id: string; name: string }[];
  manageable: boolean;
}

export interface Member {
  id: string;
  userid: string;
  name: string;
  phone: string | null;
  email: string | null;
  position: string | null;
  status: 'active' | 'disabled' | 'departed';
  mainDepartmentId: string;
  departments: { id: string; name: string }[];
  headOf: string[];
  linked: boolean;
  joinedAt: string;
  departedAt: string | null;
  editable: boolean;
  removable: boolean;
}

export interface Tag {
  id: string;
  name: string;
  memberCount: number;
  departmentCount: number;
}

export interface TagHolders {
  members: { id: string; name: string; userid: string }[];
  departments: { id: string; name: string }[];
  reach: number;
}

export interface ImportStatus {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  done: number;
  total: number | null;
  result: { created: number } | null;
  error: { code: string; message: string; rows: { row: number; field: string; reason: string }[] } | null;
}

export const departmentsKey = ['/contacts/departments'] as const;
export const membersPath = '/contacts/members';
export const tagsKey = ['/contacts/tags'] as const;

export function useDepartments() {
  return useQuery({ queryKey: departmentsKey, queryFn: () => api.get<{ items: Department[]; canManage: boolean }>('/contacts/departments') });
}

export function useTags() {
  return useQuery({ queryKey: tagsKey, queryFn: () => api.get<{ items: Tag[] }>('/contacts/tags'), select: (data) => data.items });
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
