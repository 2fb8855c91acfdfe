import { LogoutOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Layout, Menu, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { operatorWalletNav } from '../operator-wallet/routes';
import { operatorCategoryNav } from '../operator-category/routes';
import { operatorMigrationNav } from '../data-migration/routes';
import { operatorCertificationNav } from '../certification/routes';
import { AppHeader } from '../../components/AppHeader';
import { Brand } from '../../components/Brand';
import { LanguageSwitch } from '../../components/LanguageSwitch';
// The operator console's texts come with its layout, not with the sign-in page.
import '../../i18n/areas';
import { useSignOut } from '../../hooks/useSignOut';
import { useOperator } from './api';

export function OperatorLayout() {
  const { t } = useTranslation(['operator', 'auth']);
  const operator = useOperator();
  const signOut = useSignOut('/operator/auth/sign-out', '/operator/login');
  const { pathname } = useLocation();
  const { t: tMenu } = useTranslation(['operatorWallet', 'operatorCategory', 'certification', 'dataMigration']);
  const menu = [{ path: '/operator', labelKey: 'nav.corps' } as const, ...operatorWalletNav, ...operatorCategoryNav, ...operatorCertificationNav, ...operatorMigrationNav];

  return (
    // antd's message, modal and notification hooks (App.useApp) for the pages; not on the sign-in page.
    <AntApp>
      <Layout style={{ minHeight: '100vh' }}>
        <AppHeader
          start={<Brand area={t('console')} />}
          end={
            <>
              <LanguageSwitch />
              <Typography.Text>{operator.name}</Typography.Text>
              <Button type="text" icon={<LogoutOutlined />} loading={signOut.isPending} onClick={() => signOut.mutate()}>
                {t('auth:signOut')}
              </Button>
            </>
          }
        />
        <Menu mode="horizontal" selectedKeys={[pathname]} items={menu.map((m) => ({ key: m.path, label: <Link to={m.path}>{tMenu(m.labelKey)}</Link> }))} />
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </AntApp>
  );
}
