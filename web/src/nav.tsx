import { AppstoreOutlined, HddOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import { ApiOutlined, AuditOutlined, HomeOutlined, SolutionOutlined, UserAddOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { AdminsPage } from './features/admins/AdminsPage';
import { AppsPage } from './features/apps/AppsPage';
import { DevicesPage } from './features/devices/DevicesPage';
import { ApiTokensPage } from './features/api-tokens/ApiTokensPage';
import { AuditPage } from './features/audit/AuditPage';
import { TemplatesPage as ApprovalTemplatesPage } from './features/approvals/TemplatesPage';
import { DashboardPage } from './features/corp/DashboardPage';
import { customerNav } from './features/customers/nav';
import { securityNav } from './features/security/nav';
import { walletNav } from './features/wallet/nav';
import { ContactsPage } from './features/contacts/ContactsPage';
import { JoiningPage } from './features/contacts/JoiningPage';
import type { NamespacedKey } from './i18n';
import type { Me } from './session';

export interface NavItem {
  key: string;
  /** Absolute path under the admin layout; `/` is the home page. */
  path: string;
  icon: ReactNode;
  /** Namespaced translation key, e.g. `audit:nav`. */
  labelKey: NamespacedKey;
  element: ReactNode;
  /** Hides the menu entry and forbids the page when it returns false. Visible to everyone when omitted. */
  visible?: (me: Me) => boolean;
}

const superAdminOnly = (me: Me) => me.roles.superAdmin;
/** Pages whose content the API trims to the admin's own rights: any admin sees them, members do not. */
const anyAdmin = (me: Me) => me.roles.superAdmin || me.roles.hierarchicalAdmin;

/** The admin console's pages, in menu order. A new module adds one entry here. */
export const nav: NavItem[] = [
  { key: 'home', path: '/', icon: <HomeOutlined />, labelKey: 'corp:nav', element: <DashboardPage /> },
  { key: 'contacts', path: '/contacts', icon: <TeamOutlined />, labelKey: 'contacts:nav', element: <ContactsPage /> },
  { key: 'joining', path: '/contacts/joining', icon: <UserAddOutlined />, labelKey: 'contacts:joining.nav', visible: anyAdmin, element: <JoiningPage /> },
  { key: 'admins', path: '/admins', icon: <SafetyCertificateOutlined />, labelKey: 'admins:nav', visible: anyAdmin, element: <AdminsPage /> },
  { key: 'apps', path: '/apps', icon: <AppstoreOutlined />, labelKey: 'apps:nav', visible: anyAdmin, element: <AppsPage /> },
  { key: 'devices', path: '/devices', icon: <HddOutlined />, labelKey: 'devices:nav', visible: anyAdmin, element: <DevicesPage /> },
  {
    key: 'audit',
    path: '/audit',
    icon: <AuditOutlined />,
    labelKey: 'audit:nav',
    element: <AuditPage />,
    visible: superAdminOnly,
  },
  {
    key: 'api-tokens',
    path: '/api-tokens',
    icon: <ApiOutlined />,
    labelKey: 'apiTokens:nav',
    element: <ApiTokensPage />,
    visible: superAdminOnly,
  },
  { key: 'approvals', path: '/approvals', icon: <SolutionOutlined />, labelKey: 'approvals:nav', element: <ApprovalTemplatesPage />, visible: anyAdmin },
  ...customerNav,
  ...securityNav,
  ...walletNav,
];

export function isNavVisible(item: NavItem, me: Me): boolean {
  return item.visible?.(me) ?? true;
}
