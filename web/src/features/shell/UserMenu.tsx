import { DownOutlined, LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignOut } from '../../hooks/useSignOut';
import { useMe } from '../../session';
import { ChangePasswordModal } from '../auth/ChangePasswordModal';

/** The account's menu; `compact` (a phone) shows the avatar without the name. */
export function UserMenu({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation(['shell', 'auth']);
  const me = useMe();
  const signOut = useSignOut('/auth/sign-out', '/login');
  const [changingPassword, setChangingPassword] = useState(false);

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'password', icon: <LockOutlined />, label: t('changePassword') },
            { type: 'divider' },
            { key: 'signOut', icon: <LogoutOutlined />, label: t('auth:signOut') },
          ],
          onClick: ({ key }) => (key === 'password' ? setChangingPassword(true) : signOut.mutate()),
        }}
      >
        <Button type="text" data-testid="user-menu" aria-label={me.account.name}>
          <Avatar size="small" icon={<UserOutlined />} />
          {!compact && me.account.name}
          {!compact && <DownOutlined />}
        </Button>
      </Dropdown>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </>
  );
}
