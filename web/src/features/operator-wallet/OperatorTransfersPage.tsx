import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, InputNumber, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Item, type Reply } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { yuan } from '../wallet/api';

type PendingTransfer = Item<Reply<'/operator/wallet/bank-transfers'>['items']>;

const KEY = ['/operator/wallet/bank-transfers'];

/** The operator confirms bank transfers by hand or by importing a bank statement. */
export function OperatorTransfersPage() {
  const { t } = useTranslation(['operatorWallet', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const transfers = useQuery({ queryKey: KEY, queryFn: () => api.get('/operator/wallet/bank-transfers'), select: (d) => d.items });
  const [confirming, setConfirming] = useState<PendingTransfer | null>(null);
  const [csv, setCsv] = useState('');
  const importStatement = useMutation({
    mutationFn: () => api.post('/operator/wallet/bank-statements', { body: { csv } }),
    onSuccess: async (r) => {
      await queryClient.invalidateQueries({ queryKey: KEY });
      const ok = r.lines.filter((l) => l.outcome.confirmed).length;
      void message.info(t('transfers.importResult', { ok, failed: r.lines.length - ok }));
    },
  });
  const columns: TableColumnsType<PendingTransfer> = [
    { key: 'corp', title: t('transfers.corp'), dataIndex: 'corpName' },
    { key: 'code', title: t('transfers.code'), dataIndex: 'code' },
    { key: 'amount', title: t('transfers.amount'), dataIndex: 'amountFen', render: yuan },
    { key: 'reason', title: t('transfers.reason'), dataIndex: 'pendingReason' },
    { key: 'createdAt', title: t('transfers.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    {
      key: 'actions',
      title: t('common:columns.actions'),
      render: (_, row) => (
        <Button type="link" size="small" onClick={() => setConfirming(row)}>
          {t('transfers.confirm')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('transfers.title')}>{t('transfers.hint')}</PageHeader>
      <Flex vertical gap="middle">
        <ErrorAlert error={transfers.error} />
        <Table<PendingTransfer> rowKey="topupId" size="small" columns={columns} dataSource={transfers.data ?? []} loading={transfers.isLoading} />
        <Card title={t('transfers.import')}>
          <ErrorAlert error={importStatement.error} />
          <Input.TextArea rows={5} placeholder={t('transfers.csv')} value={csv} onChange={(e) => setCsv(e.target.value)} />
          <Button style={{ marginTop: 8 }} disabled={!csv.trim()} loading={importStatement.isPending} onClick={() => importStatement.mutate()}>
            {t('transfers.import')}
          </Button>
        </Card>
      </Flex>
      <FormModal<{ amountYuan: number; payerName: string }>
        open={confirming !== null}
        title={t('transfers.confirm')}
        initialValues={{ amountYuan: (confirming?.amountFen ?? 0) / 100 }}
        onClose={() => setConfirming(null)}
        onSubmit={async (v) => {
          try {
            await api.post('/operator/wallet/bank-transfers/confirm', { body: { code: confirming!.code, amountFen: Math.round(v.amountYuan * 100), payerName: v.payerName } });
            void message.success(t('transfers.confirmed'));
          } finally {
            await queryClient.invalidateQueries({ queryKey: KEY });
          }
        }}
      >
        <Form.Item name="amountYuan" label={t('transfers.amount')} rules={[{ required: true }]}>
          <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="payerName" label={t('transfers.payerName')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
      </FormModal>
    </>
  );
}
