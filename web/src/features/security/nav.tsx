import { CameraOutlined, CloudServerOutlined, FileProtectOutlined, EyeInvisibleOutlined, LaptopOutlined, GlobalOutlined, HighlightOutlined, ShareAltOutlined } from '@ant-design/icons';
import { lazyPage } from '../../components/lazyPage';
import type { NavItem } from '../../nav';
import { handoverNav } from '../handover/nav';

const IpPolicyPage = lazyPage(async () => (await import('./IpPolicyPage')).IpPolicyPage);
const WatermarkPolicyPage = lazyPage(async () => (await import('./WatermarkPolicyPage')).WatermarkPolicyPage);
const LeakPolicyPage = lazyPage(async () => (await import('./LeakPolicyPage')).LeakPolicyPage);
const DevicesPage = lazyPage(async () => (await import('./DevicesPage')).DevicesPage);
const UsagePage = lazyPage(async () => (await import('../files/UsagePage')).UsagePage);
const DecodePage = lazyPage(async () => (await import('./DecodePage')).DecodePage);
const ScreenCapturePage = lazyPage(async () => (await import('./ClientPolicyPage')).ScreenCapturePolicyPage);
const ShareExternalPage = lazyPage(async () => (await import('./ClientPolicyPage')).ShareExternalPolicyPage);

/** 安全管理's functions, one page each, for super admins: pages of 安全管理 (its seats page links to them). */
export const securityNav: NavItem[] = [
  { key: 'security-leak', tab: 'advanced', parent: 'security-seats', path: '/security/leak', icon: <FileProtectOutlined />, labelKey: 'security:nav.leak', element: LeakPolicyPage, visible: (me) => me.roles.superAdmin },
  { key: 'security-file-usage', tab: 'advanced', parent: 'security-seats', path: '/security/file-usage', icon: <CloudServerOutlined />, labelKey: 'files:usage.nav', element: UsagePage, visible: (me) => me.roles.superAdmin },
  { key: 'security-ip', tab: 'advanced', parent: 'security-seats', path: '/security/ip', icon: <GlobalOutlined />, labelKey: 'security:nav.ip', element: IpPolicyPage, visible: (me) => me.roles.superAdmin },
  { key: 'security-watermark', tab: 'advanced', parent: 'security-seats', path: '/security/watermark', icon: <HighlightOutlined />, labelKey: 'security:nav.watermark', element: WatermarkPolicyPage, visible: (me) => me.roles.superAdmin },
  { key: 'security-decode', tab: 'advanced', parent: 'security-seats', path: '/security/decode', icon: <EyeInvisibleOutlined />, labelKey: 'security:nav.decode', element: DecodePage, visible: (me) => me.roles.superAdmin },
  { key: 'security-devices', tab: 'advanced', parent: 'security-seats', path: '/security/devices', icon: <LaptopOutlined />, labelKey: 'security:nav.devices', element: DevicesPage, visible: (me) => me.roles.superAdmin },
  handoverNav,
  { key: 'security-screen-capture', tab: 'advanced', parent: 'security-seats', path: '/security/screen-capture', icon: <CameraOutlined />, labelKey: 'security:nav.screenCapture', element: ScreenCapturePage, visible: (me) => me.roles.superAdmin },
  { key: 'security-share-external', tab: 'advanced', parent: 'security-seats', path: '/security/share-external', icon: <ShareAltOutlined />, labelKey: 'security:nav.shareExternal', element: ShareExternalPage, visible: (me) => me.roles.superAdmin },
];
