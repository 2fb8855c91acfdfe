import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Popconfirm, QRCode, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Reply } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../format';
import { membersPath, type Member } from './api';

type Created = Reply<'/contacts/members/{id}/invitation', 'post'>;

/** The address a link opens: the console's own origin and the path the server gave. */
export function linkAddress(path: string): string {
  return new URL(path, window.location.origin).href;
}

/** A link handed over by hand: the address with a copy button, and its QR code. */
export function LinkHandover({ path, testId }: { path: string; testId: string }) {
  const address = linkAddress(path);
  return (
    <Flex vertical gap="small" align="start" data-testid={testId}>
      <Typography.Text copyable={{ text: address }} style={{ wordBreak: 'break-all' }} data-testid={`${testId}-address`}>
        {address}
      </Typography.Text>
      <QRCode value={address} size={160} />
    </Flex>
  );
}

/**
 * 邀请 / 重新邀请 / 撤销邀请 for a member still 未激活: the latest invitation's state, and once made, its
 * link with a copy button and QR code (shown only now: the server never repeats it), and whether
 * the mail went out.
 */
export function InvitationPanel({ member }: { member: Member }) {
  const { t } = useTranslation('contacts');
  const [created, setCreated] = useState<Created | null>(null);
  const queryClient = useQueryClient();
  const key = ['/contacts/members/{id}/invitation', member.id];
  const latest = useQuery({ queryKey: key, queryFn: () => api.get('/contacts/members/{id}/invitation', { params: { path: { id: member.id } } }) });
  const params = { path: { id: member.id } };
  const invite = useMutation({
    mutationFn: () => api.post('/contacts/members/{id}/invitation', { params }),
    onSuccess: async (made) => {
      setCreated(made);
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const revoke = useMutation({
    mutationFn: () => api.delete('/contacts/members/{id}/invitation', { params }),
    onSuccess: async () => {
      setCreated(null);
      await queryClient.invalidateQueries({ queryKey: key });
      await queryClient.invalidateQueries({ queryKey: [membersPath] });
    },
  });
  const invitation = latest.data?.invitation ?? null;
  const pending = invitation?.status === 'pending';
  const delivery = created?.delivery;

  return (
    <Flex vertical gap="small" data-testid="invitation-panel">
      <Typography.Text strong>{t('invite.title')}</Typography.Text>
      <Typography.Text type="secondary" data-testid="invitation-state">
        {invitation === null ? t('invite.none') : t(`invite.state.${invitation.status}`, { at: formatDateTime(invitation.expiresAt) })}
      </Typography.Text>
      <Space wrap>
        <Button onClick={() => invite.mutate()} loading={invite.isPending} disabled={latest.isLoading}>
          {invitation === null ? t('invite.create') : t('invite.again')}
        </Button>
        {pending && (
          <Popconfirm title={t('invite.revokeConfirm')} onConfirm={() => revoke.mutateAsync()}>
            <Button danger>{t('invite.revoke')}</Button>
          </Popconfirm>
        )}
      </Space>
      <ErrorAlert error={invite.error ?? revoke.error ?? latest.error} />
      {created && delivery && (
        <>
          <Alert
            type={delivery.delivered ? 'success' : 'info'}
            showIcon
            data-testid="invitation-delivery"
            title={delivery.delivered ? t('invite.mailed', { email: member.email }) : t(`invite.handOver.${delivery.reason ?? 'no_smtp'}`)}
          />
          <LinkHandover path={created.link.path} testId="invitation-link" />
        </>
      )}
    </Flex>
  );
}
