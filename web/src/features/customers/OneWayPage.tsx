import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useNotifyError } from '../../hooks/useNotifyError';
import type { Friend } from './api';
import { ProfileDrawer } from './ProfileDrawer';

const key = ['/customers/friends', 'one-way'] as const;

/** 单向客户 (单向学员 in the education edition): filtered, opened and deleted one by one. */
export function OneWayPage() {
  const { t } = useTranslation(['customers', 'common']);
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: key, queryFn: () => api.get('/customers/friends', { params: { query: { oneWay: true, limit: 200 } } }) });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete('/customers/friends/{customerId}', { params: { path: { customerId: id } } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('/customer') });
      void message.success(t('customers.deleted'));
    },
    onError: notifyError,
  });
  const [opened, setOpened] = useState<string | null>(null);
  const term = list.data?.oneWayTerm ?? 'customer';
  const label = list.data ? t(`customers.terms.${term}.oneWay`) : t('nav.oneWay');
  const columns: TableColumnsType<Friend> = [
    {
      key: 'name',
      title: t(`customers.terms.${term}.name`),
      render: (_, f) => (
        <Button type="link" size="small" onClick={() => setOpened(f.id)}>
          {f.name}
        </Button>
      ),
    },
    { key: 'externalId', title: t('customers.externalId'), dataIndex: 'externalId' },
    { key: 'reason', title: t('common:columns.reason'), render: (_, f) => (f.oneWayReason ? t(`customers.reason.${f.oneWayReason}`) : '') },
    { key: 'addedAt', title: t('customers.addedAt'), dataIndex: 'addedAt', render: formatDateTime },
    {
      key: 'actions',
      title: t('common:columns.actions'),
      render: (_, f) => (
        <Popconfirm title={t(`customers.terms.${term}.deleteConfirm`)} onConfirm={() => remove.mutate(f.id)}>
          <Button type="link" danger size="small">
            {t('customers.delete')}
          </Button>
        </Popconfirm>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={label}>{t('customers.oneWayIntro', { who: label })}</PageHeader>
      <Card>
        <ErrorAlert error={list.error} />
        <Table<Friend> rowKey="id" columns={columns} dataSource={list.data?.items} loading={list.isPending} pagination={false} locale={{ emptyText: t(`customers.terms.${term}.oneWayEmpty`) }} />
      </Card>
      <ProfileDrawer customerId={opened} onClose={() => setOpened(null)} />
    </>
  );
}
