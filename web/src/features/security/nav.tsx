import { CameraOutlined, EyeInvisibleOutlined, GlobalOutlined, HighlightOutlined, ShareAltOutlined } from '@ant-design/icons';
import type { NavItem } from '../../nav';
import { ClientPolicyPage } from './ClientPolicyPage';
import { DecodePage } from './DecodePage';
import { IpPolicyPage } from './IpPolicyPage';
import { WatermarkPolicyPage } from './WatermarkPolicyPage';

/** 安全管理's functions, one page each, for the admins who manage the advanced features. */
export const securityNav: NavItem[] = [
  { key: 'security-ip', path: '/security/ip', icon: <GlobalOutlined />, labelKey: 'security:nav.ip', element: <IpPolicyPage />, visible: (me) => me.roles.superAdmin },
  { key: 'security-watermark', path: '/security/watermark', icon: <HighlightOutlined />, labelKey: 'security:nav.watermark', element: <WatermarkPolicyPage />, visible: (me) => me.roles.superAdmin },
  { key: 'security-decode', path: '/security/decode', icon: <EyeInvisibleOutlined />, labelKey: 'security:nav.decode', element: <DecodePage />, visible: (me) => me.roles.superAdmin },
  { key: 'security-screen-capture', path: '/security/screen-capture', icon: <CameraOutlined />, labelKey: 'security:nav.screenCapture', element: <ClientPolicyPage kind="screen_capture" />, visible: (me) => me.roles.superAdmin },
  { key: 'security-share-external', path: '/security/share-external', icon: <ShareAltOutlined />, labelKey: 'security:nav.shareExternal', element: <ClientPolicyPage kind="share_external" />, visible: (me) => me.roles.superAdmin },
];
