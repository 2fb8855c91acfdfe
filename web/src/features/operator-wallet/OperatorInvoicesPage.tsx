import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type Item, type Reply } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useNotifyError } from '../../hooks/useNotifyError';
import { yuan } from '../wallet/api';

type InvoiceRequest = Item<Reply<'/operator/wallet/invoices'>['items']>;

const KEY = ['/operator/wallet/invoices'];

/** Invoice requests waiting for the operator to issue them. */
export function OperatorInvoicesPage() {
  const { t } = useTranslation(['operatorWallet', 'common']);
  const queryClient = useQueryClient();
  const notifyError = useNotifyError();
  const requests = useQuery({ queryKey: KEY, queryFn: () => api.get('/operator/wallet/invoices'), select: (d) => d.items });
  const issue = useMutation({
    mutationFn: (r: InvoiceRequest) => api.post('/operator/wallet/invoices/{corpId}/{invoiceId}/issue', { params: { path: { corpId: r.corpId, invoiceId: r.id } } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
    onError: notifyError,
  });
  const columns: TableColumnsType<InvoiceRequest> = [
    { key: 'corp', title: t('invoices.corp'), dataIndex: 'corpName' },
    { key: 'title', title: t('invoices.titleCol'), dataIndex: 'title' },
    { key: 'type', title: t('invoices.type'), dataIndex: 'type', render: (v: InvoiceRequest['type']) => t(`invoices.types.${v}`) },
    { key: 'amount', title: t('invoices.amount'), dataIndex: 'amountFen', render: yuan },
    { key: 'tax', title: t('invoices.tax'), dataIndex: 'taxFen', render: yuan },
    { key: 'createdAt', title: t('invoices.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    {
      key: 'actions',
      title: t('common:columns.actions'),
      render: (_, row) => (
        <Button type="link" size="small" onClick={() => issue.mutate(row)}>
          {t('invoices.issue')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('invoices.title')} />
      <ErrorAlert error={requests.error} />
      <Table<InvoiceRequest> rowKey="id" size="small" columns={columns} dataSource={requests.data ?? []} loading={requests.isLoading} />
    </>
  );
}
