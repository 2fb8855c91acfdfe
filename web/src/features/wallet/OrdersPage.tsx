import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Flex, Form, InputNumber, Popconfirm, Radio, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, newIdempotencyKey, type Body } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useNotifyError } from '../../hooks/useNotifyError';
import { useCatalog, useItemName, walletKey, yuan, type Invoice, type Order } from './api';
import { usePaymentConfirmation } from './usePaymentConfirmation';

type InvoiceType = Invoice['type'];
const INVOICE_TYPES: InvoiceType[] = ['electronic_ordinary', 'electronic_special'];

/** 企业订单: the orders with the pending count; pay with the balance or online; refund; invoices. */
export function OrdersPage() {
  const { t, i18n } = useTranslation('wallet');
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const catalog = useCatalog();
  const orders = useQuery({ queryKey: ['/wallet/orders'], queryFn: () => api.get('/wallet/orders', { params: { query: { limit: 200 } } }) });
  const invoices = useQuery({ queryKey: ['/wallet/invoices'], queryFn: () => api.get('/wallet/invoices'), select: (d) => d.items });
  const [creating, setCreating] = useState(false);
  const [invoicing, setInvoicing] = useState<{ orderId?: string } | null>(null);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['/wallet/orders'] });
    await queryClient.invalidateQueries({ queryKey: ['/wallet/invoices'] });
    await queryClient.invalidateQueries({ queryKey: walletKey });
  };
  const payBalance = useMutation({ mutationFn: (id: string) => api.post('/wallet/orders/{orderId}/pay', { params: { path: { orderId: id } }, body: { method: 'balance', idempotencyKey: newIdempotencyKey() } }), onSuccess: refresh, onError: notifyError });
  const confirmPayment = usePaymentConfirmation();
  /** An order is its own quote: its amount was fixed by the server when it was made. */
  const confirmPayBalance = (o: Order) =>
    confirmPayment({
      quote: async () => {
        const { balanceFen } = await api.get('/wallet');
        const unitFen = catalog.data?.find((i) => i.key === o.item)?.unitFen ?? o.amountFen;
        return { quote: { item: o.item, quantity: o.quantity, unitFen, totalFen: o.amountFen, validUntil: null, balanceFen, balanceAfterFen: balanceFen - o.amountFen } };
      },
      pay: () => payBalance.mutateAsync(o.id),
    });
  const payOnline = useMutation({
    mutationFn: (id: string) => api.post('/wallet/orders/{orderId}/pay', { params: { path: { orderId: id } }, body: { method: 'channel', channel: 'wechat_pay' } }),
    // A channel payment always opens a top-up (null only for balance payments).
    onSuccess: (r) => (r.topup ? navigate(`/wallet/pay/${r.topup.id}`) : undefined),
    onError: notifyError,
  });
  const refund = useMutation({
    mutationFn: (id: string) => api.post('/wallet/orders/{orderId}/refund', { params: { path: { orderId: id } }, body: { idempotencyKey: newIdempotencyKey(), reason: 'console' } }),
    onSuccess: async () => {
      await refresh();
      void message.success(t('orders.status.refunded'));
    },
    onError: notifyError,
  });
  const itemName = useItemName();
  const payable = (key: string) => catalog.data?.find((i) => i.key === key)?.balancePayable ?? false;

  const columns: TableColumnsType<Order> = [
    { key: 'createdAt', title: t('orders.columns.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    { key: 'description', title: t('orders.columns.description'), render: (_, o) => t('ledger.describe.item', { item: itemName(o.item), quantity: o.quantity }) },
    { key: 'amount', title: t('orders.columns.amount'), dataIndex: 'amountFen', render: yuan },
    { key: 'status', title: t('orders.columns.status'), dataIndex: 'status', render: (s: Order['status']) => <Tag color={s === 'pending' ? 'orange' : s === 'paid' ? 'green' : undefined}>{t(`orders.status.${s}`)}</Tag> },
    { key: 'paidBy', title: t('orders.columns.paidBy'), dataIndex: 'paidBy', render: (p: Order['paidBy']) => (p ? t(`orders.paidBy.${p}`) : '') },
    {
      key: 'actions',
      title: t('orders.columns.actions'),
      render: (_, o) => (
        <Space size={0}>
          {o.actions.includes('pay') && (
            <Button type="link" size="small" disabled={!payable(o.item)} title={payable(o.item) ? undefined : t('orders.notBalancePayable')} onClick={() => void confirmPayBalance(o)}>
              {t('orders.payBalance')}
            </Button>
          )}
          {o.actions.includes('pay') && (
            <Button type="link" size="small" onClick={() => payOnline.mutate(o.id)}>
              {t('orders.payChannel')}
            </Button>
          )}
          {o.status === 'paid' && o.paidBy === 'balance' && (
            <Button type="link" size="small" onClick={() => setInvoicing({ orderId: o.id })}>
              {t('orders.invoice')}
            </Button>
          )}
          {o.actions.includes('refund') && (
            <Popconfirm title={t('orders.refundConfirm', { amount: yuan(o.amountFen) })} onConfirm={() => refund.mutate(o.id)}>
              <Button type="link" size="small" danger>
                {t('orders.refund')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
  const invoiceColumns: TableColumnsType<Invoice> = [
    { key: 'createdAt', title: t('orders.columns.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    { key: 'title', title: t('orders.columns.title'), dataIndex: 'title' },
    { key: 'type', title: t('orders.invoiceType'), dataIndex: 'type', render: (v: InvoiceType) => t(`orders.invoiceTypes.${v}`) },
    { key: 'amount', title: t('orders.columns.amount'), dataIndex: 'amountFen', render: yuan },
    { key: 'tax', title: t('orders.columns.tax'), dataIndex: 'taxFen', render: yuan },
    { key: 'status', title: t('orders.columns.status'), dataIndex: 'status', render: (s: Invoice['status']) => t(`orders.status.${s}`) },
    { key: 'invoiceNo', title: t('orders.columns.invoiceNo'), dataIndex: 'invoiceNo' },
  ];

  return (
    <>
      <PageHeader
        title={t('orders.title')}
        extra={
          <Space>
            <Button onClick={() => setInvoicing({})}>{t('orders.invoiceRange')}</Button>
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('orders.create')}
            </Button>
          </Space>
        }
      >
        {t('orders.pending', { count: orders.data?.pendingCount ?? 0 })}
      </PageHeader>
      <Flex vertical gap="middle">
        <ErrorAlert error={orders.error} />
        <Card>
          <Table<Order> rowKey="id" size="small" columns={columns} dataSource={orders.data?.items ?? []} loading={orders.isLoading} />
        </Card>
        <Card title={t('orders.invoices')}>
          <Table<Invoice> rowKey="id" size="small" columns={invoiceColumns} dataSource={invoices.data ?? []} />
        </Card>
      </Flex>
      <FormModal<Body<'/wallet/orders', 'post'>>
        open={creating}
        title={t('orders.create')}
        initialValues={{ quantity: 1 }}
        onClose={() => setCreating(false)}
        onSubmit={async (v) => {
          await api.post('/wallet/orders', { body: v });
          await refresh();
        }}
      >
        <Form.Item name="item" label={t('orders.item')} rules={[{ required: true }]}>
          <Select options={(catalog.data ?? []).map((i) => ({ value: i.key, label: `${itemName(i.key)} · ${yuan(i.unitFen)}/${i18n.language === 'en' ? i.unit.en : i.unit.zh}` }))} />
        </Form.Item>
        <Form.Item name="quantity" label={t('orders.quantity')} rules={[{ required: true }]}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
      <FormModal<{ type: InvoiceType; range?: [{ toISOString(): string }, { toISOString(): string }] }>
        open={invoicing !== null}
        title={t('orders.invoice')}
        initialValues={{ type: 'electronic_ordinary' }}
        onClose={() => setInvoicing(null)}
        onSubmit={async (v) => {
          const idempotencyKey = newIdempotencyKey();
          const body: Body<'/wallet/invoices', 'post'> = invoicing?.orderId
            ? { basis: 'order', orderId: invoicing.orderId, type: v.type, idempotencyKey }
            : { basis: 'range', from: v.range![0].toISOString(), to: v.range![1].toISOString(), type: v.type, idempotencyKey };
          await api.post('/wallet/invoices', { body });
          await refresh();
        }}
      >
        <Typography.Paragraph type="secondary">{t('orders.invoiceHint')}</Typography.Paragraph>
        <Form.Item name="type" label={t('orders.invoiceType')} rules={[{ required: true }]}>
          <Radio.Group options={INVOICE_TYPES.map((v) => ({ value: v, label: t(`orders.invoiceTypes.${v}`) }))} />
        </Form.Item>
        {!invoicing?.orderId && (
          <Form.Item name="range" label={t('ledger.range')} rules={[{ required: true }]}>
            <DatePicker.RangePicker showTime />
          </Form.Item>
        )}
      </FormModal>
    </>
  );
}
