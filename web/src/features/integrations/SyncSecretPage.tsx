import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Modal, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useNotifyError } from '../../hooks/useNotifyError';

const statusKey = ['/wecom/sync-secret'] as const;

/**
 * 通讯录同步: the contacts-sync secret. Only its digest is kept, so 查看 and 重置 both issue a new
 * one (shown once) after a confirmation that says the old one stops working.
 */
export function SyncSecretPage() {
  const { t } = useTranslation('integrations');
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [secret, setSecret] = useState<string | null>(null);
  const status = useQuery({ queryKey: statusKey, queryFn: () => api.get('/wecom/sync-secret') });
  const issue = useMutation({
    mutationFn: () => api.post('/wecom/sync-secret'),
    onSuccess: async (r) => {
      setSecret(r.secret);
      await queryClient.invalidateQueries({ queryKey: statusKey });
    },
    onError: notifyError,
  });
  return (
    <>
      <PageHeader title={t('sync.title')}>{t('sync.intro')}</PageHeader>
      <Card loading={status.isPending}>
        <ErrorAlert error={status.error} />
        <Flex vertical gap="middle" align="start">
          <Typography.Text data-testid="sync-status">{status.data?.configured && status.data.createdAt ? t('sync.configured', { at: formatDateTime(status.data.createdAt) }) : t('sync.none')}</Typography.Text>
          <Flex gap="small" wrap>
            <Popconfirm title={t('sync.revealConfirm')} onConfirm={() => issue.mutate()} overlayStyle={{ maxWidth: 360 }}>
              <Button type="primary">{t('sync.reveal')}</Button>
            </Popconfirm>
            <Popconfirm title={t('sync.revealConfirm')} onConfirm={() => issue.mutate()} overlayStyle={{ maxWidth: 360 }}>
              <Button>{t('sync.reset')}</Button>
            </Popconfirm>
          </Flex>
        </Flex>
      </Card>
      <Modal open={secret !== null} title={t('sync.secretTitle')} onOk={() => setSecret(null)} onCancel={() => setSecret(null)} okText={t('sync.done')} cancelButtonProps={{ style: { display: 'none' } }}>
        <Typography.Paragraph type="warning">{t('sync.secretNotice')}</Typography.Paragraph>
        <Typography.Paragraph copyable code data-testid="sync-secret">{secret}</Typography.Paragraph>
      </Modal>
    </>
  );
}
