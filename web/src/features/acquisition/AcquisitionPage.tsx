import { PlusOutlined, QrcodeOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Flex, Form, Input, InputNumber, Popconfirm, Popover, QRCode, Row, Select, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey, type Body, type Item, type Reply } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useNotifyError } from '../../hooks/useNotifyError';
import { useActiveMembers } from '../customers/api';
import { usePaymentConfirmation } from '../wallet/usePaymentConfirmation';

type Pack = Item<Reply<'/acquisition/usage'>['packs']>;
type Link = Item<Reply<'/acquisition/links'>['items']>;

export function AcquisitionPage() {
  const { t } = useTranslation(['customers', 'common']);
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const usage = useQuery({ queryKey: ['/acquisition/usage'], queryFn: () => api.get('/acquisition/usage'), retry: false });
  const links = useQuery({ queryKey: ['/acquisition/links'], queryFn: () => api.get('/acquisition/links'), select: (d) => d.items });
  const members = useActiveMembers();
  const [creating, setCreating] = useState(false);
  const [units, setUnits] = useState<number | null>(100);
  const confirmPayment = usePaymentConfirmation();
  const refresh = () => queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('/acquisition') });

  const buy = useMutation({
    mutationFn: (input: { units: number; quotedFen: number }) => api.post('/acquisition/packs', { body: { ...input, idempotencyKey: newIdempotencyKey() } }),
    onSuccess: async () => {
      await refresh();
      void message.success(t('acquisition.bought'));
    },
    onError: notifyError,
  });
  const remove = useMutation({ mutationFn: (id: string) => api.delete('/acquisition/links/{linkId}', { params: { path: { linkId: id } } }), onSuccess: refresh, onError: notifyError });

  const linkColumns: TableColumnsType<Link> = [
    { key: 'name', title: t('acquisition.linkName'), dataIndex: 'name' },
    { key: 'members', title: t('acquisition.members'), render: (_, l) => l.members.map((m) => m.name).join('、') },
    {
      key: 'url',
      title: t('acquisition.url'),
      render: (_, l) => (
        <Flex gap={8} align="center">
          <Popover trigger="click" content={<QRCode value={l.url} data-testid="link-qr" />}>
            <Button size="small" icon={<QrcodeOutlined />} aria-label={t('acquisition.qr')} />
          </Popover>
          <Typography.Text copyable={{ tooltips: [t('acquisition.copy'), t('acquisition.copied')] }} code data-testid="link-url">
            {l.url}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'createdAt', title: t('common:columns.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    {
      key: 'actions',
      title: t('common:columns.actions'),
      render: (_, l) => (
        <Popconfirm title={t('acquisition.delete')} onConfirm={() => remove.mutate(l.id)}>
          <Button type="link" danger size="small">
            {t('acquisition.delete')}
          </Button>
        </Popconfirm>
      ),
    },
  ];
  const packColumns: TableColumnsType<Pack> = [
    { key: 'units', title: t('acquisition.units'), dataIndex: 'units' },
    { key: 'remaining', title: t('acquisition.remaining'), dataIndex: 'remaining' },
    { key: 'purchasedAt', title: t('acquisition.purchasedAt'), dataIndex: 'purchasedAt', render: formatDateTime },
    { key: 'expiresAt', title: t('acquisition.expiresAt'), render: (_, p) => (p.expired ? <Tag>{t('acquisition.expired')}</Tag> : formatDateTime(p.expiresAt)) },
  ];

  const auto = usage.data?.autoDeduct;
  return (
    <>
      <PageHeader
        title={t('acquisition.title')}
        extra={
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('acquisition.newLink')}
          </Button>
        }
      >
        {t('acquisition.intro')}
      </PageHeader>
      <Flex vertical gap="middle">
        <Card loading={usage.isPending}>
          <ErrorAlert error={usage.error} />
          {usage.data && (
            <Row gutter={[16, 16]}>
              <Col xs={12} md={6}>
                <Statistic title={t('acquisition.todayNew')} value={usage.data.todayNew} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('acquisition.totalNew')} value={usage.data.totalNew} />
              </Col>
              <Col xs={12} md={6}>
                <div data-testid="units-left">
                  <Statistic title={t('acquisition.unitsLeft')} value={usage.data.unitsLeft} />
                </div>
              </Col>
              <Col xs={12} md={6}>
                <Statistic
                  title={t('acquisition.autoDeduct')}
                  value={auto?.offered ? (auto.on ? t('acquisition.autoOn') : t('acquisition.autoOff')) : t('acquisition.autoNotOffered')}
                  valueStyle={{ fontSize: 16 }}
                />
                <Typography.Text type="secondary">{t('acquisition.autoHint')}</Typography.Text>
              </Col>
            </Row>
          )}
        </Card>
        <Card title={t('acquisition.links')}>
          <ErrorAlert error={links.error} />
          <Table<Link> rowKey="id" size="small" columns={linkColumns} dataSource={links.data} loading={links.isPending} pagination={false} />
        </Card>
        <Card title={t('acquisition.packs')}>
          <Flex vertical gap="small">
            <Typography.Text type="secondary">{t('acquisition.packHint')}</Typography.Text>
            <Flex gap="small" align="center">
              <span>{t('acquisition.buyPack')}</span>
              <InputNumber min={1} max={1_000_000} value={units} onChange={setUnits} aria-label={t('acquisition.units')} />
              <Button type="primary" loading={buy.isPending} disabled={!units} onClick={() =>
                  units &&
                  void confirmPayment({
                    quote: async () => ({ quote: await api.get('/acquisition/packs/quote', { params: { query: { units } } }) }),
                    pay: (quote) => buy.mutateAsync({ units, quotedFen: quote.totalFen }),
                  })
                }
              >
                {t('acquisition.buy')}
              </Button>
            </Flex>
            <Table<Pack> rowKey="id" size="small" columns={packColumns} dataSource={usage.data?.packs} pagination={false} />
          </Flex>
        </Card>
      </Flex>
      <FormModal<Body<'/acquisition/links', 'post'>>
        open={creating}
        title={t('acquisition.newLink')}
        onClose={() => setCreating(false)}
        onSubmit={async (values) => {
          await api.post('/acquisition/links', { body: values });
          await refresh();
        }}
      >
        <Form.Item name="name" label={t('acquisition.linkName')} rules={[{ required: true, max: 40 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="memberIds" label={t('acquisition.members')} rules={[{ required: true }]}>
          <Select mode="multiple" options={members.data} loading={members.isPending} optionFilterProp="label" />
        </Form.Item>
      </FormModal>
    </>
  );
}
