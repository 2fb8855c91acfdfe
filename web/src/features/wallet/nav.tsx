import { ProfileOutlined, WalletOutlined } from '@ant-design/icons';
import type { RouteObject } from 'react-router';
import type { NavItem } from '../../nav';
import { OrdersPage } from './OrdersPage';
import { PayPage } from './PayPage';
import { WalletPage } from './WalletPage';

const superAdminOnly: NavItem['visible'] = (me) => me.roles.superAdmin;

/** 高级功能 → 企业充值 and 企业订单. */
export const walletNav: NavItem[] = [
  { key: 'wallet', path: '/wallet', icon: <WalletOutlined />, labelKey: 'wallet:nav', element: <WalletPage />, visible: superAdminOnly },
  { key: 'orders', path: '/wallet/orders', icon: <ProfileOutlined />, labelKey: 'wallet:ordersNav', element: <OrdersPage />, visible: superAdminOnly },
];

/** Pages reached from the wallet but not in the menu: the sandbox payment page. */
export const walletRoutes: RouteObject[] = [{ path: '/wallet/pay/:topupId', element: <PayPage /> }];
