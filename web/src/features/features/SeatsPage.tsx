import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, InputNumber, Popconfirm, Row, Select, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey, type Item, type Reply } from '../../api';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatDateTime } from '../../format';
import { useNotifyError } from '../../hooks/useNotifyError';
import { useMe } from '../../session';
import { useActiveMembers, yuan } from '../customers/api';
import { usePaymentConfirmation } from '../wallet/usePaymentConfirmation';
import { SecurityFunctions } from '../security/SecurityFunctions';

type Seat = Item<Reply<'/features/{feature}'>['seats']>;
const params = { path: { feature: 'security' } } as const;

const key = ['/features/security'] as const;

/** 安全管理 advanced features: buy seats (super admins), give them to members, take back within 7 days. */
export function SeatsPage() {
  const { t } = useTranslation(['customers', 'common']);
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const me = useMe();
  const plan = useQuery({ queryKey: key, queryFn: () => api.get('/features/{feature}', { params }) });
  const members = useActiveMembers();
  const [seats, setSeats] = useState<number | null>(1);
  const confirmPayment = usePaymentConfirmation();
  const [member, setMember] = useState<string>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });

  const buy = useMutation({
    mutationFn: (input: { seats: number; quotedFen: number }) => api.post('/features/{feature}/purchases', { params, body: { ...input, idempotencyKey: newIdempotencyKey() } }),
    onSuccess: async () => {
      await refresh();
      void message.success(t('seats.boughtOk'));
    },
    onError: notifyError,
  });
  const assign = useMutation({
    mutationFn: (memberId: string) => api.put('/features/{feature}/seats/{memberId}', { params: { path: { ...params.path, memberId } } }),
    onSuccess: async () => {
      await refresh();
      setMember(undefined);
      void message.success(t('seats.assigned'));
    },
    onError: notifyError,
  });
  const takeBack = useMutation({
    mutationFn: (memberId: string) => api.delete('/features/{feature}/seats/{memberId}', { params: { path: { ...params.path, memberId } } }),
    onSuccess: async () => {
      await refresh();
      void message.success(t('seats.takenBack'));
    },
    onError: notifyError,
  });

  if (plan.isError) return <LoadFailed error={plan.error} onRetry={() => void plan.refetch()} />;
  const now = Date.now();
  const columns: TableColumnsType<Seat> = [
    { key: 'member', title: t('seats.member'), dataIndex: 'memberName' },
    { key: 'assignedAt', title: t('seats.assignedAt'), dataIndex: 'assignedAt', render: formatDateTime },
    { key: 'until', title: t('seats.takeBackUntil'), dataIndex: 'takeBackUntil', render: formatDateTime },
    {
      key: 'actions',
      title: t('common:columns.actions'),
      render: (_, s) =>
        Date.parse(s.takeBackUntil) > now ? (
          <Popconfirm title={t('seats.takeBack')} onConfirm={() => takeBack.mutate(s.memberId)}>
            <Button type="link" danger size="small">
              {t('seats.takeBack')}
            </Button>
          </Popconfirm>
        ) : (
          <Tag>{t('seats.locked')}</Tag>
        ),
    },
  ];

  const data = plan.data;
  return (
    <>
      <PageHeader title={t('seats.title')}>{t('seats.intro')}</PageHeader>
      <Flex vertical gap="middle">
        <SecurityFunctions />
        <Card loading={plan.isPending}>
          {data && (
            <Row gutter={[16, 16]}>
              <Col xs={24} sm={8}>
                <div data-testid="seats-bought">
                  <Statistic title={t('seats.bought')} value={data.seatsBought} />
                </div>
              </Col>
              <Col xs={24} sm={8}>
                <div data-testid="seats-used">
                  <Statistic title={t('seats.used')} value={data.seatsUsed} />
                </div>
              </Col>
              <Col xs={24} sm={8}>
                <Statistic title={t('seats.until')} value={data.activeUntil ? formatDate(data.activeUntil) : '—'} />
              </Col>
            </Row>
          )}
          {data && !data.active && <Alert type="warning" showIcon title={t('seats.inactive')} style={{ marginTop: 16 }} />}
        </Card>
        {me.roles.superAdmin && (
          <Card title={t('seats.buy')}>
            <Flex gap="small" align="center">
              <span>{t('seats.seats')}</span>
              <InputNumber min={1} max={100_000} value={seats} onChange={setSeats} aria-label={t('seats.seats')} />
              <Typography.Text type="secondary">{data ? t('seats.pricePerSeat', { price: yuan(data.seatPriceFen) }) : ''}</Typography.Text>
              <Button type="primary" loading={buy.isPending} disabled={!seats} onClick={() =>
                  seats &&
                  void confirmPayment({
                    quote: async () => ({ quote: (await api.get('/features/{feature}/quote', { params: { ...params, query: { seats } } })).quote, note: t('seats.buyHint') }),
                    pay: (quote) => buy.mutateAsync({ seats, quotedFen: quote.totalFen }),
                  })
                }
              >
                {t('seats.buy')}
              </Button>
            </Flex>
            <Typography.Text type="secondary">{t('seats.buyHint')}</Typography.Text>
          </Card>
        )}
        <Card title={t('seats.assign')}>
          <Flex gap="small" style={{ marginBottom: 12 }}>
            <Select showSearch optionFilterProp="label" style={{ width: 260 }} placeholder={t('seats.memberPlaceholder')} options={members.data} value={member} onChange={setMember} aria-label={t('seats.member')} />
            <Button type="primary" disabled={!member} loading={assign.isPending} onClick={() => member && assign.mutate(member)}>
              {t('seats.assign')}
            </Button>
          </Flex>
          <Table<Seat> rowKey="memberId" size="small" columns={columns} dataSource={data?.seats} pagination={false} />
        </Card>
      </Flex>
    </>
  );
}
