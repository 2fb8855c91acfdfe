import { BellOutlined } from '@ant-design/icons';
import { App as AntApp, Badge, Button, Flex, Grid, Layout, Menu, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { Brand } from '../../components/Brand';
// The signed-in console's texts come with its layout, not with the sign-in page.
import '../../i18n/areas';
import { Translated } from '../../components/Translated';
import { TABS, activeNavItem, activeTab, isNavVisible, nav, navLabelKey } from '../../nav';
import { useMe } from '../../session';
import { useUnreadCount } from '../inbox/api';
import { CertificationExpiryBanner } from '../certification/ExpiryBanner';
import { CorpSwitcher } from './CorpSwitcher';
import { HeaderBar } from './HeaderBar';

export function AdminLayout() {
  const { t } = useTranslation(['shell', 'common']);
  const me = useMe();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const unread = useUnreadCount(me.member !== null);
  // On a phone (narrower than 576 px) the side menu folds away behind its button, the bar keeps its
  // icons and the tabs scroll: the page degrades but nothing is cut off or squeezed.
  const phone = !Grid.useBreakpoint().sm;
  const items = nav.filter((item) => isNavVisible(item, me));
  const active = activeNavItem(items, pathname);
  const activeKey = active?.parent ?? active?.key;
  const tab = activeTab(items, pathname);
  // A tab leads to its first page; tabs with no page for this account are not shown.
  const tabs = TABS.flatMap((key) => {
    const first = items.find((item) => item.tab === key);
    return first ? [{ key, label: <Link to={first.path}>{t(`tabs.${key}`)}</Link> }] : [];
  });

  return (
    // antd's message, modal and notification hooks (App.useApp) for the pages; not on the sign-in page.
    <AntApp>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Sider
          width={220}
          breakpoint="lg"
          collapsedWidth={phone ? 0 : 64}
          style={{ background: token.colorBgContainer, borderRight: `1px solid ${token.colorBorderSecondary}` }}
        >
          <div style={{ padding: '16px 16px 12px' }}>
            <Brand area={t('common:adminConsole')} />
          </div>
          <Menu
            mode="inline"
            style={{ borderInlineEnd: 'none' }}
            selectedKeys={activeKey ? [activeKey] : []}
            items={items.filter((item) => item.tab === tab && !item.parent).map((item) => ({
              key: item.key,
              icon: item.icon,
              label: (
                <Link to={item.path}>
                  <Translated i18nKey={navLabelKey(item, me)} />
                </Link>
              ),
            }))}
          />
        </Layout.Sider>
        <Layout style={{ minWidth: 0 }}>
          <HeaderBar
            compact={phone}
            start={
              <Flex align="center" gap="middle" style={{ minWidth: 0, flex: 1, overflowX: 'auto' }}>
                <CorpSwitcher />
                <Menu mode="horizontal" disabledOverflow data-testid="nav-tabs" selectedKeys={[tab]} items={tabs} style={{ flex: 1, minWidth: 0, borderBottom: 'none', background: 'transparent' }} />
              </Flex>
            }
            links={
              me.member && (
                <Badge count={unread} size="small">
                  <Button type="text" icon={<BellOutlined />} aria-label={t('memberArea')} onClick={() => void navigate('/app')}>
                    {!phone && t('memberArea')}
                  </Button>
                </Badge>
              )
            }
          />
          <Layout.Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
            <CertificationExpiryBanner />
            <Outlet />
          </Layout.Content>
        </Layout>
      </Layout>
    </AntApp>
  );
}
