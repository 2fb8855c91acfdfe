import { AppstoreOutlined, HddOutlined, SafetyCertificateOutlined, SwapOutlined, TeamOutlined } from '@ant-design/icons';
import { ApiOutlined, AuditOutlined, DashboardOutlined, HomeOutlined, ProfileOutlined, SolutionOutlined, UserAddOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { lazyPage } from './components/lazyPage';
import { attendanceNav } from './features/attendance/nav';
import { customerNav } from './features/customers/nav';
import { integrationNav } from './features/integrations/nav';
import { securityNav } from './features/security/nav';
import { walletNav } from './features/wallet/nav';
import type { NamespacedKey } from './i18n';
import { isEducation } from './features/corp/industries';
import type { Me } from './session';

/** WeCom's top tabs, in their order; each has its own side menu. */
export const TABS = ['home', 'contacts', 'collaboration', 'apps', 'customers', 'advanced', 'tools', 'corp'] as const;
export type TabKey = (typeof TABS)[number];

export interface NavItem {
  key: string;
  /** The top tab whose side menu lists the page. */
  tab: TabKey;
  /** Absolute path under the admin layout; `/` is the home page. */
  path: string;
  icon: ReactNode;
  /** Namespaced translation key, e.g. `audit:nav`. */
  labelKey: NamespacedKey;
  /** The label in the education editions, where customers are 学员 (客户 → 学员, 单向客户 → 单向学员). */
  studentLabelKey?: NamespacedKey;
  element: ReactNode;
  /** Hides the menu entry and forbids the page when it returns false. Visible to everyone when omitted. */
  visible?: (me: Me) => boolean;
  /** A page of another entry's (its key): not in the side menu; the parent is highlighted and links to it. */
  parent?: string;
}

const superAdminOnly = (me: Me) => me.roles.superAdmin;
/** Pages whose content the API trims to the admin's own rights: any admin sees them, members do not. */
const anyAdmin = (me: Me) => me.roles.superAdmin || me.roles.hierarchicalAdmin;

// Each page is its own chunk: the sign-in page loads none of them.
const OverviewPage = lazyPage(async () => (await import('./features/overview/OverviewPage')).OverviewPage);
const ContactsPage = lazyPage(async () => (await import('./features/contacts/ContactsPage')).ContactsPage);
const JoiningPage = lazyPage(async () => (await import('./features/contacts/JoiningPage')).JoiningPage);
const ApprovalTemplatesPage = lazyPage(async () => (await import('./features/approvals/TemplatesPage')).TemplatesPage);
const ApprovalDataPage = lazyPage(async () => (await import('./features/approvals/DataPage')).DataPage);
const AppsPage = lazyPage(async () => (await import('./features/apps/AppsPage')).AppsPage);
const ApiTokensPage = lazyPage(async () => (await import('./features/api-tokens/ApiTokensPage')).ApiTokensPage);
const DevicesPage = lazyPage(async () => (await import('./features/devices/DevicesPage')).DevicesPage);
const AuditPage = lazyPage(async () => (await import('./features/audit/AuditPage')).AuditPage);
const DashboardPage = lazyPage(async () => (await import('./features/corp/DashboardPage')).DashboardPage);
const OidcSettingsPage = lazyPage(async () => (await import('./features/sso/OidcSettingsPage')).OidcSettingsPage);
const AdminsPage = lazyPage(async () => (await import('./features/admins/AdminsPage')).AdminsPage);
const DataMigrationsPage = lazyPage(async () => (await import('./features/data-migration/DataMigrationsPage')).DataMigrationsPage);
const ApplyMigrationPage = lazyPage(async () => (await import('./features/data-migration/ApplyMigrationPage')).ApplyMigrationPage);
const CertificationPage = lazyPage(async () => (await import('./features/certification/CertificationPage')).CertificationPage);

/** The admin console's pages, by tab and in menu order. A new module adds one entry here. */
export const nav: NavItem[] = [
  { key: 'home', tab: 'home', path: '/', icon: <DashboardOutlined />, labelKey: 'overview:nav', element: OverviewPage },
  { key: 'contacts', tab: 'contacts', path: '/contacts', icon: <TeamOutlined />, labelKey: 'contacts:nav', element: ContactsPage },
  { key: 'joining', tab: 'contacts', path: '/contacts/joining', icon: <UserAddOutlined />, labelKey: 'contacts:joining.nav', visible: anyAdmin, element: JoiningPage },
  { key: 'approvals', tab: 'collaboration', path: '/approvals', icon: <SolutionOutlined />, labelKey: 'approvals:nav', element: ApprovalTemplatesPage, visible: anyAdmin },
  { key: 'approval-data', tab: 'collaboration', path: '/approvals/data', icon: <ProfileOutlined />, labelKey: 'approvals:data.nav', element: ApprovalDataPage, visible: anyAdmin },
  { key: 'apps', tab: 'apps', path: '/apps', icon: <AppstoreOutlined />, labelKey: 'apps:nav', visible: anyAdmin, element: AppsPage },
  ...attendanceNav,
  { key: 'api-tokens', tab: 'apps', path: '/api-tokens', icon: <ApiOutlined />, labelKey: 'apiTokens:nav', element: ApiTokensPage, visible: superAdminOnly },
  ...customerNav,
  ...securityNav,
  ...walletNav,
  { key: 'devices', tab: 'tools', path: '/devices', icon: <HddOutlined />, labelKey: 'devices:nav', visible: anyAdmin, element: DevicesPage },
  ...integrationNav,
  { key: 'audit', tab: 'tools', path: '/audit', icon: <AuditOutlined />, labelKey: 'audit:nav', element: AuditPage, visible: superAdminOnly },
  { key: 'corp', tab: 'corp', path: '/corp', icon: <HomeOutlined />, labelKey: 'corp:nav', element: DashboardPage },
  { key: 'sso', tab: 'corp', path: '/corp/sso', icon: <SafetyCertificateOutlined />, labelKey: 'sso:nav', element: OidcSettingsPage, visible: superAdminOnly },
  { key: 'admins', tab: 'corp', path: '/admins', icon: <SafetyCertificateOutlined />, labelKey: 'admins:nav', visible: anyAdmin, element: AdminsPage },
  { key: 'certification', tab: 'corp', path: '/certification', icon: <SafetyCertificateOutlined />, labelKey: 'certification:nav', visible: anyAdmin, element: CertificationPage },
  { key: 'data-migrations', tab: 'corp', path: '/data-migrations', icon: <SwapOutlined />, labelKey: 'dataMigration:nav', visible: superAdminOnly, element: DataMigrationsPage },
  { key: 'data-migration-apply', tab: 'corp', path: '/data-migrations/apply', icon: <SwapOutlined />, labelKey: 'dataMigration:apply.title', visible: superAdminOnly, element: ApplyMigrationPage, parent: 'data-migrations' },
];

/** The entry's label for the enterprise being administered. */
export function navLabelKey(item: NavItem, me: Me): NamespacedKey {
  return (isEducation(me.currentCorp?.industry) && item.studentLabelKey) || item.labelKey;
}

export function isNavVisible(item: NavItem, me: Me): boolean {
  return item.visible?.(me) ?? true;
}

/** The nav entry owning `pathname`: the longest path that is it or one of its parents. */
export function activeNavItem(items: readonly NavItem[], pathname: string): NavItem | undefined {
  return items.filter(({ path }) => pathname === path || pathname.startsWith(path.endsWith('/') ? path : `${path}/`)).sort((a, b) => b.path.length - a.path.length)[0];
}

/**
 * The tab a path shows under: its page's tab, or for an unknown path (the 404) the tab of a page
 * sharing its first segment (`/wallet/nothing` → 高级功能), else 首页.
 */
export function activeTab(items: readonly NavItem[], pathname: string): TabKey {
  const own = activeNavItem(items, pathname);
  if (own && own.path !== '/') return own.tab;
  const segment = pathname.split('/')[1];
  return (segment && items.find((item) => item.path.split('/')[1] === segment)?.tab) || 'home';
}
