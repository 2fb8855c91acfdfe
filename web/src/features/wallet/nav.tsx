import { ProfileOutlined, WalletOutlined } from '@ant-design/icons';
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../components/lazyPage';
import type { NavItem } from '../../nav';

const WalletPage = lazyPage(async () => (await import('./WalletPage')).WalletPage);
const OrdersPage = lazyPage(async () => (await import('./OrdersPage')).OrdersPage);
const PayPage = lazyPage(async () => (await import('./PayPage')).PayPage);

const superAdminOnly: NavItem['visible'] = (me) => me.roles.superAdmin;

/** 高级功能 → 企业订单 and 企业充值. */
export const walletNav: NavItem[] = [
  { key: 'orders', tab: 'advanced', path: '/wallet/orders', icon: <ProfileOutlined />, labelKey: 'wallet:ordersNav', element: OrdersPage, visible: superAdminOnly },
  { key: 'wallet', tab: 'advanced', path: '/wallet', icon: <WalletOutlined />, labelKey: 'wallet:nav', element: WalletPage, visible: superAdminOnly },
];

/** Pages reached from the wallet but not in the menu: the sandbox payment page. */
export const walletRoutes: RouteObject[] = [{ path: '/wallet/pay/:topupId', element: PayPage }];
