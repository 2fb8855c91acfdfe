import { SwapOutlined } from '@ant-design/icons';
import { lazyPage } from '../../components/lazyPage';
import type { NavItem } from '../../nav';

const HandoverPage = lazyPage(async () => (await import('./HandoverPage')).HandoverPage);

/** 数据资产交接, a page of 安全管理 (listed with its other functions). */
export const handoverNav: NavItem = { key: 'security-handover', tab: 'advanced', parent: 'security-seats', path: '/security/handover', icon: <SwapOutlined />, labelKey: 'handover:nav', element: HandoverPage, visible: (me) => me.roles.superAdmin };
