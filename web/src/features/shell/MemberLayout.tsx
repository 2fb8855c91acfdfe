import { ClockCircleOutlined, FileTextOutlined, FolderOutlined, SettingOutlined, SolutionOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Flex, Grid, Layout, Typography } from 'antd';
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
            <>
              <Button type="text" icon={<SolutionOutlined />} onClick={() => void navigate('/app/approvals')} aria-label={t('approvals:nav')}>
                {!compact && t('approvals:nav')}
              </Button>
              <Button type="text" icon={<FileTextOutlined />} onClick={() => void navigate('/app/docs')} aria-label={t('docs:nav')}>
                {!compact && t('docs:nav')}
              </Button>
              <Button type="text" icon={<FolderOutlined />} onClick={() => void navigate('/app/files')} aria-label={t('files:nav')}>
                {!compact && t('files:nav')}
              </Button>
              <Button type="text" icon={<ClockCircleOutlined />} onClick={() => void navigate('/app/attendance')} aria-label={t('attendance:clock.title')}>
                {!compact && t('attendance:clock.title')}
              </Button>
              {me.roles.superAdmin && (
                <Button type="text" icon={<SettingOutlined />} onClick={() => void navigate('/')} aria-label={t('common:adminConsole')}>
                  {!compact && t('common:adminConsole')}
                </Button>
              )}
            </>
          }
        />
        <Layout.Content style={{ width: '100%', maxWidth: 880, margin: '0 auto', padding: compact ? 12 : 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </AntApp>
  );
}
