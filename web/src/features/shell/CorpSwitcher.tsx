import { CheckOutlined, DownOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Avatar, Button, Dropdown, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api';
import { useNotifyError } from '../../hooks/useNotifyError';
import { useApplyMe, useCurrentCorp, useMe } from '../../session';

const REGISTER_KEY = 'register';

/** Shows the current enterprise and switches to another one of the account's enterprises. */
export function CorpSwitcher() {
  const { t } = useTranslation('shell');
  const me = useMe();
  const corp = useCurrentCorp();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const applyMe = useApplyMe();
  const { message } = App.useApp();
  const notifyError = useNotifyError();

  const switchCorp = useMutation({
    mutationFn: (corpId: string) => api.put('/me/current-corp', { body: { corpId } }),
    onSuccess: async (result) => {
      await navigate('/');
      await applyMe(result.me);
      void message.success(t('switched', { name: result.me.currentCorp?.name }));
    },
    onError: notifyError,
  });

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'title', type: 'group', label: t('switchCorp') },
          ...me.corps.map(({ id, name }) => ({
            key: id,
            label: name,
            extra: id === corp.id ? <CheckOutlined /> : undefined,
          })),
          { type: 'divider' },
          { key: REGISTER_KEY, icon: <PlusOutlined />, label: t('registerCorp') },
        ],
        onClick: ({ key }) => {
          if (key === REGISTER_KEY) void navigate('/register');
          else if (key !== corp.id) switchCorp.mutate(key);
        },
      }}
    >
      <Button type="text" size="large" loading={switchCorp.isPending} data-testid="corp-switcher">
        <Avatar shape="square" size="small" style={{ background: token.colorPrimary }}>
          {corp.shortName.slice(0, 1)}
        </Avatar>
        {corp.shortName}
        <DownOutlined />
      </Button>
    </Dropdown>
  );
}
