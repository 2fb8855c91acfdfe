import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Popconfirm, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useNotifyError } from '../../hooks/useNotifyError';
import { apiTokensQueryKey, useApiTokens, type ApiToken } from './api';
import { CreateTokenModal } from './CreateTokenModal';
import { SecretModal } from './SecretModal';
import { useRightOptions } from './useRightOptions';

export function ApiTokensPage() {
  const { t } = useTranslation('apiTokens');
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const tokens = useApiTokens();
  const rightOptions = useRightOptions();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);

  const revoke = useMutation({
    mutationFn: (id: string) => api.delete('/api-tokens/{tokenId}', { params: { path: { tokenId: id } } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: apiTokensQueryKey });
      void message.success(t('revoked'));
    },
    onError: notifyError,
  });

  const rightLabels = new Map(rightOptions.map(({ value, label }) => [value, label]));

  const columns: TableColumnsType<ApiToken> = [
    { key: 'name', title: t('columns.name'), dataIndex: 'name' },
    {
      key: 'rights',
      title: t('columns.rights'),
      dataIndex: 'rights',
      render: (keys: string[]) => (
        <Flex wrap gap={4}>
          {keys.map((key) => (
            <Tag key={key}>{rightLabels.get(key) ?? key}</Tag>
          ))}
        </Flex>
      ),
    },
    { key: 'createdAt', title: t('columns.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    {
      key: 'lastUsedAt',
      title: t('columns.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      render: (at: string | null) => (at ? formatDateTime(at) : t('neverUsed')),
    },
    {
      key: 'status',
      title: t('columns.status'),
      render: (_, token) =>
        token.revokedAt ? <Tag>{t('status.revoked')}</Tag> : <Tag color="success">{t('status.active')}</Tag>,
    },
    {
      key: 'actions',
      title: t('columns.actions'),
      render: (_, token) =>
        !token.revokedAt && (
          <Popconfirm title={t('revokeConfirm')} onConfirm={() => revoke.mutate(token.id)}>
            <Button type="link" danger size="small">
              {t('revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('create')}
          </Button>
        }
      >
        {t('intro')}
      </PageHeader>
      <Card>
        <Flex vertical gap="middle">
          <ErrorAlert error={tokens.error} />
          <Table<ApiToken> rowKey="id" columns={columns} dataSource={tokens.data} loading={tokens.isPending} pagination={false} />
        </Flex>
      </Card>
      <CreateTokenModal open={creating} onClose={() => setCreating(false)} onCreated={setSecret} />
      <SecretModal secret={secret} onClose={() => setSecret(null)} />
    </>
  );
}
