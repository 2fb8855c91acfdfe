import { ContactsOutlined, FundOutlined, LinkOutlined, SafetyCertificateOutlined, ShopOutlined, UserDeleteOutlined } from '@ant-design/icons';
import { lazyPage } from '../../components/lazyPage';
import type { NavItem } from '../../nav';

const CustomersPage = lazyPage(async () => (await import('./CustomersPage')).CustomersPage);
const OneWayPage = lazyPage(async () => (await import('./OneWayPage')).OneWayPage);
const CategoryPage = lazyPage(async () => (await import('../category/CategoryPage')).CategoryPage);
const QuotaPage = lazyPage(async () => (await import('./QuotaPage')).QuotaPage);
const AcquisitionPage = lazyPage(async () => (await import('../acquisition/AcquisitionPage')).AcquisitionPage);
const SeatsPage = lazyPage(async () => (await import('../features/SeatsPage')).SeatsPage);

/**
 * 客户与上下游 (客户, 单向客户, 经营类目) and the paid customer services under 高级功能
 * (外部联系人规模, 获客助手, 安全管理, as the seed's screenshots show).
 */
export const customerNav: NavItem[] = [
  { key: 'customers', tab: 'customers', path: '/customers', icon: <ContactsOutlined />, labelKey: 'customers:nav.customers', studentLabelKey: 'customers:nav.students', element: CustomersPage },
  { key: 'one-way', tab: 'customers', path: '/customers/one-way', icon: <UserDeleteOutlined />, labelKey: 'customers:nav.oneWay', studentLabelKey: 'customers:nav.oneWayStudents', element: OneWayPage },
  { key: 'category', tab: 'customers', path: '/category', icon: <ShopOutlined />, labelKey: 'customers:nav.category', element: CategoryPage },
  { key: 'quota', tab: 'advanced', path: '/features/customer-quota', icon: <FundOutlined />, labelKey: 'customers:nav.quota', element: QuotaPage },
  { key: 'acquisition', tab: 'advanced', path: '/acquisition', icon: <LinkOutlined />, labelKey: 'customers:nav.acquisition', element: AcquisitionPage },
  { key: 'security-seats', tab: 'advanced', path: '/features/security', icon: <SafetyCertificateOutlined />, labelKey: 'customers:nav.seats', element: SeatsPage, visible: (me) => me.roles.superAdmin },
];
