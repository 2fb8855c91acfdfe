import { CameraOutlined, EyeInvisibleOutlined, GlobalOutlined, HighlightOutlined, ShareAltOutlined } from '@ant-design/icons';
import { lazyPage } from '../../components/lazyPage';
import type { NavItem } from '../../nav';

const IpPolicyPage = lazyPage(async () => (await import('./IpPolicyPage')).IpPolicyPage);
const WatermarkPolicyPage = lazyPage(async () => (await import('./WatermarkPolicyPage')).WatermarkPolicyPage);
const DecodePage = lazyPage(async () => (await import('./DecodePage')).DecodePage);
const ScreenCapturePage = lazyPage(async () => (await import('./ClientPolicyPage')).ScreenCapturePolicyPage);
const ShareExternalPage = lazyPage(async () => (await import('./ClientPolicyPage')).ShareExternalPolicyPage);

/** 安全管理's functions, under 高级功能 beside its seats, one page each, for super admins. */
export const securityNav: NavItem[] = [
  { key: 'security-ip', tab: 'advanced', path: '/security/ip', icon: <GlobalOutlined />, labelKey: 'security:nav.ip', element: IpPolicyPage, visible: (me) => me.roles.superAdmin },
  { key: 'security-watermark', tab: 'advanced', path: '/security/watermark', icon: <HighlightOutlined />, labelKey: 'security:nav.watermark', element: WatermarkPolicyPage, visible: (me) => me.roles.superAdmin },
  { key: 'security-decode', tab: 'advanced', path: '/security/decode', icon: <EyeInvisibleOutlined />, labelKey: 'security:nav.decode', element: DecodePage, visible: (me) => me.roles.superAdmin },
  { key: 'security-screen-capture', tab: 'advanced', path: '/security/screen-capture', icon: <CameraOutlined />, labelKey: 'security:nav.screenCapture', element: ScreenCapturePage, visible: (me) => me.roles.superAdmin },
  { key: 'security-share-external', tab: 'advanced', path: '/security/share-external', icon: <ShareAltOutlined />, labelKey: 'security:nav.shareExternal', element: ShareExternalPage, visible: (me) => me.roles.superAdmin },
];
