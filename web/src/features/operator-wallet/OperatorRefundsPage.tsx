import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Flex, Form, Input, InputNumber, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey, type Item, type Reply } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { yuan } from '../wallet/api';

type RefundRow = Item<Reply<'/operator/wallet/refunds'>['items']>;

const KEY = ['/operator/wallet/refunds'];

/** Unspent balance is refunded only here, by the operator, by hand (人工退款). */
export function OperatorRefundsPage() {
  const { t } = useTranslation('operatorWallet');
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [corpId, setCorpId] = useState('');
  const [form] = Form.useForm<{ amountYuan: number; reason: string }>();
  const wallet = useQuery({ queryKey: ['/operator/wallet/corps', corpId], queryFn: () => api.get('/operator/wallet/corps/{corpId}', { params: { path: { corpId } } }), enabled: corpId !== '' });
  const history = useQuery({ queryKey: KEY, queryFn: () => api.get('/operator/wallet/refunds'), select: (d) => d.items });
  const refund = useMutation({
    mutationFn: (v: { amountYuan: number; reason: string }) => api.post('/operator/wallet/corps/{corpId}/refunds', { params: { path: { corpId } }, body: { amountFen: Math.round(v.amountYuan * 100), reason: v.reason, idempotencyKey: newIdempotencyKey() } }),
    onSuccess: async () => {
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: KEY });
      await queryClient.invalidateQueries({ queryKey: ['/operator/wallet/corps', corpId] });
      void message.success(t('refunds.done'));
    },
  });
  // Money leaves the enterprise's balance: show the amount and the balance after, then ask.
  const confirmRefund = (v: { amountYuan: number; reason: string }) => {
    const amountFen = Math.round(v.amountYuan * 100);
    modal.confirm({
      title: t('refunds.confirmTitle'),
      okText: t('refunds.submit'),
      okButtonProps: { danger: true },
      content: (
        <Descriptions
          column={1}
          size="small"
          data-testid="refund-confirm"
          items={[
            { key: 'corp', label: t('refunds.corp'), children: wallet.data?.corpName },
            { key: 'amount', label: t('refunds.amount'), children: yuan(amountFen) },
            { key: 'after', label: t('refunds.balanceAfter'), children: yuan((wallet.data?.balanceFen ?? 0) - amountFen) },
          ]}
        />
      ),
      onOk: () => refund.mutateAsync(v).catch(() => undefined),
    });
  };
  const columns: TableColumnsType<RefundRow> = [
    { key: 'at', title: t('refunds.at'), dataIndex: 'at', render: formatDateTime },
    { key: 'corp', title: t('refunds.corp'), dataIndex: 'corpName' },
    { key: 'amount', title: t('refunds.amount'), dataIndex: 'amountFen', render: yuan },
    { key: 'reason', title: t('refunds.reason'), dataIndex: 'description' },
    { key: 'operator', title: t('refunds.operator'), dataIndex: 'operator' },
    { key: 'serialNo', title: t('refunds.serialNo'), dataIndex: 'serialNo' },
  ];
  return (
    <>
      <PageHeader title={t('refunds.title')}>{t('refunds.hint')}</PageHeader>
      <Flex vertical gap="middle">
        <Card>
          <Input.Search placeholder={t('refunds.corpId')} enterButton={t('refunds.lookup')} onSearch={(v) => setCorpId(v.trim())} style={{ maxWidth: 480 }} />
          <ErrorAlert error={wallet.error ?? refund.error} />
          {wallet.data && (
            <>
              <Descriptions column={1} style={{ marginTop: 16 }}>
                <Descriptions.Item label={t('refunds.corp')}>{wallet.data.corpName}</Descriptions.Item>
                <Descriptions.Item label={t('refunds.balance')}>{yuan(wallet.data.balanceFen)}</Descriptions.Item>
              </Descriptions>
              <Form form={form} layout="inline" onFinish={confirmRefund}>
                <Form.Item name="amountYuan" label={t('refunds.amount')} rules={[{ required: true }]}>
                  <InputNumber min={0.01} precision={2} />
                </Form.Item>
                <Form.Item name="reason" label={t('refunds.reason')} rules={[{ required: true }]}>
                  <Input maxLength={200} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={refund.isPending}>
                  {t('refunds.submit')}
                </Button>
              </Form>
            </>
          )}
        </Card>
        <Card title={t('refunds.history')}>
          <Table<RefundRow> rowKey={(row) => `${row.corpId}:${row.serialNo}`} size="small" columns={columns} dataSource={history.data ?? []} />
        </Card>
      </Flex>
    </>
  );
}
