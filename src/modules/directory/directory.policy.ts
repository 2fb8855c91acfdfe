import type { RightSpec } from '../../platform/policy/index.ts';

/**
 * 通讯录 rights. Every member may read the directory (as in the WeCom app); managing it needs
 * contacts rights, and a hierarchical admin manages only inside its departments (contactsScope).
 */
export const directoryRights: Record<string, RightSpec> = {
  'contacts.read': { member: true, token: { zh: '读取通讯录', en: 'Read the contacts' } },
  'contacts.manage': { hierarchical: 'contacts', token: { zh: '管理通讯录（同步）', en: 'Manage the contacts (sync)' } },
};
