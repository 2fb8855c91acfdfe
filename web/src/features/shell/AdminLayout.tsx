import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Layout, Menu, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { Brand } from '../../components/Brand';
import { Translated } from '../../components/Translated';
import { isNavVisible, nav, type NavItem } from '../../nav';
import { useMe } from '../../session';
import { useUnreadCount } from '../inbox/api';
import { CorpSwitcher } from './CorpSwitcher';
import { HeaderBar } from './HeaderBar';

/** The nav entry owning `pathname`: the longest path that is it or one of its parents. */
function activeNavKey(items: NavItem[], pathname: string): string | undefined {
  return items
    .filter(({ path }) => pathname === path || pathname.startsWith(path.endsWith('/') ? path : `${path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0]?.key;
}

export function AdminLayout() {
  const { t } = useTranslation(['shell', 'common']);
  const me = useMe();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const unread = useUnreadCount(me.member !== null);
  const items = nav.filter((item) => isNavVisible(item, me));
  const activeKey = activeNavKey(items, pathname);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        width={220}
        breakpoint="lg"
        collapsedWidth={64}
        style={{ background: token.colorBgContainer, borderRight: `1px solid ${token.colorBorderSecondary}` }}
      >
        <div style={{ padding: '16px 16px 12px' }}>
          <Brand area={t('common:adminConsole')} />
        </div>
        <Menu
          mode="inline"
          style={{ borderInlineEnd: 'none' }}
          selectedKeys={activeKey ? [activeKey] : []}
          items={items.map((item) => ({
            key: item.key,
            icon: item.icon,
            label: (
              <Link to={item.path}>
                <Translated i18nKey={item.labelKey} />
              </Link>
            ),
          }))}
        />
      </Layout.Sider>
      <Layout>
        <HeaderBar
          start={<CorpSwitcher />}
          links={
            me.member && (
              <Badge count={unread} size="small">
                <Button type="text" icon={<BellOutlined />} onClick={() => void navigate('/app')}>
                  {t('memberArea')}
                </Button>
              </Badge>
            )
          }
        />
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
