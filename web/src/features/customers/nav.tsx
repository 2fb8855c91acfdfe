import { ContactsOutlined, LinkOutlined, SafetyCertificateOutlined, ShopOutlined, UserDeleteOutlined } from '@ant-design/icons';
import type { NavItem } from '../../nav';
import { AcquisitionPage } from '../acquisition/AcquisitionPage';
import { CategoryPage } from '../category/CategoryPage';
import { SeatsPage } from '../features/SeatsPage';
import { CustomersPage } from './CustomersPage';
import { OneWayPage } from './OneWayPage';

/** The customer business's pages (经营类目, 客户与外部联系人规模, 单向客户, 获客助手, 安全管理高级功能). */
export const customerNav: NavItem[] = [
  { key: 'customers', path: '/customers', icon: <ContactsOutlined />, labelKey: 'customers:nav.customers', element: <CustomersPage /> },
  { key: 'one-way', path: '/customers/one-way', icon: <UserDeleteOutlined />, labelKey: 'customers:nav.oneWay', element: <OneWayPage /> },
  { key: 'category', path: '/category', icon: <ShopOutlined />, labelKey: 'customers:nav.category', element: <CategoryPage /> },
  { key: 'acquisition', path: '/acquisition', icon: <LinkOutlined />, labelKey: 'customers:nav.acquisition', element: <AcquisitionPage /> },
  { key: 'security-seats', path: '/features/security', icon: <SafetyCertificateOutlined />, labelKey: 'customers:nav.seats', element: <SeatsPage />, visible: (me) => me.roles.superAdmin },
];
