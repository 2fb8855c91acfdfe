import { ClockCircleOutlined, FileTextOutlined, FolderOutlined, MenuOutlined, SettingOutlined, SolutionOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Dropdown, Flex, Grid, Layout, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useNavigate } from 'react-router';
import { Brand } from '../../components/Brand';
// The signed-in console's texts come with its layout, not with the sign-in page.
import '../../i18n/areas';
import { useCurrentCorp, useMe } from '../../session';
import { HeaderBar } from './HeaderBar';

/** The member area (`/app`): a narrow single-column layout without the admin menu. */
export function MemberLayout() {
  const { t } = useTranslation(['shell', 'common', 'approvals', 'attendance', 'docs', 'files']);
  const me = useMe();
  const corp = useCurrentCorp();
  const navigate = useNavigate();
  // On a phone (narrower than 576 px) the bar keeps its icons and drops the words.
  const compact = !Grid.useBreakpoint().sm;
  const pages = [
    { key: '/app/approvals', icon: <SolutionOutlined />, label: t('approvals:nav') },
    { key: '/app/docs', icon: <FileTextOutlined />, label: t('docs:nav') },
    { key: '/app/files', icon: <FolderOutlined />, label: t('files:nav') },
    { key: '/app/attendance', icon: <ClockCircleOutlined />, label: t('attendance:clock.title') },
    ...(me.roles.superAdmin ? [{ key: '/', icon: <SettingOutlined />, label: t('common:adminConsole') }] : []),
  ];

  return (
    // antd's message, modal and notification hooks (App.useApp) for the pages; not on the sign-in page.
    <AntApp>
      <Layout style={{ minHeight: '100vh' }}>
        <HeaderBar
          compact={compact}
          start={
            <Flex align="center" gap="middle">
              <Brand area={t('memberArea')} compact={compact} />
              {!compact && <Typography.Text type="secondary">{corp.name}</Typography.Text>}
            </Flex>
          }
          links={
            // On a phone the pages are one menu button: a bar of icons outgrew 375 px as the member area grew.
            compact ? (
              <Dropdown trigger={['click']} menu={{ items: pages, onClick: ({ key }) => void navigate(key) }}>
                <Button type="text" icon={<MenuOutlined />} aria-label={t('shell:memberPages')} data-testid="member-pages" />
              </Dropdown>
            ) : (
              pages.map((p) => (
                <Button key={p.key} type="text" icon={p.icon} onClick={() => void navigate(p.key)}>
                  {p.label}
                </Button>
              ))
            )
          }
        />
        <Layout.Content style={{ width: '100%', maxWidth: 880, margin: '0 auto', padding: compact ? 12 : 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </AntApp>
  );
}
