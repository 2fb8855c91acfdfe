import { useMutation } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useMe } from '../../session';

type Action = 'force-password-change' | 'sign-out-everywhere' | 'password-reset';

/**
 * The member drawer's login actions for an activated member: 下次登录时修改密码, 退出所有登录, and for
 * the creator and super admins a reset link, shown once. The server applies the admin-target rules.
 */
export function MemberSecurityActions({ memberId }: { memberId: string }) {
  const { t } = useTranslation('auth');
  const { message, modal } = App.useApp();
  const errorMessage = useErrorMessage();
  const me = useMe();
  const act = useMutation({
    mutationFn: async (action: Action) => {
      const path = { params: { path: { id: memberId } } };
      if (action === 'password-reset') return (await api.post('/contacts/members/{id}/password-reset', path)).link.url;
      await api.post(action === 'force-password-change' ? '/contacts/members/{id}/force-password-change' : '/contacts/members/{id}/sign-out-everywhere', path);
      return null;
    },
    onSuccess: (url, action) => {
      if (url) modal.info({ title: t('security.linkTitle'), content: <Typography.Paragraph copyable={{ text: url }}>{t('security.linkOnce')}</Typography.Paragraph> });
      else void message.success(t(action === 'force-password-change' ? 'security.forced' : 'security.signedOut'));
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  const confirm = (action: Action, label: string, question: string) => (
    <Popconfirm title={question} onConfirm={() => act.mutateAsync(action)}>
      <Button loading={act.isPending && act.variables === action}>{label}</Button>
    </Popconfirm>
  );
  return (
    <Space wrap>
      {confirm('force-password-change', t('security.force'), t('security.forceConfirm'))}
      {confirm('sign-out-everywhere', t('security.signOut'), t('security.signOutConfirm'))}
      {me.roles.superAdmin && confirm('password-reset', t('security.resetLink'), t('security.resetLinkConfirm'))}
    </Space>
  );
}
