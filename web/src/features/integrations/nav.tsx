import { ApiOutlined, SyncOutlined } from '@ant-design/icons';
import { lazyPage } from '../../components/lazyPage';
import type { NavItem } from '../../nav';

const CallbackPage = lazyPage(async () => (await import('./CallbackPage')).CallbackPage);
const SyncSecretPage = lazyPage(async () => (await import('./SyncSecretPage')).SyncSecretPage);
const WebhooksPage = lazyPage(async () => (await import('./WebhooksPage')).WebhooksPage);

const superAdminOnly: NavItem['visible'] = (me) => me.roles.superAdmin;

/**
 * 接收消息 is a page of 应用管理 (opened from an app's row); 通讯录同步 and Webhook are 管理工具, as
 * WeCom lists 通讯录同步 there. The two secrets' pages are the super admins'.
 */
export const integrationNav: NavItem[] = [
  { key: 'app-callback', tab: 'apps', parent: 'apps', path: '/apps/:appId/callback', icon: <ApiOutlined />, labelKey: 'integrations:nav.callback', element: CallbackPage, visible: (me) => me.roles.superAdmin || me.roles.hierarchicalAdmin },
  { key: 'contacts-sync', tab: 'tools', path: '/tools/contacts-sync', icon: <SyncOutlined />, labelKey: 'integrations:nav.sync', element: SyncSecretPage, visible: superAdminOnly },
  { key: 'webhooks', tab: 'tools', path: '/tools/webhooks', icon: <ApiOutlined />, labelKey: 'integrations:nav.webhooks', element: WebhooksPage, visible: superAdminOnly },
];
