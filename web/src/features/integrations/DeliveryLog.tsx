import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Item, Reply } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../format';
import { useNotifyError } from '../../hooks/useNotifyError';

type Delivery = Item<Reply<'/apps/{appId}/callback/deliveries'>['items']>;

const STATUS_COLOR = { pending: 'processing', delivered: 'success', failed: 'error' } as const;

/** A receiver's delivery log (a callback's or a webhook's): every event, every attempt, and 重新推送 for a finished one. */
export function DeliveryLog({ queryKey, load, replay, eventName }: { queryKey: readonly unknown[]; load: () => Promise<{ items: Delivery[] }>; replay: (deliveryId: string) => Promise<unknown>; eventName?: (type: string) => string }) {
  const { t } = useTranslation(['integrations', 'common']);
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const log = useQuery({ queryKey, queryFn: load, select: (d) => d.items });
  const again = useMutation({
    mutationFn: replay,
    onSuccess: async () => {
      void message.success(t('log.replayed'));
      await queryClient.invalidateQueries({ queryKey });
    },
    onError: notifyError,
  });
  return (
    <Card title={t('log.title')} extra={<Button onClick={() => void log.refetch()}>{t('log.refresh')}</Button>} data-testid="delivery-log">
      <ErrorAlert error={log.error} />
      <Table<Delivery>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        loading={log.isPending}
        dataSource={log.data}
        locale={{ emptyText: t('log.empty') }}
        columns={[
          { key: 'event', title: t('log.event'), render: (_, d) => <Flex vertical><Typography.Text>{eventName ? eventName(d.eventType) : d.eventType}</Typography.Text><Typography.Text type="secondary" copyable>{d.eventId}</Typography.Text></Flex> },
          { key: 'createdAt', title: t('log.createdAt'), render: (_, d) => formatDateTime(d.createdAt) },
          { key: 'status', title: t('log.status'), render: (_, d) => <Tag color={STATUS_COLOR[d.status]}>{t(`log.statuses.${d.status}`)}</Tag> },
          {
            key: 'attempts',
            title: t('log.attempts'),
            render: (_, d) => (
              <Flex vertical>
                {d.attempts.map((a) => (
                  <Typography.Text key={a.n} type={a.code !== null && a.code >= 200 && a.code < 300 ? undefined : 'danger'}>
                    {t('log.attempt', { n: a.n, at: formatDateTime(a.at), result: a.code === null ? `${t('log.noAnswer')}${a.error ? ` (${a.error})` : ''}` : `HTTP ${a.code}` })}
                  </Typography.Text>
                ))}
                {d.nextAttemptAt && <Typography.Text type="secondary">{`${t('log.next')}: ${formatDateTime(d.nextAttemptAt)}`}</Typography.Text>}
              </Flex>
            ),
          },
          {
            key: 'actions',
            title: t('common:columns.actions'),
            render: (_, d) =>
              d.status !== 'pending' && (
                <Popconfirm title={t('log.replayConfirm')} onConfirm={() => again.mutate(d.id)}>
                  <Button type="link" size="small">{t('log.replay')}</Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Card>
  );
}
